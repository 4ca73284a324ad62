import type {Channel, Ticket, TicketStatus} from '../../domain/ticket.js';
import type {HelpDesk, OutgoingAttachment, WriteOptions} from '../help-desk.js';

/** A ticket csr opens for a customer, with the agent's first public message. */
export type NewTicket = {
	readonly requester: {readonly email: string; readonly name: string | null};
	readonly subject: string;
	readonly body: string;
	/**
	 * False: the first message is an internal note the customer does not see (a phone call logged by the agent).
	 * Default true, the agent's first public message.
	 */
	readonly firstMessagePublic?: boolean | undefined;
	readonly channel: Channel;
	readonly status?: TicketStatus | undefined;
	readonly tags?: readonly string[] | undefined;
	/** A group by name or id. */
	readonly group?: string | undefined;
	/** An agent by email, or 'me'. */
	readonly assignee?: 'me' | {readonly email: string} | undefined;
	readonly locale?: string | undefined;
	readonly cc?: readonly string[] | undefined;
	readonly attachments?: readonly OutgoingAttachment[] | undefined;
};

export type CreatedTicket = {readonly ticket: Ticket; readonly messageId: string};

export interface TicketCreation {
	/** Creates the ticket; the same idempotency key again returns the ticket it created the first time. */
	createTicket(ticket: NewTicket, options: WriteOptions, signal?: AbortSignal): Promise<CreatedTicket>;
	/** The ticket an earlier createTicket with this key made (after a crash), or null when there is none. */
	findCreatedTicket(requesterEmail: string, idempotencyKey: string, signal?: AbortSignal): Promise<string | null>;
	/**
	 * Desks that do not honour the idempotency key on a create (RT, Freshdesk): how long a create csr sent may still be
	 * applied by the desk's server after csr stopped waiting for it (killed mid-request, or timed out while the request
	 * sat in the server's queue). A re-run that finds nothing for a younger attempt looks again until it is this old,
	 * before it creates. Undefined: a repeated create is harmless (Zendesk's key) or cannot land late (the demo desk).
	 */
	readonly createMayLandWithinMs?: number | undefined;
}

export function hasTicketCreation(desk: HelpDesk): desk is HelpDesk & TicketCreation {
	const candidate = desk as HelpDesk & Partial<TicketCreation>;
	return typeof candidate.createTicket === 'function' && typeof candidate.findCreatedTicket === 'function';
}
