import {backlogAgeBuckets} from '../kpi/backlog.js';
import {type DurationStats, type StatsReport, toDurationStats} from '../kpi/report.js';
import {cesMean, csatScore, npsScore, rate} from '../kpi/scores.js';
import {type StatsWindow, windowDays, windowWeeks} from '../kpi/window.js';
import {noKey, type RatingAggregate, type RatingCell} from '../store/stats-cache.js';
import {type OptionalDurations, type Parts, type StatsBy, toAgents} from './stats-parts.js';

// One report (the overall snapshot or one group) from the aggregates, its trends, and what --explain says.

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

export function durationStats(
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
export function foldCells(
	cells: readonly RatingCell[],
	by: (cell: RatingCell) => string,
): Map<string, RatingAggregate> {
	const folded = new Map<string, RatingAggregate>();
	for (const cell of cells)
		folded.set(by(cell), sumRatings([folded.get(by(cell)) ?? {good: 0, bad: 0, offered: 0}, cell]));
	return folded;
}

export function sumRatings(ratings: Iterable<RatingAggregate>): RatingAggregate {
	const total = {good: 0, bad: 0, offered: 0};
	for (const rating of ratings) {
		total.good += rating.good;
		total.bad += rating.bad;
		total.offered += rating.offered;
	}
	return total;
}

export function buildReport(parts: Parts, key: string, window: StatsWindow, withBusiness: OptionalDurations) {
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
				? {
						mean: cesMean(surveys.cesSum, surveys.cesCount),
						count: surveys.cesCount,
						scale: parts.cesScale,
						easyShare: rate(surveys.cesEasy, surveys.cesCount),
					}
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
		...(withBusiness.nr === true
			? {nextReplyMinutes: durationStats(parts.durations.nextReply, key, created?.nextReply)}
			: {}),
		...(withBusiness.nrb === true
			? {nextReplyBusinessMinutes: durationStats(parts.durations.nextReplyBusiness, key, created?.nextReplyBusiness)}
			: {}),
		...(withBusiness.rw === true
			? {requesterWaitMinutes: durationStats(parts.durations.requesterWait, key, solved?.requesterWait)}
			: {}),
		...(withBusiness.rwb === true
			? {
					requesterWaitBusinessMinutes: durationStats(
						parts.durations.requesterWaitBusiness,
						key,
						solved?.requesterWaitBusiness,
					),
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

export function explain(parts: Parts): StatsExplanation {
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

/** The keys a --by dimension has in this window: every UTC day (ISO week) for day (week), else every key some metric has data for. */
export function groupKeys(parts: Parts, dimension: StatsBy, window: StatsWindow): string[] {
	if (dimension === 'day') return windowDays(window);
	if (dimension === 'week') return windowWeeks(window);
	const keys = new Set<string>([...parts.ratings.keys(), ...parts.surveys.keys(), ...parts.activity.keys()]);
	for (const [key, created] of parts.created) if (created.created > 0) keys.add(key);
	for (const [key, solved] of parts.solved) if (solved.solved + solved.reopenedSince > 0) keys.add(key);
	for (const [key, backlog] of parts.backlog) if (backlog.open + backlog.pending + backlog.onHold > 0) keys.add(key);
	return [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
