import type {Database} from './database.js';
import {statement} from './stats-keys.js';

/**
 * Public holidays remembered per source (a region, which kinds of holiday, the library's version) and year, so a
 * command measuring business time does not load the holiday library when the dates are known.
 */

/** The dates (YYYY-MM-DD) of a source's year; null when they were never stored. */
export function readHolidayDates(db: Database, source: string, year: number): string[] | null {
	const row = statement(db, 'SELECT dates FROM holiday_dates WHERE source = ? AND year = ?').get(source, year) as
		| {dates: string}
		| undefined;
	return row === undefined ? null : (JSON.parse(row.dates) as string[]);
}

/** Whether any year of the source is stored (its region was checked against the library when it was). */
export function hasHolidaySource(db: Database, source: string): boolean {
	return statement(db, 'SELECT 1 FROM holiday_dates WHERE source = ? LIMIT 1').get(source) !== undefined;
}

export function writeHolidayDates(db: Database, source: string, year: number, dates: readonly string[]): void {
	statement(db, 'INSERT OR REPLACE INTO holiday_dates (source, year, dates) VALUES (?, ?, ?)').run(
		source,
		year,
		JSON.stringify(dates),
	);
}
