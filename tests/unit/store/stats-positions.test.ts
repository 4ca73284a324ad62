import {describe, expect, it} from 'vitest';
import {durationPositions} from '../../../src/kpi/report.js';
import {addAggregate, valuesAtPositions} from '../../../src/store/stats-keys.js';

/** A sorted column read like SQLite's `ORDER BY x [DESC] LIMIT ? OFFSET ?`, counting how far each read walked. */
function column(values: number[]) {
	const sorted = [...values].sort((a, b) => a - b);
	const walk = {entries: 0};
	const read = (limit: number, offset: number, descending: boolean) => {
		walk.entries += offset + limit;
		const ordered = descending ? [...sorted].reverse() : sorted;
		return ordered.slice(offset, offset + limit);
	};
	return {sorted, read, walk};
}

describe('valuesAtPositions', () => {
	it('gives the sorted values at the median and p90 positions, with ties and odd and even counts', () => {
		for (const values of [[5], [3, 1], [9, 1, 5], [4, 4, 4, 1, 9, 9], [10, 30, 50, 20, 40, 60, 70, 80, 90, 100, 7]]) {
			const {sorted, read} = column(values);
			const positions = durationPositions(values.length);
			const got = valuesAtPositions(values.length, positions, read);
			expect([...got.keys()].sort((a, b) => a - b)).toEqual([...new Set(positions)].sort((a, b) => a - b));
			for (const position of positions) expect(got.get(position)).toBe(sorted[position]);
		}
	});

	it('reads the upper positions from the top: the walk to p90 passes the tenth above it, not the nine tenths below', () => {
		const values = Array.from({length: 1000}, (_, index) => (index * 7919) % 1000);
		const {sorted, read, walk} = column(values);
		const got = valuesAtPositions(1000, [899, 900], read);
		expect(got).toEqual(
			new Map([
				[899, sorted[899]],
				[900, sorted[900]],
			]),
		);
		expect(walk.entries).toBe(101);
	});

	it('skips positions past the end', () => {
		const {read} = column([1, 2]);
		expect(valuesAtPositions(2, [1, 2], read)).toEqual(new Map([[1, 2]]));
	});
});

describe('addAggregate', () => {
	it('adds counts and sums field by field, nested and in arrays, without changing the values added', () => {
		const first = {created: 2, firstReply: {count: 1, sum: 30}, byAge: [1, 0, 1, 0]};
		const second = {created: 3, firstReply: {count: 2, sum: 50}, byAge: [0, 2, 0, 1]};
		const byKey = new Map<string, typeof first>();
		addAggregate(byKey, 'email', first);
		addAggregate(byKey, 'email', second);
		addAggregate(byKey, 'chat', second);
		expect(byKey.get('email')).toEqual({created: 5, firstReply: {count: 3, sum: 80}, byAge: [1, 2, 1, 1]});
		expect(byKey.get('chat')).toEqual(second);
		expect(first).toEqual({created: 2, firstReply: {count: 1, sum: 30}, byAge: [1, 0, 1, 0]});
	});
});
