import type {Database} from './database.js';
import {type Dimension, statement, ticketKey, type Window} from './stats-keys.js';

/**
 * csr's SLA targets over the KPI cache (services/sla.ts): tickets created in the window, judged in SQL where the
 * cache already has the minutes (calendar, and the business minutes the business pass measured), grouped by the
 * --by key. Unsolved tickets are judged against the instant before which a ticket is past its target (calendar: now
 * minus the target; business: from the schedule, `businessOverdueBefore`), so no ticket is measured one by one.
 */

/** One target entry: for a group and/or priority (null: any), most specific first. */
export type TargetRule = {readonly group: string | null; readonly priority: string | null; readonly minutes: number};

/** [breached, met, running] per metric and for the ticket. */
export type SlaCounts = {
	firstReply: [number, number, number];
	resolution: [number, number, number];
	any: [number, number, number];
};

export type SlaAggregate = {
	readonly judged: number;
	readonly withoutTarget: number;
	readonly calendar: SlaCounts;
	/** All zero when the profile has no business hours. */
	readonly business: SlaCounts;
};

const unsolvedStatuses = new Set(['new', 'open', 'pending', 'on-hold']);
const settledStatuses = new Set(['solved', 'closed']);

/** A ticket's targets and, for each, the creation instant before which a still running target is past due. */
type Applied = {
	readonly firstReply: number | null;
	readonly resolution: number | null;
	readonly firstReplyDueBefore: string | null;
	readonly resolutionDueBefore: string | null;
	/** The same in business time; null without business hours. */
	readonly firstReplyBusinessDueBefore: string | null;
	readonly resolutionBusinessDueBefore: string | null;
};

/** The first (most specific) rule for the group and priority. */
function ruleFor(rules: readonly TargetRule[], group: string | null, priority: string | null): TargetRule | null {
	for (const rule of rules) {
		if (rule.group !== null && rule.group !== group) continue;
		if (rule.priority !== null && rule.priority !== priority) continue;
		return rule;
	}
	return null;
}

/** 0 no target or not judged, 1 met, 2 running, 3 breached; `done` minutes, else `running` when unsolved. */
function outcome(target: number | null, done: number | null, unsolved: boolean, running: number): number {
	if (target === null) return 0;
	if (done !== null) return done > target ? 3 : 1;
	return unsolved ? running : 0;
}

const emptyCounts = (): SlaCounts => ({firstReply: [0, 0, 0], resolution: [0, 0, 0], any: [0, 0, 0]});

/** Counts an outcome code into [breached, met, running]. */
function count(into: [number, number, number], code: number): void {
	if (code === 3) into[0] += 1;
	else if (code === 1) into[1] += 1;
	else if (code === 2) into[2] += 1;
}

const asNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/**
 * The window's rows, a slice of the window at a time: `all()` is several times cheaper per row than `iterate()`, and
 * slices keep the arrays held at once to a fraction of the window's tickets.
 */
function* rowsInSlices(read: ReturnType<typeof statement>, profile: string, window: Window): Generator<unknown[]> {
	const since = Date.parse(window.since);
	const until = Date.parse(window.until);
	const slices = Number.isFinite(since) && Number.isFinite(until) && until > since ? 8 : 1;
	const bound = (index: number) =>
		index === 0
			? window.since
			: index === slices
				? window.until
				: new Date(since + ((until - since) * index) / slices).toISOString();
	for (let index = 0; index < slices; index++)
		yield* read.all(profile, bound(index), bound(index + 1)) as unknown as unknown[][];
}

type Tally = {judged: number; none: number; calendar: SlaCounts; business: SlaCounts};

/**
 * Per key: how many tickets some target applies to (and none), and their outcomes on the calendar and, with business
 * hours, in business minutes. One read of the window's tickets (rows as arrays); the targets and due instants are
 * worked out once per group and priority. (A SQL version, a CASE per target in materialized CTEs, cost as much, and
 * then every unsolved ticket was measured on a business clock one by one.)
 */
export function aggregateSla(
	db: Database,
	profile: string,
	window: Window,
	dimension: Dimension,
	rules: {readonly firstReply: readonly TargetRule[]; readonly resolution: readonly TargetRule[]},
	now: string,
	/**
	 * With business hours: the instant (ms) before which a ticket of `group` created in the window is more than
	 * `minutes` business minutes old now.
	 */
	businessOverdueBefore: ((group: string | null, minutes: number) => number) | null,
): Map<string, SlaAggregate> {
	const nowMs = Date.parse(now);
	// When each target falls due for a ticket created at the start of the clock: a ticket created before it is past.
	const dueBefore = (rule: TargetRule | null) =>
		rule === null ? null : new Date(nowMs - rule.minutes * 60_000).toISOString();
	const businessDueBefore = (rule: TargetRule | null, group: string | null) =>
		rule === null || businessOverdueBefore === null
			? null
			: new Date(businessOverdueBefore(group, rule.minutes)).toISOString();
	const applied = new Map<string | null, Map<string | null, Applied>>();
	const targetsOf = (group: string | null, priority: string | null): Applied => {
		let byPriority = applied.get(group);
		if (byPriority === undefined) {
			byPriority = new Map();
			applied.set(group, byPriority);
		}
		let found = byPriority.get(priority);
		if (found === undefined) {
			const firstReply = ruleFor(rules.firstReply, group, priority);
			const resolution = ruleFor(rules.resolution, group, priority);
			found = {
				firstReply: firstReply?.minutes ?? null,
				resolution: resolution?.minutes ?? null,
				firstReplyDueBefore: dueBefore(firstReply),
				resolutionDueBefore: dueBefore(resolution),
				firstReplyBusinessDueBefore: businessDueBefore(firstReply, group),
				resolutionBusinessDueBefore: businessDueBefore(resolution, group),
			};
			byPriority.set(priority, found);
		}
		return found;
	};
	const read = statement(
		db,
		`SELECT ${ticketKey(dimension, 't.created_at')} AS k, t.status, t.created_at, t.group_name, t.priority,
			t.first_reply_minutes, t.first_reply_business_minutes, t.resolution_minutes, t.resolution_business_minutes
		FROM sync_tickets t WHERE t.profile = ? AND t.created_at >= ? AND t.created_at < ? /* csr SLA targets */`,
	);
	read.setReturnArrays(true);
	const tallies = new Map<string, Tally>();
	for (const row of rowsInSlices(read, profile, window)) {
		const key = String(row[0]);
		let tally = tallies.get(key);
		if (tally === undefined) {
			tally = {judged: 0, none: 0, calendar: emptyCounts(), business: emptyCounts()};
			tallies.set(key, tally);
		}
		const group = row[3] === null ? null : String(row[3]);
		const targets = targetsOf(group, row[4] === null ? null : String(row[4]));
		if (targets.firstReply === null && targets.resolution === null) {
			tally.none += 1;
			continue;
		}
		tally.judged += 1;
		const status = String(row[1]);
		const createdAt = String(row[2]);
		const unsolved = unsolvedStatuses.has(status);
		const settled = settledStatuses.has(status);
		const firstReply = asNumber(row[5]);
		const firstReplyBusiness = asNumber(row[6]);
		const resolution = settled ? asNumber(row[7]) : null;
		const resolutionBusiness = settled ? asNumber(row[8]) : null;
		const past = (before: string | null) => (before !== null && createdAt < before ? 3 : 2);
		const fc = outcome(targets.firstReply, firstReply, unsolved, past(targets.firstReplyDueBefore));
		const rc = outcome(targets.resolution, resolution, unsolved, past(targets.resolutionDueBefore));
		count(tally.calendar.firstReply, fc);
		count(tally.calendar.resolution, rc);
		count(tally.calendar.any, Math.max(fc, rc));
		if (businessOverdueBefore === null) continue;
		let fb: number;
		let rb: number;
		if (unsolved) {
			// A first reply that came is judged on its business minutes (none measured: not judged); a target still
			// running is past once the ticket was created before its business due instant.
			const overdue = past;
			fb =
				targets.firstReply === null
					? 0
					: firstReply !== null
						? outcome(targets.firstReply, firstReplyBusiness, false, 0)
						: overdue(targets.firstReplyBusinessDueBefore);
			rb = targets.resolution === null ? 0 : overdue(targets.resolutionBusinessDueBefore);
		} else {
			fb = outcome(targets.firstReply, firstReplyBusiness, false, 0);
			rb = outcome(targets.resolution, resolutionBusiness, false, 0);
		}
		count(tally.business.firstReply, fb);
		count(tally.business.resolution, rb);
		count(tally.business.any, Math.max(fb, rb));
	}
	const aggregates = new Map<string, SlaAggregate>();
	for (const [key, tally] of tallies)
		aggregates.set(key, {
			judged: tally.judged,
			withoutTarget: tally.none,
			calendar: tally.calendar,
			business: tally.business,
		});
	return aggregates;
}
