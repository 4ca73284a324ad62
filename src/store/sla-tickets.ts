import type {Database} from './database.js';
import {type Dimension, num, statement, ticketKey, type Window} from './stats-keys.js';

/**
 * csr's SLA targets over the KPI cache (services/sla.ts): tickets created in the window, judged in SQL where the
 * cache already has the minutes (calendar, and the business minutes the business pass measured), grouped by the
 * --by key. Only unsolved tickets still need a business clock for "how long so far": they come back as rows.
 */

/** One target entry: for a group and/or priority (null: any), most specific first. */
export type TargetRule = {readonly group: string | null; readonly priority: string | null; readonly minutes: number};

/** [breached, met, running] per metric and for the ticket. */
export type SlaCounts = {
	firstReply: [number, number, number];
	resolution: [number, number, number];
	any: [number, number, number];
};

export type SlaAggregate = {
	readonly judged: number;
	readonly withoutTarget: number;
	readonly calendar: SlaCounts;
	/** Over solved (and otherwise not unsolved) tickets only; the unsolved ones are in `openRows`. */
	readonly business: SlaCounts;
};

/** An unsolved ticket with a target: its business outcome needs the clock. */
export type SlaOpenRow = {
	readonly key: string;
	readonly group: string | null;
	readonly createdAt: string;
	readonly firstReplyMinutes: number | null;
	readonly firstReplyBusinessMinutes: number | null;
	readonly firstReplyTarget: number | null;
	readonly resolutionTarget: number | null;
};

const unsolved = `t.status IN ('new', 'open', 'pending', 'on-hold')`;

function targetCase(
	rules: readonly TargetRule[],
	value: (rule: TargetRule) => string | number = (rule) => rule.minutes,
): {sql: string; params: (string | number)[]} {
	if (rules.length === 0) return {sql: 'NULL', params: []};
	const params: (string | number)[] = [];
	const whens = rules.map((rule) => {
		const conditions: string[] = [];
		if (rule.group !== null) {
			conditions.push('t.group_name = ?');
			params.push(rule.group);
		}
		if (rule.priority !== null) {
			conditions.push('t.priority = ?');
			params.push(rule.priority);
		}
		params.push(value(rule));
		return `WHEN ${conditions.length === 0 ? '1' : conditions.join(' AND ')} THEN ?`;
	});
	return {sql: `CASE ${whens.join(' ')} END`, params};
}

/** 0 no target or not judged, 1 met, 2 running, 3 breached; `done` minutes, else running (`age`) when unsolved. */
const outcome = (target: string, done: string, running: string) =>
	`CASE WHEN ${target} IS NULL THEN 0 WHEN ${done} IS NOT NULL THEN (CASE WHEN ${done} > ${target} THEN 3 ELSE 1 END)
		WHEN u = 1 THEN ${running} ELSE 0 END`;

const counts = (prefix: string, column: string) =>
	[3, 1, 2].map((code) => `SUM(${column} = ${code}) AS ${prefix}${code}`).join(', ');

/**
 * Per key: how many tickets some target applies to (and none), and their outcomes on the calendar and, for tickets
 * not unsolved, in business minutes; plus the unsolved tickets with a target, whose business outcome needs a clock.
 */
export function aggregateSla(
	db: Database,
	profile: string,
	window: Window,
	dimension: Dimension,
	rules: {readonly firstReply: readonly TargetRule[]; readonly resolution: readonly TargetRule[]},
	now: string,
	/** Whether the unsolved tickets' rows are wanted (the profile has business hours). */
	withOpenRows: boolean,
): {aggregates: Map<string, SlaAggregate>; openRows: SlaOpenRow[]} {
	const fr = targetCase(rules.firstReply);
	const res = targetCase(rules.resolution);
	// When each target falls due for a ticket created at the start of the clock: a ticket created before it is past.
	const dueBefore = (rule: TargetRule) => new Date(Date.parse(now) - rule.minutes * 60_000).toISOString();
	const frDue = targetCase(rules.firstReply, dueBefore);
	const resDue = targetCase(rules.resolution, dueBefore);
	const sql = `WITH x AS MATERIALIZED (
		SELECT ${ticketKey(dimension, 't.created_at')} AS k, (${unsolved}) AS u, t.created_at, t.group_name,
			t.first_reply_minutes AS fr, t.first_reply_business_minutes AS frb,
			CASE WHEN t.status IN ('solved', 'closed') THEN t.resolution_minutes END AS rs,
			CASE WHEN t.status IN ('solved', 'closed') THEN t.resolution_business_minutes END AS rsb,
			${fr.sql} AS frt, ${res.sql} AS rst, ${frDue.sql} AS frd, ${resDue.sql} AS rsd
		FROM sync_tickets t WHERE t.profile = ? AND t.created_at >= ? AND t.created_at < ?
	), o AS MATERIALIZED (
		SELECT k, u, frt, rst,
			${outcome('frt', 'fr', '(CASE WHEN created_at < frd THEN 3 ELSE 2 END)')} AS fc,
			${outcome('rst', 'rs', '(CASE WHEN created_at < rsd THEN 3 ELSE 2 END)')} AS rc,
			CASE WHEN u = 1 THEN 0 ELSE ${outcome('frt', 'frb', '0')} END AS fb,
			CASE WHEN u = 1 THEN 0 ELSE ${outcome('rst', 'rsb', '0')} END AS rb
		FROM x
	)
	SELECT k, SUM(frt IS NULL AND rst IS NULL) AS none, SUM(frt IS NOT NULL OR rst IS NOT NULL) AS judged,
		${counts('f', 'fc')}, ${counts('r', 'rc')}, ${counts('a', 'max(fc, rc)')},
		${counts('fb', 'fb')}, ${counts('rb', 'rb')}, ${counts('ab', 'max(fb, rb)')}
	FROM o GROUP BY k`;
	const aggregates = new Map<string, SlaAggregate>();
	const rows = statement(db, sql).all(
		...fr.params,
		...res.params,
		...frDue.params,
		...resDue.params,
		profile,
		window.since,
		window.until,
	);
	const triple = (row: Record<string, unknown>, prefix: string): [number, number, number] => [
		num(row[`${prefix}3`]),
		num(row[`${prefix}1`]),
		num(row[`${prefix}2`]),
	];
	for (const row of rows) {
		aggregates.set(String(row['k']), {
			judged: num(row['judged']),
			withoutTarget: num(row['none']),
			calendar: {firstReply: triple(row, 'f'), resolution: triple(row, 'r'), any: triple(row, 'a')},
			business: {firstReply: triple(row, 'fb'), resolution: triple(row, 'rb'), any: triple(row, 'ab')},
		});
	}
	if (!withOpenRows) return {aggregates, openRows: []};
	const openRows = statement(
		db,
		`SELECT * FROM (SELECT ${ticketKey(dimension, 't.created_at')} AS k, t.group_name, t.created_at,
			t.first_reply_minutes, t.first_reply_business_minutes, ${fr.sql} AS frt, ${res.sql} AS rst
		FROM sync_tickets t WHERE t.profile = ? AND t.created_at >= ? AND t.created_at < ? AND ${unsolved})
		WHERE frt IS NOT NULL OR rst IS NOT NULL`,
	)
		.all(...fr.params, ...res.params, profile, window.since, window.until)
		.map((row) => ({
			key: String(row['k']),
			group: row['group_name'] === null ? null : String(row['group_name']),
			createdAt: String(row['created_at']),
			firstReplyMinutes: row['first_reply_minutes'] === null ? null : Number(row['first_reply_minutes']),
			firstReplyBusinessMinutes:
				row['first_reply_business_minutes'] === null ? null : Number(row['first_reply_business_minutes']),
			firstReplyTarget: row['frt'] === null ? null : Number(row['frt']),
			resolutionTarget: row['rst'] === null ? null : Number(row['rst']),
		}));
	return {aggregates, openRows};
}
