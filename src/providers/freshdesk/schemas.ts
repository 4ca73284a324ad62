import * as z from 'zod';

// Raw Freshdesk API v2 shapes: only the fields csr reads (https://developers.freshdesk.com/api/). Anything optional in
// some account or endpoint (search results carry no `stats`, list results no `description` unless included) is
// nullish here; a field csr cannot do without (ids, status, times) fails loudly.

/** A timestamp in any ISO 8601 form Freshdesk sends (`Z` or `+05:30`), normalised to UTC `…Z`. */
const timestamp = z
	.string()
	.refine((value) => !Number.isNaN(Date.parse(value)), {message: 'expected an ISO 8601 date-time'})
	.transform((value) => new Date(Date.parse(value)).toISOString());

const id = z.number().int();

export const freshdeskAttachment = z.object({
	id: id.nullish(),
	name: z.string(),
	content_type: z.string().nullish(),
	// `file_size` on tickets and conversations; some endpoints say `size`.
	file_size: z.number().nullish(),
	size: z.number().nullish(),
	attachment_url: z.string().nullish(),
});
export type FreshdeskAttachment = z.infer<typeof freshdeskAttachment>;

/** `include=stats`: the clock of a ticket (KPIs). */
export const freshdeskStats = z.object({
	agent_responded_at: timestamp.nullish(),
	requester_responded_at: timestamp.nullish(),
	first_responded_at: timestamp.nullish(),
	status_updated_at: timestamp.nullish(),
	reopened_at: timestamp.nullish(),
	resolved_at: timestamp.nullish(),
	closed_at: timestamp.nullish(),
	pending_since: timestamp.nullish(),
});
export type FreshdeskStats = z.infer<typeof freshdeskStats>;

/** `include=requester`: id, name, email, mobile, phone. */
export const freshdeskRequester = z.object({
	id,
	name: z.string().nullish(),
	email: z.string().nullish(),
});

export const freshdeskTicket = z.object({
	id,
	subject: z.string().nullish(),
	/** 2 open, 3 pending, 4 resolved, 5 closed; custom statuses are larger numbers. */
	status: z.number().int(),
	/** 1 low, 2 medium, 3 high, 4 urgent. */
	priority: z.number().int().nullish(),
	source: z.number().int().nullish(),
	requester_id: id.nullish(),
	responder_id: id.nullish(),
	group_id: id.nullish(),
	company_id: id.nullish(),
	tags: z.array(z.string()).nullish(),
	created_at: timestamp,
	updated_at: timestamp,
	due_by: timestamp.nullish(),
	fr_due_by: timestamp.nullish(),
	is_escalated: z.boolean().nullish(),
	fr_escalated: z.boolean().nullish(),
	description: z.string().nullish(),
	description_text: z.string().nullish(),
	attachments: z.array(freshdeskAttachment).nullish(),
	stats: freshdeskStats.nullish(),
	requester: freshdeskRequester.nullish(),
	company: z.object({id, name: z.string().nullish()}).nullish(),
});
export type FreshdeskTicket = z.infer<typeof freshdeskTicket>;

export const ticketList = z.array(freshdeskTicket);

/** `GET /api/v2/search/tickets`: 30 a page, pages 1–10. */
export const searchResponse = z.object({total: z.number().int(), results: z.array(freshdeskTicket)});

export const freshdeskConversation = z.object({
	id,
	body: z.string().nullish(),
	body_text: z.string().nullish(),
	/** true: from the customer. */
	incoming: z.boolean(),
	/** true: an internal note. */
	private: z.boolean(),
	user_id: id.nullish(),
	/** 0 reply, 2 note, 5 tweet, 6 survey feedback, 7 Facebook, 8 forwarded email, 9 phone, 10 mobihelp, 11 e-commerce. */
	source: z.number().int().nullish(),
	ticket_id: id.nullish(),
	from_email: z.string().nullish(),
	created_at: timestamp,
	attachments: z.array(freshdeskAttachment).nullish(),
});
export type FreshdeskConversation = z.infer<typeof freshdeskConversation>;

export const conversationList = z.array(freshdeskConversation);

export const freshdeskAgent = z.object({
	id,
	contact: z.object({name: z.string().nullish(), email: z.string().nullish()}),
});
export type FreshdeskAgent = z.infer<typeof freshdeskAgent>;

export const agentList = z.array(freshdeskAgent);

export const freshdeskGroup = z.object({id, name: z.string()});
export type FreshdeskGroup = z.infer<typeof freshdeskGroup>;

export const groupList = z.array(freshdeskGroup);

export const freshdeskContact = z.object({
	id,
	name: z.string().nullish(),
	email: z.string().nullish(),
	language: z.string().nullish(),
});
export type FreshdeskContact = z.infer<typeof freshdeskContact>;

/** `GET /api/v2/contacts` (a bare array, `_updated_since`, 100 a page at most, `link` paging). */
export const contactList = z.array(freshdeskContact);

/**
 * `GET /api/v2/ticket_fields`: only the status field matters, whose `choices` map a status number to its labels
 * (`{"2": ["Open", "Being Processed"], …}`: agent label first). The shape is not pinned down in the material csr was
 * built from, so anything else is ignored rather than refused.
 */
export const ticketFieldList = z.array(
	z.object({name: z.string().nullish(), type: z.string().nullish(), choices: z.unknown().optional()}),
);

export const bulkUpdateResponse = z.object({job_id: z.string()});

export const jobResponse = z.object({
	status: z.string().nullish(),
	data: z
		.array(
			z.object({
				id: z.union([id, z.string()]),
				success: z.boolean(),
				error: z.unknown().optional(),
			}),
		)
		.nullish(),
});
export type FreshdeskJob = z.infer<typeof jobResponse>;

export const freshdeskRating = z.object({
	id,
	ticket_id: id.nullish(),
	user_id: id.nullish(),
	feedback: z.string().nullish(),
	/** Question id → answer; `default_question` is the survey's main question (103 … -103). */
	ratings: z.record(z.string(), z.number()).nullish(),
	created_at: timestamp,
});
export type FreshdeskRating = z.infer<typeof freshdeskRating>;

export const ratingList = z.array(freshdeskRating);

/** A solution (knowledge-base) article; `status` 1 is a draft, 2 published. */
export const freshdeskSolutionArticle = z.object({
	id,
	title: z.string(),
	description: z.string().nullish(),
	status: z.number().int().nullish(),
	folder_id: id.nullish(),
});
/** `/api/v2/search/solutions` answers a bare array. */
export const solutionArticleList = z.array(freshdeskSolutionArticle);
