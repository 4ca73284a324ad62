import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {UsageError} from '../errors.js';
import type {Database} from '../store/database.js';
import {hasHolidaySource, readHolidayDates, writeHolidayDates} from '../store/holiday-dates.js';

/**
 * Public holidays for business hours. The `date-holidays` library costs more to load than a whole `csr stats` spends
 * on SLA figures, so the dates it gives are kept in the store per region and year and the library is loaded only for
 * a region or year never seen before (and again after it is upgraded: its version is part of the key).
 */

type HolidayLibrary = typeof import('date-holidays').default;

export type HolidaySource = {
	/** Throws a UsageError naming the code when the library does not know the region. */
	check(region: string, where: string): void;
	/** The local dates (YYYY-MM-DD) of the region's public (and, with `bank`, bank) holidays in a year. */
	datesOf(region: string, bank: boolean, year: number): ReadonlySet<string>;
};

const hint = 'Fix profiles.<name>.businessHours in config.json (see docs/KPIS.md, "Business hours").';
const require = createRequire(import.meta.url);

let library: HolidayLibrary | null = null;
const loadLibrary = (): HolidayLibrary => {
	// The CommonJS build, loaded synchronously: a schedule asks for a year's dates while it measures.
	library ??= require('date-holidays') as HolidayLibrary;
	return library;
};

let version: string | null = null;
const libraryVersion = (): string => {
	version ??= (JSON.parse(readFileSync(require.resolve('date-holidays/package.json'), 'utf8')) as {version: string})
		.version;
	return version;
};

function regionOf(code: string): {country: string; state: string | undefined} {
	const [country = '', state] = code.toUpperCase().split('-');
	return {country: country === 'UK' ? 'GB' : country, state};
}

function checkWithLibrary(code: string, where: string): void {
	const Holidays = loadLibrary();
	const {country, state} = regionOf(code);
	if (!(country in new Holidays().getCountries('en'))) {
		throw new UsageError(`unknown holiday country "${code}" in ${where}`, hint);
	}
	if (state !== undefined && !(state in (new Holidays().getStates(country, 'en') ?? {}))) {
		throw new UsageError(`unknown holiday region "${code}" in ${where}`, hint);
	}
}

function datesFromLibrary(code: string, bank: boolean, year: number): string[] {
	const Holidays = loadLibrary();
	const {country, state} = regionOf(code);
	const calendar = state === undefined ? new Holidays(country) : new Holidays(country, state);
	const types = new Set(bank ? ['public', 'bank'] : ['public']);
	const dates = new Set<string>();
	for (const holiday of calendar.getHolidays(year, 'en')) {
		if (types.has(holiday.type)) dates.add(holiday.date.slice(0, 10));
	}
	return [...dates].sort();
}

/** Holidays from the library, remembered in `db` when given (none: the library every time). */
export function holidaySource(db: Database | null): HolidaySource {
	const sourceKey = (region: string, bank: boolean) =>
		`${region.toUpperCase()}:${bank ? 'public,bank' : 'public'}:date-holidays@${libraryVersion()}`;
	const known = new Map<string, ReadonlySet<string>>();
	return {
		check(region, where) {
			if (
				db !== null &&
				(hasHolidaySource(db, sourceKey(region, false)) || hasHolidaySource(db, sourceKey(region, true)))
			)
				return;
			checkWithLibrary(region, where);
		},
		datesOf(region, bank, year) {
			const key = `${sourceKey(region, bank)}\u0000${year}`;
			let dates = known.get(key);
			if (dates === undefined) {
				const source = sourceKey(region, bank);
				const stored = db === null ? null : readHolidayDates(db, source, year);
				const found = stored ?? datesFromLibrary(region, bank, year);
				if (stored === null && db !== null) writeHolidayDates(db, source, year, found);
				dates = new Set(found);
				known.set(key, dates);
			}
			return dates;
		},
	};
}
