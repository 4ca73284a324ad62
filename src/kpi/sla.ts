import {rate} from './scores.js';

/**
 * "SLA breach (csr targets)": tickets created in the window judged against csr's own targets (config slaTargets),
 * once in calendar minutes and once in business minutes on the ticket's group's schedule (else the profile's). The
 * desk's own verdict (`slaBreachRate`) stays beside it. Pure: the counts come in from the cache's aggregation.
 */

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

/** [breached, met, running]. */
export type Triple = [number, number, number];
export type OutcomeCounts = {firstReply: Triple; resolution: Triple; any: Triple};
export type SlaTally = {judged: number; withoutTarget: number; calendar: OutcomeCounts; business: OutcomeCounts};

const zero = (): Triple => [0, 0, 0];
const emptyCounts = (): OutcomeCounts => ({firstReply: zero(), resolution: zero(), any: zero()});
export const emptyTally = (): SlaTally => ({
	judged: 0,
	withoutTarget: 0,
	calendar: emptyCounts(),
	business: emptyCounts(),
});

const addTriple = (a: Triple, b: Triple): Triple => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const addCounts = (a: OutcomeCounts, b: OutcomeCounts): OutcomeCounts => ({
	firstReply: addTriple(a.firstReply, b.firstReply),
	resolution: addTriple(a.resolution, b.resolution),
	any: addTriple(a.any, b.any),
});

export function addTallies(a: SlaTally, b: SlaTally): SlaTally {
	return {
		judged: a.judged + b.judged,
		withoutTarget: a.withoutTarget + b.withoutTarget,
		calendar: addCounts(a.calendar, b.calendar),
		business: addCounts(a.business, b.business),
	};
}

const toCounts = ([breached, met, running]: Triple): SlaCounts => ({
	rate: rate(breached, breached + met),
	breached,
	met,
	running,
});
const toClockStats = (counts: OutcomeCounts): SlaClockStats => ({
	...toCounts(counts.any),
	firstReply: toCounts(counts.firstReply),
	resolution: toCounts(counts.resolution),
});

export function toCsrSlaStats(tally: SlaTally, withBusiness: boolean): CsrSlaStats {
	return {
		calendar: toClockStats(tally.calendar),
		business: withBusiness ? toClockStats(tally.business) : null,
		judged: tally.judged,
		withoutTarget: tally.withoutTarget,
	};
}

/** The stats of a key with no tickets. */
export function emptyCsrSla(withBusiness: boolean): CsrSlaStats {
	return toCsrSlaStats(emptyTally(), withBusiness);
}

/** What `--explain` and docs/KPIS.md say slaBreachCsr is. */
export const slaBreachCsrDefinition =
	'SLA breach (csr targets): tickets created in the window judged against csr’s own targets (config sla.firstReply and sla.resolution: per priority, per group), not the desk’s SLA policy. First reply: breached when the first public agent reply came after the target, or has not come and the target has passed; resolution likewise with the solve. Still within the target and not answered (solved): running, not in the rate. rate = breached ÷ (breached + met), for each target and for the ticket (breached if either is). Measured twice: calendar minutes, and business minutes on the business hours of the ticket’s group (else the profile’s); a 4h target is 240 business minutes.';
