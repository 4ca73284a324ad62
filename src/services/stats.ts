import type {AgentActivity, StatsGroup, StatsReport} from '../kpi/report.js';
import {dayWindow, type StatsWindow, windowDays} from '../kpi/window.js';
import type {Database} from '../store/database.js';
import {readActivity, readParts, type StatsQuery, toAgents} from './stats-parts.js';
import {buildReport, explain, groupKeys, type StatsExplanation, type StatsTrends} from './stats-report.js';

// The query types and report parts live beside this file; callers keep importing them from here.
export {
	activityActions,
	agentKeyOfRecord,
	type StatsBy,
	type StatsQuery,
	type StatsSource,
	statsDimensions,
} from './stats-parts.js';
export type {StatsExplanation, StatsTrends} from './stats-report.js';

export type StatsResult = {
	readonly report: StatsReport;
	readonly groups: readonly StatsGroup[] | null;
	readonly explanation: StatsExplanation;
	readonly trends: StatsTrends;
	readonly groupTrends: ReadonlyMap<string, StatsTrends>;
};

/**
 * The KPI snapshot of a profile's cache (PRODUCT.md §7), computed in SQL: counts and sums with GROUP BY, percentiles
 * with window functions returning a few rows per group. Memory does not grow with the number of tickets.
 */
export function computeStats(db: Database, query: StatsQuery, options: {daily?: boolean} = {}): StatsResult {
	const daily = options.daily === true;
	// Business-hours times are asked for only when the window has some: most desks never give them.
	const probe = readParts(db, query, 'all', {business: {fr: true, res: true}, daily});
	const created = probe.created.get('');
	const solved = probe.solved.get('');
	const withBusiness = {
		fr: (created?.firstReplyBusiness.count ?? 0) > 0,
		res: (solved?.resolutionBusiness.count ?? 0) > 0,
	};
	const {report, trends} = buildReport(probe, '', query.window, withBusiness);
	const groupTrends = new Map<string, StatsTrends>();
	let groups: StatsGroup[] | null = null;
	if (query.by !== null) {
		const parts = readParts(db, query, query.by, {business: withBusiness, daily});
		groups = groupKeys(parts, query.by, query.window).map((key) => {
			const window = query.by === 'day' ? dayWindow(query.window, key) : query.window;
			const built = buildReport(parts, key, window, withBusiness);
			groupTrends.set(key, built.trends);
			return {key, ...built.report};
		});
	}
	return {report, groups, explanation: explain(probe), trends, groupTrends};
}

/** --source records: only agent activity, from the local interaction log. */
export type ActivityResult = {
	readonly report: {
		readonly window: {readonly since: string; readonly until: string};
		readonly agents: AgentActivity[];
	};
	readonly groups:
		| readonly {
				readonly key: string;
				readonly window: {readonly since: string; readonly until: string};
				readonly agents: AgentActivity[];
		  }[]
		| null;
	readonly records: number;
};

export function computeActivity(db: Database, query: StatsQuery): ActivityResult {
	const asJson = (window: StatsWindow) => ({since: window.since.toISOString(), until: window.until.toISOString()});
	const overall = readActivity(db, query, 'all');
	const records = [...(overall.get('')?.values() ?? [])].reduce((sum, value) => sum + value.records, 0);
	let groups: ActivityResult['groups'] = null;
	if (query.by !== null) {
		const by = query.by;
		const activity = readActivity(db, query, by);
		const keys = by === 'day' ? windowDays(query.window) : [...activity.keys()].sort();
		groups = keys.map((key) => ({
			key,
			window: asJson(by === 'day' ? dayWindow(query.window, key) : query.window),
			agents: toAgents(activity.get(key)),
		}));
	}
	return {report: {window: asJson(query.window), agents: toAgents(overall.get(''))}, groups, records};
}
