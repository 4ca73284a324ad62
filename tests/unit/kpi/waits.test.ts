import {describe, expect, it} from 'vitest';
import {BusinessClock, type Shift} from '../../../src/kpi/business-hours.js';
import {calendarMinutes, decodeWaits, encodeWaits, measureWaits, threadWaits} from '../../../src/kpi/waits.js';

const nineToFive: Shift = {start: 9 * 60, end: 17 * 60};
const clock = new BusinessClock({
	name: 'test',
	timeZone: 'Europe/Copenhagen',
	weekly: [[nineToFive], [nineToFive], [nineToFive], [nineToFive], [nineToFive], [], []],
	isClosed: () => false,
});
const business = ([from, to]: readonly [number, number]) => clock.minutesBetween(from, to);
const t = (iso: string) => Date.parse(iso);
const customer = (iso: string) => ({at: t(iso), byAgent: false});
const agent = (iso: string) => ({at: t(iso), byAgent: true});

// Copenhagen in November is UTC+1: business hours are 08:00–16:00 UTC, Monday to Friday.
const created = t('2026-11-16T08:00:00Z'); // Monday 09:00 local
const thread = [
	customer('2026-11-16T08:00:00Z'), // the request itself
	agent('2026-11-16T10:00:00Z'), // first reply: 120 calendar, 120 business
	customer('2026-11-16T15:00:00Z'), // Monday 16:00 local: a next-reply wait starts
	customer('2026-11-16T15:30:00Z'), // still the same wait
	agent('2026-11-17T09:00:00Z'), // 1,080 calendar; business Mon 60 + Tue 60 = 120
	agent('2026-11-17T09:05:00Z'), // a second agent message: nobody waited
	customer('2026-11-20T15:30:00Z'), // Friday 16:30 local
	agent('2026-11-23T08:30:00Z'), // 3,900 calendar; business Fri 30 + Mon 30 = 60
	customer('2026-11-23T09:00:00Z'), // unanswered until the solve
];
const solved = t('2026-11-23T12:00:00Z'); // 180 calendar, 180 business

describe('next reply and requester wait from the thread', () => {
	it('finds the answered waits after the first reply, and every wait of the requester until the solve', () => {
		const waits = threadWaits(created, thread, solved);
		expect(waits.nextReplies.map(calendarMinutes)).toEqual([1080, 3900]);
		expect(waits.requesterWaits?.map(calendarMinutes)).toEqual([120, 1080, 3900, 180]);
	});

	it('measures a ticket’s next reply as the mean of its waits and its requester wait as their sum', () => {
		const waits = threadWaits(created, thread, solved);
		expect(measureWaits(waits, calendarMinutes)).toEqual({nextReply: 2490, requesterWait: 5280});
		// Business: next replies 120 and 60; waits 120 + 120 + 60 + 180.
		expect(measureWaits(waits, business)).toEqual({nextReply: 90, requesterWait: 480});
	});

	it('has no requester wait while the ticket is unsolved, and no next reply without a later customer message', () => {
		const open = threadWaits(created, thread.slice(0, 2), null);
		expect(measureWaits(open, calendarMinutes)).toEqual({nextReply: null, requesterWait: null});
	});

	it('keeps the waits through the cache text, and refuses a broken text', () => {
		const waits = threadWaits(created, thread, solved);
		expect(decodeWaits(encodeWaits(waits))).toEqual(waits);
		expect(decodeWaits('{not json')).toBeNull();
	});
});
