import {describe, expect, it} from 'vitest';
import {dayWindow, parseWindowBound, resolveWindow, windowDays} from '../../../src/kpi/window.js';

const now = new Date('2026-11-20T12:34:56Z');

describe('stats window', () => {
	it('defaults to the 30 days before now, half-open', () => {
		const resolved = resolveWindow({}, now);
		expect(resolved).toEqual({
			ok: true,
			window: {since: new Date('2026-10-21T12:34:56Z'), until: now},
		});
	});

	it('reads spans, dates and date-times (UTC unless a zone is given)', () => {
		expect(parseWindowBound('7d', now)?.toISOString()).toBe('2026-11-13T12:34:56.000Z');
		expect(parseWindowBound('12h', now)?.toISOString()).toBe('2026-11-20T00:34:56.000Z');
		expect(parseWindowBound('2w', now)?.toISOString()).toBe('2026-11-06T12:34:56.000Z');
		expect(parseWindowBound('2026-11-01', now)?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
		expect(parseWindowBound('2026-11-01T09:30', now)?.toISOString()).toBe('2026-11-01T09:30:00.000Z');
		expect(parseWindowBound('2026-11-01T09:30+01:00', now)?.toISOString()).toBe('2026-11-01T08:30:00.000Z');
		expect(parseWindowBound('today', now)?.toISOString()).toBe('2026-11-20T00:00:00.000Z');
	});

	it('refuses nonsense and impossible dates', () => {
		expect(parseWindowBound('30', now)).toBeNull();
		expect(parseWindowBound('last month', now)).toBeNull();
		expect(parseWindowBound('2026-02-30', now)).toBeNull();
		expect(resolveWindow({since: 'soon'}, now)).toMatchObject({ok: false, flag: '--since'});
		expect(resolveWindow({since: '2026-11-20', until: '2026-11-01'}, now)).toMatchObject({
			ok: false,
			flag: '--since',
			reason: 'it must be before --until',
		});
	});

	it('lists every UTC day the window touches and clips a day to the window', () => {
		const window = {since: new Date('2026-11-18T12:00:00Z'), until: new Date('2026-11-20T00:00:00Z')};
		expect(windowDays(window)).toEqual(['2026-11-18', '2026-11-19']);
		expect(dayWindow(window, '2026-11-18')).toEqual({
			since: new Date('2026-11-18T12:00:00Z'),
			until: new Date('2026-11-19T00:00:00Z'),
		});
	});
});
