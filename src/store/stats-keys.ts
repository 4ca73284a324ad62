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

/**
 * Several dimensions in one query: the SELECT columns (k0, k1, … one per dimension but 'all', whose key is always
 * '') and the GROUP BY of a query over rows `t`/`r`, and each row's key per dimension. Grouping by every dimension at
 * once and folding the few result rows into each dimension costs one sort of the rows instead of one per dimension;
 * the overall snapshot alone groups nothing.
 */
export function keyedBy(dimensions: readonly Dimension[], keyOf: (dimension: Dimension) => string) {
	const grouped = [...new Set(dimensions.filter((dimension) => dimension !== 'all'))];
	return {
		select: grouped.map((dimension, index) => `${keyOf(dimension)} AS k${index}, `).join(''),
		groupBy: (...more: string[]) => {
			const all = [...grouped.map((_, index) => `k${index}`), ...more];
			return all.length === 0 ? '' : `GROUP BY ${all.join(', ')}`;
		},
		keyOf: (row: Record<string, unknown>, dimension: Dimension): string =>
			dimension === 'all' ? '' : String(row[`k${grouped.indexOf(dimension)}`]),
	};
}

/** Adds `value` into the per-key aggregate of `byKey`: counts and sums add, field by field (arrays: item by item). */
export function addAggregate<T>(byKey: Map<string, T>, key: string, value: T): void {
	const before = byKey.get(key);
	byKey.set(key, before === undefined ? value : (addNumbers(before, value) as T));
}

function addNumbers(a: unknown, b: unknown): unknown {
	if (typeof a === 'number') return a + (b as number);
	if (Array.isArray(a)) return a.map((item, index) => addNumbers(item, (b as unknown[])[index]));
	if (a !== null && typeof a === 'object') {
		const sum: Record<string, unknown> = {};
		for (const [field, item] of Object.entries(a)) sum[field] = addNumbers(item, (b as Record<string, unknown>)[field]);
		return sum;
	}
	throw new TypeError(`an aggregate field that does not add up: ${String(a)}`);
}
