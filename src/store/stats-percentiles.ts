import type {Database} from './database.js';
import {type Dimension, statement, ticketKey, type Window} from './stats-keys.js';
import {type DurationMetric, durationColumns} from './stats-tickets.js';

// Per-key percentiles of the duration metrics for csr stats --by.

/**
 * Per metric and key, the sorted values at the given fractions' neighbouring positions (⌊(n − 1)·p⌋ and
 * ⌊(n − 1)·p⌋ + 1, the same arithmetic as kpi/percentile.ts). One scan per basis (tickets created in the window,
 * tickets solved in it) reads the key and every asked metric of those tickets; the values are bucketed per key and
 * metric into typed arrays and sorted there. A window function per metric (ROW_NUMBER() OVER (PARTITION BY key ORDER
 * BY value)) made SQLite sort the window's rows once per metric, most of the time of a --by.
 * Memory: 8 bytes per value while a basis is read, then a few numbers per key.
 */
export function durationValuesByKey(
	db: Database,
	profile: string,
	window: Window,
	dimension: Dimension,
	metrics: readonly DurationMetric[],
	fractions: readonly number[],
): Map<DurationMetric, Map<string, Map<number, number>>> {
	const result = new Map<DurationMetric, Map<string, Map<number, number>>>();
	for (const basis of ['created', 'solved'] as const) {
		const chosen = metrics.filter((metric) => durationColumns[metric].basis === basis);
		if (chosen.length === 0) continue;
		const dateColumn = basis === 'created' ? 't.created_at' : 't.solved_at';
		const solvedOnly = basis === 'solved' ? `AND t.status IN ('solved', 'closed')` : '';
		const read = statement(
			db,
			`SELECT ${ticketKey(dimension, dateColumn)} AS k, ${chosen.map((metric) => durationColumns[metric].column).join(', ')}
			FROM sync_tickets t WHERE t.profile = ? AND ${dateColumn} >= ? AND ${dateColumn} < ? ${solvedOnly}`,
		);
		read.setReturnArrays(true);
		// Per key, one growing buffer per metric.
		const buffers = new Map<string, Buffer[]>();
		for (const row of read.iterate(profile, window.since, window.until) as unknown as unknown[][]) {
			const key = String(row[0]);
			let perMetric = buffers.get(key);
			if (perMetric === undefined) {
				perMetric = chosen.map(() => new Buffer());
				buffers.set(key, perMetric);
			}
			for (let index = 0; index < chosen.length; index++) {
				const value = row[index + 1];
				if (value !== null && value !== undefined) (perMetric[index] as Buffer).push(Number(value));
			}
		}
		chosen.forEach((metric, index) => {
			const byKey = new Map<string, Map<number, number>>();
			for (const [key, perMetric] of buffers) {
				const sorted = (perMetric[index] as Buffer).sorted();
				if (sorted.length > 0) byKey.set(key, valuesAt(sorted, fractions));
			}
			result.set(metric, byKey);
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
