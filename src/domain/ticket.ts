import * as z from 'zod';

export const ticketStatuses = ['new', 'open', 'pending', 'on-hold', 'solved', 'closed'] as const;
export const TicketStatus = z.enum(ticketStatuses);
export type TicketStatus = z.infer<typeof TicketStatus>;

export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
export const Priority = z.enum(priorities);
export type Priority = z.infer<typeof Priority>;

export const channels = ['email', 'chat', 'phone', 'social', 'web', 'api', 'review', 'sms', 'other'] as const;
export const Channel = z.enum(channels);
export type Channel = z.infer<typeof Channel>;

export const Requester = z.object({
	id: z.string(),
	name: z.string(),
	email: z.string().nullable(),
	locale: z.string().nullable(),
});
export type Requester = z.infer<typeof Requester>;

export const AgentRef = z.object({id: z.string(), name: z.string(), email: z.string().nullable()});
export type AgentRef = z.infer<typeof AgentRef>;

export const GroupRef = z.object({id: z.string(), name: z.string()});
export type GroupRef = z.infer<typeof GroupRef>;

/** The ticket as every provider maps it; exactly the keys of PRODUCT.md §3. */
export const Ticket = z.object({
	id: z.string(),
	subject: z.string(),
	status: TicketStatus,
	priority: Priority.nullable(),
	channel: Channel,
	requester: Requester,
	assignee: AgentRef.nullable(),
	group: GroupRef.nullable(),
	tags: z.array(z.string()),
	createdAt: z.string(),
	updatedAt: z.string(),
	slaDueAt: z.string().nullable(),
	url: z.string().nullable(),
});
export type Ticket = z.infer<typeof Ticket> & {
	/** A provider's own label for a custom status (Zendesk custom statuses); not part of the JSON contract. */
	readonly statusLabel?: string;
};

export const ticketJsonKeys = Object.keys(Ticket.shape) as (keyof z.infer<typeof Ticket>)[];

/** Statuses an agent still has work on. */
export const unsolvedStatuses: readonly TicketStatus[] = ['new', 'open', 'pending', 'on-hold'];

export function isClosedStatus(status: TicketStatus): boolean {
	return status === 'closed';
}
