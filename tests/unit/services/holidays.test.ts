import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {UsageError} from '../../../src/errors.js';
import {loadBusinessCalendars} from '../../../src/services/business-hours.js';
import {type Database, openDatabase} from '../../../src/store/database.js';
import {officeWeek} from '../../support/business-hours.js';

const office = officeWeek;
const danish = {timeZone: 'Europe/Copenhagen', weekly: office, holidays: ['DK']};
const at = (iso: string) => new Date(iso);

let dir: string | null = null;
afterEach(() => {
	if (dir !== null) rmSync(dir, {recursive: true, force: true});
	dir = null;
});

function store(): Database {
	dir = mkdtempSync(join(tmpdir(), 'csr-holidays-'));
	return openDatabase(join(dir, 'csr.db'));
}

const rows = (db: Database) =>
	db.prepare('SELECT source, year, dates FROM holiday_dates ORDER BY source, year').all() as {
		source: string;
		year: number;
		dates: string;
	}[];

describe('public holidays remembered in the store', () => {
	it('keeps the year’s dates the library gave, keyed by region, kind and library version', async () => {
		const db = store();
		const calendars = await loadBusinessCalendars(danish, db);
		expect(calendars?.profile.isOpen(at('2026-12-25T10:00:00Z'))).toBe(false);
		const [row] = rows(db);
		expect(row?.source).toMatch(/^DK:public:date-holidays@\d+\.\d+\.\d+$/);
		expect(row?.year).toBe(2026);
		expect(JSON.parse(row?.dates ?? '[]')).toEqual(expect.arrayContaining(['2026-04-02', '2026-04-03', '2026-12-25']));
	});

	it('measures on the stored dates the next time, without asking the library', async () => {
		const db = store();
		await loadBusinessCalendars(danish, db).then((calendars) => calendars?.profile.isOpen(at('2026-06-01T10:00:00Z')));
		// Christmas Day stored as an ordinary day and 3 December as a holiday: only the store can say so.
		db.prepare('UPDATE holiday_dates SET dates = ? WHERE year = 2026').run(JSON.stringify(['2026-12-03']));
		const calendars = await loadBusinessCalendars(danish, db);
		expect(calendars?.profile.isOpen(at('2026-12-03T10:00:00Z'))).toBe(false);
		expect(calendars?.profile.isOpen(at('2026-12-25T10:00:00Z'))).toBe(true);
		// A year never seen is read from the library and kept too.
		expect(calendars?.profile.isOpen(at('2027-01-01T10:00:00Z'))).toBe(false); // New Year's Day, a Friday
		expect(rows(db).map((row) => row.year)).toEqual([2026, 2027]);
	});

	it('keeps public and public-and-bank holidays apart', async () => {
		const db = store();
		const allWeek = {...office, sat: ['09:00-17:00'], sun: ['09:00-17:00']};
		const swedish = {timeZone: 'UTC', weekly: allWeek, holidays: ['SE']};
		const midsummerEve = at('2026-06-19T10:00:00Z');
		expect((await loadBusinessCalendars(swedish, db))?.profile.isOpen(midsummerEve)).toBe(true);
		expect((await loadBusinessCalendars({...swedish, bankHolidays: true}, db))?.profile.isOpen(midsummerEve)).toBe(
			false,
		);
		expect((await loadBusinessCalendars(swedish, db))?.profile.isOpen(midsummerEve)).toBe(true);
		expect(
			rows(db)
				.map((row) => row.source.split(':').slice(0, 2).join(':'))
				.sort(),
		).toEqual(['SE:public', 'SE:public,bank']);
	});

	it('still refuses a region the library does not know', async () => {
		const db = store();
		await expect(loadBusinessCalendars({...danish, holidays: ['XX']}, db)).rejects.toThrow(UsageError);
		await expect(loadBusinessCalendars({...danish, holidays: ['DE-ZZ']}, db)).rejects.toThrow(
			'unknown holiday region "DE-ZZ"',
		);
		expect(rows(db)).toEqual([]);
	});
});
