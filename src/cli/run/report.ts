import {randomBytes} from 'node:crypto';
import {mkdirSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import type {Context, GlobalOptions} from '../../context.js';
import {FailedError, UsageError} from '../../errors.js';
import type {StatsGroup} from '../../kpi/report.js';
import {emptyCsrSla} from '../../kpi/sla.js';
import {resolveWindow} from '../../kpi/window.js';
import {buildReportData} from '../../services/report.js';
import {startCsrSlaStats} from '../../services/sla.js';
import {type StatsBy, statsDimensions} from '../../services/stats.js';
import {toDisplayLine} from '../../text/display-text.js';
import {activeProfile, parseList} from '../options.js';
import {renderHtmlReport} from '../output/html-report.js';
import {cesScaleSetting, refreshStatsCache} from './stats-refresh.js';

export type ReportFlags = {
	html?: string;
	since?: string;
	until?: string;
	by?: string;
	/** false with --no-sync. */
	sync?: boolean;
};

/** Writes the file whole or not at all: a temporary file beside it, renamed into place. 0600: it names agents. */
function writeAtomically(path: string, text: string): void {
	const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
	try {
		mkdirSync(dirname(path), {recursive: true});
		writeFileSync(temporary, text, {mode: 0o600});
		renameSync(temporary, path);
	} catch (error) {
		try {
			rmSync(temporary, {force: true});
		} catch {
			// Nothing was written there (its directory could not be made).
		}
		const reason = error instanceof Error ? error.message : String(error);
		throw new FailedError(`could not write the report to ${path}: ${reason}`);
	}
}

export async function runReport(flags: ReportFlags, globals: GlobalOptions, context: Context): Promise<void> {
	const file = flags.html ?? '';
	if (file.trim() === '') throw new UsageError('--html needs a file name', 'For example: csr report --html kpis.html');
	const now = context.now();
	const resolved = resolveWindow({since: flags.since, until: flags.until}, now);
	if (!resolved.ok) throw new UsageError(`invalid ${resolved.flag} "${resolved.value}": ${resolved.reason}`);
	const by = flags.by === undefined ? null : (parseList('--by', flags.by, statsDimensions)[0] as StatsBy);
	const profile = activeProfile(context, globals);
	await refreshStatsCache({sync: flags.sync !== false}, globals, context);
	const at = context.now();
	// csr's own SLA targets beside the desk's verdict, overall and per day, agent, group and channel, as csr stats
	// --json (--by …) has them: on another thread while this one reads the rest of the report.
	const dimensions = ['day', 'agent', 'group', 'channel'] as const;
	const slaStarted = startCsrSlaStats(
		context.store(),
		{profile: profile.name, window: resolved.window, now: at, by: dimensions},
		profile.profile.slaTargets,
		profile.profile.businessHours ?? null,
	);
	slaStarted.catch(() => undefined); // awaited below; a failure of the report must not leave it unhandled
	const data = buildReportData(context.store(), {
		profile: profile.name,
		window: resolved.window,
		now: at,
		by,
		cesScale: cesScaleSetting(context),
	});
	const [byDaySla, ...others] = await slaStarted;
	const overallSla = byDaySla?.overall ?? null;
	const withSla = (groups: readonly StatsGroup[], index: number) => {
		if (overallSla === null) return groups;
		const per = others[index]?.groups ?? null;
		return groups.map((group) => ({
			...group,
			slaBreachCsr: per?.get(group.key) ?? emptyCsrSla(overallSla.business !== null),
		}));
	};
	const overall = {...data.overall, report: {...data.overall.report, slaBreachCsr: overallSla}};
	const byDay = data.byDay.map((group) => ({...group, slaBreachCsr: byDaySla?.groups?.get(group.key) ?? null}));
	const html = await renderHtmlReport({
		...data,
		overall,
		byDay,
		byAgent: withSla(data.byAgent, 0),
		byGroup: withSla(data.byGroup, 1),
		byChannel: withSla(data.byChannel, 2),
	});
	if (file === '-') {
		context.io.stdout.write(html);
		return;
	}
	const path = resolve(context.cwd, file);
	writeAtomically(path, html);
	if (globals.quiet !== true)
		context.io.stderr.write(`Wrote ${toDisplayLine(path)} (${Math.round(html.length / 1024)} KB).\n`);
}
