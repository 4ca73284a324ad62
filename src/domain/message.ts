import * as z from 'zod';
import {Channel, GroupRef, Requester, Ticket} from './ticket.js';

export const AuthorRole = z.enum(['customer', 'agent', 'system']);
export type AuthorRole = z.infer<typeof AuthorRole>;

export const Attachment = z.object({
	name: z.string(),
	size: z.number().nullable(),
	contentType: z.string().nullable(),
	url: z.string().nullable(),
});
export type Attachment = z.infer<typeof Attachment>;

export const Author = z.object({
	id: z.string(),
	name: z.string(),
	email: z.string().nullable(),
	role: AuthorRole,
});
export type Author = z.infer<typeof Author>;

/** One entry of a thread: a public reply, or an internal note when `public` is false. Text is plain (HTML already rendered). */
export const Message = z.object({
	id: z.string(),
	author: Author,
	public: z.boolean(),
	channel: Channel,
	createdAt: z.string(),
	text: z.string(),
	attachments: z.array(Attachment),
});
export type Message = z.infer<typeof Message>;

export const Satisfaction = z.object({
	score: z.enum(['good', 'bad']),
	comment: z.string().nullable(),
	at: z.string(),
});
export type Satisfaction = z.infer<typeof Satisfaction>;

export const TicketSummary = Ticket.pick({
	id: true,
	subject: true,
	status: true,
	channel: true,
	createdAt: true,
	updatedAt: true,
});
export type TicketSummary = z.infer<typeof TicketSummary>;

/** Parts of a customer's context the desk refused or could not give (403, 404, timeout): shown as not visible. */
export const CustomerContextPart = z.enum(['recentTickets', 'lastCsat', 'organization']);
export type CustomerContextPart = z.infer<typeof CustomerContextPart>;

export const Customer = Requester.extend({
	organization: GroupRef.nullable(),
	lastCsat: Satisfaction.nullable(),
	recentTickets: z.array(TicketSummary),
	/** Present only when a side lookup failed; the rest of the thread is complete. */
	notVisible: z.array(CustomerContextPart).optional(),
});
export type Customer = z.infer<typeof Customer>;

/** What `csr show` prints: PRODUCT.md §3. */
export type TicketThread = {
	readonly ticket: Ticket;
	readonly customer: Customer;
	readonly messages: readonly Message[];
};
