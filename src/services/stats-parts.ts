import {backlogAgeCutoffs} from '../kpi/backlog.js';
import {medianFraction, p90Fraction} from '../kpi/percentile.js';
import {type AgentActivity, durationPositions} from '../kpi/report.js';
import {
	type CesScale,
	defaultCesScale,
	npsDetractorMax,
	npsPromoterMin,
	oneTouchMaxReplies,
	roundMinutes,
} from '../kpi/scores.js';
import type {StatsWindow} from '../kpi/window.js';
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
	type RatingCell,
	type SolvedAggregate,
	type SurveyAggregate,
	type Window,
} from '../store/stats-cache.js';
import {groupTeamActivity, type TeamActivityRow} from '../store/team-activity.js';

// The query csr stats asks, and the aggregates it reads from the KPI cache for one --by dimension.

export type StatsBy = 'channel' | 'agent' | 'group' | 'day' | 'week';
export const statsDimensions: readonly StatsBy[] = ['channel', 'agent', 'group', 'day', 'week'];
export type StatsSource = 'helpdesk' | 'records';

export type StatsQuery = {
	readonly profile: string;
	readonly window: StatsWindow;
	/** The moment "backlog now" is measured at. */
	readonly now: Date;
	readonly by: StatsBy | null;
	/** The CES scale answers are on (setting stats.cesScale); default 1–7, easy ≥ 5. */
	readonly cesScale?: CesScale;
};

/** Record actions that count as each kind of agent activity. */
export const activityActions = {replies: ['reply'], notes: ['note', 'log-note'], calls: ['call']} as const;

export type Parts = {
	created: Map<string, CreatedAggregate>;
	solved: Map<string, SolvedAggregate>;
	durations: Record<DurationMetric, Map<string, Map<number, number>>>;
	backlog: Map<string, BacklogAggregate>;
	ratings: Map<string, RatingCell[]>;
	surveys: Map<string, SurveyAggregate>;
	daily: Map<string, Map<string, DailyAggregate>>;
	activity: Map<string, Map<string, ActivityAggregate>>;
	cesScale: CesScale;
};

export const fractions = [medianFraction, p90Fraction];
export const durationMetrics: readonly DurationMetric[] = [
	'firstReply',
	'resolution',
	'firstReplyBusiness',
	'resolutionBusiness',
	'nextReply',
	'nextReplyBusiness',
	'requesterWait',
	'requesterWaitBusiness',
];

export function toWindow(window: StatsWindow): Window {
	return {since: window.since.toISOString(), until: window.until.toISOString()};
}

/** How an agent in the log becomes a key: emails compare case-insensitively; no agent is "(none)". */
export function agentKeyOfRecord(agent: string | null): string {
	const trimmed = agent?.trim() ?? '';
	return trimmed === '' ? noKey : trimmed.toLowerCase();
}

/** Folds per-agent rows (as written) into per-key, per-agent-key activity. */
export function foldActivity(
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

export function toAgents(activity: Map<string, ActivityAggregate> | undefined): AgentActivity[] {
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

/** The log's activity by dimension: this machine's SQLite log, or the team store's rows when given (team mode). */
export function readActivity(
	db: Database,
	query: StatsQuery,
	dimension: Dimension,
	teamRows?: readonly TeamActivityRow[],
) {
	const raw =
		teamRows === undefined || dimension === 'group'
			? aggregateActivity(db, query.profile, toWindow(query.window), dimension, activityActions)
			: groupTeamActivity(db, query.profile, teamRows, dimension);
	return foldActivity(raw, dimension === 'agent');
}

/**
 * The duration metrics a report has only when some ticket has them: business-hours first reply and resolution,
 * next reply and requester wait (calendar and business).
 */
export type OptionalDurations = {fr: boolean; res: boolean; nr?: boolean; nrb?: boolean; rw?: boolean; rwb?: boolean};
export const allOptionalDurations: Required<OptionalDurations> = {
	fr: true,
	res: true,
	nr: true,
	nrb: true,
	rw: true,
	rwb: true,
};

/** Which optional parts to compute: the optional durations' percentiles, daily counts (only the table shows them). */
export type PartOptions = {readonly business: OptionalDurations; readonly daily: boolean};

/**
 * The parts of the overall snapshot ('all') and of each --by dimension asked, from one query per aggregate grouped by
 * every dimension at once (the overall parts are the sum of any dimension's). The optional durations' percentiles are
 * read only when the options ask for them and the window has some.
 */
export function readParts(
	db: Database,
	query: StatsQuery,
	dimensions: readonly StatsBy[],
	options: PartOptions,
): {all: Parts; by: Map<StatsBy, Parts>} {
	const window = toWindow(query.window);
	const cutoffs = backlogAgeCutoffs(query.now);
	const {profile} = query;
	const every: Dimension[] = ['all', ...new Set(dimensions)];
	const tickets = aggregateTickets(db, profile, window, every, {
		oneTouchMaxReplies,
		cutoffs: {
			under1d: cutoffs.under1d.toISOString(),
			under3d: cutoffs.under3d.toISOString(),
			under7d: cutoffs.under7d.toISOString(),
		},
	});
	const overall = tickets.get('all');
	const created = overall?.created.get('');
	const solved = overall?.solved.get('');
	const counts: Record<DurationMetric, number> = {
		firstReply: created?.firstReply.count ?? 0,
		firstReplyBusiness: created?.firstReplyBusiness.count ?? 0,
		resolution: solved?.resolution.count ?? 0,
		resolutionBusiness: solved?.resolutionBusiness.count ?? 0,
		nextReply: created?.nextReply.count ?? 0,
		nextReplyBusiness: created?.nextReplyBusiness.count ?? 0,
		requesterWait: solved?.requesterWait.count ?? 0,
		requesterWaitBusiness: solved?.requesterWaitBusiness.count ?? 0,
	};
	const asked: Record<DurationMetric, boolean> = {
		firstReply: true,
		resolution: true,
		firstReplyBusiness: options.business.fr,
		resolutionBusiness: options.business.res,
		nextReply: options.business.nr === true,
		nextReplyBusiness: options.business.nrb === true,
		requesterWait: options.business.rw === true,
		requesterWaitBusiness: options.business.rwb === true,
	};
	// A metric no ticket of the window has has no value in any group either.
	const wanted = durationMetrics.filter((metric) => asked[metric] && counts[metric] > 0);
	const byKey = durationValuesByKey(db, profile, window, every.slice(1), wanted, fractions);
	const ratings = aggregateRatings(db, profile, window, every);
	const surveys = aggregateSurveys(
		db,
		profile,
		window,
		every,
		{promoterMin: npsPromoterMin, detractorMax: npsDetractorMax},
		(query.cesScale ?? defaultCesScale).easyMin,
	);
	const partsOf = (dimension: Dimension): Parts => {
		const durations = {} as Parts['durations'];
		for (const metric of durationMetrics) {
			if (!wanted.includes(metric)) durations[metric] = new Map();
			else if (dimension === 'all') {
				const positions = durationPositions(counts[metric]);
				durations[metric] = new Map([
					['', durationValuesAtPositions(db, profile, window, metric, positions, counts[metric])],
				]);
			} else durations[metric] = byKey.get(dimension)?.get(metric) ?? new Map();
		}
		const ticketParts = tickets.get(dimension);
		return {
			created: ticketParts?.created ?? new Map(),
			solved: ticketParts?.solved ?? new Map(),
			durations,
			backlog: ticketParts?.backlog ?? new Map(),
			ratings: ratings.get(dimension) ?? new Map(),
			surveys: surveys.get(dimension) ?? new Map(),
			cesScale: query.cesScale ?? defaultCesScale,
			daily: options.daily ? aggregateDaily(db, profile, window, dimension) : new Map(),
			activity: readActivity(db, query, dimension),
		};
	};
	return {
		all: partsOf('all'),
		by: new Map(every.slice(1).map((dimension) => [dimension as StatsBy, partsOf(dimension)])),
	};
}
