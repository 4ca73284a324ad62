import {backlogAgeBuckets, backlogAgeCutoffs} from '../kpi/backlog.js';
import {medianFraction, p90Fraction} from '../kpi/percentile.js';
import {
	type AgentActivity,
	type DurationStats,
	durationPositions,
	type StatsGroup,
	type StatsReport,
	toDurationStats,
} from '../kpi/report.js';
import {
	cesMean,
	csatScore,
	npsDetractorMax,
	npsPromoterMin,
	npsScore,
	oneTouchMaxReplies,
	rate,
	roundMinutes,
} from '../kpi/scores.js';
import {dayWindow, type StatsWindow, windowDays} from '../kpi/window.js';
import type {Database} from '../store/database.js';
import {
	type ActivityAggregate,
	aggregateActivity,
	aggregateDaily,
	aggregateRatings,
	aggregateSurveys,
	aggregateTickets,
	type BacklogAggregate,
	type CreatedAggregate,
	type DailyAggregate,
	type Dimension,
	type DurationMetric,
	durationValuesAtPositions,
	durationValuesByKey,
	noKey,
	type RatingAggregate,
	type RatingCell,
	type SolvedAggregate,
	type SurveyAggregate,
	type Window,
} from '../store/stats-cache.js';

export type StatsBy = 'channel' | 'agent' | 'group' | 'day';
export const statsDimensions: readonly StatsBy[] = ['channel', 'agent', 'group', 'day'];
export type StatsSource = 'helpdesk' | 'records';

export type StatsQuery = {
	readonly profile: string;
	readonly window: StatsWindow;
	/** The moment "backlog now" is measured at. */
	readonly now: Date;
	readonly by: StatsBy | null;
};

/** Record actions that count as each kind of agent activity. */
export const activityActions = {replies: ['reply'], notes: ['note', 'log-note'], calls: ['call']} as const;

/** What each metric used and left out, for --explain. Counts are for the whole window (not per group). */
export type StatsExplanation = {
	readonly created: number;
	readonly firstReplyExcluded: number;
	readonly solved: number;
	readonly solvedThenReopened: number;
	readonly resolutionExcluded: number;
	readonly oneTouch: number;
	readonly slaKnown: number;
	readonly offeredExcluded: number;
	readonly npsAnswers: number;
	readonly cesAnswers: number;
	readonly backlog: number;
	readonly records: number;
	readonly recordsWithoutAgent: number;
};

/** Daily series for sparklines (table output), one entry per UTC day of the window. */
export type StatsTrends = {
	readonly days: readonly string[];
	readonly created: readonly number[];
	readonly solved: readonly number[];
	readonly csat: readonly (number | null)[];
};

export type StatsResult = {
	readonly report: StatsReport;
	readonly groups: readonly StatsGroup[] | null;
	readonly explanation: StatsExplanation;
	readonly trends: StatsTrends;
	readonly groupTrends: ReadonlyMap<string, StatsTrends>;
};

type Parts = {
	created: Map<string, CreatedAggregate>;
	solved: Map<string, SolvedAggregate>;
	durations: Record<DurationMetric, Map<string, Map<number, number>>>;
	backlog: Map<string, BacklogAggregate>;
	ratings: Map<string, RatingCell[]>;
	surveys: Map<string, SurveyAggregate>;
	daily: Map<string, Map<string, DailyAggregate>>;
	activity: Map<string, Map<string, ActivityAggregate>>;
};

const fractions = [medianFraction, p90Fraction];
const durationMetrics: readonly DurationMetric[] = [
	'firstReply',
	'resolution',
	'firstReplyBusiness',
	'resolutionBusiness',
];

function toWindow(window: StatsWindow): Window {
	return {since: window.since.toISOString(), until: window.until.toISOString()};
}

/** How an agent in the log becomes a key: emails compare case-insensitively; no agent is "(none)". */
export function agentKeyOfRecord(agent: string | null): string {
	const trimmed = agent?.trim() ?? '';
	return trimmed === '' ? noKey : trimmed.toLowerCase();
}

/** Folds per-agent rows (as written) into per-key, per-agent-key activity. */
function foldActivity(
	raw: Map<string, Map<string | null, ActivityAggregate>>,
	regroupByAgent: boolean,
): Map<string, Map<string, ActivityAggregate>> {
	const folded = new Map<string, Map<string, ActivityAggregate>>();
	for (const [key, agents] of raw) {
		for (const [agent, activity] of agents) {
			const agentKey = agentKeyOfRecord(agent);
			const groupKey = regroupByAgent ? agentKey : key;
			let inner = folded.get(groupKey);
			if (inner === undefined) {
				inner = new Map();
				folded.set(groupKey, inner);
			}
			const before = inner.get(agentKey);
			inner.set(
				agentKey,
				before === undefined
					? activity
					: {
							replies: before.replies + activity.replies,
							notes: before.notes + activity.notes,
							calls: before.calls + activity.calls,
							handleSec:
								before.handleSec === null && activity.handleSec === null
									? null
									: (before.handleSec ?? 0) + (activity.handleSec ?? 0),
							records: before.records + activity.records,
						},
			);
		}
	}
	return folded;
}

function toAgents(activity: Map<string, ActivityAggregate> | undefined): AgentActivity[] {
	if (activity === undefined) return [];
	return [...activity.entries()]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([agent, value]) => ({
			agent,
			replies: value.replies,
			notes: value.notes,
			calls: value.calls,
			handleMinutes: value.handleSec === null ? null : roundMinutes(value.handleSec / 60),
		}));
}

function readActivity(db: Database, query: StatsQuery, dimension: Dimension) {
	const raw = aggregateActivity(db, query.profile, toWindow(query.window), dimension, activityActions);
	return foldActivity(raw, dimension === 'agent');
}

/** Which optional parts to compute: business-hours percentiles, daily counts (only the table shows them). */
type PartOptions = {readonly business: {fr: boolean; res: boolean}; readonly daily: boolean};

function readParts(db: Database, query: StatsQuery, dimension: Dimension, options: PartOptions): Parts {
	const window = toWindow(query.window);
	const cutoffs = backlogAgeCutoffs(query.now);
	const {profile} = query;
	const {created, solved, backlog} = aggregateTickets(db, profile, window, dimension, {
		oneTouchMaxReplies,
		cutoffs: {
			under1d: cutoffs.under1d.toISOString(),
			under3d: cutoffs.under3d.toISOString(),
			under7d: cutoffs.under7d.toISOString(),
		},
	});
	const counts: Record<DurationMetric, number> = {
		firstReply: created.get('')?.firstReply.count ?? 0,
		firstReplyBusiness: created.get('')?.firstReplyBusiness.count ?? 0,
		resolution: solved.get('')?.resolution.count ?? 0,
		resolutionBusiness: solved.get('')?.resolutionBusiness.count ?? 0,
	};
	const wanted: Record<DurationMetric, boolean> = {
		firstReply: true,
		resolution: true,
		firstReplyBusiness: options.business.fr,
		resolutionBusiness: options.business.res,
	};
	const durations = {} as Parts['durations'];
	for (const metric of durationMetrics) {
		if (!wanted[metric]) durations[metric] = new Map();
		else if (dimension === 'all') {
			const positions = durationPositions(counts[metric]);
			durations[metric] = new Map([
				['', positions.length === 0 ? new Map() : durationValuesAtPositions(db, profile, window, metric, positions)],
			]);
		} else durations[metric] = durationValuesByKey(db, profile, window, dimension, metric, fractions);
	}
	return {
		created,
		solved,
		durations,
		backlog,
		ratings: aggregateRatings(db, profile, window, dimension),
		surveys: aggregateSurveys(db, profile, window, dimension, {
			promoterMin: npsPromoterMin,
			detractorMax: npsDetractorMax,
		}),
		daily: options.daily ? aggregateDaily(db, profile, window, dimension) : new Map(),
		activity: readActivity(db, query, dimension),
	};
}

function durationStats(
	values: Map<string, Map<number, number>>,
	key: string,
	aggregate: {count: number; sum: number} | undefined,
): DurationStats {
	const byPosition = values.get(key);
	return toDurationStats({
		count: aggregate?.count ?? 0,
		sum: aggregate?.sum ?? 0,
		valueAt: (position) => {
			const value = byPosition?.get(position);
			if (value === undefined) throw new Error(`percentile position ${position} missing for key "${key}"`);
			return value;
		},
	});
}

/** Rating cells summed per channel or per day. */
function foldCells(cells: readonly RatingCell[], by: (cell: RatingCell) => string): Map<string, RatingAggregate> {
	const folded = new Map<string, RatingAggregate>();
	for (const cell of cells)
		folded.set(by(cell), sumRatings([folded.get(by(cell)) ?? {good: 0, bad: 0, offered: 0}, cell]));
	return folded;
}

function sumRatings(ratings: Iterable<RatingAggregate>): RatingAggregate {
	const total = {good: 0, bad: 0, offered: 0};
	for (const rating of ratings) {
		total.good += rating.good;
		total.bad += rating.bad;
		total.offered += rating.offered;
	}
	return total;
}

function buildReport(parts: Parts, key: string, window: StatsWindow, withBusiness: {fr: boolean; res: boolean}) {
	const created = parts.created.get(key);
	const solved = parts.solved.get(key);
	const backlog = parts.backlog.get(key);
	const cells = parts.ratings.get(key) ?? [];
	const ratings = sumRatings(cells);
	const surveys = parts.surveys.get(key);
	const days = windowDays(window);
	const byDay = foldCells(cells, (cell) => cell.day);
	const byChannel: Record<string, {score: number | null; good: number; bad: number}> = {};
	for (const [channel, rating] of [...foldCells(cells, (cell) => cell.channel)].sort(([a], [b]) => (a < b ? -1 : 1))) {
		if (rating.good + rating.bad === 0) continue;
		byChannel[channel] = {score: csatScore(rating.good, rating.bad), good: rating.good, bad: rating.bad};
	}
	const npsCounts = {
		promoters: surveys?.promoters ?? 0,
		passives: surveys?.passives ?? 0,
		detractors: surveys?.detractors ?? 0,
	};
	const hasNps = npsCounts.promoters + npsCounts.passives + npsCounts.detractors > 0;
	const solvedCount = solved?.solved ?? 0;
	const report: StatsReport = {
		window: {since: window.since.toISOString(), until: window.until.toISOString()},
		tickets: {created: created?.created ?? 0, solved: solvedCount, reopened: solved?.reopened ?? 0},
		backlog: {
			open: backlog?.open ?? 0,
			pending: backlog?.pending ?? 0,
			onHold: backlog?.onHold ?? 0,
			byAge: Object.fromEntries(
				backlogAgeBuckets.map((bucket, index) => [bucket, backlog?.byAge[index] ?? 0]),
			) as StatsReport['backlog']['byAge'],
		},
		firstReplyMinutes: durationStats(parts.durations.firstReply, key, created?.firstReply),
		resolutionMinutes: durationStats(parts.durations.resolution, key, solved?.resolution),
		oneTouchRate: rate(solved?.oneTouch ?? 0, solvedCount),
		reopenRate: rate(solved?.reopened ?? 0, solvedCount),
		slaBreachRate: rate(created?.slaBreached ?? 0, created?.slaKnown ?? 0),
		csat: {
			score: csatScore(ratings.good, ratings.bad),
			good: ratings.good,
			bad: ratings.bad,
			byChannel,
			trend: days.map((date) => {
				const day = byDay.get(date);
				return {date, score: day === undefined ? null : csatScore(day.good, day.bad)};
			}),
		},
		nps: hasNps ? {score: npsScore(npsCounts), ...npsCounts} : null,
		ces:
			surveys !== undefined && surveys.cesCount > 0
				? {mean: cesMean(surveys.cesSum, surveys.cesCount), count: surveys.cesCount}
				: null,
		agents: toAgents(parts.activity.get(key)),
		...(withBusiness.fr
			? {
					firstReplyBusinessMinutes: durationStats(
						parts.durations.firstReplyBusiness,
						key,
						created?.firstReplyBusiness,
					),
				}
			: {}),
		...(withBusiness.res
			? {
					resolutionBusinessMinutes: durationStats(parts.durations.resolutionBusiness, key, solved?.resolutionBusiness),
				}
			: {}),
	};
	const trends: StatsTrends = {
		days,
		created: days.map((date) => parts.daily.get(key)?.get(date)?.created ?? 0),
		solved: days.map((date) => parts.daily.get(key)?.get(date)?.solved ?? 0),
		csat: report.csat.trend.map((point) => point.score),
	};
	return {report, trends};
}

function explain(parts: Parts): StatsExplanation {
	const created = parts.created.get('');
	const solved = parts.solved.get('');
	const ratings = sumRatings(parts.ratings.get('') ?? []);
	const surveys = parts.surveys.get('');
	const backlog = parts.backlog.get('');
	const activity = [...(parts.activity.get('')?.entries() ?? [])];
	const recordCount = (entries: typeof activity) => entries.reduce((sum, [, value]) => sum + value.records, 0);
	return {
		created: created?.created ?? 0,
		firstReplyExcluded: (created?.created ?? 0) - (created?.firstReply.count ?? 0),
		solved: solved?.solved ?? 0,
		solvedThenReopened: solved?.reopenedSince ?? 0,
		resolutionExcluded: (solved?.solved ?? 0) - (solved?.resolution.count ?? 0),
		oneTouch: solved?.oneTouch ?? 0,
		slaKnown: created?.slaKnown ?? 0,
		offeredExcluded: ratings.offered,
		npsAnswers: (surveys?.promoters ?? 0) + (surveys?.passives ?? 0) + (surveys?.detractors ?? 0),
		cesAnswers: surveys?.cesCount ?? 0,
		backlog: backlog === undefined ? 0 : backlog.open + backlog.pending + backlog.onHold,
		records: recordCount(activity),
		recordsWithoutAgent: recordCount(activity.filter(([agent]) => agent === noKey)),
	};
}

/** The keys a --by dimension has in this window: every UTC day for day, else every key some metric has data for. */
function groupKeys(parts: Parts, dimension: StatsBy, window: StatsWindow): string[] {
	if (dimension === 'day') return windowDays(window);
	const keys = new Set<string>([...parts.ratings.keys(), ...parts.surveys.keys(), ...parts.activity.keys()]);
	for (const [key, created] of parts.created) if (created.created > 0) keys.add(key);
	for (const [key, solved] of parts.solved) if (solved.solved + solved.reopenedSince > 0) keys.add(key);
	for (const [key, backlog] of parts.backlog) if (backlog.open + backlog.pending + backlog.onHold > 0) keys.add(key);
	return [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

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
