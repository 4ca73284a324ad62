/** The time window of a KPI snapshot: half-open, [since, until), in UTC. */
export type StatsWindow = {readonly since: Date; readonly until: Date};

export const defaultWindowDays = 30;
const dayMs = 86_400_000;
const unitMs: Record<string, number> = {h: 3_600_000, d: dayMs, w: 7 * dayMs};

/** What --since and --until accept, for messages and help. */
export const windowForms = '30d, 7d, 12h, 2w, a date (2026-11-01, UTC midnight) or a date and time (2026-11-01T09:30Z)';

/**
 * A window bound: a span back from `now` (`30d`, `7d`, `12h`, `2w`), `today`/`yesterday` (UTC midnight), or an ISO
 * 8601 date (UTC midnight) or date and time (UTC unless it names a zone). Null for anything else.
 */
export function parseWindowBound(raw: string, now: Date): Date | null {
	const text = raw.trim().toLowerCase();
	const span = /^(\d{1,5})([hdw])$/.exec(text);
	if (span) return new Date(now.getTime() - Number(span[1]) * (unitMs[span[2] as string] as number));
	if (text === 'now') return new Date(now.getTime());
	if (text === 'today') return startOfUtcDay(now);
	if (text === 'yesterday') return new Date(startOfUtcDay(now).getTime() - dayMs);
	const match = /^(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(z|[+-]\d{2}:?\d{2})?)?$/.exec(
		text,
	);
	if (!match) return null;
	const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone = 'z'] = match;
	const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number) as [
		number,
		number,
		number,
		number,
		number,
		number,
	];
	if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
	const utc = Date.UTC(y, mo - 1, d, h, mi, s, fraction === '' ? 0 : Math.round(Number(fraction) * 1000));
	if (new Date(utc).getUTCDate() !== d) return null; // 2026-02-30 would roll over to March
	if (zone === 'z') return new Date(utc);
	const offset = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
	if (!offset || Number(offset[2]) > 14 || Number(offset[3]) > 59) return null;
	const offsetMinutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
	return new Date(utc - offsetMinutes * 60_000);
}

export function startOfUtcDay(at: Date): Date {
	return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/** YYYY-MM-DD of the UTC day `at` falls in. */
export function utcDate(at: Date): string {
	return at.toISOString().slice(0, 10);
}

/** Every UTC day the window touches, oldest first (a 30-day window from noon to noon touches 31 days). */
export function windowDays(window: StatsWindow): string[] {
	const days: string[] = [];
	if (window.until.getTime() <= window.since.getTime()) return days;
	const last = window.until.getTime() - 1;
	for (let day = startOfUtcDay(window.since).getTime(); day <= last; day += dayMs) {
		days.push(utcDate(new Date(day)));
	}
	return days;
}

/** The part of the window inside one UTC day (YYYY-MM-DD). */
export function dayWindow(window: StatsWindow, day: string): StatsWindow {
	const start = Date.parse(`${day}T00:00:00.000Z`);
	return {
		since: new Date(Math.max(start, window.since.getTime())),
		until: new Date(Math.min(start + dayMs, window.until.getTime())),
	};
}

/** The Monday (YYYY-MM-DD) of every ISO week (UTC) the window touches, oldest first. */
export function windowWeeks(window: StatsWindow): string[] {
	const weeks: string[] = [];
	for (const day of windowDays(window)) {
		const at = new Date(`${day}T00:00:00.000Z`);
		const monday = utcDate(new Date(at.getTime() - ((at.getUTCDay() + 6) % 7) * dayMs));
		if (weeks[weeks.length - 1] !== monday) weeks.push(monday);
	}
	return weeks;
}

/** The part of the window inside the ISO week starting on `monday` (YYYY-MM-DD). */
export function weekWindow(window: StatsWindow, monday: string): StatsWindow {
	const start = Date.parse(`${monday}T00:00:00.000Z`);
	return {
		since: new Date(Math.max(start, window.since.getTime())),
		until: new Date(Math.min(start + 7 * dayMs, window.until.getTime())),
	};
}

/** --since/--until → a window; `since` defaults to 30 days before now, `until` to now. Errors name the flag. */
export function resolveWindow(
	options: {since?: string | undefined; until?: string | undefined},
	now: Date,
): {ok: true; window: StatsWindow} | {ok: false; flag: '--since' | '--until'; value: string; reason: string} {
	const until = options.until === undefined ? new Date(now.getTime()) : parseWindowBound(options.until, now);
	if (until === null)
		return {ok: false, flag: '--until', value: options.until ?? '', reason: `expected ${windowForms}`};
	const since =
		options.since === undefined
			? new Date(until.getTime() - defaultWindowDays * dayMs)
			: parseWindowBound(options.since, now);
	if (since === null)
		return {ok: false, flag: '--since', value: options.since ?? '', reason: `expected ${windowForms}`};
	if (since.getTime() >= until.getTime()) {
		return {
			ok: false,
			flag: '--since',
			value: options.since ?? since.toISOString(),
			reason: 'it must be before --until',
		};
	}
	return {ok: true, window: {since, until}};
}
