import {type DurationStats, toDurationStats} from './report.js';
import {csatScore, rate} from './scores.js';

/** One agent's figures from the desk (`team` in `csr stats --json`). */
export type TeamMember = {
	readonly agent: string;
	/** Public agent messages this agent wrote in the window. */
	readonly replies: number;
	/** Tickets this agent solved last, in the window (solved or closed now). */
	readonly solved: number;
	/** Tickets created in the window whose first public reply this agent gave: creation → that reply. */
	readonly firstReplyMinutes: DurationStats;
	/** The tickets this agent solved: creation → last solve. */
	readonly resolutionMinutes: DurationStats;
	/** Of the tickets this agent solved, those with at most one agent touch. */
	readonly oneTouchRate: number | null;
	/** Ratings given in the window on tickets this agent solved (else is assigned). */
	readonly csat: {readonly score: number | null; readonly good: number; readonly bad: number};
};

/** What a store gives per agent and duration: count, sum, and the sorted values at the positions percentiles need. */
type Durations = {readonly count: number; readonly sum: number; readonly at: ReadonlyMap<number, number>};

function durationStats(durations: Durations): DurationStats {
	return toDurationStats({
		count: durations.count,
		sum: durations.sum,
		valueAt: (position) => durations.at.get(position) ?? Number.NaN,
	});
}

export function toTeamMember(row: {
	readonly agent: string;
	readonly replies: number;
	readonly solved: number;
	readonly firstReply: Durations;
	readonly resolution: Durations;
	readonly oneTouch: number;
	readonly good: number;
	readonly bad: number;
}): TeamMember {
	return {
		agent: row.agent,
		replies: row.replies,
		solved: row.solved,
		firstReplyMinutes: durationStats(row.firstReply),
		resolutionMinutes: durationStats(row.resolution),
		oneTouchRate: rate(row.oneTouch, row.solved),
		csat: {score: csatScore(row.good, row.bad), good: row.good, bad: row.bad},
	};
}
