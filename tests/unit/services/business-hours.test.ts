import {describe, expect, it} from 'vitest';
import {UsageError} from '../../../src/errors.js';
import {clockFor, loadBusinessCalendars} from '../../../src/services/business-hours.js';
import {officeWeek} from '../../support/business-hours.js';

const office = officeWeek;
const at = (iso: string) => new Date(iso);

describe('loadBusinessCalendars', () => {
	it('is null without business hours', async () => {
		expect(await loadBusinessCalendars(null)).toBeNull();
	});

	it('closes on Danish public holidays from the holiday library', async () => {
		const calendars = await loadBusinessCalendars({timeZone: 'Europe/Copenhagen', weekly: office, holidays: ['DK']});
		const clock = calendars?.profile;
		// Maundy Thursday 2 April and Good Friday 3 April 2026 are Danish holidays:
		// Wed 1 April 16:00 → Mon 6 April (Easter Monday, also a holiday) → Tue 7 April 10:00 local = 60 + 60.
		expect(clock?.minutesBetween(at('2026-04-01T14:00:00Z'), at('2026-04-07T08:00:00Z'))).toBe(120);
		// Christmas Day 2026 is a Friday.
		expect(clock?.isOpen(at('2026-12-25T10:00:00Z'))).toBe(false);
		expect(clock?.isOpen(at('2026-12-23T10:00:00Z'))).toBe(true);
		expect(calendars?.description[0]).toContain('DK public holidays');
	});

	it('knows the holidays of every Nordic country, Germany and the UK', async () => {
		const cases: [string, string][] = [
			['SE', '2026-06-19T10:00:00Z'], // midsommarafton is a bank holiday: open unless bankHolidays
			['SE', '2026-06-06T10:00:00Z'], // nationaldagen (a Saturday; closed anyway)
			['NO', '2026-05-01T10:00:00Z'], // Arbeidernes dag
			['DE', '2026-10-03T10:00:00Z'], // Tag der Deutschen Einheit (Saturday)
			['UK', '2026-05-04T10:00:00Z'], // Early May bank holiday (GB)
			['GB', '2026-12-28T10:00:00Z'], // Boxing Day substitute
		];
		const allWeek = {...office, sat: ['09:00-17:00'], sun: ['09:00-17:00']};
		const open = [];
		for (const [region, instant] of cases) {
			const calendars = await loadBusinessCalendars({timeZone: 'UTC', weekly: allWeek, holidays: [region]});
			open.push(calendars?.profile.isOpen(at(instant)));
		}
		expect(open).toEqual([true, false, false, false, false, false]);
		const bank = await loadBusinessCalendars({timeZone: 'UTC', weekly: allWeek, holidays: ['SE'], bankHolidays: true});
		expect(bank?.profile.isOpen(at('2026-06-19T10:00:00Z'))).toBe(false);
	});

	it('adds the team’s own closed dates, and gives groups their own hours', async () => {
		const calendars = await loadBusinessCalendars({
			timeZone: 'Europe/Copenhagen',
			weekly: office,
			closed: ['2026-11-04'],
			groups: {Nights: {timeZone: 'UTC', weekly: {mon: ['22:00-06:00']}}},
		});
		if (calendars === null) throw new Error('no calendars');
		expect(calendars.profile.isOpen(at('2026-11-04T10:00:00Z'))).toBe(false);
		const nights = clockFor(calendars, 'Nights');
		// The group keeps the profile's closed dates and overrides zone and hours.
		expect(nights.minutesBetween(at('2026-11-09T00:00:00Z'), at('2026-11-11T00:00:00Z'))).toBe(480);
		expect(clockFor(calendars, 'Billing')).toBe(calendars.profile);
		expect(clockFor(calendars, null)).toBe(calendars.profile);
		expect(calendars.description).toHaveLength(2);
	});

	it('changes its fingerprint when anything that moves a business minute changes', async () => {
		const base = {timeZone: 'Europe/Copenhagen', weekly: office, holidays: ['DK']};
		const fingerprint = async (spec: Parameters<typeof loadBusinessCalendars>[0]) =>
			(await loadBusinessCalendars(spec))?.fingerprint;
		const first = await fingerprint(base);
		expect(await fingerprint({...base})).toBe(first);
		expect(await fingerprint({...base, timeZone: 'Europe/Oslo'})).not.toBe(first);
		expect(await fingerprint({...base, holidays: ['SE']})).not.toBe(first);
		expect(await fingerprint({...base, closed: ['2026-12-24']})).not.toBe(first);
		expect(await fingerprint({...base, weekly: {...office, fri: ['09:00-15:00']}})).not.toBe(first);
	});

	it('refuses an unknown zone, holiday country or malformed shift with a usage error', async () => {
		await expect(loadBusinessCalendars({timeZone: 'Mars/Olympus'})).rejects.toBeInstanceOf(UsageError);
		await expect(loadBusinessCalendars({timeZone: 'UTC', holidays: ['XX']})).rejects.toThrow(
			/unknown holiday country "XX"/,
		);
		await expect(loadBusinessCalendars({timeZone: 'UTC', weekly: {mon: ['9-5']}})).rejects.toThrow(
			/invalid shift "9-5"/,
		);
	});
});
