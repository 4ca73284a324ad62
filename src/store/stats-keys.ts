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

/**
 * Adds `value` into the per-key aggregate of `byKey`: counts and sums add, field by field (arrays: item by item). The
 * first value of a key is copied, later ones are added into that copy in place.
 */
export function addAggregate<T>(byKey: Map<string, T>, key: string, value: T): void {
	const before = byKey.get(key);
	if (before === undefined) byKey.set(key, copyNumbers(value) as T);
	else addNumbers(before, value);
}

function copyNumbers(value: unknown): unknown {
	if (typeof value === 'number') return value;
	if (Array.isArray(value)) return value.map(copyNumbers);
	if (value !== null && typeof value === 'object') {
		const copy: Record<string, unknown> = {};
		for (const [field, item] of Object.entries(value)) copy[field] = copyNumbers(item);
		return copy;
	}
	throw new TypeError(`an aggregate field that does not add up: ${String(value)}`);
}

function addNumbers(into: unknown, value: unknown): void {
	const target = into as Record<string, unknown>;
	for (const [field, item] of Object.entries(value as Record<string, unknown>)) {
		if (typeof item === 'number') (target[field] as number) += item;
		else addNumbers(target[field], item);
	}
}

/**
 * The values at the given 0-based positions of `count` sorted values, read by `read(limit, offset, descending)` (an
 * `ORDER BY value [DESC] LIMIT ? OFFSET ?` walk of a value-first index): one read per run of neighbouring positions
 * (a percentile needs two; the median and p90 are far apart). A run in the upper half is read from the top, so the
 * walk to the p90 passes a tenth of the values instead of nine tenths.
 */
export function valuesAtPositions(
	count: number,
	positions: readonly number[],
	read: (limit: number, offset: number, descending: boolean) => number[],
): Map<number, number> {
	const values = new Map<number, number>();
	const sorted = [...new Set(positions)].filter((position) => position < count).sort((a, b) => a - b);
	for (let index = 0; index < sorted.length; ) {
		const first = sorted[index] as number;
		let last = first;
		while (index + 1 < sorted.length && (sorted[index + 1] as number) === last + 1) last = sorted[++index] as number;
		index++;
		const limit = last - first + 1;
		const fromTop = first >= count - 1 - last;
		const got = read(limit, fromTop ? count - 1 - last : first, fromTop);
		got.forEach((value, offset) => {
			values.set(fromTop ? last - offset : first + offset, value);
		});
	}
	return values;
}
