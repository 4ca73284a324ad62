import type {Step} from './seed-plan.js';

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

// The demo team (Nordlys Home, Copenhagen) answers in office hours, as the default business-hours schedule says:
// Monday–Thursday 08:00–17:00, Friday 08:00–16:00, local time. Customers write at any hour; without this, agents
// answered at 3 a.m. and every business-time KPI of the demo was close to zero.

const cetOffsetMs = hourMs;
const summerOffsetMs = 2 * hourMs;
const summerByYear = new Map<number, readonly [number, number]>();

/** EU summer time: from the last Sunday of March to the last Sunday of October, 01:00 UTC both. */
function summerTime(year: number): readonly [number, number] {
	let span = summerByYear.get(year);
	if (span === undefined) {
		const lastSunday = (month: number): number => {
			const last = Date.UTC(year, month + 1, 0, 1);
			return last - new Date(last).getUTCDay() * dayMs;
		};
		span = [lastSunday(2), lastSunday(9)];
		summerByYear.set(year, span);
	}
	return span;
}

/** Copenhagen's offset from UTC at `utcMs`. */
export function copenhagenOffsetMs(utcMs: number): number {
	const [start, end] = summerTime(new Date(utcMs).getUTCFullYear());
	return utcMs >= start && utcMs < end ? summerOffsetMs : cetOffsetMs;
}

const opensMin = 8 * 60;
/** Closing minute of the day by weekday (0 Sunday … 6 Saturday); 0: closed. */
const closesMin = [0, 17 * 60, 17 * 60, 17 * 60, 17 * 60, 16 * 60, 0];

/** `utcMs` itself when the office is open then, else the next opening instant. */
export function nextOfficeMoment(utcMs: number): number {
	const offset = copenhagenOffsetMs(utcMs);
	const local = utcMs + offset;
	const dayStart = Math.floor(local / dayMs) * dayMs;
	const minute = (local - dayStart) / minuteMs;
	const weekday = new Date(dayStart).getUTCDay();
	const closes = closesMin[weekday] ?? 0;
	if (closes > 0 && minute >= opensMin && minute < closes) return utcMs;
	let day = dayStart + (closes > 0 && minute < opensMin ? 0 : dayMs);
	while ((closesMin[new Date(day).getUTCDay()] ?? 0) === 0) day += dayMs;
	const opening = day + opensMin * minuteMs;
	return opening - copenhagenOffsetMs(opening - offset);
}

/** The instant the office closes on the local day of `openMs` (an instant when it is open). */
function closingAfter(openMs: number): number {
	const offset = copenhagenOffsetMs(openMs);
	const dayStart = Math.floor((openMs + offset) / dayMs) * dayMs;
	const closing = dayStart + (closesMin[new Date(dayStart).getUTCDay()] ?? 0) * minuteMs;
	return closing - copenhagenOffsetMs(closing - offset);
}

/** `startMs` plus `durationMs` of office time: the demo desk's SLA clock, as a desk with business-hours SLAs runs it. */
export function addOfficeTime(startMs: number, durationMs: number): number {
	let at = nextOfficeMoment(startMs);
	let remaining = durationMs;
	for (;;) {
		const closes = closingAfter(at);
		if (at + remaining <= closes) return at + remaining;
		remaining -= closes - at;
		at = nextOfficeMoment(closes);
	}
}

/** 0–89 minutes, from the ticket's own creation time: the random stream of the seed stays as it was. */
function settleMs(createdMs: number, index: number): number {
	return (((Math.floor(createdMs / 1000) * 2654435761 + index * 40503) >>> 0) % 90) * minuteMs;
}

/**
 * Moves each public agent reply that falls outside office hours to the next opening (plus up to an hour and a half
 * while the morning's queue is worked through), with everything after it. A move that would reach `latestMs` is
 * left out: that reply stays where it was, as an agent working late would have sent it.
 */
export function keepRepliesInOfficeHours(
	steps: readonly Step[],
	times: number[],
	createdMs: number,
	latestMs: number,
): void {
	for (const [index, step] of steps.entries()) {
		if (step.kind !== 'message' || step.role !== 'agent' || !step.isPublic) continue;
		const at = times[index] ?? createdMs;
		const opening = nextOfficeMoment(at);
		if (opening === at) continue;
		const shiftMs = opening - at + settleMs(createdMs, index);
		if ((times.at(-1) ?? at) + shiftMs >= latestMs) continue;
		for (let later = index; later < times.length; later++) times[later] = (times[later] ?? 0) + shiftMs;
	}
}
