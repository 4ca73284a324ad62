/**
 * Wall-clock arithmetic in an IANA time zone with nothing but Intl: the offset at an instant, the instant of a local
 * date and time (DST-aware), and civil day numbers. Used by the business-hours clock.
 */

const minuteMs = 60_000;
const dayMs = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (formatter === undefined) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/** True when `timeZone` is an IANA zone this runtime knows (`Europe/Copenhagen`, `UTC`). */
export function isTimeZone(timeZone: string): boolean {
	try {
		formatterFor(timeZone);
		return true;
	} catch {
		return false;
	}
}

/** The zone's offset from UTC at `utcMs`, in whole minutes (Copenhagen in winter: 60). */
export function offsetMinutesAt(timeZone: string, utcMs: number): number {
	const fields: Record<string, number> = {};
	for (const part of formatterFor(timeZone).formatToParts(new Date(utcMs))) {
		if (part.type !== 'literal') fields[part.type] = Number(part.value);
	}
	const asUtc = Date.UTC(
		fields['year'] ?? 1970,
		(fields['month'] ?? 1) - 1,
		fields['day'] ?? 1,
		fields['hour'] ?? 0,
		fields['minute'] ?? 0,
		fields['second'] ?? 0,
	);
	return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / minuteMs);
}

/**
 * The instant of a local wall-clock time: civil day `dayNumber` (days since 1970-01-01) at `minuteOfDay` (0–1440).
 * A time that does not exist (the hour skipped when clocks go forward) maps to the same distance after the jump; a
 * time that happens twice (clocks go back) maps to its later occurrence.
 */
export function localTimeToUtc(timeZone: string, dayNumber: number, minuteOfDay: number): number {
	const wall = dayNumber * dayMs + minuteOfDay * minuteMs;
	const first = offsetMinutesAt(timeZone, wall);
	let utc = wall - first * minuteMs;
	const second = offsetMinutesAt(timeZone, utc);
	if (second !== first) {
		const retry = wall - second * minuteMs;
		if (offsetMinutesAt(timeZone, retry) === second) utc = retry;
	}
	return utc;
}

/** Days since 1970-01-01 of the local calendar date at `utcMs` in `timeZone`. */
export function localDayNumber(timeZone: string, utcMs: number): number {
	return Math.floor((utcMs + offsetMinutesAt(timeZone, utcMs) * minuteMs) / dayMs);
}

/** `YYYY-MM-DD` of a civil day number. */
export function isoDateOfDay(dayNumber: number): string {
	return new Date(dayNumber * dayMs).toISOString().slice(0, 10);
}

/** Monday 0 … Sunday 6 of a civil day number. */
export function weekdayOfDay(dayNumber: number): number {
	return (new Date(dayNumber * dayMs).getUTCDay() + 6) % 7;
}
