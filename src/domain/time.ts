/**
 * Time parsing shared by records, follow-ups, replies and stats. Pure: `now` is always a parameter. Every parser
 * returns null for input it does not accept; callers turn that into a UsageError quoting the `...Forms` text.
 * Dates without a time zone are UTC (csr stores and prints UTC throughout).
 */

/** The forms parseDuration accepts, for error messages and help. */
export const durationForms = '45s, 7m, 1h30m, 1:30:00 (h:mm:ss), 7:30 (m:ss) or 90 (minutes)';
/** The forms parseSpanMs accepts. */
export const spanForms = '30m, 24h, 3d, 2w or combinations like 1d12h';
/** The forms parseWhen accepts. */
export const whenForms = `${spanForms}, a date (2026-12-01, UTC midnight), a date and time (2026-12-01T09:30, UTC unless it has a zone), today, tomorrow or yesterday`;

const secondsPer: Record<string, number> = {s: 1, m: 60, h: 3600, d: 86_400, w: 604_800};

const durationUnits: Record<string, string> = {
	s: 's',
	sec: 's',
	secs: 's',
	second: 's',
	seconds: 's',
	m: 'm',
	min: 'm',
	mins: 'm',
	minute: 'm',
	minutes: 'm',
	h: 'h',
	hr: 'h',
	hrs: 'h',
	hour: 'h',
	hours: 'h',
};

/** Sums `<number><unit>` parts (units from `units`, each at most once, largest first); null when anything else is there. */
function sumUnits(text: string, units: Record<string, string>): number | null {
	const part = /(\d+(?:\.\d+)?)\s*([a-z]+)\s*/gy;
	let total = 0;
	let consumed = 0;
	let lastSize = Number.POSITIVE_INFINITY;
	for (let match = part.exec(text); match !== null; match = part.exec(text)) {
		const unit = units[match[2] ?? ''];
		const size = unit === undefined ? undefined : secondsPer[unit];
		if (size === undefined || size >= lastSize) return null;
		lastSize = size;
		total += Number(match[1]) * size;
		consumed = part.lastIndex;
	}
	return consumed === text.length && consumed > 0 ? total : null;
}

/**
 * A handle time in whole seconds: `45s`, `7m`, `1h30m`, `1h 30m`, `1.5h`, `1:30:00` (h:mm:ss), `7:30` (m:ss), or a
 * bare number of minutes (`90`). Null for anything else, including negative values.
 */
export function parseDuration(raw: string): number | null {
	const text = raw.trim().toLowerCase();
	if (text === '') return null;
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 60);
	const clock = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/.exec(text);
	if (clock) {
		const [, first, second, third] = clock;
		return third === undefined
			? Number(first) * 60 + Number(second)
			: Number(first) * 3600 + Number(second) * 60 + Number(third);
	}
	const seconds = sumUnits(text, durationUnits);
	return seconds === null ? null : Math.round(seconds);
}

/** `7m`, `1h30m`, `45s`, `2h` for a number of seconds (the short form parseDuration reads back). */
export function formatDuration(durationSec: number): string {
	if (durationSec <= 0) return '0s';
	const hours = Math.floor(durationSec / 3600);
	const minutes = Math.floor((durationSec % 3600) / 60);
	const seconds = durationSec % 60;
	return `${hours > 0 ? `${hours}h` : ''}${minutes > 0 ? `${minutes}m` : ''}${seconds > 0 ? `${seconds}s` : ''}`;
}

const spanUnits: Record<string, string> = {
	s: 's',
	m: 'm',
	min: 'm',
	mins: 'm',
	h: 'h',
	d: 'd',
	day: 'd',
	days: 'd',
	w: 'w',
	week: 'w',
	weeks: 'w',
};

/** A relative span in milliseconds: `30m`, `24h`, `3d`, `2w`, `1d12h`. A bare number is refused (minutes or days?). */
export function parseSpanMs(raw: string): number | null {
	const seconds = sumUnits(raw.trim().toLowerCase(), spanUnits);
	return seconds === null ? null : Math.round(seconds * 1000);
}

/**
 * An ISO 8601 date (`2026-12-01`, UTC midnight) or date and time (`2026-12-01T09:30`, `…T09:30:00Z`,
 * `…T09:30+01:00`; a space may replace the T; no zone means UTC). Null for malformed or impossible dates.
 */
export function parseIsoDate(raw: string): Date | null {
	const match =
		/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(
			raw.trim(),
		);
	if (!match) return null;
	const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone = 'Z'] = match;
	const parts = [year, month, day, hour, minute, second].map(Number) as [
		number,
		number,
		number,
		number,
		number,
		number,
	];
	const [y, mo, d, h, mi, s] = parts;
	if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
	const utc = Date.UTC(y, mo - 1, d, h, mi, s, Math.floor(Number(`0.${fraction || '0'}`) * 1000));
	// Date.UTC rolls 2026-02-30 over to March; refuse instead.
	if (new Date(utc).getUTCDate() !== d) return null;
	let offsetMinutes = 0;
	if (zone.toUpperCase() !== 'Z') {
		const zoneMatch = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
		if (!zoneMatch) return null;
		const [, sign, zoneHours, zoneMinutes] = zoneMatch;
		if (Number(zoneHours) > 14 || Number(zoneMinutes) > 59) return null;
		offsetMinutes = (sign === '-' ? -1 : 1) * (Number(zoneHours) * 60 + Number(zoneMinutes));
	}
	return new Date(utc - offsetMinutes * 60_000);
}

/** 00:00 UTC of the day `now` falls in. */
export function startOfUtcDay(now: Date): Date {
	return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** 00:00 UTC of the day after `now`: "due today" means due before this instant. */
export function startOfNextUtcDay(now: Date): Date {
	return new Date(startOfUtcDay(now).getTime() + 86_400_000);
}

/**
 * A point in time for `--since 7d` (direction past: 7 days before now), `--followup 2d` or `--in 3d` (future: 2 days
 * after now), or an absolute ISO date or datetime, or `today`/`tomorrow`/`yesterday` (UTC midnight). Null otherwise.
 */
export function parseWhen(raw: string, now: Date, direction: 'past' | 'future'): Date | null {
	const text = raw.trim().toLowerCase();
	if (text === 'today') return startOfUtcDay(now);
	if (text === 'tomorrow') return startOfNextUtcDay(now);
	if (text === 'yesterday') return new Date(startOfUtcDay(now).getTime() - 86_400_000);
	if (text === 'now') return new Date(now.getTime());
	const span = parseSpanMs(text);
	if (span !== null) return new Date(now.getTime() + (direction === 'past' ? -span : span));
	return parseIsoDate(raw);
}
