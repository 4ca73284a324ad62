import type {BacklogAgeBucket} from './backlog.js';
import {interpolate, medianFraction, p90Fraction, percentilePosition} from './percentile.js';
import {type CesScale, meanMinutes, roundMinutes} from './scores.js';
import type {CsrSlaStats} from './sla.js';
import type {TeamMember} from './team.js';

/** The KPI snapshot, exactly PRODUCT.md §7 (plus business-hours keys only when a provider gave business times). */
export type DurationStats = {
	readonly median: number | null;
	readonly mean: number | null;
	readonly p90: number | null;
	readonly count: number;
};

export type CsatStats = {
	readonly score: number | null;
	readonly good: number;
	readonly bad: number;
	readonly byChannel: Readonly<
		Record<string, {readonly score: number | null; readonly good: number; readonly bad: number}>
	>;
	readonly trend: readonly {readonly date: string; readonly score: number | null}[];
};

export type NpsStats = {
	readonly score: number | null;
	readonly promoters: number;
	readonly passives: number;
	readonly detractors: number;
};

export type AgentActivity = {
	readonly agent: string;
	readonly replies: number;
	readonly notes: number;
	readonly calls: number;
	readonly handleMinutes: number | null;
};

export type StatsReport = {
	readonly window: {readonly since: string; readonly until: string};
	readonly tickets: {readonly created: number; readonly solved: number; readonly reopened: number};
	readonly backlog: {
		readonly open: number;
		readonly pending: number;
		readonly onHold: number;
		readonly byAge: Readonly<Record<BacklogAgeBucket, number>>;
	};
	readonly firstReplyMinutes: DurationStats;
	readonly resolutionMinutes: DurationStats;
	readonly oneTouchRate: number | null;
	readonly reopenRate: number | null;
	readonly slaBreachRate: number | null;
	readonly csat: CsatStats;
	readonly nps: NpsStats | null;
	readonly ces: {
		readonly mean: number | null;
		readonly count: number;
		/** The scale the answers are on and where "easy" starts (setting stats.cesScale). */
		readonly scale: CesScale;
		/** Share of answers at or above scale.easyMin. */
		readonly easyShare: number | null;
	} | null;
	readonly agents: readonly AgentActivity[];
	/** Only present when some ticket in the snapshot has business-hours times (Zendesk). */
	readonly firstReplyBusinessMinutes?: DurationStats;
	readonly resolutionBusinessMinutes?: DurationStats;
	/**
	 * Only present when some ticket has them: desks that export the thread (demo, RT) or, for requester wait,
	 * Zendesk's ticket metrics. Next reply per ticket created in the window (its mean next-reply wait); requester
	 * wait per ticket solved in the window (the sum of its waits). See kpi/waits.ts.
	 */
	readonly nextReplyMinutes?: DurationStats;
	readonly nextReplyBusinessMinutes?: DurationStats;
	readonly requesterWaitMinutes?: DurationStats;
	readonly requesterWaitBusinessMinutes?: DurationStats;
	/** Per agent from the desk's threads and events; only when the desk exports who replied and who solved. */
	readonly team?: readonly TeamMember[];
	/**
	 * "SLA breach (csr targets)": csr's own targets (config slaTargets) in calendar and business minutes, beside the
	 * desk's own verdict `slaBreachRate`; null when the profile has no targets. Added by `csr stats` (services/sla.ts).
	 */
	readonly slaBreachCsr?: CsrSlaStats | null;
};

/** The report of one --by key: the same shape, plus the key. */
export type StatsGroup = {readonly key: string} & StatsReport;

/**
 * What a query knows about one set of durations: how many, their sum, and the sorted values at the positions
 * durationPositions asked for.
 */
export type DurationAggregate = {
	readonly count: number;
	readonly sum: number;
	/** Sorted value by 0-based position; must hold every position of durationPositions(count). */
	readonly valueAt: (position: number) => number;
};

/** The 0-based sorted positions the median and p90 of `count` values need. */
export function durationPositions(count: number): number[] {
	if (count === 0) return [];
	const positions = [medianFraction, p90Fraction].flatMap((fraction) => {
		const position = percentilePosition(count, fraction);
		return [position.lower, position.upper];
	});
	return [...new Set(positions)];
}

/** Median, mean, p90 (linear interpolation) and count, minutes rounded to 0.1; nulls when count is 0. */
export function toDurationStats(aggregate: DurationAggregate): DurationStats {
	const {count} = aggregate;
	if (count === 0) return {median: null, mean: null, p90: null, count: 0};
	const at = (fraction: number) => {
		const position = percentilePosition(count, fraction);
		return roundMinutes(interpolate(position, aggregate.valueAt(position.lower), aggregate.valueAt(position.upper)));
	};
	return {median: at(medianFraction), mean: meanMinutes(aggregate.sum, count), p90: at(p90Fraction), count};
}
