import type {HelpDesk, OutgoingAttachment, WriteOptions} from '../help-desk.js';

/**
 * A ticket's thread (or its last message) sent to a third party (a carrier, a warehouse). `body` is composed by csr
 * before the desk sees it: the agent's note, then the forwarded messages as quoted plain text (customer text is data).
 */
export type ForwardRequest = {
	readonly to: readonly string[];
	readonly body: string;
	/** The agent's own words, or null; desks that forward natively put it above the quoted thread. */
	readonly note: string | null;
	/** The subject the third party sees. */
	readonly subject: string;
	/** Files the third party gets with it (read and checked against the desk's limits by csr before the call). */
	readonly attachments?: readonly OutgoingAttachment[] | undefined;
};

export type ForwardOptions = WriteOptions & {
	/**
	 * An earlier attempt under the same idempotency key may have reached the desk (csr was killed or timed out while it
	 * was in flight): a desk that forwards in more than one request looks for what that attempt made before making it
	 * again.
	 */
	readonly afterInterruption?: boolean | undefined;
	/** When that attempt started (the journal's `sending` row): a desk may wait for a request still in its server. */
	readonly interruptedAttemptStartedAt?: string | undefined;
};

export type ForwardResult = {
	/** The internal note (or forward entry) on the ticket that names who it went to. */
	readonly messageId: string;
	/** How the desk sent it. */
	readonly via: 'forward' | 'side-conversation' | 'linked-ticket' | 'comment-cc';
	/** The outbound ticket made for the third party, when the desk needed one. */
	readonly linkedTicketId?: string | undefined;
};

export interface TicketForwarding {
	forwardTicket(
		ticketId: string,
		request: ForwardRequest,
		options: ForwardOptions,
		signal?: AbortSignal,
	): Promise<ForwardResult>;
}

export function hasTicketForwarding(desk: HelpDesk): desk is HelpDesk & TicketForwarding {
	return typeof (desk as HelpDesk & Partial<TicketForwarding>).forwardTicket === 'function';
}

/** The internal note that records a forward on the ticket, naming who it went to. */
export function forwardNoteText(to: readonly string[], note: string | null): string {
	return `Forwarded to ${to.join(', ')}.${note === null ? '' : `\n\n${note}`}`;
}
