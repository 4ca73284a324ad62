import {isoDateOfDay, localDayNumber, localTimeToUtc, weekdayOfDay} from './time-zone.js';

/**
 * Business hours: a weekly schedule in one time zone with closed days (public holidays and the team's own dates),
 * and a clock that measures the business minutes between two instants on it. Pure: holidays come in as a function.
 */

/** One opening interval of a weekday, in minutes after local midnight. `end <= start` runs past midnight. */
export type Shift = {readonly start: number; readonly end: number};

export const weekdayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof weekdayKeys)[number];

export type Schedule = {
	/** A name for --explain, e.g. `default` or the group's name. */
	readonly name: string;
	readonly timeZone: string;
	/** Seven entries, Monday first; an empty list is a closed day. */
	readonly weekly: readonly (readonly Shift[])[];
	/** True for a local date (`YYYY-MM-DD`) on which the shifts that start that day do not happen. */
	readonly isClosed: (isoDate: string) => boolean;
};

const minuteMs = 60_000;
const dayMs = 86_400_000;
const shiftPattern = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/;

/** `09:00-17:00` → {start: 540, end: 1020}; `22:00-06:00` runs overnight; `00:00-24:00` is the whole day. Null if malformed. */
export function parseShift(text: string): Shift | null {
	const match = shiftPattern.exec(text.trim());
	if (!match) return null;
	const [h1, m1, h2, m2] = match.slice(1).map(Number) as [number, number, number, number];
	if (m1 > 59 || m2 > 59 || h1 > 23 || h2 > 24 || (h2 === 24 && m2 !== 0)) return null;
	const start = h1 * 60 + m1;
	const end = h2 * 60 + m2;
	if (start === end) return null;
	return {start, end};
}

type Interval = {readonly start: number; readonly end: number};

/**
 * Measures business time on one schedule. Opening intervals are built lazily as UTC instants for the local days
 * asked about (DST handled by converting each local start and end separately), merged, and summed cumulatively, so
 * each measurement is two binary searches.
 */
export class BusinessClock {
	readonly schedule: Schedule;
	private firstDay = 0;
	private lastDay = -1;
	private starts: number[] = [];
	private ends: number[] = [];
	/** Business ms before interval i, counted from the first built interval. */
	private before: number[] = [];
	private readonly hasHours: boolean;

	constructor(schedule: Schedule) {
		this.schedule = schedule;
		this.hasHours = schedule.weekly.some((shifts) => shifts.length > 0);
	}

	/** Business minutes in [from, to); 0 when `to` is not after `from`. Fractional (exact to the millisecond). */
	minutesBetween(from: Date | number, to: Date | number): number {
		const a = typeof from === 'number' ? from : from.getTime();
		const b = typeof to === 'number' ? to : to.getTime();
		if (!(b > a)) return 0;
		this.cover(a, b);
		return (this.elapsed(b) - this.elapsed(a)) / minuteMs;
	}

	/** Whether `at` falls in an opening interval. */
	isOpen(at: Date | number): boolean {
		const t = typeof at === 'number' ? at : at.getTime();
		this.cover(t, t);
		const i = this.indexAtOrBefore(t);
		return i >= 0 && t < (this.ends[i] as number);
	}

	/**
	 * The instant at which `minutes` business minutes have passed since `from` (an SLA target in business time);
	 * null when the schedule has no opening hours within ten years.
	 */
	addMinutes(from: Date | number, minutes: number): Date | null {
		const a = typeof from === 'number' ? from : from.getTime();
		if (minutes <= 0) return new Date(a);
		if (!this.hasHours) return null;
		let horizon = a + Math.max(14, Math.ceil((minutes / 60 / 24) * 3)) * dayMs;
		while (horizon - a <= 10 * 366 * dayMs) {
			this.cover(a, horizon);
			const goal = this.elapsed(a) + minutes * minuteMs;
			if (this.elapsed(horizon) >= goal) return new Date(this.instantAt(goal));
			horizon += Math.max(366 * dayMs, horizon - a);
		}
		return null;
	}

	/**
	 * The instant T for which more than `minutes` business minutes lie between `from` and `now` exactly when
	 * `from` < T, for any `from` at or after `earliest` (an SLA target in business time judged at `now` for every
	 * ticket at once: one comparison a ticket instead of a measurement). `earliest` when no such `from` exists.
	 */
	overdueIfStartedBefore(now: number, minutes: number, earliest: number): number {
		if (!(now > earliest)) return earliest;
		this.cover(earliest, now);
		const goal = this.elapsed(now) - minutes * minuteMs;
		if (goal <= this.elapsed(earliest)) return earliest;
		return this.instantAt(goal);
	}

	/** Business ms from the first built interval up to `t`. */
	private elapsed(t: number): number {
		const i = this.indexAtOrBefore(t);
		if (i < 0) return 0;
		const start = this.starts[i] as number;
		const end = this.ends[i] as number;
		return (this.before[i] as number) + Math.min(t, end) - start;
	}

	/** The instant at which `elapsed` equals `goal` (goal within the built range). */
	private instantAt(goal: number): number {
		let lo = 0;
		let hi = this.starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if ((this.before[mid] as number) < goal) lo = mid;
			else hi = mid - 1;
		}
		return (this.starts[lo] as number) + goal - (this.before[lo] as number);
	}

	private indexAtOrBefore(t: number): number {
		let lo = 0;
		let hi = this.starts.length - 1;
		let found = -1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			if ((this.starts[mid] as number) <= t) {
				found = mid;
				lo = mid + 1;
			} else hi = mid - 1;
		}
		return found;
	}

	/** Makes sure every interval that could touch [a, b] is built (local days are within ±14 h of UTC days). */
	private cover(a: number, b: number): void {
		const need = {first: Math.floor(a / dayMs) - 2, last: Math.floor(b / dayMs) + 2};
		if (this.lastDay >= this.firstDay && need.first >= this.firstDay && need.last <= this.lastDay) return;
		const span = Math.max(this.lastDay - this.firstDay, 62);
		const first = this.lastDay < this.firstDay ? need.first : Math.min(need.first, this.firstDay - span);
		const last = this.lastDay < this.firstDay ? need.last : Math.max(need.last, this.lastDay + span);
		this.build(Math.min(first, need.first), Math.max(last, need.last));
	}

	private build(firstDay: number, lastDay: number): void {
		const {timeZone, weekly, isClosed} = this.schedule;
		const raw: Interval[] = [];
		// One day earlier: an overnight shift from the day before reaches into the first day.
		for (let day = firstDay - 1; day <= lastDay; day++) {
			const shifts = weekly[weekdayOfDay(day)] ?? [];
			if (shifts.length === 0 || isClosed(isoDateOfDay(day))) continue;
			for (const shift of shifts) {
				const start = localTimeToUtc(timeZone, day, shift.start);
				const end = localTimeToUtc(timeZone, shift.end > shift.start ? day : day + 1, shift.end);
				if (end > start) raw.push({start, end});
			}
		}
		raw.sort((x, y) => x.start - y.start);
		const starts: number[] = [];
		const ends: number[] = [];
		for (const interval of raw) {
			const last = ends.length - 1;
			if (last >= 0 && interval.start <= (ends[last] as number)) {
				ends[last] = Math.max(ends[last] as number, interval.end);
			} else {
				starts.push(interval.start);
				ends.push(interval.end);
			}
		}
		const before: number[] = [];
		let sum = 0;
		for (let i = 0; i < starts.length; i++) {
			before.push(sum);
			sum += (ends[i] as number) - (starts[i] as number);
		}
		this.firstDay = firstDay;
		this.lastDay = lastDay;
		this.starts = starts;
		this.ends = ends;
		this.before = before;
	}
}

/** Business minutes in [from, to) on `schedule` (one-off; keep a BusinessClock to measure many). */
export function businessMinutes(from: Date | number, to: Date | number, schedule: Schedule): number {
	return new BusinessClock(schedule).minutesBetween(from, to);
}

/** The local date (`YYYY-MM-DD`) of an instant in the schedule's zone. */
export function localDateOf(at: Date | number, timeZone: string): string {
	return isoDateOfDay(localDayNumber(timeZone, typeof at === 'number' ? at : at.getTime()));
}

/** A stable text of the schedule's hours and zone (holidays are named by the caller), for cache fingerprints. */
export function describeWeekly(schedule: Pick<Schedule, 'timeZone' | 'weekly'>): string {
	const hhmm = (minutes: number) =>
		`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
	const days = weekdayKeys.map((key, i) => {
		const shifts = schedule.weekly[i] ?? [];
		return `${key} ${shifts.length === 0 ? 'closed' : shifts.map((s) => `${hhmm(s.start)}-${hhmm(s.end)}`).join(',')}`;
	});
	return `${schedule.timeZone}; ${days.join('; ')}`;
}
