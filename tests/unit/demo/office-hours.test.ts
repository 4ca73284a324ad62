import {describe, expect, it} from 'vitest';
import {addOfficeTime, copenhagenOffsetMs, nextOfficeMoment} from '../../../src/providers/demo/office-hours.js';

const at = (iso: string): number => Date.parse(iso);
const hour = 3_600_000;

describe("the demo team's office hours (Copenhagen, Mon–Thu 08–17, Fri 08–16)", () => {
	it('knows Copenhagen summer and winter time', () => {
		expect(copenhagenOffsetMs(at('2026-12-03T12:00:00Z'))).toBe(hour);
		expect(copenhagenOffsetMs(at('2026-07-01T12:00:00Z'))).toBe(2 * hour);
		// Clocks go forward on the last Sunday of March at 01:00 UTC, back on the last Sunday of October.
		expect(copenhagenOffsetMs(at('2026-03-29T00:59:00Z'))).toBe(hour);
		expect(copenhagenOffsetMs(at('2026-03-29T01:00:00Z'))).toBe(2 * hour);
		expect(copenhagenOffsetMs(at('2026-10-25T00:59:00Z'))).toBe(2 * hour);
		expect(copenhagenOffsetMs(at('2026-10-25T01:00:00Z'))).toBe(hour);
	});

	it('keeps an open moment and moves a closed one to the next opening', () => {
		// Thursday 3 December 2026, 10:00 local (09:00 UTC): open.
		expect(nextOfficeMoment(at('2026-12-03T09:00:00Z'))).toBe(at('2026-12-03T09:00:00Z'));
		// Thursday 03:00 local: opens at 08:00 local the same day.
		expect(nextOfficeMoment(at('2026-12-03T02:00:00Z'))).toBe(at('2026-12-03T07:00:00Z'));
		// Friday 16:30 local (closes at 16 on Fridays): Monday 08:00.
		expect(nextOfficeMoment(at('2026-12-04T15:30:00Z'))).toBe(at('2026-12-07T07:00:00Z'));
		// Saturday in summer: Monday 08:00 CEST is 06:00 UTC.
		expect(nextOfficeMoment(at('2026-07-04T10:00:00Z'))).toBe(at('2026-07-06T06:00:00Z'));
	});

	it('adds SLA time only while the office is open', () => {
		// 4 office hours from Thursday 15:00 local: 2 on Thursday, 2 on Friday from 08:00 → Friday 10:00 local.
		expect(addOfficeTime(at('2026-12-03T14:00:00Z'), 4 * hour)).toBe(at('2026-12-04T09:00:00Z'));
		// 1 hour from Saturday night: Monday 09:00 local.
		expect(addOfficeTime(at('2026-12-05T22:00:00Z'), hour)).toBe(at('2026-12-07T08:00:00Z'));
		// Within the day, plain addition.
		expect(addOfficeTime(at('2026-12-03T08:00:00Z'), hour)).toBe(at('2026-12-03T09:00:00Z'));
	});
});
