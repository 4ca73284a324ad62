import type {AgentActivity, StatsGroup, StatsReport} from '../kpi/report.js';
import {dayWindow, type StatsWindow, weekWindow, windowDays, windowWeeks} from '../kpi/window.js';
import type {Database} from '../store/database.js';
import type {TeamActivityRow} from '../store/team-activity.js';
import {
	allOptionalDurations,
	type OptionalDurations,
	readActivity,
	readParts,
	type StatsBy,
	type StatsQuery,
	toAgents,
} from './stats-parts.js';
import {buildReport, explain, groupKeys, type StatsExplanation, type StatsTrends} from './stats-report.js';
import {computeTeam} from './team.js';

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
 * of the whole window by walking value-first indexes; per-key percentiles sort the window's values in typed arrays
 * (8 bytes a value). Everything else that leaves SQLite is a few rows per group.
 */
export function computeStats(db: Database, query: StatsQuery, options: {daily?: boolean} = {}): StatsResult {
	const {overall, groupsBy} = computeStatsBy(db, query, query.by === null ? [] : [query.by], options);
	const grouped = query.by === null ? undefined : groupsBy.get(query.by);
	return {
		...overall,
		groups: grouped?.groups ?? null,
		groupTrends: grouped?.groupTrends ?? new Map<string, StatsTrends>(),
	};
}

/** The part of the window a group of a time dimension covers (a day, an ISO week); the whole window otherwise. */
function groupWindow(by: StatsBy, window: StatsWindow, key: string): StatsWindow {
	if (by === 'day') return dayWindow(window, key);
	if (by === 'week') return weekWindow(window, key);
	return window;
}

export type StatsGroups = {readonly groups: StatsGroup[]; readonly groupTrends: Map<string, StatsTrends>};

/**
 * The overall snapshot and the groups of each --by dimension asked, from one read of the cache for all of them
 * (csr report draws four dimensions): every aggregate is one query grouped by all the dimensions at once.
 */
export function computeStatsBy(
	db: Database,
	query: StatsQuery,
	dimensions: readonly StatsBy[],
	options: {daily?: boolean} = {},
): {overall: Omit<StatsResult, 'groups' | 'groupTrends'>; groupsBy: Map<StatsBy, StatsGroups>} {
	const daily = options.daily === true;
	// Business-hours times are reported only when the window has some: most desks never give them.
	// So are next reply and requester wait: only desks that export the thread (or Zendesk's metrics) have them.
	const parts = readParts(db, query, dimensions, {business: allOptionalDurations, daily});
	const probe = parts.all;
	const created = probe.created.get('');
	const solved = probe.solved.get('');
	const withBusiness: Required<OptionalDurations> = {
		fr: (created?.firstReplyBusiness.count ?? 0) > 0,
		res: (solved?.resolutionBusiness.count ?? 0) > 0,
		nr: (created?.nextReply.count ?? 0) > 0,
		nrb: (created?.nextReplyBusiness.count ?? 0) > 0,
		rw: (solved?.requesterWait.count ?? 0) > 0,
		rwb: (solved?.requesterWaitBusiness.count ?? 0) > 0,
	};
	const built = buildReport(probe, '', query.window, withBusiness);
	const {trends} = built;
	// Per agent from the desk's threads and events, when the desk exports who replied and who solved.
	const team = computeTeam(db, query.profile, query.window);
	const report: StatsReport = team === null ? built.report : {...built.report, team};
	const groupsBy = new Map<StatsBy, StatsGroups>();
	for (const [by, byParts] of parts.by) {
		const groupTrends = new Map<string, StatsTrends>();
		const groups = groupKeys(byParts, by, query.window).map((key) => {
			const group = buildReport(byParts, key, groupWindow(by, query.window, key), withBusiness);
			groupTrends.set(key, group.trends);
			return {key, ...group.report};
		});
		groupsBy.set(by, {groups, groupTrends});
	}
	return {overall: {report, explanation: explain(probe), trends}, groupsBy};
}

/** --source records: only agent activity, from the interaction log (this machine's, or the team store's). */
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

/** `teamRows`: the team store's log (`readTeamActivity`) instead of this machine's. */
export function computeActivity(
	db: Database,
	query: StatsQuery,
	teamRows?: readonly TeamActivityRow[],
): ActivityResult {
	const asJson = (window: StatsWindow) => ({since: window.since.toISOString(), until: window.until.toISOString()});
	const overall = readActivity(db, query, 'all', teamRows);
	const records = [...(overall.get('')?.values() ?? [])].reduce((sum, value) => sum + value.records, 0);
	let groups: ActivityResult['groups'] = null;
	if (query.by !== null) {
		const by = query.by;
		const activity = readActivity(db, query, by, teamRows);
		const keys =
			by === 'day' ? windowDays(query.window) : by === 'week' ? windowWeeks(query.window) : [...activity.keys()].sort();
		groups = keys.map((key) => ({
			key,
			window: asJson(groupWindow(by, query.window, key)),
			agents: toAgents(activity.get(key)),
		}));
	}
	return {report: {window: asJson(query.window), agents: toAgents(overall.get(''))}, groups, records};
}
