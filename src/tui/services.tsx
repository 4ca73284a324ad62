import {createContext, type ReactNode, useContext} from 'react';
import type {TicketThread} from '../domain/message.js';
import type {FollowUp} from '../domain/records.js';
import type {AgentRef, GroupRef, Ticket} from '../domain/ticket.js';
import type {KnowledgeArticle, TicketChanges, TicketQuery} from '../providers/help-desk.js';
import type {PlannedAttachment} from '../services/attachments.js';
import type {CustomerOverview} from '../services/customer.js';
import type {DeliveryResult, PlannedWrite} from '../services/delivery.js';
import type {FeedbackItem} from '../services/feedback.js';
import type {QueueResult} from '../services/queue.js';

/** A saved queue view of the profile, as a filter line (`status:open tag:vip`). */
export type SavedView = {readonly name: string; readonly filter: string};

/** Who is working and how: fixed for the life of the TUI. */
export type Session = {
	readonly profileName: string;
	readonly agentName: string;
	readonly views: readonly SavedView[];
	/** Quiet background refresh of the queue; 0 turns it off. */
	readonly refreshSeconds: number;
	/** After a send or an action on one ticket: the cursor goes to the next ticket in queue order, or stays. */
	readonly afterSend: 'next' | 'stay';
	/** The agent's time zone for times on screen (config `timezone`, default the system's); JSON stays UTC. */
	readonly timeZone: string;
	/** The queue the TUI opens with (the CLI's defaults). */
	readonly baseQuery: TicketQuery;
	/** A team store holds the follow-ups: the follow-ups pane shows the agent's own or the team's. */
	readonly teamStore?: boolean | undefined;
};

export type TemplateSummary = {
	readonly name: string;
	readonly title: string;
	readonly description: string;
	readonly internal: boolean;
	readonly locales: readonly string[];
};

/** A template rendered for one ticket, or why it cannot be sent yet. */
export type TemplateRender =
	| {
			readonly kind: 'rendered';
			readonly name: string;
			readonly locale: string;
			readonly body: string;
			readonly internal: boolean;
			readonly changes: TicketChanges;
	  }
	| {
			readonly kind: 'missing';
			readonly name: string;
			readonly locale: string;
			/** Every variable the template needs and was not given. */
			readonly missing: readonly string[];
			/** The body with `«name»` where a missing value goes. */
			readonly preview: string;
	  }
	| {readonly kind: 'invalid'; readonly name: string; readonly message: string};

/** A message as the TUI plans it; the service adds the intent hash (profile, ticket, body) that makes it exactly-once. */
export type MessagePlan = Omit<PlannedWrite, 'intentHash'>;

/** A new ticket as `N` asks for it. */
export type NewTicketInput = {
	readonly email: string;
	readonly name: string | null;
	readonly subject: string;
	readonly body: string;
	/** Files for the first message, checked by `attachFile` (as the reply composer's). */
	readonly attachments?: readonly PlannedAttachment[] | undefined;
};

/** A bulk run's outcome, one result per ticket, in the order they landed. */
export type BulkResult = {readonly runId: string; readonly results: readonly DeliveryResult[]};

export type Draft = {
	readonly ticketId: string;
	readonly isPublic: boolean;
	readonly body: string;
	readonly template: string | null;
	readonly updatedAt: string;
};

/** A message kept in the outbox because the desk could not take it: what, for whom, and why. */
export type OutboxEntry = {
	readonly id: string;
	readonly ticketId: string;
	readonly action: string;
	readonly body: string;
	readonly attempts: number;
	/** The last error, in the desk's or network's words. */
	readonly why: string | null;
	readonly createdAt: string;
};

export type StatusCounts = {
	readonly dueFollowUps: number;
	readonly outbox: number;
	readonly repliesToday: number;
};

/** What a merge or a forward will do, read from the desk first; `run` does it once (the journal of `csr merge`/`forward`). */
export type ActionPreview = {
	readonly title: string;
	readonly lines: readonly string[];
	/** An earlier run did it (the journal says so): `run` does nothing more. */
	readonly alreadyDone: boolean;
	/** Does it; resolves to the sentence saying what happened. */
	run(): Promise<string>;
};

/** Everything the TUI may do: narrow async functions over csr's services. Nothing in tui/ talks to a provider. */
export type TuiServices = {
	readonly session: Session;
	readonly now: () => Date;
	/** `onFirstPage`: the first page, when more follow (see services/queue.ts), to show while the rest is read. */
	listQueue(
		query: TicketQuery,
		signal: AbortSignal,
		onFirstPage?: (first: QueueResult) => Promise<void> | void,
	): Promise<QueueResult>;
	getThread(ticketId: string, signal: AbortSignal): Promise<TicketThread>;
	listTemplates(): Promise<readonly TemplateSummary[]>;
	/** Template names that fit the ticket's customer messages, best first (best effort; absent: none). */
	suggestTemplates?(ticket: Ticket, signal: AbortSignal): Promise<readonly string[]>;
	renderTemplate(
		name: string,
		ticket: Ticket,
		options: {locale: string | null; vars: Readonly<Record<string, string>>},
	): Promise<TemplateRender>;
	/** Journaled, drift-checked, recorded; queued in the outbox when the desk cannot be reached. */
	sendMessage(plan: MessagePlan): Promise<DeliveryResult>;
	/**
	 * `N`: opens a ticket with the agent's first public message, exactly once (the journal of `csr new`); the result's
	 * ticketId is the new ticket. Rejects in csr's words when the desk cannot open tickets. Absent: not offered.
	 */
	createTicket?(input: NewTicketInput): Promise<DeliveryResult>;
	/**
	 * One message per selected ticket as one journaled run, the same path as `csr reply` in bulk: the same plans again
	 * continue the run, and a ticket that already has its message is skipped, never sent twice. `onResult` as each lands.
	 */
	sendBulk(
		plans: readonly MessagePlan[],
		onResult: (result: DeliveryResult, done: number) => void,
	): Promise<BulkResult>;
	updateTickets(
		ids: readonly string[],
		changes: TicketChanges,
		action: 'status' | 'assign' | 'tag',
		durationSec: number | null,
	): Promise<readonly DeliveryResult[]>;
	addFollowUp(input: {ticket: Ticket; dueAt: string; note: string | null}): Promise<void>;
	listGroups(signal: AbortSignal): Promise<readonly GroupRef[]>;
	listAgents(signal: AbortSignal): Promise<readonly AgentRef[]>;
	/** Whether the desk has a help center to link articles from (ctrl-k says so before asking for words). */
	hasHelpCenter(): Promise<boolean>;
	/** Help Center articles for the composer's links; null when the desk has no knowledge base. */
	searchArticles(
		query: string,
		locale: string | null,
		signal: AbortSignal,
	): Promise<readonly KnowledgeArticle[] | null>;
	statusCounts(): Promise<StatusCounts>;
	listOutbox(): Promise<readonly OutboxEntry[]>;
	/**
	 * Open follow-ups due today or overdue, soonest first. With a team store, `mine` (the default) is those for this
	 * agent and `team` everyone's; alone, every follow-up on this machine is the agent's.
	 */
	listDueFollowUps(view?: 'mine' | 'team'): Promise<readonly FollowUp[]>;
	/** Bad CSAT, NPS detractors and hard CES answers of the last 7 days, newest first; null: the desk has none to give. */
	listFeedback?(signal: AbortSignal): Promise<readonly FeedbackItem[] | null>;
	completeFollowUp(id: string): Promise<void>;
	snoozeFollowUp(id: string, dueAt: string): Promise<void>;
	/** Sends a kept message again through the same journal and drift check; it leaves the outbox once the desk has it. */
	retryOutbox(id: string): Promise<DeliveryResult>;
	/** Drops a kept message unsent; false when it was no longer there. */
	dropOutbox(id: string): Promise<boolean>;
	saveDraft(draft: Omit<Draft, 'updatedAt'>): Promise<void>;
	loadDraft(ticketId: string): Promise<Draft | null>;
	discardDraft(ticketId: string): Promise<void>;
	listDrafts(): Promise<readonly Draft[]>;
	/**
	 * The whole customer of a ticket (`c`): profile, their tickets newest first, records, follow-ups, ratings; the side
	 * parts best effort. Absent: the workstation says it cannot show customers.
	 */
	lookUpCustomer?(ticket: Ticket, signal: AbortSignal): Promise<CustomerOverview>;
	/** Views the agent saved in the TUI for this profile (the config's views come with the session). */
	listSavedViews(): Promise<readonly SavedView[]>;
	/** Saves (or replaces) a view by name. */
	saveView(view: SavedView): Promise<void>;
	/** False when there was no saved view of that name. */
	deleteView(name: string): Promise<boolean>;
	/**
	 * The composer's `a`: reads and hashes the file (sanitised name, content type) and checks it, with the files already
	 * attached, against the desk's limits; rejects in csr's words (no attachments on this desk, too big). The message
	 * then carries it in `extras.attachments`, through the journal and delivery path of `csr reply --attach`.
	 */
	attachFile?(path: string, already: readonly PlannedAttachment[]): Promise<PlannedAttachment>;
	/** Tab on a path: the path completed as far as it is unambiguous (a directory gets its `/`); best effort. */
	completePath?(partial: string): Promise<string>;
	/** Why this desk cannot merge or forward tickets from csr, naming it; null when it can. Absent: it cannot. */
	cannot?(what: 'merge' | 'forward'): Promise<string | null>;
	/** `m`: the tickets merged into the target, through `services/merge.ts` as `csr merge` (read, checked, journaled). */
	planMerge?(input: {sourceIds: readonly string[]; targetId: string; comment: string | null}): Promise<ActionPreview>;
	/** `w`: the thread sent to a third party with a note, through `services/forward.ts` as `csr forward`. */
	planForward?(input: {
		ticketId: string;
		to: readonly string[];
		note: string | null;
		/** Only the last public message, not the whole thread (`csr forward --last`). */
		lastOnly?: boolean;
	}): Promise<ActionPreview>;
	/** $EDITOR; the caller suspends the TUI around it. */
	editText(initial: string, fileName: string): Promise<string>;
};

const ServicesContext = createContext<TuiServices | null>(null);

export function ServicesProvider({value, children}: {readonly value: TuiServices; readonly children: ReactNode}) {
	return <ServicesContext.Provider value={value}>{children}</ServicesContext.Provider>;
}

export function useServices(): TuiServices {
	const services = useContext(ServicesContext);
	if (services === null) throw new Error('useServices() outside <ServicesProvider>');
	return services;
}
