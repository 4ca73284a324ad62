import type {Database} from './database.js';
import {recordsOfCurrentDesk} from './desk-resets.js';
import {
	addAggregate,
	answerKey,
	type Dimension,
	keyedBy,
	noKey,
	num,
	statement,
	ticketKey,
	type Window,
	weekOf,
} from './stats-keys.js';

// Satisfaction, survey, daily and activity aggregates for csr stats.

export type RatingAggregate = {good: number; bad: number; offered: number};
export type RatingCell = RatingAggregate & {channel: string; day: string};

/**
 * An answer's ticket, as a join when a key needs its columns (agent, group), else only its channel looked up where
 * the answer names none: a join for every answer cost the overall snapshot more than half its ratings read.
 */
function answerTicket(dimensions: readonly Dimension[], table: string): {from: string; channel: string} {
	const joined = dimensions.some((dimension) => dimension === 'agent' || dimension === 'group');
	return joined
		? {
				from: `${table} r LEFT JOIN sync_tickets t ON t.ticket_id = r.ticket_id AND t.profile = r.profile`,
				channel: 't.channel',
			}
		: {
				from: `${table} r`,
				channel: '(SELECT t.channel FROM sync_tickets t WHERE t.ticket_id = r.ticket_id AND t.profile = r.profile)',
			};
}

/**
 * Satisfaction ratings given in the window, per key of each dimension, split by channel (the rating's own, else its
 * ticket's, else "other") and UTC day in one pass; callers fold the cells into totals, per channel and per day.
 */
export function aggregateRatings(
	db: Database,
	profile: string,
	window: Window,
	dimensions: readonly Dimension[],
): Map<Dimension, Map<string, RatingCell[]>> {
	const ticket = answerTicket(dimensions, 'sync_ratings');
	const channel = `COALESCE(r.channel, ${ticket.channel}, 'other')`;
	const keys = keyedBy(dimensions, (dimension) => answerKey(dimension, channel));
	const rows = statement(
		db,
		`SELECT ${keys.select}${channel} AS c, substr(r.at, 1, 10) AS d,
			SUM(CASE WHEN r.score = 'good' THEN 1 ELSE 0 END) AS good,
			SUM(CASE WHEN r.score = 'bad' THEN 1 ELSE 0 END) AS bad,
			SUM(CASE WHEN r.score = 'offered' THEN 1 ELSE 0 END) AS offered
		FROM ${ticket.from}
		WHERE r.profile = ? AND r.at >= ? AND r.at < ? ${keys.groupBy('c', 'd')}`,
	).all(profile, window.since, window.until);
	const result = new Map(dimensions.map((dimension) => [dimension, new Map<string, RatingCell[]>()]));
	for (const row of rows) {
		const cell: RatingCell = {
			channel: String(row['c']),
			day: String(row['d']),
			good: num(row['good']),
			bad: num(row['bad']),
			offered: num(row['offered']),
		};
		for (const [dimension, byKey] of result) {
			const k = keys.keyOf(row, dimension);
			let cells = byKey.get(k);
			if (cells === undefined) {
				cells = [];
				byKey.set(k, cells);
			}
			cells.push(cell);
		}
	}
	return result;
}

export type SurveyAggregate = {
	promoters: number;
	passives: number;
	detractors: number;
	cesSum: number;
	cesCount: number;
	/** CES answers at or above the scale's "easy" threshold. */
	cesEasy: number;
};

/** NPS and CES answers given in the window, per key of each dimension; NPS thresholds come from kpi/scores.ts. */
export function aggregateSurveys(
	db: Database,
	profile: string,
	window: Window,
	dimensions: readonly Dimension[],
	nps: {promoterMin: number; detractorMax: number},
	cesEasyMin = 5,
): Map<Dimension, Map<string, SurveyAggregate>> {
	const ticket = answerTicket(dimensions, 'sync_surveys');
	const keys = keyedBy(dimensions, (dimension) => answerKey(dimension, ticket.channel));
	const rows = statement(
		db,
		`SELECT ${keys.select}COUNT(*) AS answers,
			SUM(CASE WHEN r.kind = 'nps' AND r.score >= ? THEN 1 ELSE 0 END) AS promoters,
			SUM(CASE WHEN r.kind = 'nps' AND r.score > ? AND r.score < ? THEN 1 ELSE 0 END) AS passives,
			SUM(CASE WHEN r.kind = 'nps' AND r.score <= ? THEN 1 ELSE 0 END) AS detractors,
			SUM(CASE WHEN r.kind = 'ces' THEN r.score END) AS ces_sum,
			SUM(CASE WHEN r.kind = 'ces' THEN 1 ELSE 0 END) AS ces_count,
			SUM(CASE WHEN r.kind = 'ces' AND r.score >= ? THEN 1 ELSE 0 END) AS ces_easy
		FROM ${ticket.from}
		WHERE r.profile = ? AND r.at >= ? AND r.at < ? ${keys.groupBy()}`,
	).all(
		nps.promoterMin,
		nps.detractorMax,
		nps.promoterMin,
		nps.detractorMax,
		cesEasyMin,
		profile,
		window.since,
		window.until,
	);
	const result = new Map(dimensions.map((dimension) => [dimension, new Map<string, SurveyAggregate>()]));
	for (const row of rows) {
		if (num(row['answers']) === 0) continue; // no answer at all (the overall query has no GROUP BY)
		const value: SurveyAggregate = {
			promoters: num(row['promoters']),
			passives: num(row['passives']),
			detractors: num(row['detractors']),
			cesSum: num(row['ces_sum']),
			cesCount: num(row['ces_count']),
			cesEasy: num(row['ces_easy']),
		};
		for (const [dimension, byKey] of result) addAggregate(byKey, keys.keyOf(row, dimension), value);
	}
	return result;
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
			case 'week':
				return weekOf('rec.at');
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
		WHERE (rec.profile = ? OR rec.profile IS NULL) AND rec.at >= ? AND rec.at < ? AND ${recordsOfCurrentDesk('rec')}
		GROUP BY k, agent`,
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
