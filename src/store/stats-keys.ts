import type {StatementSync} from 'node:sqlite';
import type {Database} from './database.js';

// Shared by the KPI cache's writer (stats-cache.ts) and its aggregations (stats-tickets.ts, stats-answers.ts).

const statements = new WeakMap<Database, Map<string, StatementSync>>();

/** One prepared statement per (database, SQL text), reused across calls. */
export function statement(db: Database, sql: string): StatementSync {
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

// ---------------------------------------------------------------------------------------------------------------
// Aggregation for csr stats: every query groups by a key so one code path serves the overall snapshot (key '') and
// each --by dimension. Nothing here loads more than one row per group (percentiles: a few rows per group).

export type Dimension = 'all' | 'channel' | 'agent' | 'group' | 'day' | 'week';

/** The Monday (YYYY-MM-DD, UTC) of the ISO week a cached time falls in. */
export const weekOf = (column: string) => `date(${column}, '-6 days', 'weekday 1')`;
export const noKey = '(none)';

/** The group key of a ticket row `t` for metrics whose date column is `dateColumn` (t.created_at, t.solved_at). */
export function ticketKey(dimension: Dimension, dateColumn: string): string {
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
		case 'week':
			return weekOf(dateColumn);
	}
}

/** The group key of a rating or survey row `r` joined to its ticket `t` (which may be missing). */
export function answerKey(dimension: Dimension, channel: string): string {
	switch (dimension) {
		case 'channel':
			return `COALESCE(${channel}, 'other')`;
		case 'day':
			return 'substr(r.at, 1, 10)';
		case 'week':
			return weekOf('r.at');
		default:
			return ticketKey(dimension, '');
	}
}

export type Window = {readonly since: string; readonly until: string};

export const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
