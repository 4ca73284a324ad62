import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import {UsageError} from '../errors.js';
import {addTallies, type CsrSlaStats, emptyTally, type SlaTally, toCsrSlaStats} from '../kpi/sla.js';
import {
	parseTargetList,
	type SlaTargets,
	slaMetrics,
	slaPriorities,
	type TargetLevel,
	type TargetList,
} from '../kpi/sla-targets.js';
import type {StatsWindow} from '../kpi/window.js';
import type {Database} from '../store/database.js';
import {
	aggregateSlaRequest,
	type BusinessDueTable,
	type SlaAggregate,
	type SlaRequest,
	type TargetRule,
} from '../store/sla-tickets.js';
import {type BusinessCalendars, type BusinessHoursSpec, businessCalendarsOf, clockFor} from './business-hours.js';
import type {StatsBy} from './stats-parts.js';

/** The config's shape (config/schema.ts `SlaTargets`), repeated here because services do not import config. */
export type SlaTargetsSpec = {readonly firstReply?: string | undefined; readonly resolution?: string | undefined};

export const slaTargetsHint =
	'Set them with `csr config set sla.firstReply "8h, high=4h, urgent=4h"` and `csr config set sla.resolution "3d, urgent=8h"` (per group: "@Billing=6h"); see docs/KPIS.md, "SLA breach (csr targets)".';

/** The profile's targets, parsed; null when none is configured. A malformed list is a usage error naming the entry. */
export function parseSlaTargets(spec: SlaTargetsSpec | null | undefined): SlaTargets | null {
	if (spec === null || spec === undefined) return null;
	const entries = slaMetrics.map((metric) => {
		const text = spec[metric];
		if (text === undefined) return [metric, null] as const;
		const parsed = parseTargetList(text);
		if (!parsed.ok) {
			const setting = metric === 'firstReply' ? 'sla.firstReply' : 'sla.resolution';
			throw new UsageError(
				`invalid SLA targets in ${setting}: ${parsed.error}`,
				`Fix them with \`csr config set ${setting} "8h, high=4h"\`.`,
			);
		}
		return [metric, parsed.list] as const;
	});
	const targets = Object.fromEntries(entries) as SlaTargets;
	return slaMetrics.every((metric) => targets[metric] === null) ? null : targets;
}

/** A target list as SQL rules, most specific first (kpi/sla-targets.ts targetFor's order). */
function rulesOf(list: TargetList | null): TargetRule[] {
	if (list === null) return [];
	const groups = [...list.groups];
	const byPriority = (group: string | null, level: TargetLevel) =>
		slaPriorities.flatMap((priority) => {
			const minutes = level.byPriority[priority];
			return minutes === undefined ? [] : [{group, priority, minutes}];
		});
	return [
		...groups.flatMap(([group, level]) => byPriority(group, level)),
		...groups.flatMap(([group, level]) => (level.all === null ? [] : [{group, priority: null, minutes: level.all}])),
		...byPriority(null, list),
		...(list.all === null ? [] : [{group: null, priority: null, minutes: list.all}]),
	];
}

export type CsrSlaResult = {
	/** Null when the profile has no targets (the report says so, and --explain tells how to set them). */
	readonly overall: CsrSlaStats | null;
	/** Per --by key, when asked for. */
	readonly groups: ReadonlyMap<string, CsrSlaStats> | null;
};

/**
 * "SLA breach (csr targets)" for the tickets created in the window, overall and per --by key (one result per entry of
 * `by`): calendar minutes, and business minutes when the profile has business hours. Settled tickets are judged on
 * the cache's minutes (the business pass measured them on the schedule); unsolved ones against the instant before
 * which they are past each target on their group's clock (BusinessClock.overdueIfStartedBefore), worked out here once
 * per group and target.
 *
 * The aggregates start at once on a worker thread when csr runs built and the store is a file (store/sla-worker.ts):
 * a caller starts this, does its own work on this thread, and awaits the result, so the two run on both cores. Else,
 * or if the worker fails, they are worked out here when awaited.
 */
export function startCsrSlaStats(
	db: Database,
	query: {
		readonly profile: string;
		readonly window: StatsWindow;
		readonly now: Date;
		readonly by: readonly (StatsBy | null)[];
	},
	targetsSpec: SlaTargetsSpec | null | undefined,
	hours: BusinessHoursSpec | null,
): Promise<CsrSlaResult[]> {
	const targets = parseSlaTargets(targetsSpec);
	if (targets === null) return Promise.resolve(query.by.map(() => ({overall: null, groups: null})));
	const calendars = businessCalendarsOf(hours, db);
	const rules = {firstReply: rulesOf(targets.firstReply), resolution: rulesOf(targets.resolution)};
	const business = calendars === null ? null : dueTable(calendars, rules, query);
	const requests: SlaRequest[] = query.by.map((by) => ({
		profile: query.profile,
		window: {since: query.window.since.toISOString(), until: query.window.until.toISOString()},
		dimension: by ?? 'all',
		rules,
		now: query.now.toISOString(),
		business,
	}));
	const inWorker = aggregateInWorker(db, requests);
	return inWorker.then((aggregates) =>
		(aggregates ?? requests.map((request) => aggregateSlaRequest(db, request))).map((each, index) =>
			resultOf(each, query.by[index] ?? null, calendars !== null),
		),
	);
}

/** Each rule's due instant on every clock a ticket can be on: the profile's, the groups' own, the rules' groups'. */
function dueTable(
	calendars: BusinessCalendars,
	rules: {readonly firstReply: readonly TargetRule[]; readonly resolution: readonly TargetRule[]},
	query: {readonly window: StatsWindow; readonly now: Date},
): BusinessDueTable {
	const all = [...rules.firstReply, ...rules.resolution];
	const groups = [...new Set([null, ...calendars.groups.keys(), ...all.map((rule) => rule.group)])];
	const minutes = [...new Set(all.map((rule) => rule.minutes))];
	const now = query.now.getTime();
	const earliest = query.window.since.getTime();
	return {
		groupsWithOwnClock: [...calendars.groups.keys()],
		due: groups.flatMap((group) =>
			minutes.map(
				(target) => [group, target, clockFor(calendars, group).overdueIfStartedBefore(now, target, earliest)] as const,
			),
		),
	};
}

/** The requests' aggregates from a worker thread; null when there is no worker to run (or it failed). */
function aggregateInWorker(db: Database, requests: readonly SlaRequest[]): Promise<Map<string, SlaAggregate>[] | null> {
	const location = (db as {location?: () => string | null}).location;
	const path = typeof location === 'function' ? location.call(db) : null;
	const script = new URL('../store/sla-worker.js', import.meta.url);
	if (path === null || path === '' || !existsSync(fileURLToPath(script))) return Promise.resolve(null);
	return new Promise((resolve) => {
		const worker = new Worker(script, {workerData: {path, requests}});
		worker.once('message', (answers: [string, SlaAggregate][][]) =>
			resolve(answers.map((entries) => new Map(entries))),
		);
		worker.once('error', () => resolve(null));
		worker.once('exit', () => resolve(null));
	});
}

function resultOf(
	aggregates: ReadonlyMap<string, SlaAggregate>,
	by: StatsBy | null,
	withBusiness: boolean,
): CsrSlaResult {
	const tallies = new Map<string, SlaTally>();
	for (const [key, aggregate] of aggregates) tallies.set(key, addTallies(emptyTally(), aggregate));
	const overall = toCsrSlaStats([...tallies.values()].reduce(addTallies, emptyTally()), withBusiness);
	const groups =
		by === null
			? null
			: new Map([...tallies].map(([key, tally]) => [key, toCsrSlaStats(tally, withBusiness)] as const));
	return {overall, groups};
}
