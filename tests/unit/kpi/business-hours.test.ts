import {describe, expect, it} from 'vitest';
import {
	BusinessClock,
	businessMinutes,
	describeWeekly,
	parseShift,
	type Schedule,
	type Shift,
} from '../../../src/kpi/business-hours.js';
import {localTimeToUtc, offsetMinutesAt} from '../../../src/kpi/time-zone.js';

const nineToFive: Shift = {start: 9 * 60, end: 17 * 60};
const weekdays = (shift: Shift): Shift[][] => [[shift], [shift], [shift], [shift], [shift], [], []];
const allWeek = (shift: Shift): Shift[][] => Array.from({length: 7}, () => [shift]);

function schedule(weekly: Shift[][], timeZone = 'Europe/Copenhagen', closed: string[] = []): Schedule {
	const set = new Set(closed);
	return {name: 'test', timeZone, weekly, isClosed: (date) => set.has(date)};
}

const at = (iso: string) => new Date(iso);

describe('parseShift', () => {
	it('reads HH:MM-HH:MM, overnight shifts and 24:00', () => {
		expect(parseShift('09:00-17:00')).toEqual({start: 540, end: 1020});
		expect(parseShift(' 8:30 - 16:15 ')).toEqual({start: 510, end: 975});
		expect(parseShift('22:00-06:00')).toEqual({start: 1320, end: 360});
		expect(parseShift('00:00-24:00')).toEqual({start: 0, end: 1440});
	});

	it('refuses what is not a shift', () => {
		for (const bad of ['9-17', '09:00-09:00', '25:00-26:00', '09:60-10:00', '24:30-01:00', 'nine to five']) {
			expect(parseShift(bad), bad).toBeNull();
		}
	});
});

describe('time-zone helpers', () => {
	it('knows Copenhagen is UTC+1 in winter and UTC+2 in summer', () => {
		expect(offsetMinutesAt('Europe/Copenhagen', Date.parse('2026-01-15T12:00:00Z'))).toBe(60);
		expect(offsetMinutesAt('Europe/Copenhagen', Date.parse('2026-07-15T12:00:00Z'))).toBe(120);
	});

	it('maps a local time to UTC across the DST change', () => {
		const oct25 = Date.UTC(2026, 9, 25) / 86_400_000;
		// 01:00 is still summer time (CEST), 05:00 is winter time (CET).
		expect(new Date(localTimeToUtc('Europe/Copenhagen', oct25, 60)).toISOString()).toBe('2026-10-24T23:00:00.000Z');
		expect(new Date(localTimeToUtc('Europe/Copenhagen', oct25, 300)).toISOString()).toBe('2026-10-25T04:00:00.000Z');
	});
});

describe('business minutes (hand-computed)', () => {
	const office = schedule(weekdays(nineToFive));

	it('counts only the open part of a working day', () => {
		// Tue 2026-11-03 08:00 → 10:30 Copenhagen (07:00Z → 09:30Z): open from 09:00, so 90 minutes.
		expect(businessMinutes(at('2026-11-03T07:00:00Z'), at('2026-11-03T09:30:00Z'), office)).toBe(90);
		// A whole working day, 07:00 → 19:00 local: 8 hours.
		expect(businessMinutes(at('2026-11-03T06:00:00Z'), at('2026-11-03T18:00:00Z'), office)).toBe(480);
	});

	it('skips the weekend', () => {
		// Fri 2026-11-06 16:00 → Mon 2026-11-09 10:00 local: 60 on Friday + 60 on Monday.
		expect(businessMinutes(at('2026-11-06T15:00:00Z'), at('2026-11-09T09:00:00Z'), office)).toBe(120);
		// Saturday 10:00 → 12:00: nothing; Saturday 10:00 → Monday 09:30: 30.
		expect(businessMinutes(at('2026-11-07T09:00:00Z'), at('2026-11-07T11:00:00Z'), office)).toBe(0);
		expect(businessMinutes(at('2026-11-07T09:00:00Z'), at('2026-11-09T08:30:00Z'), office)).toBe(30);
	});

	it('gives 0 for an empty or reversed span and fractions for seconds', () => {
		expect(businessMinutes(at('2026-11-03T10:00:00Z'), at('2026-11-03T10:00:00Z'), office)).toBe(0);
		expect(businessMinutes(at('2026-11-03T11:00:00Z'), at('2026-11-03T10:00:00Z'), office)).toBe(0);
		expect(businessMinutes(at('2026-11-03T10:00:00Z'), at('2026-11-03T10:00:30Z'), office)).toBe(0.5);
	});

	it('skips public holidays and the team’s own closed dates', () => {
		// DK Christmas 2026: Fri 25th and Sat 26th are holidays; the team closes Thu 24th too.
		// Wed 23rd 16:00 → Mon 28th 10:00 local: 60 on Wednesday + 60 on Monday.
		const christmas = schedule(weekdays(nineToFive), 'Europe/Copenhagen', ['2026-12-24', '2026-12-25', '2026-12-26']);
		expect(businessMinutes(at('2026-12-23T15:00:00Z'), at('2026-12-28T09:00:00Z'), christmas)).toBe(120);
		// Without the closed dates Thursday and Friday count: 60 + 480 + 480 + 60.
		expect(businessMinutes(at('2026-12-23T15:00:00Z'), at('2026-12-28T09:00:00Z'), office)).toBe(1080);
	});

	it('follows the wall clock across DST: the day clocks go back has 25 hours, the day they go forward 23', () => {
		const always = schedule(allWeek({start: 0, end: 1440}));
		// Sun 2026-10-25 local midnight (22:00Z the day before, CEST) → Mon 00:00 local (23:00Z, CET).
		expect(businessMinutes(at('2026-10-24T22:00:00Z'), at('2026-10-25T23:00:00Z'), always)).toBe(1500);
		// Sun 2026-03-29: 23:00Z (CET) → 22:00Z (CEST).
		expect(businessMinutes(at('2026-03-28T23:00:00Z'), at('2026-03-29T22:00:00Z'), always)).toBe(1380);
		// A 01:00–05:00 Sunday shift is 5 real hours on 25 October and 3 on 29 March.
		const night = schedule([[], [], [], [], [], [], [{start: 60, end: 300}]]);
		expect(businessMinutes(at('2026-10-24T12:00:00Z'), at('2026-10-26T12:00:00Z'), night)).toBe(300);
		expect(businessMinutes(at('2026-03-28T12:00:00Z'), at('2026-03-30T12:00:00Z'), night)).toBe(180);
		// Office hours are 8 local hours either side of the change: Fri 12:00 → Mon 12:00 is 300 + 180.
		expect(businessMinutes(at('2026-10-23T10:00:00Z'), at('2026-10-26T11:00:00Z'), office)).toBe(480);
	});

	it('runs an overnight shift into the next morning', () => {
		const nights = schedule(weekdays({start: 22 * 60, end: 6 * 60}), 'UTC');
		// Fri 2026-11-06 23:00 → Mon 2026-11-09 23:30: Friday's shift to Sat 06:00 (420) + Monday 22:00–23:30 (90).
		expect(businessMinutes(at('2026-11-06T23:00:00Z'), at('2026-11-09T23:30:00Z'), nights)).toBe(510);
		// Monday 03:00 is in Sunday's shift, which does not exist: closed.
		expect(new BusinessClock(nights).isOpen(at('2026-11-09T03:00:00Z'))).toBe(false);
		expect(new BusinessClock(nights).isOpen(at('2026-11-10T03:00:00Z'))).toBe(true);
	});

	it('merges overlapping shifts instead of counting them twice', () => {
		const overlapping = schedule(
			allWeek({start: 0, end: 1440}).map((day) => [...day, nineToFive]),
			'UTC',
		);
		expect(businessMinutes(at('2026-11-03T00:00:00Z'), at('2026-11-04T00:00:00Z'), overlapping)).toBe(1440);
	});

	it('works in other zones (New York office hours)', () => {
		const ny = schedule(weekdays(nineToFive), 'America/New_York');
		// Tue 2026-11-03 08:00 EST = 13:00Z → 18:00 EST = 23:00Z: 8 hours.
		expect(businessMinutes(at('2026-11-03T13:00:00Z'), at('2026-11-03T23:00:00Z'), ny)).toBe(480);
	});

	it('measures many spans far apart with one clock', () => {
		const clock = new BusinessClock(office);
		expect(clock.minutesBetween(at('2026-11-06T15:00:00Z'), at('2026-11-09T09:00:00Z'))).toBe(120);
		expect(clock.minutesBetween(at('2024-02-05T08:00:00Z'), at('2024-02-05T09:00:00Z'))).toBe(60);
		expect(clock.minutesBetween(at('2026-11-06T15:00:00Z'), at('2026-11-09T09:00:00Z'))).toBe(120);
		// A full week of office hours across two builds: 5 × 480.
		expect(clock.minutesBetween(at('2026-11-02T00:00:00Z'), at('2026-11-09T00:00:00Z'))).toBe(2400);
	});
});

describe('addMinutes (business-time targets)', () => {
	const clock = new BusinessClock(schedule(weekdays(nineToFive)));

	it('carries a target over the weekend', () => {
		// Fri 16:30 local + 60 business minutes → Mon 09:30 local.
		expect(clock.addMinutes(at('2026-11-06T15:30:00Z'), 60)?.toISOString()).toBe('2026-11-09T08:30:00.000Z');
		// Saturday + 8 h → Monday 17:00 local.
		expect(clock.addMinutes(at('2026-11-07T10:00:00Z'), 480)?.toISOString()).toBe('2026-11-09T16:00:00.000Z');
	});

	it('is the inverse of minutesBetween', () => {
		const from = at('2026-11-04T12:34:00Z');
		const to = clock.addMinutes(from, 1234) as Date;
		expect(clock.minutesBetween(from, to)).toBe(1234);
	});

	it('gives null on a schedule that never opens', () => {
		expect(
			new BusinessClock(schedule([[], [], [], [], [], [], []])).addMinutes(at('2026-11-04T12:00:00Z'), 5),
		).toBeNull();
	});
});

describe('describeWeekly', () => {
	it('names zone and hours for fingerprints and --explain', () => {
		expect(describeWeekly(schedule(weekdays(nineToFive)))).toBe(
			'Europe/Copenhagen; mon 09:00-17:00; tue 09:00-17:00; wed 09:00-17:00; thu 09:00-17:00; fri 09:00-17:00; sat closed; sun closed',
		);
	});
});

describe('BusinessClock.overdueIfStartedBefore', () => {
	it('splits starts exactly where measuring each one would: more than the target elapsed by now', () => {
		const clock = new BusinessClock(schedule(weekdays(nineToFive), 'Europe/Copenhagen', ['2026-12-24']));
		const now = Date.parse('2026-12-29T10:17:31.250Z');
		const earliest = Date.parse('2026-11-28T00:00:00Z');
		let seed = 11;
		const random = () => {
			seed = (seed * 1103515245 + 12345) % 2 ** 31;
			return seed / 2 ** 31;
		};
		for (const minutes of [0, 30, 240, 480, 24 * 60, 5 * 8 * 60, 40 * 8 * 60]) {
			const before = clock.overdueIfStartedBefore(now, minutes, earliest);
			const starts = Array.from({length: 400}, () => earliest + Math.floor(random() * (now - earliest)));
			// The threshold itself and the millisecond on each side of it.
			starts.push(before - 1, before, before + 1);
			for (const start of starts.filter((value) => value >= earliest && value < now)) {
				expect(start < before, `${minutes} min, start ${new Date(start).toISOString()}`).toBe(
					clock.minutesBetween(start, now) > minutes,
				);
			}
		}
	});
});
