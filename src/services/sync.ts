import type {AgentRef} from '../domain/ticket.js';
import {AuthError, ProviderError} from '../errors.js';
import {countTouches} from '../kpi/touches.js';
import {calendarMinutes, encodeWaits, measureWaits, threadWaits} from '../kpi/waits.js';
import type {ExportPage, HelpDesk, SatisfactionRating, SurveyResponse, TicketFacts} from '../providers/help-desk.js';
import type {Database} from '../store/database.js';
import {
	type CachedRating,
	type CachedSurvey,
	type CachedTicket,
	clearSyncCache,
	readSyncStates,
	type SyncPage,
	type SyncStream,
	storeSyncPage,
	syncStreams,
} from '../store/stats-cache.js';

export type SyncProgress = {readonly stream: SyncStream; readonly items: number; readonly done: boolean};

export type StreamOutcome = {
	readonly stream: SyncStream;
	/** Rows received in this run. */
	readonly items: number;
	/** Why the stream was not synced (the provider lacks it, or the credentials may not read it); null when synced. */
	readonly skipped: string | null;
};

export type SyncOptions = {
	readonly profile: string;
	readonly now: () => Date;
	/** Forget the profile's cache and cursors first and read everything again. */
	readonly full?: boolean;
	readonly onProgress?: ((progress: SyncProgress) => void) | undefined;
};

/** The --by agent key of an assignee: the email lower-cased (records name agents by email), else the name. */
export function agentKeyOf(assignee: AgentRef | null): string | null {
	if (assignee === null) return null;
	const email = assignee.email?.trim() ?? '';
	return email !== '' ? email.toLowerCase() : assignee.name;
}

/** Per-agent facts from a thread's public messages: each agent reply (who, when), the first replier, the touches. */
function teamFactsOf(messages: NonNullable<TicketFacts['publicMessages']>) {
	const replies = messages.flatMap((message) => {
		const agentKey = agentKeyOf(message.agent);
		return message.agent === null || agentKey === null ? [] : [{at: message.at, agentKey}];
	});
	const lines = messages.map((message) => ({
		at: Date.parse(message.at),
		channel: message.channel,
		byAgent: message.agent !== null,
		public: true,
	}));
	return {replies, firstReplyBy: replies[0]?.agentKey ?? null, agentTouches: countTouches(lines)};
}

/**
 * Since when the requester of an unsolved ticket waits for an agent (new or open; pending and on-hold wait for
 * someone else): from the thread, the first customer message after the last public agent reply; without the thread,
 * the creation when nobody has replied yet, else the ticket's last change. Null when nobody waits.
 */
export function waitingSinceOf(facts: TicketFacts): string | null {
	const {ticket} = facts;
	if (ticket.status !== 'new' && ticket.status !== 'open') return null;
	const messages = facts.publicMessages;
	if (messages === undefined) return facts.firstReplyAt === null ? ticket.createdAt : ticket.updatedAt;
	let since: string | null = null;
	for (const message of messages) {
		if (message.agent !== null) since = null;
		else since ??= message.at;
	}
	return since;
}

export function toCachedTicket(facts: TicketFacts): CachedTicket {
	const {ticket} = facts;
	return {
		ticketId: ticket.id,
		status: ticket.status,
		channel: ticket.channel,
		agentKey: agentKeyOf(ticket.assignee),
		groupName: ticket.group?.name ?? null,
		createdAt: ticket.createdAt,
		updatedAt: ticket.updatedAt,
		solvedAt: facts.solvedAt,
		firstReplyAt: facts.firstReplyAt,
		firstReplyMinutes: facts.firstReplyMinutes,
		firstReplyBusinessMinutes: facts.firstReplyBusinessMinutes,
		resolutionMinutes: facts.fullResolutionMinutes,
		resolutionBusinessMinutes: facts.fullResolutionBusinessMinutes,
		reopens: facts.reopens,
		publicAgentReplies: facts.publicAgentReplies,
		slaBreached: facts.slaBreached,
		slaDueAt: ticket.slaDueAt,
		waitingSince: waitingSinceOf(facts),
		priority: ticket.priority,
		...(facts.publicMessages === undefined ? {} : teamFactsOf(facts.publicMessages)),
		...(facts.solvedBy === undefined ? {} : {solvedBy: agentKeyOf(facts.solvedBy)}),
		...waitFactsOf(facts),
	};
}

/**
 * Next reply and requester wait: measured from the thread when the desk exports it (the business minutes later, by
 * the business-hours pass, from `waits`); else the desk's own requester wait where it gives one.
 */
function waitFactsOf(facts: TicketFacts) {
	const messages = facts.publicMessages;
	if (messages === undefined) {
		return {
			nextReplyMinutes: null,
			requesterWaitMinutes: facts.requesterWaitMinutes ?? null,
			requesterWaitBusinessMinutes: facts.requesterWaitBusinessMinutes ?? null,
			waits: null,
		};
	}
	const solvedAt = facts.fullResolutionMinutes === null || facts.solvedAt === null ? null : Date.parse(facts.solvedAt);
	const waits = threadWaits(
		Date.parse(facts.ticket.createdAt),
		messages.map((message) => ({at: Date.parse(message.at), byAgent: message.agent !== null})),
		solvedAt,
	);
	const measured = measureWaits(waits, calendarMinutes);
	// The desk's own requester wait (Zendesk's metric) stays; then csr keeps no requester waits to measure.
	const deskWait = facts.requesterWaitMinutes ?? null;
	if (deskWait !== null) {
		return {
			nextReplyMinutes: measured.nextReply === null ? null : roundMinutes6(measured.nextReply),
			requesterWaitMinutes: deskWait,
			requesterWaitBusinessMinutes: facts.requesterWaitBusinessMinutes ?? null,
			waits: encodeWaits({nextReplies: waits.nextReplies, requesterWaits: null}),
		};
	}
	return {
		nextReplyMinutes: measured.nextReply === null ? null : roundMinutes6(measured.nextReply),
		requesterWaitMinutes: measured.requesterWait === null ? null : roundMinutes6(measured.requesterWait),
		requesterWaitBusinessMinutes: null,
		waits: encodeWaits(waits),
	};
}

const roundMinutes6 = (minutes: number) => Math.round(minutes * 1e6) / 1e6;

const toCachedRating = (rating: SatisfactionRating): CachedRating => ({
	id: rating.id,
	ticketId: rating.ticketId,
	at: rating.at,
	score: rating.score,
	channel: rating.channel,
});

const toCachedSurvey = (survey: SurveyResponse): CachedSurvey => ({
	id: survey.id,
	ticketId: survey.ticketId,
	at: survey.at,
	kind: survey.kind,
	score: survey.score,
});

type StreamReader = {
	readonly available: boolean;
	read(cursor: string | null, signal?: AbortSignal): Promise<{page: SyncPage; nextCursor: string | null}>;
};

function readersOf(desk: HelpDesk): Record<SyncStream, StreamReader> {
	const wrap =
		<T>(
			exportPage: (cursor: string | null, signal?: AbortSignal) => Promise<ExportPage<T>>,
			toPage: (items: readonly T[]) => SyncPage,
		) =>
		async (cursor: string | null, signal?: AbortSignal) => {
			const page = await exportPage(cursor, signal);
			return {page: toPage(page.items), nextCursor: page.nextCursor};
		};
	return {
		tickets: {
			available: true,
			read: wrap(desk.exportTicketFacts.bind(desk), (items) => ({
				stream: 'tickets',
				items: items.map(toCachedTicket),
			})),
		},
		satisfaction: {
			available: desk.capabilities.supportsSatisfaction,
			read: wrap(desk.exportSatisfaction.bind(desk), (items) => ({
				stream: 'satisfaction',
				items: items.map(toCachedRating),
			})),
		},
		surveys: {
			available: desk.capabilities.supportsSurveys,
			read: wrap(desk.exportSurveys.bind(desk), (items) => ({
				stream: 'surveys',
				items: items.map(toCachedSurvey),
			})),
		},
	};
}

/** The desk refused a stored cursor (its data was replaced, e.g. a re-seeded demo desk): the cache must start over. */
class StaleCursorError extends Error {}

/**
 * Brings the profile's KPI cache up to date: tickets with their facts, satisfaction ratings and survey answers,
 * each from its own resume cursor. Every page is stored with the cursor after it in one transaction, so an
 * interrupted sync (Ctrl-C, network, crash) resumes where it stopped. A stream the provider lacks, or that the
 * credentials may not read (Zendesk ratings are admin-only), is skipped and reported, not fatal. When the desk
 * rejects a stored cursor as invalid, the profile's cache is cleared and read again from the start.
 */
export async function syncStats(
	desk: HelpDesk,
	db: Database,
	options: SyncOptions,
	signal?: AbortSignal,
): Promise<StreamOutcome[]> {
	try {
		return await syncStreamsOnce(desk, db, options, signal);
	} catch (error) {
		if (!(error instanceof StaleCursorError)) throw error;
		return syncStreamsOnce(desk, db, {...options, full: true}, signal);
	}
}

async function syncStreamsOnce(
	desk: HelpDesk,
	db: Database,
	options: SyncOptions,
	signal?: AbortSignal,
): Promise<StreamOutcome[]> {
	const {profile, now} = options;
	const provider = desk.providerName;
	let states = readSyncStates(db, profile);
	const foreign = [...states.values()].some((state) => state.provider !== provider);
	// A profile that now points at another kind of desk: its cursors mean nothing there.
	if (options.full === true || foreign) {
		clearSyncCache(db, profile);
		states = readSyncStates(db, profile);
	}
	const readers = readersOf(desk);
	const outcomes: StreamOutcome[] = [];
	for (const stream of syncStreams) {
		const reader = readers[stream];
		const empty: SyncPage = {stream, items: []} as SyncPage;
		if (!reader.available) {
			storeSyncPage(db, profile, empty, {provider, cursor: null, at: now().toISOString(), completed: true});
			outcomes.push({stream, items: 0, skipped: `${provider} does not provide them`});
			continue;
		}
		const resumedFrom = states.get(stream)?.cursor ?? null;
		let cursor = resumedFrom;
		let items = 0;
		try {
			for (;;) {
				signal?.throwIfAborted();
				const {page, nextCursor} = await reader.read(cursor, signal).catch((error: unknown) => {
					const isRejected = error instanceof ProviderError && error.kind === 'invalid';
					throw isRejected && cursor !== null && cursor === resumedFrom ? new StaleCursorError() : error;
				});
				// Caught up when there is no next page, the page is empty, or the cursor did not move. The stored cursor is
				// the next one, or, at the end of a desk that gives none, the one that read this page (re-read next time).
				const done = nextCursor === null || page.items.length === 0 || nextCursor === cursor;
				storeSyncPage(db, profile, page, {
					provider,
					cursor: nextCursor ?? cursor,
					at: now().toISOString(),
					completed: done,
				});
				items += page.items.length;
				options.onProgress?.({stream, items, done});
				if (done) break;
				cursor = nextCursor;
			}
		} catch (error) {
			if (stream === 'tickets' || !(error instanceof AuthError)) throw error;
			storeSyncPage(db, profile, empty, {provider, cursor, at: now().toISOString(), completed: true});
			outcomes.push({stream, items, skipped: `not allowed with these credentials (${error.message})`});
			continue;
		}
		outcomes.push({stream, items, skipped: null});
	}
	return outcomes;
}

/**
 * When the profile's cache was last complete (the oldest stream's last full pass), or null when some stream has
 * never finished: then stats must sync before they can be trusted.
 */
export function lastCompleteSync(db: Database, profile: string): Date | null {
	const states = readSyncStates(db, profile);
	let oldest: number | null = null;
	for (const stream of syncStreams) {
		const completedAt = states.get(stream)?.completedAt ?? null;
		if (completedAt === null) return null;
		const ms = Date.parse(completedAt);
		oldest = oldest === null ? ms : Math.min(oldest, ms);
	}
	return oldest === null ? null : new Date(oldest);
}
