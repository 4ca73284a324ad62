import * as z from 'zod';

// Raw Help Scout Mailbox API 2.0 shapes (HAL+JSON: lists under `_embedded`, paging in `page`), only the fields csr
// reads (https://developer.helpscout.com/mailbox-api/). People embedded in a conversation carry some of id, first,
// last, email; all but the id are optional here.

const timestamp = z
	.string()
	.refine((value) => !Number.isNaN(Date.parse(value)), {message: 'expected an ISO 8601 date-time'})
	.transform((value) => new Date(Date.parse(value)).toISOString());

const id = z.number().int();

export const hsPerson = z.object({
	id: id.nullish(),
	type: z.string().nullish(),
	first: z.string().nullish(),
	last: z.string().nullish(),
	email: z.string().nullish(),
	// The PHP client's thread payload puts the thread's time inside createdBy.
	createdAt: timestamp.nullish(),
});
export type HsPerson = z.infer<typeof hsPerson>;

export const hsAttachment = z.object({
	id: id.nullish(),
	filename: z.string().nullish(),
	mimeType: z.string().nullish(),
	size: z.number().nullish(),
	_links: z
		.object({web: z.object({href: z.string()}).nullish()})
		.loose()
		.nullish(),
});

export const hsThread = z.object({
	id,
	/** customer, reply, note, chat, phone, lineitem (a system event), forwardparent, … */
	type: z.string(),
	/** published, draft, underReview, hidden. */
	state: z.string().nullish(),
	body: z.string().nullish(),
	source: z.object({type: z.string().nullish(), via: z.string().nullish()}).nullish(),
	createdBy: hsPerson.nullish(),
	customer: hsPerson.nullish(),
	createdAt: timestamp.nullish(),
	_embedded: z
		.object({attachments: z.array(hsAttachment).nullish()})
		.loose()
		.nullish(),
});
export type HsThread = z.infer<typeof hsThread>;

export const hsConversation = z.object({
	id,
	number: id.nullish(),
	type: z.string().nullish(),
	folderId: id.nullish(),
	/** active, pending, closed, spam. */
	status: z.string(),
	state: z.string().nullish(),
	subject: z.string().nullish(),
	preview: z.string().nullish(),
	mailboxId: id.nullish(),
	assignee: hsPerson.nullish(),
	createdBy: hsPerson.nullish(),
	createdAt: timestamp,
	/** The user who closed it (a user id; 0 or absent when nobody did, e.g. a workflow). */
	closedBy: id.nullish(),
	closedAt: timestamp.nullish(),
	userUpdatedAt: timestamp.nullish(),
	customerWaitingSince: z.object({time: timestamp.nullish(), latestReplyFrom: z.string().nullish()}).loose().nullish(),
	tags: z.array(z.object({id: id.nullish(), tag: z.string()}).loose()).nullish(),
	primaryCustomer: hsPerson.nullish(),
	_embedded: z
		.object({threads: z.array(hsThread).nullish()})
		.loose()
		.nullish(),
});
export type HsConversation = z.infer<typeof hsConversation>;

const hsPage = z.object({
	size: z.number().int().nullish(),
	totalElements: z.number().int().nullish(),
	totalPages: z.number().int().nullish(),
	number: z.number().int().nullish(),
});

/** A HAL page: `_embedded` is absent when the page is empty. */
export function halPage<Item extends z.ZodType>(key: string, item: Item) {
	return z.object({
		_embedded: z
			.object({[key]: z.array(item).nullish()})
			.loose()
			.nullish(),
		page: hsPage.nullish(),
		_links: z
			.object({next: z.object({href: z.string()}).nullish()})
			.loose()
			.nullish(),
	});
}

export const conversationPage = halPage('conversations', hsConversation);
export const threadPage = halPage('threads', hsThread);

export const hsUser = z.object({
	id,
	firstName: z.string().nullish(),
	lastName: z.string().nullish(),
	email: z.string().nullish(),
});
export type HsUser = z.infer<typeof hsUser>;
export const userPage = halPage('users', hsUser);

export const hsMailbox = z.object({id, name: z.string(), email: z.string().nullish()});
export type HsMailbox = z.infer<typeof hsMailbox>;
export const mailboxPage = halPage('mailboxes', hsMailbox);

export const hsFolder = z.object({id, name: z.string(), type: z.string().nullish()});
export const folderPage = halPage('folders', hsFolder);

/**
 * `GET /v2/reports/happiness/ratings` (Plus and Pro plans). The item shape is from Help Scout's report documentation,
 * not from a captured payload: read leniently.
 */
export const hsRating = z
	.object({
		id: id.nullish(),
		number: id.nullish(),
		ratingId: id.nullish(),
		rating: z.string().nullish(),
		ratingComments: z.string().nullish(),
		ratingCreatedAt: timestamp.nullish(),
		type: z.string().nullish(),
	})
	.loose();
export type HsRating = z.infer<typeof hsRating>;
export const ratingPage = z.object({
	results: z.array(hsRating).nullish(),
	page: z.number().int().nullish(),
	pages: z.number().int().nullish(),
});
