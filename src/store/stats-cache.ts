import type {StatementSync} from 'node:sqlite';
import {StoreError} from '../errors.js';
import {type Database, transaction} from './database.js';

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

const statements = new WeakMap<Database, Map<string, StatementSync>>();

function statement(db: Database, sql: string): StatementSync {
	let byText = statements.get(db);
	if (byText === undefined) {
		byText = new Map();
		statements.set(db, byText);
	}
	let prepared = byText.get(sql);
	if (prepared === undefined) {
		prepared = db.prepare(sql);
		byText.set(sql, prepared);
	}
	return prepared;
}

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
	readonly firstReplyMinutes: number | null;
	readonly firstReplyBusinessMinutes: number | null;
	readonly resolutionMinutes: number | null;
	readonly resolutionBusinessMinutes: number | null;
	readonly reopens: number;
	readonly publicAgentReplies: number;
	readonly slaBreached: boolean | null;
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
	resolution_business_minutes, reopens, public_agent_replies, sla_breached)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (ticket_id, profile) DO UPDATE SET status = excluded.status, channel = excluded.channel,
	agent_key = excluded.agent_key, group_name = excluded.group_name, created_at = excluded.created_at,
	updated_at = excluded.updated_at, solved_at = excluded.solved_at, first_reply_minutes = excluded.first_reply_minutes,
	first_reply_business_minutes = excluded.first_reply_business_minutes,
	resolution_minutes = excluded.resolution_minutes, resolution_business_minutes = excluded.resolution_business_minutes,
	reopens = excluded.reopens, public_agent_replies = excluded.public_agent_replies, sla_breached = excluded.sla_breached`;

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
		);
	}
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
		for (const table of ['sync_tickets', 'sync_ratings', 'sync_surveys', 'sync_state']) {
			statement(db, `DELETE FROM ${table} WHERE profile = ?`).run(profile);
		}
	});
}

// ---------------------------------------------------------------------------------------------------------------
// Aggregation for csr stats: every query groups by a key so one code path serves the overall snapshot (key '') and
// each --by dimension. Nothing here loads more than one row per group (percentiles: a few rows per group).

export type Dimension = 'all' | 'channel' | 'agent' | 'group' | 'day';
export const noKey = '(none)';

/** The group key of a ticket row `t` for metrics whose date column is `dateColumn` (t.created_at, t.solved_at). */
function ticketKey(dimension: Dimension, dateColumn: string): string {
	switch (dimension) {
		case 'all':
			return `''`;
		case 'channel':
			return 't.channel';
		case 'agent':
			return `COALESCE(t.agent_key, '${noKey}')`;
		case 'group':
			return `COALESCE(t.group_name, '${noKey}')`;
		case 'day':
			return `substr(${dateColumn}, 1, 10)`;
	}
}

/** The group key of a rating or survey row `r` joined to its ticket `t` (which may be missing). */
function answerKey(dimension: Dimension, channel: string): string {
	switch (dimension) {
		case 'channel':
			return `COALESCE(${channel}, 'other')`;
		case 'day':
			return 'substr(r.at, 1, 10)';
		default:
			return ticketKey(dimension, '');
	}
}

export type Window = {readonly since: string; readonly until: string};

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

export type CreatedAggregate = {
	created: number;
	firstReply: {count: number; sum: number};
	firstReplyBusiness: {count: number; sum: number};
	slaKnown: number;
	slaBreached: number;
};

export type SolvedAggregate = {
	solved: number;
	reopened: number;
	oneTouch: number;
	/** Last solved in the window but open again now: not counted as solved. */
	reopenedSince: number;
	resolution: {count: number; sum: number};
	resolutionBusiness: {count: number; sum: number};
};

export type BacklogAggregate = {
	open: number;
	pending: number;
	onHold: number;
	/** Counts per age bucket, youngest first (<1d, 1-3d, 3-7d, >7d). */
	byAge: [number, number, number, number];
};

export type TicketAggregates = {
	created: Map<string, CreatedAggregate>;
	solved: Map<string, SolvedAggregate>;
	backlog: Map<string, BacklogAggregate>;
};

type Part = {columns: string; params: (string | number)[]; read: (row: Record<string, unknown>) => unknown};

function createdPart(window: Window): Part {
	const isIn = 't.created_at >= ? AND t.created_at < ?';
	const when = (expression: string) => `CASE WHEN ${isIn} THEN ${expression} END`;
	return {
		columns: `SUM(${when('1')}) AS created,
			COUNT(${when('t.first_reply_minutes')}) AS fr_count, SUM(${when('t.first_reply_minutes')}) AS fr_sum,
			COUNT(${when('t.first_reply_business_minutes')}) AS frb_count,
			SUM(${when('t.first_reply_business_minutes')}) AS frb_sum,
			COUNT(${when('t.sla_breached')}) AS sla_known, SUM(${when('t.sla_breached')}) AS sla_breached`,
		params: Array.from({length: 7}, () => [window.since, window.until]).flat(),
		read: (row): CreatedAggregate => ({
			created: num(row['created']),
			firstReply: {count: num(row['fr_count']), sum: num(row['fr_sum'])},
			firstReplyBusiness: {count: num(row['frb_count']), sum: num(row['frb_sum'])},
			slaKnown: num(row['sla_known']),
			slaBreached: num(row['sla_breached']),
		}),
	};
}

function solvedPart(window: Window, oneTouchMaxReplies: number): Part {
	const isIn = 't.solved_at >= ? AND t.solved_at < ?';
	const isSolved = `${isIn} AND t.status IN ('solved', 'closed')`;
	return {
		columns: `SUM(CASE WHEN ${isSolved} THEN 1 END) AS solved,
			SUM(CASE WHEN ${isSolved} AND t.reopens > 0 THEN 1 END) AS reopened,
			SUM(CASE WHEN ${isSolved} AND t.public_agent_replies <= ? THEN 1 END) AS one_touch,
			SUM(CASE WHEN ${isIn} AND t.status NOT IN ('solved', 'closed') THEN 1 END) AS reopened_since,
			COUNT(CASE WHEN ${isSolved} THEN t.resolution_minutes END) AS res_count,
			SUM(CASE WHEN ${isSolved} THEN t.resolution_minutes END) AS res_sum,
			COUNT(CASE WHEN ${isSolved} THEN t.resolution_business_minutes END) AS resb_count,
			SUM(CASE WHEN ${isSolved} THEN t.resolution_business_minutes END) AS resb_sum`,
		params: [
			...Array.from({length: 3}, () => [window.since, window.until]).flat(),
			oneTouchMaxReplies,
			...Array.from({length: 5}, () => [window.since, window.until]).flat(),
		],
		read: (row): SolvedAggregate => ({
			solved: num(row['solved']),
			reopened: num(row['reopened']),
			oneTouch: num(row['one_touch']),
			reopenedSince: num(row['reopened_since']),
			resolution: {count: num(row['res_count']), sum: num(row['res_sum'])},
			resolutionBusiness: {count: num(row['resb_count']), sum: num(row['resb_sum'])},
		}),
	};
}

function backlogPart(cutoffs: {under1d: string; under3d: string; under7d: string}): Part {
	const isOpen = `t.status IN ('new', 'open', 'pending', 'on-hold')`;
	return {
		columns: `SUM(CASE WHEN t.status IN ('new', 'open') THEN 1 END) AS open,
			SUM(CASE WHEN t.status = 'pending' THEN 1 END) AS pending,
			SUM(CASE WHEN t.status = 'on-hold' THEN 1 END) AS on_hold,
			SUM(CASE WHEN ${isOpen} AND t.created_at > ? THEN 1 END) AS age0,
			SUM(CASE WHEN ${isOpen} AND t.created_at <= ? AND t.created_at > ? THEN 1 END) AS age1,
			SUM(CASE WHEN ${isOpen} AND t.created_at <= ? AND t.created_at > ? THEN 1 END) AS age2,
			SUM(CASE WHEN ${isOpen} AND t.created_at <= ? THEN 1 END) AS age3`,
		params: [cutoffs.under1d, cutoffs.under1d, cutoffs.under3d, cutoffs.under3d, cutoffs.under7d, cutoffs.under7d],
		read: (row): BacklogAggregate => ({
			open: num(row['open']),
			pending: num(row['pending']),
			onHold: num(row['on_hold']),
			byAge: [num(row['age0']), num(row['age1']), num(row['age2']), num(row['age3'])],
		}),
	};
}

/**
 * Tickets created in the window (counts, first reply sums, SLA outcomes), solved in the window (last solve in it and
 * solved or closed now), and the backlog now (unsolved, by status and age), per key. One scan of the profile's rows
 * computes all three; only --by day needs three, each grouped by its own date.
 */
export function aggregateTickets(
	db: Database,
	profile: string,
	window: Window,
	dimension: Dimension,
	options: {oneTouchMaxReplies: number; cutoffs: {under1d: string; under3d: string; under7d: string}},
): TicketAggregates {
	const parts = {
		created: createdPart(window),
		solved: solvedPart(window, options.oneTouchMaxReplies),
		backlog: backlogPart(options.cutoffs),
	};
	const result: TicketAggregates = {created: new Map(), solved: new Map(), backlog: new Map()};
	const run = (names: readonly (keyof typeof parts)[], key: string, where: string, whereParams: string[]) => {
		const chosen = names.map((name) => parts[name]);
		const rows = statement(
			db,
			`SELECT ${key} AS k, ${chosen.map((part) => part.columns).join(',\n')}
			FROM sync_tickets t WHERE t.profile = ? ${where} GROUP BY k`,
		).all(...chosen.flatMap((part) => part.params), profile, ...whereParams);
		for (const row of rows) {
			for (const name of names) {
				(result[name] as Map<string, unknown>).set(String(row['k']), parts[name].read(row));
			}
		}
	};
	if (dimension !== 'day') {
		run(['created', 'solved', 'backlog'], ticketKey(dimension, ''), '', []);
		return result;
	}
	run(['created'], ticketKey('day', 't.created_at'), 'AND t.created_at >= ? AND t.created_at < ?', [
		window.since,
		window.until,
	]);
	run(['solved'], ticketKey('day', 't.solved_at'), 'AND t.solved_at >= ? AND t.solved_at < ?', [
		window.since,
		window.until,
	]);
	run(['backlog'], ticketKey('day', 't.created_at'), `AND t.status IN ('new', 'open', 'pending', 'on-hold')`, []);
	return result;
}

export const durationColumns = {
	firstReply: {column: 't.first_reply_minutes', basis: 'created'},
	firstReplyBusiness: {column: 't.first_reply_business_minutes', basis: 'created'},
	resolution: {column: 't.resolution_minutes', basis: 'solved'},
	resolutionBusiness: {column: 't.resolution_business_minutes', basis: 'solved'},
} as const;
export type DurationMetric = keyof typeof durationColumns;

function durationSource(metric: DurationMetric) {
	const {column, basis} = durationColumns[metric];
	const dateColumn = basis === 'created' ? 't.created_at' : 't.solved_at';
	const solvedOnly = basis === 'solved' ? `AND t.status IN ('solved', 'closed')` : '';
	return {
		column,
		dateColumn,
		where: `${column} IS NOT NULL AND t.profile = ? AND ${dateColumn} >= ? AND ${dateColumn} < ? ${solvedOnly}`,
	};
}

/**
 * The whole window's sorted values at the given 0-based positions: `ORDER BY value LIMIT n OFFSET k` over the
 * value-first covering index, so SQLite walks the index in order and neither sorts nor reads the table.
 */
export function durationValuesAtPositions(
	db: Database,
	profile: string,
	window: Window,
	metric: DurationMetric,
	positions: readonly number[],
): Map<number, number> {
	const {column, where} = durationSource(metric);
	const read = statement(
		db,
		`SELECT ${column} AS x FROM sync_tickets t WHERE ${where} ORDER BY ${column} LIMIT ? OFFSET ?`,
	);
	const values = new Map<number, number>();
	const sorted = [...new Set(positions)].sort((a, b) => a - b);
	for (let index = 0; index < sorted.length; ) {
		// One query per run of neighbouring positions (a percentile needs two; the median and p90 are far apart).
		const first = sorted[index] as number;
		let last = first;
		while (index + 1 < sorted.length && (sorted[index + 1] as number) <= last + 1) last = sorted[++index] as number;
		index++;
		read.all(profile, window.since, window.until, last - first + 1, first).forEach((row, offset) => {
			values.set(first + offset, Number(row['x']));
		});
	}
	return values;
}

/**
 * Per key, the sorted values at the given fractions' neighbouring positions: a window function numbers each
 * group's values in order and only rows at ⌊(n − 1)·p⌋ and ⌊(n − 1)·p⌋ + 1 come back (the same arithmetic as
 * kpi/percentile.ts, in IEEE doubles on both sides). Memory stays at a few rows per group.
 */
export function durationValuesByKey(
	db: Database,
	profile: string,
	window: Window,
	dimension: Dimension,
	metric: DurationMetric,
	fractions: readonly number[],
): Map<string, Map<number, number>> {
	const {column, dateColumn, where} = durationSource(metric);
	const key = ticketKey(dimension, dateColumn);
	const wanted = fractions.map(() => 'i = CAST((n - 1) * ? AS INTEGER) OR i = CAST((n - 1) * ? AS INTEGER) + 1');
	const rows = statement(
		db,
		`SELECT k, i, x FROM (
			SELECT ${key} AS k, ${column} AS x,
				ROW_NUMBER() OVER (PARTITION BY ${key} ORDER BY ${column}) - 1 AS i,
				COUNT(*) OVER (PARTITION BY ${key}) AS n
			FROM sync_tickets t WHERE ${where}
		) WHERE ${wanted.join(' OR ')}`,
	).all(profile, window.since, window.until, ...fractions.flatMap((fraction) => [fraction, fraction]));
	const byKey = new Map<string, Map<number, number>>();
	for (const row of rows) {
		const k = String(row['k']);
		let values = byKey.get(k);
		if (values === undefined) {
			values = new Map();
			byKey.set(k, values);
		}
		values.set(Number(row['i']), Number(row['x']));
	}
	return byKey;
}

export type RatingAggregate = {good: number; bad: number; offered: number};
export type RatingCell = RatingAggregate & {channel: string; day: string};

/**
 * Satisfaction ratings given in the window, per key, split by channel (the rating's own, else its ticket's, else
 * "other") and UTC day in one pass; callers fold the cells into totals, per channel and per day.
 */
export function aggregateRatings(
	db: Database,
	profile: string,
	window: Window,
	dimension: Dimension,
): Map<string, RatingCell[]> {
	const channel = `COALESCE(r.channel, t.channel, 'other')`;
	const key = answerKey(dimension, channel);
	const rows = statement(
		db,
		`SELECT ${key} AS k, ${channel} AS c, substr(r.at, 1, 10) AS d,
			SUM(CASE WHEN r.score = 'good' THEN 1 ELSE 0 END) AS good,
			SUM(CASE WHEN r.score = 'bad' THEN 1 ELSE 0 END) AS bad,
			SUM(CASE WHEN r.score = 'offered' THEN 1 ELSE 0 END) AS offered
		FROM sync_ratings r LEFT JOIN sync_tickets t ON t.ticket_id = r.ticket_id AND t.profile = r.profile
		WHERE r.profile = ? AND r.at >= ? AND r.at < ? GROUP BY k, c, d`,
	).all(profile, window.since, window.until);
	const byKey = new Map<string, RatingCell[]>();
	for (const row of rows) {
		const k = String(row['k']);
		let cells = byKey.get(k);
		if (cells === undefined) {
			cells = [];
			byKey.set(k, cells);
		}
		cells.push({
			channel: String(row['c']),
			day: String(row['d']),
			good: num(row['good']),
			bad: num(row['bad']),
			offered: num(row['offered']),
		});
	}
	return byKey;
}

export type SurveyAggregate = {
	promoters: number;
	passives: number;
	detractors: number;
	cesSum: number;
	cesCount: number;
};

/** NPS and CES answers given in the window, per key; NPS thresholds come from kpi/scores.ts. */
export function aggregateSurveys(
	db: Database,
	profile: string,
	window: Window,
	dimension: Dimension,
	nps: {promoterMin: number; detractorMax: number},
): Map<string, SurveyAggregate> {
	const key = answerKey(dimension, 't.channel');
	const rows = statement(
		db,
		`SELECT ${key} AS k,
			SUM(CASE WHEN r.kind = 'nps' AND r.score >= ? THEN 1 ELSE 0 END) AS promoters,
			SUM(CASE WHEN r.kind = 'nps' AND r.score > ? AND r.score < ? THEN 1 ELSE 0 END) AS passives,
			SUM(CASE WHEN r.kind = 'nps' AND r.score <= ? THEN 1 ELSE 0 END) AS detractors,
			SUM(CASE WHEN r.kind = 'ces' THEN r.score END) AS ces_sum,
			SUM(CASE WHEN r.kind = 'ces' THEN 1 ELSE 0 END) AS ces_count
		FROM sync_surveys r LEFT JOIN sync_tickets t ON t.ticket_id = r.ticket_id AND t.profile = r.profile
		WHERE r.profile = ? AND r.at >= ? AND r.at < ? GROUP BY k`,
	).all(nps.promoterMin, nps.detractorMax, nps.promoterMin, nps.detractorMax, profile, window.since, window.until);
	return new Map(
		rows.map((row) => [
			String(row['k']),
			{
				promoters: num(row['promoters']),
				passives: num(row['passives']),
				detractors: num(row['detractors']),
				cesSum: num(row['ces_sum']),
				cesCount: num(row['ces_count']),
			},
		]),
	);
}

export type DailyAggregate = {created: number; solved: number};

/** Tickets created and solved per UTC day of the window, per key (for trend sparklines). */
export function aggregateDaily(
	db: Database,
	profile: string,
	window: Window,
	dimension: Dimension,
): Map<string, Map<string, DailyAggregate>> {
	const byKey = new Map<string, Map<string, DailyAggregate>>();
	const add = (k: string, day: string, field: keyof DailyAggregate, count: number) => {
		let inner = byKey.get(k);
		if (inner === undefined) {
			inner = new Map();
			byKey.set(k, inner);
		}
		const entry = inner.get(day) ?? {created: 0, solved: 0};
		entry[field] += count;
		inner.set(day, entry);
	};
	for (const [field, column, extra] of [
		['created', 't.created_at', ''],
		['solved', 't.solved_at', `AND t.status IN ('solved', 'closed')`],
	] as const) {
		const rows = statement(
			db,
			`SELECT ${ticketKey(dimension, column)} AS k, substr(${column}, 1, 10) AS d, COUNT(*) AS n FROM sync_tickets t
			WHERE t.profile = ? AND ${column} >= ? AND ${column} < ? ${extra} GROUP BY k, d`,
		).all(profile, window.since, window.until);
		for (const row of rows) add(String(row['k']), String(row['d']), field, num(row['n']));
	}
	return byKey;
}

export type ActivityAggregate = {
	replies: number;
	notes: number;
	calls: number;
	handleSec: number | null;
	records: number;
};

/**
 * The interaction log in the window, per key and agent (as written, not yet case-folded). Records of this profile
 * and records without a profile count. `group` comes from the record's ticket in the cache.
 */
export function aggregateActivity(
	db: Database,
	profile: string,
	window: Window,
	dimension: Dimension,
	actions: {replies: readonly string[]; notes: readonly string[]; calls: readonly string[]},
): Map<string, Map<string | null, ActivityAggregate>> {
	const key = (() => {
		switch (dimension) {
			case 'all':
				return `''`;
			case 'channel':
				return `COALESCE(rec.channel, t.channel, 'other')`;
			case 'agent':
				return `''`;
			case 'group':
				return `COALESCE(t.group_name, '${noKey}')`;
			case 'day':
				return 'substr(rec.at, 1, 10)';
		}
	})();
	const list = (values: readonly string[]) => (values.length === 0 ? `''` : values.map(() => '?').join(', '));
	const rows = statement(
		db,
		`SELECT ${key} AS k, rec.agent AS agent,
			SUM(CASE WHEN rec.action IN (${list(actions.replies)}) THEN 1 ELSE 0 END) AS replies,
			SUM(CASE WHEN rec.action IN (${list(actions.notes)}) THEN 1 ELSE 0 END) AS notes,
			SUM(CASE WHEN rec.action IN (${list(actions.calls)}) THEN 1 ELSE 0 END) AS calls,
			SUM(rec.duration_sec) AS handle_sec, COUNT(*) AS records
		FROM records rec LEFT JOIN sync_tickets t ON t.ticket_id = rec.ticket_id AND t.profile = ?
		WHERE (rec.profile = ? OR rec.profile IS NULL) AND rec.at >= ? AND rec.at < ? GROUP BY k, agent`,
	).all(...actions.replies, ...actions.notes, ...actions.calls, profile, profile, window.since, window.until);
	const byKey = new Map<string, Map<string | null, ActivityAggregate>>();
	for (const row of rows) {
		const k = String(row['k']);
		let inner = byKey.get(k);
		if (inner === undefined) {
			inner = new Map();
			byKey.set(k, inner);
		}
		inner.set(row['agent'] === null ? null : String(row['agent']), {
			replies: num(row['replies']),
			notes: num(row['notes']),
			calls: num(row['calls']),
			handleSec: row['handle_sec'] === null ? null : Number(row['handle_sec']),
			records: num(row['records']),
		});
	}
	return byKey;
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
