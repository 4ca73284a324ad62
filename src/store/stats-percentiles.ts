import type {Database} from './database.js';
import {type Dimension, statement, ticketKey, type Window} from './stats-keys.js';
import {type DurationMetric, durationColumns} from './stats-tickets.js';

// Per-key percentiles of the duration metrics for csr stats --by.

/**
 * Per dimension, metric and key, the sorted values at the given fractions' neighbouring positions (⌊(n − 1)·p⌋ and
 * ⌊(n − 1)·p⌋ + 1, the same arithmetic as kpi/percentile.ts). One scan per basis (tickets created in the window,
 * tickets solved in it) reads every dimension's key and every asked metric of those tickets; the values are bucketed
 * per key and metric into typed arrays and sorted there. A window function per metric and dimension
 * (ROW_NUMBER() OVER (PARTITION BY key ORDER BY value)) made SQLite sort the window's rows each time, most of a --by.
 * Memory: 8 bytes per value and dimension while a basis is read, then a few numbers per key.
 */
export function durationValuesByKey(
	db: Database,
	profile: string,
	window: Window,
	dimensions: readonly Dimension[],
	metrics: readonly DurationMetric[],
	fractions: readonly number[],
): Map<Dimension, Map<DurationMetric, Map<string, Map<number, number>>>> {
	const result = new Map(
		dimensions.map((dimension) => [dimension, new Map<DurationMetric, Map<string, Map<number, number>>>()]),
	);
	if (dimensions.length === 0) return result;
	for (const basis of ['created', 'solved'] as const) {
		const chosen = metrics.filter((metric) => durationColumns[metric].basis === basis);
		if (chosen.length === 0) continue;
		const dateColumn = basis === 'created' ? 't.created_at' : 't.solved_at';
		const solvedOnly = basis === 'solved' ? `AND t.status IN ('solved', 'closed')` : '';
		const read = statement(
			db,
			`SELECT ${dimensions.map((dimension) => ticketKey(dimension, dateColumn)).join(', ')},
				${chosen.map((metric) => durationColumns[metric].column).join(', ')}
			FROM sync_tickets t WHERE t.profile = ? AND ${dateColumn} >= ? AND ${dateColumn} < ? ${solvedOnly}`,
		);
		read.setReturnArrays(true);
		// Per dimension and key, one growing buffer per metric.
		const buffers = dimensions.map(() => new Map<string, Buffer[]>());
		const first = dimensions.length;
		for (const row of read.iterate(profile, window.since, window.until) as unknown as unknown[][]) {
			buffers.forEach((byKey, index) => {
				const key = String(row[index]);
				let perMetric = byKey.get(key);
				if (perMetric === undefined) {
					perMetric = chosen.map(() => new Buffer());
					byKey.set(key, perMetric);
				}
				for (let metric = 0; metric < chosen.length; metric++) {
					const value = row[first + metric];
					if (value !== null && value !== undefined) (perMetric[metric] as Buffer).push(Number(value));
				}
			});
		}
		dimensions.forEach((dimension, index) => {
			const byKey = buffers[index] as Map<string, Buffer[]>;
			chosen.forEach((metric, position) => {
				const values = new Map<string, Map<number, number>>();
				for (const [key, perMetric] of byKey) {
					const sorted = (perMetric[position] as Buffer).sorted();
					if (sorted.length > 0) values.set(key, valuesAt(sorted, fractions));
				}
				result.get(dimension)?.set(metric, values);
			});
		});
	}
	return result;
}

/** The sorted values at ⌊(n − 1)·p⌋ and the position after it (when there is one), per fraction. */
function valuesAt(sorted: Float64Array, fractions: readonly number[]): Map<number, number> {
	const values = new Map<number, number>();
	for (const fraction of fractions) {
		const lower = Math.floor((sorted.length - 1) * fraction);
		for (const position of [lower, lower + 1]) {
			if (position < sorted.length) values.set(position, sorted[position] as number);
		}
	}
	return values;
}

/** A growable array of doubles. */
class Buffer {
	private values = new Float64Array(64);
	private length = 0;

	push(value: number): void {
		if (this.length === this.values.length) {
			const grown = new Float64Array(this.values.length * 2);
			grown.set(this.values);
			this.values = grown;
		}
		this.values[this.length++] = value;
	}

	/** The values in ascending order (a typed array sorts numerically). */
	sorted(): Float64Array {
		return this.values.subarray(0, this.length).sort();
	}
}
