import type {Database} from './database.js';
import {
	addAggregate,
	type Dimension,
	keyedBy,
	num,
	statement,
	ticketKey,
	valuesAtPositions,
	type Window,
} from './stats-keys.js';

// Ticket aggregates for csr stats: created, solved, backlog, and the duration metrics' percentiles.

export type CreatedAggregate = {
	created: number;
	firstReply: {count: number; sum: number};
	firstReplyBusiness: {count: number; sum: number};
	nextReply: {count: number; sum: number};
	nextReplyBusiness: {count: number; sum: number};
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
	requesterWait: {count: number; sum: number};
	requesterWaitBusiness: {count: number; sum: number};
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

/**
 * One of the three ticket aggregates: the rows it counts (`where`, after the profile), the date its --by day/week key
 * is taken from, and its columns, which apply to every row the WHERE kept: a filter SQLite applies once per row, where
 * a CASE per column repeated the window test thirty times per row of the whole table.
 */
type Part = {
	where: string;
	whereParams: (string | number)[];
	dateColumn: string;
	columns: string;
	params: (string | number)[];
	read: (row: Record<string, unknown>) => unknown;
};

function createdPart(window: Window): Part {
	return {
		where: 't.created_at >= ? AND t.created_at < ?',
		whereParams: [window.since, window.until],
		dateColumn: 't.created_at',
		columns: `COUNT(*) AS created,
			COUNT(t.first_reply_minutes) AS fr_count, SUM(t.first_reply_minutes) AS fr_sum,
			COUNT(t.first_reply_business_minutes) AS frb_count, SUM(t.first_reply_business_minutes) AS frb_sum,
			COUNT(t.next_reply_minutes) AS nr_count, SUM(t.next_reply_minutes) AS nr_sum,
			COUNT(t.next_reply_business_minutes) AS nrb_count, SUM(t.next_reply_business_minutes) AS nrb_sum,
			COUNT(t.sla_breached) AS sla_known, SUM(t.sla_breached) AS sla_breached`,
		params: [],
		read: (row): CreatedAggregate => ({
			created: num(row['created']),
			firstReply: {count: num(row['fr_count']), sum: num(row['fr_sum'])},
			firstReplyBusiness: {count: num(row['frb_count']), sum: num(row['frb_sum'])},
			nextReply: {count: num(row['nr_count']), sum: num(row['nr_sum'])},
			nextReplyBusiness: {count: num(row['nrb_count']), sum: num(row['nrb_sum'])},
			slaKnown: num(row['sla_known']),
			slaBreached: num(row['sla_breached']),
		}),
	};
}

function solvedPart(window: Window, oneTouchMaxReplies: number): Part {
	const isSolved = `t.status IN ('solved', 'closed')`;
	return {
		where: 't.solved_at >= ? AND t.solved_at < ?',
		whereParams: [window.since, window.until],
		dateColumn: 't.solved_at',
		columns: `SUM(CASE WHEN ${isSolved} THEN 1 END) AS solved,
			SUM(CASE WHEN ${isSolved} AND t.reopens > 0 THEN 1 END) AS reopened,
			SUM(CASE WHEN ${isSolved} AND COALESCE(t.agent_touches, t.public_agent_replies) <= ? THEN 1 END) AS one_touch,
			SUM(CASE WHEN t.status NOT IN ('solved', 'closed') THEN 1 END) AS reopened_since,
			COUNT(CASE WHEN ${isSolved} THEN t.resolution_minutes END) AS res_count,
			SUM(CASE WHEN ${isSolved} THEN t.resolution_minutes END) AS res_sum,
			COUNT(CASE WHEN ${isSolved} THEN t.resolution_business_minutes END) AS resb_count,
			SUM(CASE WHEN ${isSolved} THEN t.resolution_business_minutes END) AS resb_sum,
			COUNT(CASE WHEN ${isSolved} THEN t.requester_wait_minutes END) AS rw_count,
			SUM(CASE WHEN ${isSolved} THEN t.requester_wait_minutes END) AS rw_sum,
			COUNT(CASE WHEN ${isSolved} THEN t.requester_wait_business_minutes END) AS rwb_count,
			SUM(CASE WHEN ${isSolved} THEN t.requester_wait_business_minutes END) AS rwb_sum`,
		params: [oneTouchMaxReplies],
		read: (row): SolvedAggregate => ({
			solved: num(row['solved']),
			reopened: num(row['reopened']),
			oneTouch: num(row['one_touch']),
			reopenedSince: num(row['reopened_since']),
			resolution: {count: num(row['res_count']), sum: num(row['res_sum'])},
			resolutionBusiness: {count: num(row['resb_count']), sum: num(row['resb_sum'])},
			requesterWait: {count: num(row['rw_count']), sum: num(row['rw_sum'])},
			requesterWaitBusiness: {count: num(row['rwb_count']), sum: num(row['rwb_sum'])},
		}),
	};
}

function backlogPart(cutoffs: {under1d: string; under3d: string; under7d: string}): Part {
	return {
		where: `t.status IN ('new', 'open', 'pending', 'on-hold')`,
		whereParams: [],
		dateColumn: 't.created_at',
		columns: `SUM(CASE WHEN t.status IN ('new', 'open') THEN 1 END) AS open,
			SUM(CASE WHEN t.status = 'pending' THEN 1 END) AS pending,
			SUM(CASE WHEN t.status = 'on-hold' THEN 1 END) AS on_hold,
			SUM(CASE WHEN t.created_at > ? THEN 1 END) AS age0,
			SUM(CASE WHEN t.created_at <= ? AND t.created_at > ? THEN 1 END) AS age1,
			SUM(CASE WHEN t.created_at <= ? AND t.created_at > ? THEN 1 END) AS age2,
			SUM(CASE WHEN t.created_at <= ? THEN 1 END) AS age3`,
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
 * solved or closed now), and the backlog now (unsolved, by status and age), per key of each dimension: one query
 * each, over only its rows, grouped by every dimension's key at once (keyedBy). The overall snapshot alone has no
 * GROUP BY (no sort). For day and week, created and backlog are keyed by the creation date and solved by the solve date.
 */
export function aggregateTickets(
	db: Database,
	profile: string,
	window: Window,
	dimensions: readonly Dimension[],
	options: {oneTouchMaxReplies: number; cutoffs: {under1d: string; under3d: string; under7d: string}},
): Map<Dimension, TicketAggregates> {
	const parts = {
		created: createdPart(window),
		solved: solvedPart(window, options.oneTouchMaxReplies),
		backlog: backlogPart(options.cutoffs),
	};
	const result = new Map<Dimension, TicketAggregates>(
		dimensions.map((dimension) => [dimension, {created: new Map(), solved: new Map(), backlog: new Map()}]),
	);
	for (const name of ['created', 'solved', 'backlog'] as const) {
		const part = parts[name];
		const keys = keyedBy(dimensions, (dimension) => ticketKey(dimension, part.dateColumn));
		const rows = statement(
			db,
			`SELECT ${keys.select}${part.columns}
			FROM sync_tickets t WHERE t.profile = ? AND ${part.where} ${keys.groupBy()}`,
		).all(...part.params, profile, ...part.whereParams);
		for (const row of rows) {
			const value = part.read(row);
			for (const [dimension, aggregates] of result) {
				addAggregate(aggregates[name] as Map<string, unknown>, keys.keyOf(row, dimension), value);
			}
		}
	}
	return result;
}

export const durationColumns = {
	firstReply: {column: 't.first_reply_minutes', basis: 'created'},
	firstReplyBusiness: {column: 't.first_reply_business_minutes', basis: 'created'},
	resolution: {column: 't.resolution_minutes', basis: 'solved'},
	resolutionBusiness: {column: 't.resolution_business_minutes', basis: 'solved'},
	nextReply: {column: 't.next_reply_minutes', basis: 'created'},
	nextReplyBusiness: {column: 't.next_reply_business_minutes', basis: 'created'},
	requesterWait: {column: 't.requester_wait_minutes', basis: 'solved'},
	requesterWaitBusiness: {column: 't.requester_wait_business_minutes', basis: 'solved'},
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
 * The whole window's sorted values at the given 0-based positions (of `count` values): `ORDER BY value [DESC] LIMIT n
 * OFFSET k` over the value-first covering index, so SQLite walks the index in order and neither sorts nor reads the
 * table (valuesAtPositions: the upper positions from the top).
 */
export function durationValuesAtPositions(
	db: Database,
	profile: string,
	window: Window,
	metric: DurationMetric,
	positions: readonly number[],
	count: number,
): Map<number, number> {
	const {column, where} = durationSource(metric);
	const sql = (order: string) =>
		`SELECT ${column} AS x FROM sync_tickets t WHERE ${where} ORDER BY ${column} ${order} LIMIT ? OFFSET ?`;
	const ascending = statement(db, sql('ASC'));
	const descending = statement(db, sql('DESC'));
	return valuesAtPositions(count, positions, (limit, offset, down) =>
		(down ? descending : ascending)
			.all(profile, window.since, window.until, limit, offset)
			.map((row) => Number(row['x'])),
	);
}
