import * as z from 'zod';

/**
 * Request Tracker 5 REST2 shapes: only the fields csr reads, written from real responses of RT 5.0.3
 * (tests/fixtures/rt). REST2 is loosely typed (Perl hashes): ids are strings in refs and collections but a number in
 * a record's own `id`, numbers are strings ("Priority": "20"), an empty custom-field list is "" and unset dates are
 * 1970-01-01. These schemas accept those forms and hand map.ts one shape.
 */

/** "3" or 3 → "3". */
const id = z.union([z.string(), z.number()]).transform(String);
/** "20", 20, "" or null → 20 or null. */
const numeric = z
	.union([z.string(), z.number(), z.null()])
	.transform((value) => (value === null || value === '' || Number.isNaN(Number(value)) ? null : Number(value)));
/** "" and null both mean "not set". */
const text = z
	.union([z.string(), z.number(), z.null()])
	.optional()
	.transform((value) => (value === null || value === undefined ? '' : String(value)));
/** `2026-11-22T20:36:04Z`; RT writes unset dates as 1970-01-01T00:00:00Z (and `Told` as null or absent). */
export const rtDate = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, 'an RT date (YYYY-MM-DDTHH:MM:SSZ)');
const optionalDate = z
	.union([rtDate, z.null()])
	.optional()
	.transform((value) => (value === null || value === undefined || value.startsWith('1970-01-01') ? null : value));

/** A user as a ref, optionally expanded with `fields[Owner]=…`; `id` is the login name (or email). */
export const rtUserRef = z.object({
	id,
	Name: text,
	RealName: text,
	EmailAddress: text,
	Lang: text,
	Organization: text,
});
export type RtUserRef = z.output<typeof rtUserRef>;

export const rtQueueRef = z.object({id, Name: text});

export const rtCustomFieldValues = z.object({
	id,
	name: z.string(),
	values: z.array(z.union([z.string(), z.number()]).transform(String)),
});
export type RtCustomFieldValues = z.output<typeof rtCustomFieldValues>;

/** RT sends "" instead of [] when no custom field applies to the ticket. */
const customFields = z
	.union([z.array(rtCustomFieldValues), z.literal(''), z.null()])
	.optional()
	.transform((value) => (Array.isArray(value) ? value : []));

/** A ticket as `GET /tickets?fields=…` returns it (see ticketFields in ticket-sql.ts). */
export const rtTicket = z.object({
	id,
	Subject: text,
	Status: z.string(),
	Priority: numeric.optional().transform((value) => value ?? null),
	Queue: rtQueueRef,
	Owner: rtUserRef,
	Requestor: z
		.array(rtUserRef)
		.nullable()
		.optional()
		.transform((value) => value ?? []),
	Cc: z
		.array(rtUserRef)
		.nullable()
		.optional()
		.transform((value) => value ?? []),
	Created: rtDate,
	LastUpdated: rtDate,
	Due: optionalDate,
	Resolved: optionalDate,
	CustomFields: customFields,
});
export type RtTicket = z.output<typeof rtTicket>;

/**
 * Every REST2 collection. `total`, `pages` and `next_page` are null or absent for non-superusers on everything but
 * /tickets, so paging stops on `count < per_page`.
 */
export function rtCollection<Item extends z.ZodType>(item: Item) {
	return z.object({
		count: z.number(),
		page: z.number(),
		per_page: z.number(),
		total: z.number().nullable().optional(),
		items: z
			.array(item)
			.optional()
			.transform((value) => value ?? []),
	});
}

export const rtTicketPage = rtCollection(rtTicket);

/** A transaction from `/ticket/:id/history?fields=Type,Creator,Created,Field,OldValue,NewValue`. */
export const rtTransaction = z.object({
	id,
	Type: z.string(),
	Creator: rtUserRef,
	Created: rtDate,
	Field: text,
	OldValue: text,
	NewValue: text,
});
export type RtTransaction = z.output<typeof rtTransaction>;
export const rtTransactionPage = rtCollection(rtTransaction);

/** `TransactionId` is a plain string under `fields=`, a ref in `GET /attachment/:id`. */
const transactionId = z.union([id, z.object({id}).transform((ref) => ref.id)]);

/** An attachment (message part) from `/ticket/:id/attachments?fields=…`, without its content. */
export const rtAttachment = z.object({
	id,
	TransactionId: transactionId,
	ContentType: text,
	Filename: text,
	ContentLength: numeric.optional().transform((value) => value ?? null),
	Headers: text,
});
export type RtAttachment = z.output<typeof rtAttachment>;
export const rtAttachmentPage = rtCollection(rtAttachment);

/** A part with its content: under `fields=Content` the body arrives decoded (text), not base64. */
export const rtAttachmentContent = z.object({id, TransactionId: transactionId, Content: text});
export const rtAttachmentContentPage = rtCollection(rtAttachmentContent);

/** `GET /user/:id`: the full record for yourself or an admin, a summary (with Privileged) for others. */
export const rtUser = z.object({
	// A summary (someone else's record, seen by a non-admin) has no id.
	id: id.optional(),
	Name: z.string(),
	RealName: text,
	EmailAddress: text,
	Privileged: numeric.optional().transform((value) => value === 1),
	Lang: text,
	Disabled: numeric.optional().transform((value) => value === 1),
});
export type RtUser = z.output<typeof rtUser>;

export const rtUserPage = rtCollection(
	z.object({id, Name: text, RealName: text, EmailAddress: text, Disabled: numeric.optional()}),
);

export const rtQueue = z.object({id, Name: text, Disabled: numeric.optional().transform((value) => value === 1)});

export const rtGroupPage = rtCollection(z.object({id, Name: text, Domain: text}));

/** Writes answer with an array of RT's own messages, failures included ("That user does not exist"). */
export const rtMessages = z.array(
	z.union([z.string(), z.number(), z.null()]).transform((value) => String(value ?? '')),
);

/** `GET /rt`: a cheap credentials probe. */
export const rtSystemInfo = z.object({Version: z.string()});

/** `GET /customfield/:id`: MaxValues 1 holds one value, 0 any number. */
export const rtCustomField = z.object({
	id,
	Name: z.string(),
	MaxValues: numeric.optional().transform((value) => value ?? 0),
});
