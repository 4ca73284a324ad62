import type {Message, TicketThread} from '../domain/message.js';
import type {AgentRef, Channel, GroupRef, Priority, Ticket, TicketStatus} from '../domain/ticket.js';
import type {SortKey} from '../domain/urgency.js';

/** Who the queue is for: the signed-in agent, nobody, anyone, or one agent by email. */
export type AssigneeFilter = 'me' | 'none' | 'any' | {readonly email: string};

export type TicketQuery = {
	readonly statuses: readonly TicketStatus[];
	readonly assignee: AssigneeFilter;
	readonly group?: string | undefined;
	readonly priorities?: readonly Priority[] | undefined;
	readonly channels?: readonly Channel[] | undefined;
	readonly tags?: readonly string[] | undefined;
	readonly search?: string | undefined;
	/** Only tickets requested by this email (case-insensitive). */
	readonly requester?: string | undefined;
	/** A provider view, by name or id (Zendesk views, saved searches). */
	readonly view?: string | undefined;
	readonly sort: SortKey;
	/** Page size wanted; providers may return fewer and a cursor. */
	readonly limit: number;
	readonly cursor?: string | undefined;
};

export type TicketPage = {
	readonly tickets: readonly Ticket[];
	/** Opaque; null when there is nothing more. */
	readonly nextCursor: string | null;
	/** Total matches when the provider knows it. */
	readonly totalCount?: number | null;
	/** Set when the provider stops before the end (Zendesk search stops at 1,000 results). */
	readonly cap?: {readonly limit: number; readonly hint: string} | undefined;
};

/** Changes to a ticket. Tags are always a delta so no write replaces the whole list by accident. */
export type TicketChanges = {
	readonly status?: TicketStatus | undefined;
	readonly priority?: Priority | undefined;
	/** 'me', null to unassign, or an agent by email. */
	readonly assignee?: 'me' | null | {readonly email: string} | undefined;
	/** A group by name or id. */
	readonly group?: string | undefined;
	readonly tags?: {readonly add: readonly string[]; readonly remove: readonly string[]} | undefined;
};

export type WriteOptions = {
	/** Same key, same write: a retried request must be a no-op where the provider supports it. */
	readonly idempotencyKey?: string | undefined;
	/** The ticket's updatedAt the agent (or the plan) saw; providers with safe updates refuse on mismatch (ConflictError). */
	readonly expectedUpdatedAt?: string | undefined;
};

/** A file sent with a message; `sha256` (hex of `bytes`) lets the journal tell the same upload from another. */
export type OutgoingAttachment = {
	/** Already sanitised: no path, no control characters. */
	readonly fileName: string;
	readonly contentType: string;
	readonly bytes: Uint8Array;
	readonly sha256: string;
};

export type OutgoingMessage = {
	readonly body: string;
	/** true: a reply the customer sees; false: an internal note. Always explicit. */
	readonly public: boolean;
	readonly changes?: TicketChanges | undefined;
	/** Copies to these addresses (Zendesk email_ccs, Freshdesk cc_emails, RT Cc); public replies only. */
	readonly cc?: readonly string[] | undefined;
	readonly attachments?: readonly OutgoingAttachment[] | undefined;
};

export type SendResult = {
	readonly messageId: string;
	readonly ticket: Ticket;
	/**
	 * What went wrong after the message was recorded (a status the desk refused in a second call). The send itself
	 * succeeded and must not be repeated; the agent must still hear about it.
	 */
	readonly warnings?: readonly string[];
};

export type BatchItem = {
	readonly ticketId: string;
	readonly message: OutgoingMessage;
	readonly options: WriteOptions;
};
export type BatchOutcome =
	| {readonly ticketId: string; readonly ok: true; readonly messageId: string}
	| {readonly ticketId: string; readonly ok: false; readonly error: Error};

/** Facts per ticket used by KPIs; minutes are calendar minutes unless named business. */
export type TicketFacts = {
	readonly ticket: Ticket;
	readonly firstReplyAt: string | null;
	readonly firstReplyMinutes: number | null;
	readonly firstReplyBusinessMinutes: number | null;
	/** The last time the ticket was solved, null if it never was. */
	readonly solvedAt: string | null;
	readonly fullResolutionMinutes: number | null;
	readonly fullResolutionBusinessMinutes: number | null;
	readonly reopens: number;
	readonly publicAgentReplies: number;
	/** null when the provider has no SLA data for it. */
	readonly slaBreached: boolean | null;
	/**
	 * Who did the work, when the desk's export tells (per-agent KPIs from the desk): the public messages of the
	 * thread, oldest first, each with its channel and its agent (null for the customer's), and the agent who solved
	 * it last. Left out by desks that do not export them; then there are no per-agent figures from the desk and
	 * one-touch counts `publicAgentReplies`.
	 */
	readonly publicMessages?: readonly {
		readonly at: string;
		readonly channel: Channel;
		readonly agent: AgentRef | null;
	}[];
	readonly solvedBy?: AgentRef | null;
	/** The desk's own requester wait (Zendesk's ticket metrics), calendar and business minutes; else csr measures it from publicMessages. */
	readonly requesterWaitMinutes?: number | null;
	readonly requesterWaitBusinessMinutes?: number | null;
};

/**
 * Desks whose export has no thread (Zendesk, Freshdesk, Zammad, Help Scout) read each ticket's thread for `publicMessages`: one request
 * a ticket. Only tickets changed within this many days are read, so the first sync of a desk with years of history
 * costs a quarter's worth of requests, not one per ticket ever; older tickets have no thread figures.
 */
export const threadHorizonDays = 90;

/** Whether a ticket last changed at `updatedAt` is recent enough to have its thread read for KPIs. */
export function withinThreadHorizon(updatedAt: string, now: Date): boolean {
	return Date.parse(updatedAt) >= now.getTime() - threadHorizonDays * 86_400_000;
}

/** A thread message as the KPI export carries it: when, on which channel, and the agent who wrote it (null: the customer). */
export function kpiMessageOf(message: Message): NonNullable<TicketFacts['publicMessages']>[number] {
	return {
		at: new Date(message.createdAt).toISOString(),
		channel: message.channel,
		agent:
			message.author.role === 'agent'
				? {id: message.author.id, name: message.author.name, email: message.author.email}
				: null,
	};
}

/**
 * Each ticket's facts with the public thread read for it (null: not read, the facts stay as they were); a solved
 * ticket's solve credited to its assignee, for desks that do not say who solved (as Zammad's own reports do).
 */
export function withPublicThreads(
	items: readonly TicketFacts[],
	threads: readonly (TicketFacts['publicMessages'] | null)[],
): TicketFacts[] {
	return items.map((facts, index) => {
		const publicMessages = threads[index];
		if (publicMessages === null || publicMessages === undefined) return facts;
		const solved = facts.solvedAt !== null && (facts.ticket.status === 'solved' || facts.ticket.status === 'closed');
		return {...facts, publicMessages, solvedBy: solved ? facts.ticket.assignee : null};
	});
}

export type SatisfactionRating = {
	readonly id: string;
	readonly ticketId: string | null;
	readonly at: string;
	/** 'offered' is an unanswered survey and is excluded from CSAT. */
	readonly score: 'good' | 'bad' | 'offered';
	readonly comment: string | null;
	readonly channel: Channel | null;
};

export type SurveyResponse = {
	readonly id: string;
	readonly ticketId: string | null;
	readonly at: string;
	readonly kind: 'nps' | 'ces';
	readonly score: number;
	/** What the customer wrote with the score, where the desk keeps it; untrusted text. */
	readonly comment?: string | null;
};

export type ExportPage<T> = {readonly items: readonly T[]; readonly nextCursor: string | null};

export type Capabilities = {
	/** Refuses a write when the ticket changed since `expectedUpdatedAt` (Zendesk safe_update). */
	readonly supportsSafeUpdate: boolean;
	/** Has `sendBatch` (Zendesk update_many, Freshdesk bulk). */
	readonly supportsBulk: boolean;
	/** Honours `idempotencyKey` on writes. */
	readonly supportsIdempotencyKey: boolean;
	readonly supportsViews: boolean;
	readonly supportsSatisfaction: boolean;
	readonly supportsSurveys: boolean;
	/** Largest page the provider serves. */
	readonly maxPageSize: number;
	/**
	 * How long after csr stopped waiting (killed, timed out) the desk's server may still apply a write queued in it
	 * (RT 5: seen applying a reply after the re-run had looked). A re-run looks that long before writing again.
	 */
	readonly writesMayLandWithinMs?: number | undefined;
};

/**
 * One interface for every help desk (demo, Zendesk, Freshdesk, Request Tracker). The only provider file that
 * services/ import. Every method that does I/O takes an AbortSignal last.
 */
export interface HelpDesk {
	readonly providerName: string;
	readonly capabilities: Capabilities;
	/** The signed-in agent; throws AuthError when the credentials do not give real access. */
	whoAmI(signal?: AbortSignal): Promise<AgentRef>;
	listTickets(query: TicketQuery, signal?: AbortSignal): Promise<TicketPage>;
	/** Current state of several tickets (drift checks before a bulk batch). Missing ids are left out. */
	getTickets(ids: readonly string[], signal?: AbortSignal): Promise<Ticket[]>;
	/** The ticket, its customer context and the whole thread, oldest first. */
	getThread(ticketId: string, signal?: AbortSignal): Promise<TicketThread>;
	sendMessage(
		ticketId: string,
		message: OutgoingMessage,
		options: WriteOptions,
		signal?: AbortSignal,
	): Promise<SendResult>;
	/** Many messages in as few requests as the provider allows; present when capabilities.supportsBulk. */
	sendBatch?(items: readonly BatchItem[], signal?: AbortSignal): Promise<BatchOutcome[]>;
	updateTicket(ticketId: string, changes: TicketChanges, options: WriteOptions, signal?: AbortSignal): Promise<Ticket>;
	listGroups(signal?: AbortSignal): Promise<GroupRef[]>;
	listAgents(signal?: AbortSignal): Promise<AgentRef[]>;
	/** Tickets changed since the cursor (null: from the start), with KPI facts. */
	exportTicketFacts(cursor: string | null, signal?: AbortSignal): Promise<ExportPage<TicketFacts>>;
	exportSatisfaction(cursor: string | null, signal?: AbortSignal): Promise<ExportPage<SatisfactionRating>>;
	exportSurveys(cursor: string | null, signal?: AbortSignal): Promise<ExportPage<SurveyResponse>>;
	/** Releases connections or database handles. */
	close(): Promise<void>;
}

/** What a provider factory gets: the profile's settings, the secret, and the few seams it needs. */
export type ProviderSetup = {
	readonly profileName: string;
	readonly baseUrl: string | null;
	readonly email: string | null;
	readonly user: string | null;
	/** Never print, log or put in an error message. */
	readonly token: string | null;
	readonly tokenSource: 'env-profile' | 'env' | 'config' | 'oauth' | null;
	readonly oauth: {
		readonly accessToken: string;
		readonly refreshToken: string | null;
		readonly expiresAt: string | null;
		readonly clientId: string;
	} | null;
	/** Stores refreshed OAuth tokens in the 0600 config. */
	readonly saveOAuth: (tokens: {
		accessToken: string;
		refreshToken: string | null;
		expiresAt: string | null;
		clientId: string;
	}) => void | Promise<void>;
	/** csr's data directory (the demo desk keeps demo.db here). */
	readonly dataDir: string;
	readonly now: () => Date;
	/** --verbose diagnostics to stderr; undefined when not verbose. Callers redact secrets before logging. */
	readonly log: ((line: string) => void) | undefined;
	/**
	 * The local cache of this profile's contacts and small directory lists (store/contact-cache.ts), so a listing needs
	 * no request per requester. Undefined: the desk keeps what it reads in memory for its lifetime only.
	 */
	readonly contacts?: ContactCache | undefined;
	/**
	 * The largest attachment the desk's server takes, where csr cannot ask it and it is configurable (RT's
	 * `$MaxAttachmentSize`: the `rt.maxAttachmentSize` setting). Undefined: the desk's documented default.
	 */
	readonly maxAttachmentBytes?: number | undefined;
};

/** A customer as the desk's contact records give it (name, email, language), kept locally between runs. */
export type CachedContact = {
	readonly id: string;
	readonly name: string | null;
	readonly email: string | null;
	/** The desk's own value (`sv-SE`, `da`, `pt_BR`), or null when the desk keeps none. */
	readonly locale: string | null;
};

/**
 * A profile's contacts cache. Entries older than the cache's age bound are neither returned nor kept; a purge by
 * customer erases them. `lists` holds small directory lists (agents, groups, status labels) as JSON text.
 */
export type ContactCache = {
	get(ids: readonly string[]): Map<string, CachedContact>;
	put(contacts: readonly CachedContact[]): void;
	/** When the last incremental contacts listing started (ISO instant), or null (never, or past the age bound). */
	lastSync(): string | null;
	markSynced(startedAt: string): void;
	getList(name: string, maxAgeMs: number): string | null;
	putList(name: string, json: string): void;
};

// Optional extras a desk may offer beyond HelpDesk, one file each under capabilities/ (interface + type guard).
// Provider-neutral so services/, templates/ and cli/ can use them through this file; check with the guards first.
export * from './capabilities/article-drafts.js';
export * from './capabilities/attachments.js';
export * from './capabilities/cc-watchers.js';
export * from './capabilities/customers.js';
export * from './capabilities/forward.js';
export * from './capabilities/knowledge-base.js';
export * from './capabilities/macros.js';
export * from './capabilities/merge.js';
export * from './capabilities/sign-in.js';
export * from './capabilities/survey-links.js';
export * from './capabilities/ticket-creation.js';
