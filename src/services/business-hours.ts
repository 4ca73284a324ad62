import {createHash} from 'node:crypto';
import {UsageError} from '../errors.js';
import {
	BusinessClock,
	describeWeekly,
	parseShift,
	type Schedule,
	type Shift,
	weekdayKeys,
} from '../kpi/business-hours.js';
import {isTimeZone} from '../kpi/time-zone.js';
import {decodeWaits, measureWaits} from '../kpi/waits.js';
import {clearComputedBusinessTimes, readBusinessPending, writeBusinessTimes} from '../store/business-times.js';
import type {Database} from '../store/database.js';
import {clearDeskNextReplies, readDeskNextReplyPending, writeDeskNextReplies} from '../store/desk-next-reply.js';
import {type HolidaySource, holidaySource} from './holidays.js';

/**
 * A profile's business hours (config `profiles.NAME.businessHours`) turned into schedules: one for the profile and
 * one per group that has its own entry (a group's entry overrides only the fields it gives). Public holidays come from
 * the `date-holidays` library, loaded only for a region or year the store does not know yet (services/holidays.ts).
 */

/** The config's shape (config/schema.ts `BusinessHours`), repeated here because services do not import config. */
export type HoursSpec = {
	readonly timeZone?: string | undefined;
	readonly weekly?: Partial<Record<(typeof weekdayKeys)[number], readonly string[] | undefined>> | undefined;
	readonly holidays?: readonly string[] | undefined;
	readonly bankHolidays?: boolean | undefined;
	readonly closed?: readonly string[] | undefined;
};
export type BusinessHoursSpec = HoursSpec & {readonly groups?: Readonly<Record<string, HoursSpec>> | undefined};

export type BusinessCalendars = {
	readonly profile: BusinessClock;
	/** Clocks of the groups with their own entry, by group name as the desk spells it. */
	readonly groups: ReadonlyMap<string, BusinessClock>;
	/** Changes whenever anything that affects a business minute changes (hours, zone, holiday regions, dates). */
	readonly fingerprint: string;
	/** One line per schedule, for --explain. */
	readonly description: readonly string[];
};

const hint = 'Fix profiles.<name>.businessHours in config.json (see docs/KPIS.md, "Business hours").';

/** A function answering "are the shifts that start on this local date cancelled?" for the regions and dates given. */
function closedDays(
	holidays: HolidaySource | null,
	regions: readonly string[],
	bank: boolean,
	closed: readonly string[],
): (isoDate: string) => boolean {
	const own = new Set(closed);
	for (const region of regions) holidays?.check(region, 'businessHours.holidays');
	return (isoDate) => {
		if (own.has(isoDate)) return true;
		if (regions.length === 0) return false;
		if (holidays === null) throw new Error('business hours measured before the holiday library was loaded');
		const year = Number(isoDate.slice(0, 4));
		return regions.some((region) => holidays.datesOf(region, bank, year).has(isoDate));
	};
}

function weeklyOf(spec: HoursSpec['weekly'], where: string): Shift[][] {
	return weekdayKeys.map((day) =>
		(spec?.[day] ?? []).map((text) => {
			const shift = parseShift(text);
			if (shift === null) throw new UsageError(`invalid shift "${text}" for ${day} in ${where}`, hint);
			return shift;
		}),
	);
}

function scheduleOf(name: string, spec: HoursSpec, holidays: HolidaySource | null): {schedule: Schedule; key: string} {
	const timeZone = spec.timeZone ?? 'UTC';
	if (!isTimeZone(timeZone)) {
		throw new UsageError(`unknown time zone "${timeZone}" in ${name}`, 'Use an IANA zone such as Europe/Copenhagen.');
	}
	const weekly = weeklyOf(spec.weekly, name);
	const regions = [...(spec.holidays ?? [])].map((code) => code.toUpperCase()).sort();
	const closed = [...(spec.closed ?? [])].sort();
	const bank = spec.bankHolidays === true;
	const schedule: Schedule = {name, timeZone, weekly, isClosed: closedDays(holidays, regions, bank, closed)};
	const publicHolidays =
		regions.length === 0
			? 'no public holidays'
			: `${regions.join(', ')} ${bank ? 'public and bank' : 'public'} holidays`;
	const own = closed.length === 0 ? '' : `, closed ${closed.join(', ')}`;
	return {schedule, key: `${describeWeekly(schedule)}; ${publicHolidays}${own}`};
}

/** Resolves a profile's business hours; null when the profile has none. Throws UsageError on a bad schedule. */
export async function loadBusinessCalendars(
	spec: BusinessHoursSpec | null,
	db: Database | null = null,
): Promise<BusinessCalendars | null> {
	return businessCalendarsOf(spec, db);
}

/** The same, at once: the holiday library is required synchronously when the store does not hold a year. */
export function businessCalendarsOf(
	spec: BusinessHoursSpec | null,
	db: Database | null = null,
): BusinessCalendars | null {
	return spec === null ? null : buildCalendars(spec, holidaySource(db));
}

/**
 * The schedules without loading the holiday library: checks zones and shifts and gives the fingerprint and
 * description, but its clocks must not measure anything when a schedule names holiday regions.
 */
export function planBusinessHours(spec: BusinessHoursSpec | null): BusinessCalendars | null {
	return spec === null ? null : buildCalendars(spec, null);
}

function buildCalendars(spec: BusinessHoursSpec, holidays: HolidaySource | null): BusinessCalendars {
	const groupSpecs = Object.entries(spec.groups ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	const {groups: _groups, ...base} = spec;
	const main = scheduleOf('businessHours', base, holidays);
	const groups = new Map<string, BusinessClock>();
	const description = [`profile: ${main.key}`];
	for (const [name, override] of groupSpecs) {
		const given = Object.fromEntries(Object.entries(override).filter(([, value]) => value !== undefined));
		const resolved = scheduleOf(`businessHours.groups.${name}`, {...base, ...given}, holidays);
		groups.set(name, new BusinessClock({...resolved.schedule, name}));
		description.push(`group ${name}: ${resolved.key}`);
	}
	return {
		profile: new BusinessClock({...main.schedule, name: 'profile'}),
		groups,
		fingerprint: description.join('\n'),
		description,
	};
}

/** The clock a ticket is measured on: its group's, else the profile's. */
export function clockFor(calendars: BusinessCalendars, groupName: string | null): BusinessClock {
	return (groupName === null ? undefined : calendars.groups.get(groupName)) ?? calendars.profile;
}

export type BusinessPass = {
	/** Rows csr measured on the schedule in this pass. */
	readonly computed: number;
	/** Rows whose csr-computed business minutes were dropped because the profile has no business hours any more. */
	readonly cleared: number;
};

/**
 * Brings csr's business minutes in the profile's KPI cache in line with its business hours: rows never measured or
 * measured on another schedule are measured now; with no business hours, csr's figures are dropped. Rows with the
 * desk's own business minutes are left alone. Cheap when nothing changed (one scan, no writes).
 */
export async function applyBusinessHours(
	db: Database,
	profile: string,
	spec: BusinessHoursSpec | null,
): Promise<BusinessPass> {
	const plan = planBusinessHours(spec);
	if (plan === null) {
		return {computed: 0, cleared: clearComputedBusinessTimes(db, profile) + clearDeskNextReplies(db, profile)};
	}
	const fingerprint = fingerprintKey(plan);
	const pending = readBusinessPending(db, profile, fingerprint);
	const deskRows = readDeskNextReplyPending(db, profile, fingerprint);
	if (pending.length === 0 && deskRows.length === 0) return {computed: 0, cleared: 0};
	const calendars = (await loadBusinessCalendars(spec, db)) as BusinessCalendars;
	// Rows with the desk's own business minutes (Zendesk): only the next reply, which the desk does not give.
	writeDeskNextReplies(
		db,
		profile,
		fingerprint,
		deskRows.map((row) => ({
			ticketId: row.ticketId,
			minutes: waitsOn(clockFor(calendars, row.groupName), row.waits).nextReplyBusinessMinutes,
		})),
	);
	const times = pending.map((row) => {
		const clock = clockFor(calendars, row.groupName);
		const created = Date.parse(row.createdAt);
		return {
			ticketId: row.ticketId,
			firstReplyBusinessMinutes:
				row.firstReplyAt === null ? null : roundMinutes(clock.minutesBetween(created, Date.parse(row.firstReplyAt))),
			resolutionBusinessMinutes:
				row.solvedAt === null ? null : roundMinutes(clock.minutesBetween(created, Date.parse(row.solvedAt))),
			...waitsOn(clock, row.waits),
		};
	});
	writeBusinessTimes(db, profile, fingerprint, times);
	return {computed: times.length + deskRows.length, cleared: 0};
}

/** Next reply and requester wait in business minutes, from the thread's waits the sync kept. */
function waitsOn(clock: BusinessClock, text: string | null) {
	const waits = text === null ? null : decodeWaits(text);
	if (waits === null) return {nextReplyBusinessMinutes: null, requesterWaitBusinessMinutes: null};
	const measured = measureWaits(waits, ([from, to]) => clock.minutesBetween(from, to));
	return {
		nextReplyBusinessMinutes: measured.nextReply === null ? null : roundMinutes(measured.nextReply),
		requesterWaitBusinessMinutes: measured.requesterWait === null ? null : roundMinutes(measured.requesterWait),
	};
}

/** To the millisecond's minute fraction the cache keeps (1e-6 min); reports round again to 0.1 min. */
const roundMinutes = (minutes: number) => Math.round(minutes * 1e6) / 1e6;

/** A short, stable key of the schedule for the cache (the full description is long). */
export function fingerprintKey(calendars: Pick<BusinessCalendars, 'fingerprint'>): string {
	return `csr:${createHash('sha256').update(calendars.fingerprint).digest('hex').slice(0, 16)}`;
}
