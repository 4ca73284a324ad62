import type {Database} from './database.js';
import {type Dimension, num, statement, ticketKey, type Window} from './stats-keys.js';

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

type Part = {columns: string; params: (string | number)[]; read: (row: Record<string, unknown>) => unknown};

function createdPart(window: Window): Part {
	const isIn = 't.created_at >= ? AND t.created_at < ?';
	const when = (expression: string) => `CASE WHEN ${isIn} THEN ${expression} END`;
	return {
		columns: `SUM(${when('1')}) AS created,
			COUNT(${when('t.first_reply_minutes')}) AS fr_count, SUM(${when('t.first_reply_minutes')}) AS fr_sum,
			COUNT(${when('t.first_reply_business_minutes')}) AS frb_count,
			SUM(${when('t.first_reply_business_minutes')}) AS frb_sum,
			COUNT(${when('t.next_reply_minutes')}) AS nr_count, SUM(${when('t.next_reply_minutes')}) AS nr_sum,
			COUNT(${when('t.next_reply_business_minutes')}) AS nrb_count,
			SUM(${when('t.next_reply_business_minutes')}) AS nrb_sum,
			COUNT(${when('t.sla_breached')}) AS sla_known, SUM(${when('t.sla_breached')}) AS sla_breached`,
		params: Array.from({length: 11}, () => [window.since, window.until]).flat(),
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
	const isIn = 't.solved_at >= ? AND t.solved_at < ?';
	const isSolved = `${isIn} AND t.status IN ('solved', 'closed')`;
	return {
		columns: `SUM(CASE WHEN ${isSolved} THEN 1 END) AS solved,
			SUM(CASE WHEN ${isSolved} AND t.reopens > 0 THEN 1 END) AS reopened,
			SUM(CASE WHEN ${isSolved} AND COALESCE(t.agent_touches, t.public_agent_replies) <= ? THEN 1 END) AS one_touch,
			SUM(CASE WHEN ${isIn} AND t.status NOT IN ('solved', 'closed') THEN 1 END) AS reopened_since,
			COUNT(CASE WHEN ${isSolved} THEN t.resolution_minutes END) AS res_count,
			SUM(CASE WHEN ${isSolved} THEN t.resolution_minutes END) AS res_sum,
			COUNT(CASE WHEN ${isSolved} THEN t.resolution_business_minutes END) AS resb_count,
			SUM(CASE WHEN ${isSolved} THEN t.resolution_business_minutes END) AS resb_sum,
			COUNT(CASE WHEN ${isSolved} THEN t.requester_wait_minutes END) AS rw_count,
			SUM(CASE WHEN ${isSolved} THEN t.requester_wait_minutes END) AS rw_sum,
			COUNT(CASE WHEN ${isSolved} THEN t.requester_wait_business_minutes END) AS rwb_count,
			SUM(CASE WHEN ${isSolved} THEN t.requester_wait_business_minutes END) AS rwb_sum`,
		params: [
			...Array.from({length: 3}, () => [window.since, window.until]).flat(),
			oneTouchMaxReplies,
			...Array.from({length: 9}, () => [window.since, window.until]).flat(),
		],
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
	if (dimension !== 'day' && dimension !== 'week') {
		run(['created', 'solved', 'backlog'], ticketKey(dimension, ''), '', []);
		return result;
	}
	run(['created'], ticketKey(dimension, 't.created_at'), 'AND t.created_at >= ? AND t.created_at < ?', [
		window.since,
		window.until,
	]);
	run(['solved'], ticketKey(dimension, 't.solved_at'), 'AND t.solved_at >= ? AND t.solved_at < ?', [
		window.since,
		window.until,
	]);
	run(['backlog'], ticketKey(dimension, 't.created_at'), `AND t.status IN ('new', 'open', 'pending', 'on-hold')`, []);
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
