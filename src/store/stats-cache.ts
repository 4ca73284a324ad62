import {StoreError} from '../errors.js';
import {type Database, transaction} from './database.js';
import {num, statement} from './stats-keys.js';

/**
 * The KPI cache that `csr sync` fills and `csr stats` reads: one row per ticket (with its KPI facts), satisfaction
 * rating and survey answer, every row keyed by profile, plus one resume cursor per (profile, stream). Times are
 * stored as toISOString() so that text order is time order and window filters use the indexes.
 */

export const syncStreams = ['tickets', 'satisfaction', 'surveys'] as const;
export type SyncStream = (typeof syncStreams)[number];

export type SyncState = {
	readonly stream: SyncStream;
	readonly provider: string;
	/** Where the next export call starts; null: from the beginning. */
	readonly cursor: string | null;
	/** Rows written by this stream since the cache was last cleared. */
	readonly items: number;
	readonly updatedAt: string;
	/** When the stream last reached its end; null while a sync is unfinished. */
	readonly completedAt: string | null;
};

/** An ISO 8601 time in the one form the cache compares as text; throws on input that is not a time. */
export function toCacheTime(value: string, what: string): string {
	const ms = Date.parse(value);
	if (Number.isNaN(ms)) throw new StoreError(`cannot cache ${what}: "${value}" is not a time`);
	return new Date(ms).toISOString();
}

/** A ticket's KPI facts as the cache keeps them (services/sync.ts maps provider facts to this). */
export type CachedTicket = {
	readonly ticketId: string;
	readonly status: string;
	readonly channel: string;
	/** The --by agent key: the assignee's email lower-cased, else their name; null when unassigned. */
	readonly agentKey: string | null;
	readonly groupName: string | null;
	readonly createdAt: string;
	readonly updatedAt: string;
	readonly solvedAt: string | null;
	/** When the first public agent reply was given; null without one (or when the desk does not say). */
	readonly firstReplyAt?: string | null;
	readonly firstReplyMinutes: number | null;
	readonly firstReplyBusinessMinutes: number | null;
	readonly resolutionMinutes: number | null;
	readonly resolutionBusinessMinutes: number | null;
	readonly reopens: number;
	readonly publicAgentReplies: number;
	readonly slaBreached: boolean | null;
	/** Per-agent facts (agent keys), when the desk gives them: see TicketFacts. */
	readonly replies?: readonly {readonly at: string; readonly agentKey: string}[];
	readonly firstReplyBy?: string | null;
	readonly solvedBy?: string | null;
	readonly agentTouches?: number | null;
	/** The running SLA target as the desk gives it (csr dashboard); null without one. */
	readonly slaDueAt?: string | null;
	/** Since when the requester waits for an agent's answer (csr dashboard); null when nobody waits. */
	readonly waitingSince?: string | null;
	/** Next reply and requester wait (kpi/waits.ts): calendar minutes, the desk's business minutes, the thread's waits. */
	readonly nextReplyMinutes?: number | null;
	readonly requesterWaitMinutes?: number | null;
	readonly requesterWaitBusinessMinutes?: number | null;
	readonly waits?: string | null;
	/** low, normal, high or urgent as the desk maps it; null without one (csr's SLA targets per priority). */
	readonly priority?: string | null;
};

export type CachedRating = {
	readonly id: string;
	readonly ticketId: string | null;
	readonly at: string;
	readonly score: 'good' | 'bad' | 'offered';
	readonly channel: string | null;
};

export type CachedSurvey = {
	readonly id: string;
	readonly ticketId: string | null;
	readonly at: string;
	readonly kind: 'nps' | 'ces';
	readonly score: number;
};

const upsertTicketSql = `INSERT INTO sync_tickets (profile, ticket_id, status, channel, agent_key, group_name, created_at,
	updated_at, solved_at, first_reply_minutes, first_reply_business_minutes, resolution_minutes,
	resolution_business_minutes, reopens, public_agent_replies, sla_breached, first_reply_at, business_source,
	first_reply_by, solved_by, agent_touches, sla_due_at, waiting_since, next_reply_minutes, requester_wait_minutes,
	requester_wait_business_minutes, waits, next_reply_business_minutes, priority)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)
ON CONFLICT (ticket_id, profile) DO UPDATE SET status = excluded.status, channel = excluded.channel,
	agent_key = excluded.agent_key, group_name = excluded.group_name, created_at = excluded.created_at,
	updated_at = excluded.updated_at, solved_at = excluded.solved_at, first_reply_minutes = excluded.first_reply_minutes,
	first_reply_business_minutes = excluded.first_reply_business_minutes,
	resolution_minutes = excluded.resolution_minutes, resolution_business_minutes = excluded.resolution_business_minutes,
	reopens = excluded.reopens, public_agent_replies = excluded.public_agent_replies, sla_breached = excluded.sla_breached,
	first_reply_at = excluded.first_reply_at, business_source = excluded.business_source,
	first_reply_by = excluded.first_reply_by, solved_by = excluded.solved_by, agent_touches = excluded.agent_touches,
	sla_due_at = excluded.sla_due_at, waiting_since = excluded.waiting_since,
	next_reply_minutes = excluded.next_reply_minutes, requester_wait_minutes = excluded.requester_wait_minutes,
	requester_wait_business_minutes = excluded.requester_wait_business_minutes, waits = excluded.waits,
	next_reply_business_minutes = NULL, priority = excluded.priority, next_reply_business_source = NULL`;

function writeTickets(db: Database, profile: string, items: readonly CachedTicket[]): void {
	const upsert = statement(db, upsertTicketSql);
	for (const ticket of items) {
		const what = `ticket ${ticket.ticketId}`;
		upsert.run(
			profile,
			ticket.ticketId,
			ticket.status,
			ticket.channel,
			ticket.agentKey,
			ticket.groupName,
			toCacheTime(ticket.createdAt, what),
			toCacheTime(ticket.updatedAt, what),
			ticket.solvedAt === null ? null : toCacheTime(ticket.solvedAt, what),
			ticket.firstReplyMinutes,
			ticket.firstReplyBusinessMinutes,
			ticket.resolutionMinutes,
			ticket.resolutionBusinessMinutes,
			ticket.reopens,
			ticket.publicAgentReplies,
			ticket.slaBreached === null ? null : ticket.slaBreached ? 1 : 0,
			ticket.firstReplyAt == null ? null : toCacheTime(ticket.firstReplyAt, what),
			// The desk's own business minutes are kept as they are; otherwise csr measures them (services/business-hours.ts).
			ticket.firstReplyBusinessMinutes !== null ||
				ticket.resolutionBusinessMinutes !== null ||
				(ticket.requesterWaitBusinessMinutes ?? null) !== null
				? 'desk'
				: null,
			ticket.firstReplyBy ?? null,
			ticket.solvedBy ?? null,
			ticket.agentTouches ?? null,
			ticket.slaDueAt == null ? null : toCacheTime(ticket.slaDueAt, what),
			ticket.waitingSince == null ? null : toCacheTime(ticket.waitingSince, what),
			ticket.nextReplyMinutes ?? null,
			ticket.requesterWaitMinutes ?? null,
			ticket.requesterWaitBusinessMinutes ?? null,
			ticket.waits ?? null,
			ticket.priority ?? null,
		);
		if (ticket.replies !== undefined) writeReplies(db, profile, ticket.ticketId, ticket.replies);
	}
}

/** A ticket's public agent replies (who, when), replacing what the cache had for it. */
function writeReplies(
	db: Database,
	profile: string,
	ticketId: string,
	replies: readonly {readonly at: string; readonly agentKey: string}[],
): void {
	statement(db, 'DELETE FROM sync_replies WHERE profile = ? AND ticket_id = ?').run(profile, ticketId);
	const insert = statement(
		db,
		'INSERT INTO sync_replies (profile, ticket_id, seq, at, agent_key) VALUES (?, ?, ?, ?, ?)',
	);
	replies.forEach((reply, seq) => {
		insert.run(profile, ticketId, seq, toCacheTime(reply.at, `a reply on ticket ${ticketId}`), reply.agentKey);
	});
}

const upsertRatingSql = `INSERT INTO sync_ratings (profile, rating_id, ticket_id, at, score, channel) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (rating_id, profile) DO UPDATE SET ticket_id = excluded.ticket_id, at = excluded.at, score = excluded.score,
	channel = excluded.channel`;

function writeRatings(db: Database, profile: string, items: readonly CachedRating[]): void {
	const upsert = statement(db, upsertRatingSql);
	for (const rating of items) {
		upsert.run(
			profile,
			rating.id,
			rating.ticketId,
			toCacheTime(rating.at, `rating ${rating.id}`),
			rating.score,
			rating.channel,
		);
	}
}

const upsertSurveySql = `INSERT INTO sync_surveys (profile, survey_id, ticket_id, at, kind, score) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (survey_id, profile) DO UPDATE SET ticket_id = excluded.ticket_id, at = excluded.at, kind = excluded.kind,
	score = excluded.score`;

function writeSurveys(db: Database, profile: string, items: readonly CachedSurvey[]): void {
	const upsert = statement(db, upsertSurveySql);
	for (const survey of items) {
		upsert.run(
			profile,
			survey.id,
			survey.ticketId,
			toCacheTime(survey.at, `survey answer ${survey.id}`),
			survey.kind,
			survey.score,
		);
	}
}

export type SyncPage =
	| {readonly stream: 'tickets'; readonly items: readonly CachedTicket[]}
	| {readonly stream: 'satisfaction'; readonly items: readonly CachedRating[]}
	| {readonly stream: 'surveys'; readonly items: readonly CachedSurvey[]};

/**
 * One exported page and the cursor after it, in one transaction: a crash leaves either both or neither, so a
 * resumed sync never skips rows and never needs to re-read more than one page.
 */
export function storeSyncPage(
	db: Database,
	profile: string,
	page: SyncPage,
	state: {provider: string; cursor: string | null; at: string; completed: boolean},
): void {
	transaction(db, () => {
		if (page.stream === 'tickets') writeTickets(db, profile, page.items);
		else if (page.stream === 'satisfaction') writeRatings(db, profile, page.items);
		else writeSurveys(db, profile, page.items);
		statement(
			db,
			`INSERT INTO sync_state (profile, stream, provider, cursor, items, updated_at, completed_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (profile, stream) DO UPDATE SET provider = excluded.provider, cursor = excluded.cursor,
				items = sync_state.items + excluded.items, updated_at = excluded.updated_at,
				completed_at = COALESCE(excluded.completed_at, sync_state.completed_at)`,
		).run(
			profile,
			page.stream,
			state.provider,
			state.cursor,
			page.items.length,
			state.at,
			state.completed ? state.at : null,
		);
	});
}

/** The resume state of each stream of a profile that has one. */
export function readSyncStates(db: Database, profile: string): Map<SyncStream, SyncState> {
	const rows = statement(
		db,
		'SELECT stream, provider, cursor, items, updated_at, completed_at FROM sync_state WHERE profile = ?',
	).all(profile);
	const states = new Map<SyncStream, SyncState>();
	for (const row of rows) {
		const stream = String(row['stream']) as SyncStream;
		states.set(stream, {
			stream,
			provider: String(row['provider']),
			cursor: row['cursor'] === null ? null : String(row['cursor']),
			items: Number(row['items']),
			updatedAt: String(row['updated_at']),
			completedAt: row['completed_at'] === null ? null : String(row['completed_at']),
		});
	}
	return states;
}

/** Forgets a profile's cached tickets, ratings, surveys and cursors (`csr sync --full`, a rejected cursor). */
export function clearSyncCache(db: Database, profile: string): void {
	transaction(db, () => {
		for (const table of ['sync_tickets', 'sync_replies', 'sync_ratings', 'sync_surveys', 'sync_state']) {
			statement(db, `DELETE FROM ${table} WHERE profile = ?`).run(profile);
		}
	});
}

/**
 * Forgets the cache of every profile synced from a provider: for a desk whose data was replaced wholesale (`csr demo
 * reset`), where the old rows and cursors describe tickets that no longer exist.
 */
export function clearSyncCacheOfProvider(db: Database, provider: string): void {
	const profiles = statement(db, 'SELECT DISTINCT profile FROM sync_state WHERE provider = ?')
		.all(provider)
		.map((row) => String(row['profile']));
	for (const profile of profiles) clearSyncCache(db, profile);
}

/** How many tickets, ratings and survey answers the cache holds for a profile. */
export function countCached(db: Database, profile: string): {tickets: number; ratings: number; surveys: number} {
	const count = (table: string) =>
		num(statement(db, `SELECT COUNT(*) AS n FROM ${table} WHERE profile = ?`).get(profile)?.['n']);
	return {tickets: count('sync_tickets'), ratings: count('sync_ratings'), surveys: count('sync_surveys')};
}

export {
	type ActivityAggregate,
	aggregateActivity,
	aggregateDaily,
	aggregateRatings,
	aggregateSurveys,
	type DailyAggregate,
	type RatingAggregate,
	type RatingCell,
	type SurveyAggregate,
} from './stats-answers.js';
// The aggregations for csr stats live beside this file; callers keep importing them from here.
export {type Dimension, noKey, type Window} from './stats-keys.js';
export {durationValuesByKey} from './stats-percentiles.js';
export {
	aggregateTickets,
	type BacklogAggregate,
	type CreatedAggregate,
	type DurationMetric,
	durationColumns,
	durationValuesAtPositions,
	type SolvedAggregate,
	type TicketAggregates,
} from './stats-tickets.js';
