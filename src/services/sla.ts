import {UsageError} from '../errors.js';
import {type CsrSlaStats, computeCsrSla, emptyCsrSla} from '../kpi/sla.js';
import {parseTargetList, type SlaTargets, slaMetrics} from '../kpi/sla-targets.js';
import type {StatsWindow} from '../kpi/window.js';
import type {Database} from '../store/database.js';
import {readSlaTickets} from '../store/sla-tickets.js';
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

export type CsrSlaResult = {
	/** Null when the profile has no targets (the report says so, and --explain tells how to set them). */
	readonly overall: CsrSlaStats | null;
	/** Per --by key, when asked for. */
	readonly groups: ReadonlyMap<string, CsrSlaStats> | null;
};

/**
 * "SLA breach (csr targets)" for the tickets created in the window, overall and per --by key: calendar minutes, and
 * business minutes when the profile has business hours.
 */
export async function computeCsrSlaStats(
	db: Database,
	query: {readonly profile: string; readonly window: StatsWindow; readonly now: Date; readonly by: StatsBy | null},
	targetsSpec: SlaTargetsSpec | null | undefined,
	hours: BusinessHoursSpec | null,
): Promise<CsrSlaResult> {
	const targets = parseSlaTargets(targetsSpec);
	if (targets === null) return {overall: null, groups: null};
	const calendars = await loadBusinessCalendars(hours);
	const clockOf = calendars === null ? null : (group: string | null) => clockFor(calendars, group);
	const window = {since: query.window.since.toISOString(), until: query.window.until.toISOString()};
	const now = query.now.getTime();
	const overall =
		computeCsrSla(readSlaTickets(db, query.profile, window, 'all'), targets, clockOf, now).get('') ??
		emptyCsrSla(clockOf !== null);
	const groups =
		query.by === null
			? null
			: computeCsrSla(readSlaTickets(db, query.profile, window, query.by), targets, clockOf, now);
	return {overall, groups};
}
