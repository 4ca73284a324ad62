import type {TicketThread} from '../domain/message.js';
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

export type OutgoingMessage = {
	readonly body: string;
	/** true: a reply the customer sees; false: an internal note. Always explicit. */
	readonly public: boolean;
	readonly changes?: TicketChanges | undefined;
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
};

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

// Optional extras a desk may offer beyond HelpDesk (Zendesk has all three). Provider-neutral so services/, templates/
// and cli/ can use them through this file; check with the guards before calling.

/** A provider's saved reply (Zendesk macro). */
export type Macro = {
	readonly id: string;
	readonly title: string;
	readonly description: string | null;
	readonly active: boolean;
	/** The reply text the macro adds, null when it adds none. */
	readonly reply: string | null;
	/** Every action as the provider defines it (`{field: "status", value: "solved"}`). */
	readonly actions: readonly {readonly field: string; readonly value: unknown}[];
};

/** What applying a macro to a ticket would do, rendered by the provider; nothing is changed. */
export type MacroPreview = {
	readonly macroId: string;
	readonly ticketId: string;
	readonly body: string | null;
	/** Whether the comment would be public; null when the macro does not say. */
	readonly public: boolean | null;
	readonly status: TicketStatus | null;
	readonly priority: Priority | null;
	readonly assigneeId: string | null;
	readonly groupId: string | null;
};

export interface MacroSource {
	listMacros(signal?: AbortSignal): Promise<Macro[]>;
	previewMacro(ticketId: string, macroId: string, signal?: AbortSignal): Promise<MacroPreview>;
}

/** A knowledge-base article found by search. Title and snippet are untrusted text. */
export type KnowledgeArticle = {
	readonly id: string;
	readonly title: string;
	readonly url: string | null;
	readonly snippet: string | null;
	readonly locale: string | null;
};

/** An article with its text (plain, HTML already rendered). */
export type KnowledgeArticleText = KnowledgeArticle & {readonly body: string};

export interface KnowledgeBase {
	/** `locale` like "en-us" or "da": that language (Zendesk narrows to it; the demo desk lists it first). */
	searchArticles(query: string, locale?: string | null, signal?: AbortSignal): Promise<KnowledgeArticle[]>;
	/** One article with its text; a ProviderError of kind not-found when there is none. Absent: the desk cannot show one. */
	getArticle?(id: string, signal?: AbortSignal): Promise<KnowledgeArticleText>;
}

/** A ticket csr opens for a customer, with the agent's first public message. */
export type NewTicket = {
	readonly requester: {readonly email: string; readonly name: string | null};
	readonly subject: string;
	readonly body: string;
	readonly channel: Channel;
	readonly status?: TicketStatus | undefined;
	readonly tags?: readonly string[] | undefined;
	/** A group by name or id. */
	readonly group?: string | undefined;
	/** An agent by email, or 'me'. */
	readonly assignee?: 'me' | {readonly email: string} | undefined;
	readonly locale?: string | undefined;
};

export type CreatedTicket = {readonly ticket: Ticket; readonly messageId: string};

export interface TicketCreation {
	/** Creates the ticket; the same idempotency key again returns the ticket it created the first time. */
	createTicket(ticket: NewTicket, options: WriteOptions, signal?: AbortSignal): Promise<CreatedTicket>;
	/** The ticket an earlier createTicket with this key made (after a crash), or null when there is none. */
	findCreatedTicket(requesterEmail: string, idempotencyKey: string, signal?: AbortSignal): Promise<string | null>;
}

export type OAuthTokens = NonNullable<ProviderSetup['oauth']>;

export type SignInOptions = {
	readonly clientId: string;
	readonly clientSecret?: string | undefined;
	readonly scopes?: string | undefined;
	/** Loopback port for the redirect; 0 or undefined = any free port. */
	readonly port?: number | undefined;
	readonly timeoutMs?: number | undefined;
	/** Shows the agent the authorization URL (stderr) and where the browser will come back to. */
	readonly announce: (authorizeUrl: string, redirectUri: string) => void;
};

/** How a desk authenticates, for `csr auth status`; never the secret. */
export type AuthInfo = {
	readonly scheme: 'basic' | 'bearer' | 'oauth' | 'none';
	/** Where the secret came from: "$CSR_TOKEN", "the profile token", "`csr auth login`". */
	readonly from: string;
	readonly expiresAt: string | null;
};

export interface InteractiveSignIn {
	/** OAuth authorization code flow with PKCE and a loopback redirect; returns the tokens for the caller to store. */
	signIn(options: SignInOptions, signal?: AbortSignal): Promise<OAuthTokens>;
	/** Revokes the current OAuth access token at the provider (best effort); true when it did. */
	revokeToken(signal?: AbortSignal): Promise<boolean>;
	authInfo(): AuthInfo;
}

export function hasMacros(desk: HelpDesk): desk is HelpDesk & MacroSource {
	const candidate = desk as HelpDesk & Partial<MacroSource>;
	return typeof candidate.listMacros === 'function' && typeof candidate.previewMacro === 'function';
}

export function hasKnowledgeBase(desk: HelpDesk): desk is HelpDesk & KnowledgeBase {
	return typeof (desk as HelpDesk & Partial<KnowledgeBase>).searchArticles === 'function';
}

export function hasSignIn(desk: HelpDesk): desk is HelpDesk & InteractiveSignIn {
	const candidate = desk as HelpDesk & Partial<InteractiveSignIn>;
	return typeof candidate.signIn === 'function' && typeof candidate.authInfo === 'function';
}

export function hasTicketCreation(desk: HelpDesk): desk is HelpDesk & TicketCreation {
	const candidate = desk as HelpDesk & Partial<TicketCreation>;
	return typeof candidate.createTicket === 'function' && typeof candidate.findCreatedTicket === 'function';
}
