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
import {aggregateSla, type TargetRule} from '../store/sla-tickets.js';
import {type BusinessHoursSpec, clockFor, loadBusinessCalendars} from './business-hours.js';
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
 * "SLA breach (csr targets)" for the tickets created in the window, overall and per --by key: calendar minutes, and
 * business minutes when the profile has business hours. Settled tickets are judged on the cache's minutes (the
 * business pass measured them on the schedule); unsolved ones against the instant before which they are past each
 * target on their group's clock (BusinessClock.overdueIfStartedBefore), worked out once per group and target.
 */
export async function computeCsrSlaStats(
	db: Database,
	query: {readonly profile: string; readonly window: StatsWindow; readonly now: Date; readonly by: StatsBy | null},
	targetsSpec: SlaTargetsSpec | null | undefined,
	hours: BusinessHoursSpec | null,
): Promise<CsrSlaResult> {
	const targets = parseSlaTargets(targetsSpec);
	if (targets === null) return {overall: null, groups: null};
	const calendars = await loadBusinessCalendars(hours, db);
	const window = {since: query.window.since.toISOString(), until: query.window.until.toISOString()};
	const rules = {firstReply: rulesOf(targets.firstReply), resolution: rulesOf(targets.resolution)};
	const earliest = query.window.since.getTime();
	const now = query.now.getTime();
	const overdueBefore = new Map<string, number>();
	const aggregates = aggregateSla(
		db,
		query.profile,
		window,
		query.by ?? 'all',
		rules,
		query.now.toISOString(),
		calendars === null
			? null
			: {
					groupsWithOwnClock: [...calendars.groups.keys()],
					overdueBefore: (group, minutes) => {
						const id = `${group ?? ''}\u0000${minutes}`;
						let before = overdueBefore.get(id);
						if (before === undefined) {
							before = clockFor(calendars, group).overdueIfStartedBefore(now, minutes, earliest);
							overdueBefore.set(id, before);
						}
						return before;
					},
				},
	);
	const tallies = new Map<string, SlaTally>();
	for (const [key, aggregate] of aggregates) tallies.set(key, addTallies(emptyTally(), aggregate));
	const withBusiness = calendars !== null;
	const overall = toCsrSlaStats([...tallies.values()].reduce(addTallies, emptyTally()), withBusiness);
	const groups =
		query.by === null
			? null
			: new Map([...tallies].map(([key, tally]) => [key, toCsrSlaStats(tally, withBusiness)] as const));
	return {overall, groups};
}
