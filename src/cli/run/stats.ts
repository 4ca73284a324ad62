import type {Context, GlobalOptions} from '../../context.js';
import {UsageError} from '../../errors.js';
import {emptyCsrSla} from '../../kpi/sla.js';
import {resolveWindow} from '../../kpi/window.js';
import {planBusinessHours} from '../../services/business-hours.js';
import {type CsrSlaResult, slaTargetsHint, startCsrSlaStats} from '../../services/sla.js';
import {
	computeActivity,
	computeStats,
	type StatsBy,
	type StatsResult,
	type StatsSource,
	statsDimensions,
} from '../../services/stats.js';
import {activityActions, toWindow} from '../../services/stats-parts.js';
import {countBusinessSources} from '../../store/business-times.js';
import {readTeamActivity} from '../../store/team-activity.js';
import {isTeamRecordStore} from '../../store/team-record-store.js';
import {activeProfile, colorOf, formatOf, parseList} from '../options.js';
import {formatBusinessExplanation} from '../output/business-hours.js';
import {createPaint} from '../output/paint.js';
import {formatActivity, formatActivityExplanation, formatExplanation, formatStats} from '../output/stats.js';
import {formatSlaExplanation} from '../output/stats-sla.js';
import {formatTeam} from '../output/team-table.js';
import {formatTrendCharts} from '../output/trend-charts.js';
import {recordStoreOf} from './log.js';
import {cesScaleSetting, refreshStatsCache} from './stats-refresh.js';

export type StatsFlags = {
	since?: string;
	until?: string;
	by?: string;
	source?: string;
	/** false with --no-sync. */
	sync?: boolean;
	explain?: boolean;
};

const sources: readonly StatsSource[] = ['helpdesk', 'records'];

function parseOne<T extends string>(flag: string, raw: string | undefined, allowed: readonly T[]): T | null {
	if (raw === undefined) return null;
	const values = parseList(flag, raw, allowed);
	if (values.length !== 1) throw new UsageError(`${flag} takes one value: ${allowed.join(', ')}`);
	return values[0] as T;
}

export async function runStats(flags: StatsFlags, globals: GlobalOptions, context: Context): Promise<void> {
	const now = context.now();
	const resolved = resolveWindow({since: flags.since, until: flags.until}, now);
	if (!resolved.ok) throw new UsageError(`invalid ${resolved.flag} "${resolved.value}": ${resolved.reason}`);
	const by: StatsBy | null = parseOne('--by', flags.by, statsDimensions);
	const source = parseOne('--source', flags.source, sources) ?? 'helpdesk';
	if (source === 'records' && by === 'group') {
		throw new UsageError('--by group needs --source helpdesk', 'The local log does not know ticket groups.');
	}
	const format = formatOf(globals);
	const paint = createPaint(colorOf(globals, context));
	const profile = activeProfile(context, globals);
	const db = context.store();
	const query = {profile: profile.name, window: resolved.window, now, by, cesScale: cesScaleSetting(context)};
	const explainTo = format === 'table' ? context.io.stdout : context.io.stderr;
	if (source === 'records') {
		// Team mode: every agent's records, from the team store (this machine's waiting writes pushed first).
		const store = recordStoreOf(context);
		const teamRows = isTeamRecordStore(store)
			? await readTeamActivity(db, store, profile.name, toWindow(resolved.window), activityActions)
			: undefined;
		const result = computeActivity(db, query, teamRows);
		context.io.stdout.write(formatActivity(result, format, {columns: context.io.columns, paint}));
		if (flags.explain === true) {
			explainTo.write(`\n${formatActivityExplanation(result)}`);
			if (isTeamRecordStore(store))
				explainTo.write(`  From the team store ${store.target.key}: every agent's records.\n`);
		}
		return;
	}
	const lastSync = await refreshStatsCache({sync: flags.sync !== false}, globals, context);
	const at = context.now();
	// csr's own SLA targets beside the desk's verdict (null when the profile has none), worked out on another thread
	// while this one computes the rest.
	const slaStarted = startCsrSlaStats(
		db,
		{...query, now: at, by: [by]},
		profile.profile.slaTargets,
		profile.profile.businessHours ?? null,
	);
	slaStarted.catch(() => undefined); // awaited below; a failure of computeStats must not leave it unhandled
	const computed = computeStats(db, {...query, now: at}, {daily: format === 'table'});
	const [sla = {overall: null, groups: null}] = await slaStarted;
	const result = withCsrSla(computed, sla);
	context.io.stdout.write(
		formatStats(result, format, {by, columns: context.io.columns, paint, useColor: colorOf(globals, context)}),
	);
	if (format === 'table' && by === null) context.io.stdout.write(formatTeam(result.report.team, context.io.columns));
	if (format === 'table' && (by === 'day' || by === 'week') && result.groups !== null) {
		context.io.stdout.write(`\n${formatTrendCharts(result.groups, context.io.columns, by)}`);
	}
	// In a machine format stdout stays parseable; the explanation is for the person running it.
	if (flags.explain === true) {
		explainTo.write(`\n${formatExplanation(result.report, result.explanation, lastSync)}`);
		const sources = countBusinessSources(db, profile.name);
		explainTo.write(
			`\n${formatBusinessExplanation(planBusinessHours(profile.profile.businessHours ?? null), sources, profile.profile.provider)}`,
		);
		explainTo.write(formatSlaExplanation(result.report, slaTargetsHint));
	}
}

/** The stats with slaBreachCsr in the report (null without targets) and, with targets, in each --by group. */
function withCsrSla(result: StatsResult, sla: CsrSlaResult): StatsResult {
	const {overall} = sla;
	return {
		...result,
		report: {...result.report, slaBreachCsr: overall},
		groups:
			result.groups === null || overall === null
				? result.groups
				: result.groups.map((group) => ({
						...group,
						slaBreachCsr: sla.groups?.get(group.key) ?? emptyCsrSla(overall.business !== null),
					})),
	};
}
