import {describe, expect, it} from 'vitest';
import {
	formatDuration,
	parseDuration,
	parseIsoDate,
	parseSpanMs,
	parseWhen,
	startOfNextUtcDay,
} from '../../../src/domain/time.js';

describe('parseDuration', () => {
	it.each([
		['45s', 45],
		['7m', 420],
		['1h30m', 5400],
		['1h 30m', 5400],
		['2h', 7200],
		['1.5h', 5400],
		['1h2m5s', 3725],
		['7 min', 420],
		['1:30:00', 5400],
		['7:30', 450],
		['0:45', 45],
		['90', 5400],
		['0', 0],
		[' 7M ', 420],
	])('reads %s as %i seconds', (text, seconds) => {
		expect(parseDuration(text)).toBe(seconds);
	});

	it.each(['', 'abc', '7x', '-5m', '5m1h', '1h1h', '1:75', '1:30:99', 'm', '7m junk', '3d'])('refuses %j', (text) => {
		expect(parseDuration(text)).toBeNull();
	});
});

describe('formatDuration', () => {
	it('writes the short forms parseDuration reads back', () => {
		for (const seconds of [45, 420, 5400, 3725, 7200]) {
			expect(parseDuration(formatDuration(seconds))).toBe(seconds);
		}
		expect(formatDuration(5400)).toBe('1h30m');
		expect(formatDuration(0)).toBe('0s');
	});
});

describe('parseSpanMs', () => {
	it('reads minutes, hours, days, weeks and combinations', () => {
		expect(parseSpanMs('30m')).toBe(30 * 60_000);
		expect(parseSpanMs('24h')).toBe(86_400_000);
		expect(parseSpanMs('3d')).toBe(3 * 86_400_000);
		expect(parseSpanMs('2w')).toBe(14 * 86_400_000);
		expect(parseSpanMs('1d12h')).toBe(36 * 3_600_000);
	});

	it('refuses a bare number (minutes or days?) and junk', () => {
		for (const text of ['3', '', 'd', '3x', '12h1d', 'soon']) expect(parseSpanMs(text)).toBeNull();
	});
});

describe('parseIsoDate', () => {
	it('reads dates as UTC midnight and datetimes as UTC unless they carry a zone', () => {
		expect(parseIsoDate('2026-12-01')?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
		expect(parseIsoDate('2026-12-01T09:30')?.toISOString()).toBe('2026-12-01T09:30:00.000Z');
		expect(parseIsoDate('2026-12-01 09:30:15')?.toISOString()).toBe('2026-12-01T09:30:15.000Z');
		expect(parseIsoDate('2026-12-01T09:30:00.25Z')?.toISOString()).toBe('2026-12-01T09:30:00.250Z');
		expect(parseIsoDate('2026-12-01T09:30+01:00')?.toISOString()).toBe('2026-12-01T08:30:00.000Z');
		expect(parseIsoDate('2026-12-01T09:30-0500')?.toISOString()).toBe('2026-12-01T14:30:00.000Z');
	});

	it.each(['2026-02-30', '2026-13-01', '2026-12-01T24:00', '2026-12-1', '12/01/2026', '2026-12-01T09:30+25:00', 'x'])(
		'refuses %j',
		(text) => {
			expect(parseIsoDate(text)).toBeNull();
		},
	);
});

describe('parseWhen', () => {
	const now = new Date('2026-11-20T12:00:00Z');

	it('goes back for the past and ahead for the future', () => {
		expect(parseWhen('7d', now, 'past')?.toISOString()).toBe('2026-11-13T12:00:00.000Z');
		expect(parseWhen('2d', now, 'future')?.toISOString()).toBe('2026-11-22T12:00:00.000Z');
		expect(parseWhen('30m', now, 'past')?.toISOString()).toBe('2026-11-20T11:30:00.000Z');
	});

	it('reads absolute dates and the day words, the same in both directions', () => {
		expect(parseWhen('2026-12-01', now, 'future')?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
		expect(parseWhen('2026-12-01', now, 'past')?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
		expect(parseWhen('today', now, 'past')?.toISOString()).toBe('2026-11-20T00:00:00.000Z');
		expect(parseWhen('tomorrow', now, 'future')?.toISOString()).toBe('2026-11-21T00:00:00.000Z');
		expect(parseWhen('yesterday', now, 'past')?.toISOString()).toBe('2026-11-19T00:00:00.000Z');
	});

	it('refuses what it cannot read', () => {
		expect(parseWhen('next week', now, 'future')).toBeNull();
		expect(parseWhen('7', now, 'past')).toBeNull();
	});

	it('puts the end of the day at the next UTC midnight', () => {
		expect(startOfNextUtcDay(new Date('2026-11-20T23:59:59.999Z')).toISOString()).toBe('2026-11-21T00:00:00.000Z');
		expect(startOfNextUtcDay(new Date('2026-11-21T00:00:00.000Z')).toISOString()).toBe('2026-11-22T00:00:00.000Z');
	});
});
