import {describe, expect, it} from 'vitest';
import {backlogAgeBucket, backlogAgeCutoffs} from '../../../src/kpi/backlog.js';

const now = new Date('2026-11-20T12:00:00Z');
const ago = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

describe('backlog age buckets', () => {
	it('puts each age in its bucket, boundaries in the older one', () => {
		expect(backlogAgeBucket(ago(0), now)).toBe('<1d');
		expect(backlogAgeBucket(ago(23.99), now)).toBe('<1d');
		expect(backlogAgeBucket(ago(24), now)).toBe('1-3d');
		expect(backlogAgeBucket(ago(71.9), now)).toBe('1-3d');
		expect(backlogAgeBucket(ago(72), now)).toBe('3-7d');
		expect(backlogAgeBucket(ago(168), now)).toBe('>7d');
		expect(backlogAgeBucket(ago(5000), now)).toBe('>7d');
	});

	it('gives cutoffs that agree with the buckets', () => {
		const cutoffs = backlogAgeCutoffs(now);
		expect(cutoffs.under1d.toISOString()).toBe('2026-11-19T12:00:00.000Z');
		expect(cutoffs.under3d.toISOString()).toBe('2026-11-17T12:00:00.000Z');
		expect(cutoffs.under7d.toISOString()).toBe('2026-11-13T12:00:00.000Z');
		expect(backlogAgeBucket(cutoffs.under1d, now)).toBe('1-3d');
		expect(backlogAgeBucket(new Date(cutoffs.under1d.getTime() + 1), now)).toBe('<1d');
	});
});
