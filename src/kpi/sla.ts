import type {BusinessClock} from './business-hours.js';
import {rate} from './scores.js';
import {
	combineOutcomes,
	outcomeOf,
	type SlaMetric,
	type SlaOutcome,
	type SlaTargets,
	slaMetrics,
	targetFor,
} from './sla-targets.js';

/**
 * "SLA breach (csr targets)": tickets created in the window judged against csr's own targets (config slaTargets),
 * once in calendar minutes and once in business minutes on the ticket's group's schedule (else the profile's). The
 * desk's own verdict (`slaBreachRate`) stays beside it. Pure: rows and clocks come in.
 */

/** What csr needs of one cached ticket. Times in epoch ms; minutes as the cache keeps them (calendar). */
export type SlaTicket = {
	readonly key: string;
	readonly priority: string | null;
	readonly group: string | null;
	readonly unsolved: boolean;
	readonly createdAt: number;
	readonly firstReplyMinutes: number | null;
	/** Null unless solved or closed now with a resolution time. */
	readonly resolutionMinutes: number | null;
};

export type SlaCounts = {
	/** breached ÷ (breached + met); null when no ticket is settled. */
	readonly rate: number | null;
	readonly breached: number;
	readonly met: number;
	/** Not answered (solved) yet and the target not passed: not in the rate. */
	readonly running: number;
};

export type SlaClockStats = SlaCounts & {readonly firstReply: SlaCounts; readonly resolution: SlaCounts};

export type CsrSlaStats = {
	/** Minutes counted on the clock. */
	readonly calendar: SlaClockStats;
	/** Minutes counted in business hours; null when the profile has no business hours. */
	readonly business: SlaClockStats | null;
	/** Tickets created in the window that some target applies to, and those no target applies to. */
	readonly judged: number;
	readonly withoutTarget: number;
};

type Tally = {breached: number; met: number; running: number};
const emptyTally = (): Tally => ({breached: 0, met: 0, running: 0});
const add = (tally: Tally, outcome: SlaOutcome | null) => {
	if (outcome !== null) tally[outcome] += 1;
};
const toCounts = (tally: Tally): SlaCounts => ({rate: rate(tally.breached, tally.breached + tally.met), ...tally});

type ClockTally = Record<SlaMetric | 'any', Tally>;
const emptyClockTally = (): ClockTally => ({firstReply: emptyTally(), resolution: emptyTally(), any: emptyTally()});
const toClockStats = (tally: ClockTally): SlaClockStats => ({
	...toCounts(tally.any),
	firstReply: toCounts(tally.firstReply),
	resolution: toCounts(tally.resolution),
});

type Accumulator = {calendar: ClockTally; business: ClockTally; judged: number; withoutTarget: number};

/** The measure of one clock: minutes between two instants. */
type Measure = (from: number, to: number) => number;

function judge(
	ticket: SlaTicket,
	metric: SlaMetric,
	target: number | null,
	measure: Measure,
	now: number,
): SlaOutcome | null {
	if (target === null) return null;
	const minutes = metric === 'firstReply' ? ticket.firstReplyMinutes : ticket.resolutionMinutes;
	if (minutes !== null) {
		return outcomeOf(target, {done: measure(ticket.createdAt, ticket.createdAt + minutes * 60_000), sofar: null});
	}
	// Nothing yet: running while unsolved; a ticket solved without a reply (or a resolution time) is not judged.
	return ticket.unsolved ? outcomeOf(target, {done: null, sofar: measure(ticket.createdAt, now)}) : null;
}

/**
 * Judges every ticket, per key (`''` for the whole window, or a --by key), on the clock and, when `clockOf` gives
 * one, in business time. Null per key when no target is configured at all.
 */
export function computeCsrSla(
	tickets: Iterable<SlaTicket>,
	targets: SlaTargets,
	clockOf: ((group: string | null) => BusinessClock) | null,
	now: number,
): Map<string, CsrSlaStats> {
	const byKey = new Map<string, Accumulator>();
	const calendar: Measure = (from, to) => Math.max(0, (to - from) / 60_000);
	for (const ticket of tickets) {
		let acc = byKey.get(ticket.key);
		if (acc === undefined) {
			acc = {calendar: emptyClockTally(), business: emptyClockTally(), judged: 0, withoutTarget: 0};
			byKey.set(ticket.key, acc);
		}
		const ticketTargets = slaMetrics.map((metric) => targetFor(targets[metric], ticket.priority, ticket.group));
		if (ticketTargets.every((target) => target === null)) {
			acc.withoutTarget += 1;
			continue;
		}
		acc.judged += 1;
		const clock = clockOf?.(ticket.group) ?? null;
		const measures: [ClockTally, Measure][] = [[acc.calendar, calendar]];
		if (clock !== null) measures.push([acc.business, (from, to) => clock.minutesBetween(from, to)]);
		for (const [tally, measure] of measures) {
			const outcomes = slaMetrics.map((metric, i) => judge(ticket, metric, ticketTargets[i] ?? null, measure, now));
			slaMetrics.forEach((metric, i) => {
				add(tally[metric], outcomes[i] ?? null);
			});
			add(tally.any, combineOutcomes(outcomes));
		}
	}
	const result = new Map<string, CsrSlaStats>();
	for (const [key, acc] of byKey) {
		result.set(key, {
			calendar: toClockStats(acc.calendar),
			business: clockOf === null ? null : toClockStats(acc.business),
			judged: acc.judged,
			withoutTarget: acc.withoutTarget,
		});
	}
	return result;
}

/** The stats of a key with no tickets. */
export function emptyCsrSla(withBusiness: boolean): CsrSlaStats {
	const stats = toClockStats(emptyClockTally());
	return {calendar: stats, business: withBusiness ? stats : null, judged: 0, withoutTarget: 0};
}

/** What `--explain` and docs/KPIS.md say slaBreachCsr is. */
export const slaBreachCsrDefinition =
	'SLA breach (csr targets): tickets created in the window judged against csr’s own targets (config sla.firstReply and sla.resolution: per priority, per group), not the desk’s SLA policy. First reply: breached when the first public agent reply came after the target, or has not come and the target has passed; resolution likewise with the solve. Still within the target and not answered (solved): running, not in the rate. rate = breached ÷ (breached + met), for each target and for the ticket (breached if either is). Measured twice: calendar minutes, and business minutes on the business hours of the ticket’s group (else the profile’s); a 4h target is 240 business minutes.';
