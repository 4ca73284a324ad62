import type {StatsGroup} from '../kpi/report.js';
import {windowDays} from '../kpi/window.js';
import type {Database} from '../store/database.js';
import {backlogSeries, type DurationColumn, durationBucketLabels, durationHistogram} from '../store/report-series.js';
import {computeStatsBy, type StatsQuery, type StatsResult} from './stats.js';

/**
 * Everything `csr report --html` draws, from the same cache and the same computations as `csr stats`: the overall
 * snapshot (the KPI cards equal `csr stats --json` for the window), per day, channel, agent and group, duration
 * distributions and the backlog per day.
 */
export type ReportData = {
	readonly profile: string;
	readonly generatedAt: string;
	readonly overall: StatsResult;
	readonly byDay: readonly StatsGroup[];
	readonly byChannel: readonly StatsGroup[];
	readonly byAgent: readonly StatsGroup[];
	readonly byGroup: readonly StatsGroup[];
	/** The extra --by the user asked for (its groups are also in the lists above). */
	readonly by: StatsQuery['by'];
	readonly distributions: {
		readonly labels: readonly string[];
		readonly firstReply: readonly number[];
		readonly resolution: readonly number[];
		readonly firstReplyBusiness: readonly number[] | null;
		readonly resolutionBusiness: readonly number[] | null;
	};
	readonly backlog: {readonly days: readonly string[]; readonly open: readonly number[]};
};

export function buildReportData(db: Database, query: Omit<StatsQuery, 'by'> & {by: StatsQuery['by']}): ReportData {
	const base = {
		profile: query.profile,
		window: query.window,
		now: query.now,
		...(query.cesScale === undefined ? {} : {cesScale: query.cesScale}),
	};
	// The overall snapshot and every dimension's groups from one read of the cache.
	const {overall, groupsBy} = computeStatsBy(db, {...base, by: null}, ['day', 'channel', 'agent', 'group']);
	const groupsOf = (by: NonNullable<StatsQuery['by']>) => groupsBy.get(by)?.groups ?? [];
	const window = {since: query.window.since.toISOString(), until: query.window.until.toISOString()};
	const histogram = (column: DurationColumn) => durationHistogram(db, query.profile, window, column);
	const days = windowDays(query.window);
	return {
		profile: query.profile,
		generatedAt: query.now.toISOString(),
		overall: {...overall, groups: null, groupTrends: new Map()},
		byDay: groupsOf('day'),
		byChannel: groupsOf('channel'),
		byAgent: groupsOf('agent'),
		byGroup: groupsOf('group'),
		by: query.by,
		distributions: {
			labels: durationBucketLabels,
			firstReply: histogram('first_reply_minutes'),
			resolution: histogram('resolution_minutes'),
			firstReplyBusiness: overall.report.firstReplyBusinessMinutes ? histogram('first_reply_business_minutes') : null,
			resolutionBusiness: overall.report.resolutionBusinessMinutes ? histogram('resolution_business_minutes') : null,
		},
		backlog: {days, open: backlogSeries(db, query.profile, days)},
	};
}
