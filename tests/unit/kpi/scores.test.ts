import {describe, expect, it} from 'vitest';
import {
	cesMean,
	csatFromFivePoint,
	csatScore,
	npsCategory,
	npsScore,
	rate,
	roundMinutes,
} from '../../../src/kpi/scores.js';

describe('KPI scores', () => {
	it('computes CSAT as good / (good + bad), null without answers', () => {
		expect(csatScore(7, 1)).toBe(0.875);
		expect(csatScore(2, 1)).toBe(0.6667);
		expect(csatScore(0, 3)).toBe(0);
		expect(csatScore(0, 0)).toBeNull();
	});

	it('maps 1–5 satisfaction to good (4–5) and bad (1–3)', () => {
		expect([1, 2, 3, 4, 5].map(csatFromFivePoint)).toEqual(['bad', 'bad', 'bad', 'good', 'good']);
		expect(() => csatFromFivePoint(6)).toThrow(RangeError);
	});

	it('computes NPS as % promoters − % detractors', () => {
		expect([0, 6, 7, 8, 9, 10].map(npsCategory)).toEqual([
			'detractor',
			'detractor',
			'passive',
			'passive',
			'promoter',
			'promoter',
		]);
		expect(npsScore({promoters: 5, passives: 3, detractors: 2})).toBe(30);
		expect(npsScore({promoters: 1, passives: 1, detractors: 1})).toBe(0);
		expect(npsScore({promoters: 0, passives: 1, detractors: 2})).toBe(-66.7);
		expect(npsScore({promoters: 0, passives: 0, detractors: 0})).toBeNull();
	});

	it('keeps rates to four decimals and minutes to one, null when there is no denominator', () => {
		expect(rate(1, 3)).toBe(0.3333);
		expect(rate(0, 5)).toBe(0);
		expect(rate(0, 0)).toBeNull();
		expect(roundMinutes(12.345)).toBe(12.3);
		expect(roundMinutes(12.35 + 1e-9)).toBe(12.4);
		expect(cesMean(13, 3)).toBe(4.33);
		expect(cesMean(0, 0)).toBeNull();
	});
});
