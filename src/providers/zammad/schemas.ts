import * as z from 'zod';

// Raw Zammad REST API v1 shapes (https://docs.zammad.org/en/latest/api/intro.html): only the fields csr reads. Ids
// are always there; with `expand=true` Zammad adds the names (`state`, `priority`, `group`, `owner`, `customer`) next
// to them, so those are optional. Anything csr cannot do without (ids, times) fails loudly.

/** Zammad sends `2021-11-08T14:17:41.913Z`; normalised to UTC `…Z`. */
const timestamp = z
	.string()
	.refine((value) => !Number.isNaN(Date.parse(value)), {message: 'expected an ISO 8601 date-time'})
	.transform((value) => new Date(Date.parse(value)).toISOString());

const id = z.number().int();
const minutes = z.number().nullish();

export const zammadTicket = z.object({
	id,
	number: z.union([z.string(), z.number()]).transform(String),
	title: z.string().nullish(),
	state_id: id,
	priority_id: id.nullish(),
	group_id: id.nullish(),
	/** 1 is Zammad's system user: nobody. */
	owner_id: id.nullish(),
	customer_id: id.nullish(),
	organization_id: id.nullish(),
	create_article_type_id: id.nullish(),
	article_count: z.number().int().nullish(),
	pending_time: timestamp.nullish(),
	first_response_at: timestamp.nullish(),
	first_response_escalation_at: timestamp.nullish(),
	first_response_in_min: minutes,
	first_response_diff_in_min: minutes,
	close_at: timestamp.nullish(),
	close_escalation_at: timestamp.nullish(),
	close_in_min: minutes,
	close_diff_in_min: minutes,
	update_escalation_at: timestamp.nullish(),
	update_diff_in_min: minutes,
	escalation_at: timestamp.nullish(),
	last_contact_agent_at: timestamp.nullish(),
	last_contact_customer_at: timestamp.nullish(),
	last_close_at: timestamp.nullish(),
	created_at: timestamp,
	updated_at: timestamp,
	// expand=true
	state: z.string().nullish(),
	priority: z.string().nullish(),
	group: z.string().nullish(),
	create_article_type: z.string().nullish(),
});
export type ZammadTicket = z.infer<typeof zammadTicket>;

export const ticketList = z.array(zammadTicket);

/** Attachment entries of an article. Not in the documented examples (all empty): the fields are read leniently. */
export const zammadAttachment = z.object({
	id: id.nullish(),
	filename: z.string(),
	size: z.union([z.string(), z.number()]).nullish(),
	preferences: z.record(z.string(), z.unknown()).nullish(),
});
export type ZammadAttachment = z.infer<typeof zammadAttachment>;

export const zammadArticle = z.object({
	id,
	ticket_id: id,
	type: z.string().nullish(),
	sender: z.string().nullish(),
	internal: z.boolean(),
	from: z.string().nullish(),
	to: z.string().nullish(),
	content_type: z.string().nullish(),
	body: z.string().nullish(),
	created_by_id: id.nullish(),
	created_by: z.string().nullish(),
	created_at: timestamp,
	attachments: z.array(zammadAttachment).nullish(),
});
export type ZammadArticle = z.infer<typeof zammadArticle>;

export const articleList = z.array(zammadArticle);

export const zammadUser = z.object({
	id,
	login: z.string().nullish(),
	firstname: z.string().nullish(),
	lastname: z.string().nullish(),
	email: z.string().nullish(),
	organization_id: id.nullish(),
	active: z.boolean().nullish(),
	preferences: z.object({locale: z.string().nullish()}).loose().nullish(),
});
export type ZammadUser = z.infer<typeof zammadUser>;

export const zammadState = z.object({
	id,
	name: z.string(),
	state_type_id: id,
	active: z.boolean().nullish(),
});
export type ZammadState = z.infer<typeof zammadState>;
export const stateList = z.array(zammadState);

export const zammadPriority = z.object({id, name: z.string(), active: z.boolean().nullish()});
export type ZammadPriority = z.infer<typeof zammadPriority>;
export const priorityList = z.array(zammadPriority);

export const zammadGroup = z.object({
	id,
	name: z.string(),
	active: z.boolean().nullish(),
	user_ids: z.array(id).nullish(),
});
export type ZammadGroup = z.infer<typeof zammadGroup>;
export const groupList = z.array(zammadGroup);

export const zammadOrganization = z.object({id, name: z.string().nullish()});

export const tagsResponse = z.object({tags: z.array(z.string())});

/** `GET /api/v1/ticket_overviews`: the agent's queues. */
export const overviewList = z.array(
	z.object({id: id.nullish(), name: z.string(), link: z.string(), count: z.number().int().nullish()}),
);

/**
 * `GET /api/v1/ticket_overviews?view=SLUG`: `index.tickets` holds `{id, updated_at}` in overview order and the tickets
 * themselves are in `assets.Ticket[id]`. An unknown slug answers 200 with an empty body (null here).
 */
export const overviewView = z
	.object({
		assets: z
			.object({Ticket: z.record(z.string(), z.unknown()).nullish()})
			.loose()
			.nullish(),
		index: z
			.object({
				tickets: z.array(z.object({id})).nullish(),
				count: z.number().int().nullish(),
			})
			.loose()
			.nullish(),
	})
	.nullable();
