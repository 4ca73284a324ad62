import {describe, expect, it} from 'vitest';
import {percentileOfSorted, percentilePosition} from '../../../src/kpi/percentile.js';
import {durationPositions, toDurationStats} from '../../../src/kpi/report.js';

describe('percentileOfSorted (linear interpolation, type 7)', () => {
	it('gives the middle value, or the mean of the two middle values, as the median', () => {
		expect(percentileOfSorted([1, 2, 3], 0.5)).toBe(2);
		expect(percentileOfSorted([1, 2, 3, 10], 0.5)).toBe(2.5);
		expect(percentileOfSorted([7], 0.5)).toBe(7);
	});

	it('interpolates p90 between the closest ranks', () => {
		// h = (10 - 1) * 0.9 = 8.1 → x[8] + 0.1 * (x[9] - x[8]) = 9 + 0.1 * 91
		expect(percentileOfSorted([1, 2, 3, 4, 5, 6, 7, 8, 9, 100], 0.9)).toBeCloseTo(18.1, 10);
		expect(percentileOfSorted([10, 20], 0.9)).toBeCloseTo(19, 10);
		expect(percentileOfSorted([5, 5, 5], 0.9)).toBe(5);
	});

	it('matches Excel PERCENTILE.INC on a textbook example', () => {
		// PERCENTILE.INC({15,20,35,40,50}, 0.4) = 29
		expect(percentileOfSorted([15, 20, 35, 40, 50], 0.4)).toBeCloseTo(29, 10);
	});

	it('has no percentile of nothing', () => {
		expect(percentileOfSorted([], 0.5)).toBeNull();
		expect(() => percentilePosition(0, 0.5)).toThrow(RangeError);
	});
});

describe('toDurationStats', () => {
	const statsOf = (values: number[]) => {
		const sorted = [...values].sort((a, b) => a - b);
		const asked: number[] = [];
		const stats = toDurationStats({
			count: sorted.length,
			sum: sorted.reduce((total, value) => total + value, 0),
			valueAt: (position) => {
				asked.push(position);
				return sorted[position] as number;
			},
		});
		return {stats, asked};
	};

	it('rounds median, mean and p90 to a tenth of a minute', () => {
		const {stats} = statsOf([10, 20.04, 31, 47]);
		expect(stats).toEqual({median: 25.5, mean: 27, p90: 42.2, count: 4});
	});

	it('only reads the positions durationPositions names', () => {
		const {asked} = statsOf([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]);
		expect(new Set(asked)).toEqual(new Set(durationPositions(11)));
	});

	it('is null, not 0, without data', () => {
		expect(toDurationStats({count: 0, sum: 0, valueAt: () => 0})).toEqual({
			median: null,
			mean: null,
			p90: null,
			count: 0,
		});
	});
});
