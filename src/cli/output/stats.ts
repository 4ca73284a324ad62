import {backlogAgeBuckets} from '../../kpi/backlog.js';
import {metricDefinitions} from '../../kpi/definitions.js';
import type {AgentActivity, DurationStats, StatsGroup, StatsReport} from '../../kpi/report.js';
import type {ActivityResult, StatsExplanation, StatsResult, StatsTrends} from '../../services/stats.js';
import {csvRow} from '../../text/csv.js';
import {toDisplayLine, toSafeJson} from '../../text/display-text.js';
import type {OutputFormat} from '../options.js';
import {formatMinutes} from './minutes.js';
import type {Paint} from './paint.js';
import {slaCsvColumns, slaCsvValues, slaLines} from './stats-sla.js';
import {waitCsvColumns, waitCsvValues, waitExplanations, waitLines} from './stats-waits.js';
import {type Column, formatTable} from './table.js';

const bars = '▁▂▃▄▅▆▇█';

/**
 * A sparkline: one bar a value, scaled from the smallest to the largest value shown; a gap where there is no data.
 * Longer series are averaged into at most `maxWidth` bars.
 */
export function sparkline(values: readonly (number | null)[], maxWidth = 60): string {
	const perBar = Math.max(1, Math.ceil(values.length / maxWidth));
	const points: (number | null)[] = [];
	for (let start = 0; start < values.length; start += perBar) {
		const present = values.slice(start, start + perBar).filter((value): value is number => value !== null);
		points.push(present.length === 0 ? null : present.reduce((sum, value) => sum + value, 0) / present.length);
	}
	const known = points.filter((value): value is number => value !== null);
	if (known.length === 0) return ' '.repeat(points.length);
	const low = Math.min(...known);
	const high = Math.max(...known);
	return points
		.map((value) => {
			if (value === null) return ' ';
			if (high === low) return value === 0 ? bars[0] : bars[3];
			return bars[Math.round(((value - low) / (high - low)) * (bars.length - 1))];
		})
		.join('');
}

const count = (value: number): string => value.toLocaleString('en-US');
const percent = (value: number | null): string => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);

const durationLine = (stats: DurationStats): string =>
	stats.count === 0
		? 'no data'
		: `median ${formatMinutes(stats.median)}   mean ${formatMinutes(stats.mean)}   p90 ${formatMinutes(stats.p90)}   (${count(stats.count)} tickets)`;

/** PRODUCT.md §7 JSON: the report, plus `groups` with --by. */
export function toStatsJson(result: Pick<StatsResult, 'report' | 'groups'>): Record<string, unknown> {
	return result.groups === null ? {...result.report} : {...result.report, groups: result.groups};
}

function summaryTable(report: StatsReport, trends: StatsTrends, paint: Paint, columns: number): string {
	const label = (text: string) => paint.bold(text.padEnd(13));
	const indent = ' '.repeat(13);
	const width = Math.max(10, Math.min(60, columns - 40));
	const lines: string[] = [];
	lines.push(`${label('Window')}${report.window.since} → ${report.window.until} (UTC, until excluded)`);
	lines.push(
		`${label('Tickets')}created ${count(report.tickets.created)}   solved ${count(report.tickets.solved)}   reopened ${count(report.tickets.reopened)}`,
	);
	lines.push(
		`${indent}created/day ${paint.accent(sparkline(trends.created, width))}  solved/day ${paint.accent(sparkline(trends.solved, width))}`,
	);
	const {backlog} = report;
	lines.push(
		`${label('Backlog')}open ${count(backlog.open)}   pending ${count(backlog.pending)}   on-hold ${count(backlog.onHold)}   age ${backlogAgeBuckets.map((bucket) => `${bucket} ${count(backlog.byAge[bucket])}`).join(' · ')}`,
	);
	lines.push(`${label('First reply')}${durationLine(report.firstReplyMinutes)}`);
	if (report.firstReplyBusinessMinutes) {
		lines.push(`${indent}business hours: ${durationLine(report.firstReplyBusinessMinutes)}`);
	}
	lines.push(`${label('Resolution')}${durationLine(report.resolutionMinutes)}`);
	if (report.resolutionBusinessMinutes) {
		lines.push(`${indent}business hours: ${durationLine(report.resolutionBusinessMinutes)}`);
	}
	lines.push(...waitLines(report, label, indent, durationLine));
	lines.push(
		`${label('Rates')}one-touch ${percent(report.oneTouchRate)}   reopen ${percent(report.reopenRate)}   SLA breach ${percent(report.slaBreachRate)}`,
		...slaLines(report, indent),
	);
	const {csat} = report;
	lines.push(
		`${label('CSAT')}${percent(csat.score)}   (${count(csat.good)} good, ${count(csat.bad)} bad)   ${paint.accent(sparkline(trends.csat, width))}`,
	);
	const channels = Object.entries(csat.byChannel);
	if (channels.length > 0) {
		lines.push(
			`${indent}${channels.map(([channel, value]) => `${toDisplayLine(channel)} ${percent(value.score)}`).join(' · ')}`,
		);
	}
	const {nps, ces} = report;
	lines.push(
		`${label('NPS')}${nps === null ? 'no data' : `${nps.score === null ? '–' : `${nps.score > 0 ? '+' : ''}${nps.score.toFixed(1)}`}   (${count(nps.promoters)} promoters, ${count(nps.passives)} passives, ${count(nps.detractors)} detractors)`}`,
	);
	lines.push(
		`${label('CES')}${ces === null ? 'no data' : `${ces.mean?.toFixed(2) ?? '–'} on ${ces.scale.min}–${ces.scale.max}   easy (≥ ${ces.scale.easyMin}) ${ces.easyShare === null ? '–' : `${(ces.easyShare * 100).toFixed(1)}%`}   (${count(ces.count)} answers)`}`,
	);
	lines.push(`${label('Agents')}${report.agents.length === 0 ? 'no activity in the local log' : 'from the local log'}`);
	let text = `${lines.join('\n')}\n`;
	if (report.agents.length > 0) text += agentsTable(report.agents, paint);
	return text;
}

function agentsTable(agents: readonly AgentActivity[], paint: Paint): string {
	const agentWidth = Math.min(40, Math.max(5, ...agents.map((row) => Array.from(toDisplayLine(row.agent)).length)));
	const number = (header: string, width: number, value: (row: AgentActivity) => string): Column<AgentActivity> => ({
		header: header.padStart(width),
		value: (row) => value(row).padStart(width),
		width,
	});
	const table: Column<AgentActivity>[] = [
		{header: 'agent', value: (row) => toDisplayLine(row.agent), width: agentWidth},
		number('replies', 7, (row) => count(row.replies)),
		number('notes', 7, (row) => count(row.notes)),
		number('calls', 7, (row) => count(row.calls)),
		number('handle', 9, (row) => formatMinutes(row.handleMinutes)),
	];
	const text = formatTable(agents, table, agentWidth + 50, false);
	const indent = ' '.repeat(13);
	return text
		.split('\n')
		.map((line, index) => (line === '' ? line : `${indent}${index === 0 ? paint.muted(line) : line}`))
		.join('\n');
}

function groupsTable(
	groups: readonly StatsGroup[],
	by: string,
	trends: ReadonlyMap<string, StatsTrends>,
	columns: number,
	useColor: boolean,
	paint: Paint,
): string {
	const keyWidth = Math.min(
		40,
		Math.max(by.length, ...groups.map((group) => Array.from(toDisplayLine(group.key)).length)),
	);
	const table: Column<StatsGroup>[] = [
		{header: by, value: (row) => toDisplayLine(row.key), width: keyWidth},
		{header: 'created', value: (row) => count(row.tickets.created).padStart(7), width: 7},
		{header: 'solved', value: (row) => count(row.tickets.solved).padStart(7), width: 7},
		{
			header: 'backlog',
			value: (row) => count(row.backlog.open + row.backlog.pending + row.backlog.onHold).padStart(7),
			width: 7,
		},
		{header: '1st reply', value: (row) => formatMinutes(row.firstReplyMinutes.median).padStart(9), width: 9},
		{header: 'resolution', value: (row) => formatMinutes(row.resolutionMinutes.median).padStart(10), width: 10},
		{header: '1-touch', value: (row) => percent(row.oneTouchRate).padStart(7), width: 7},
		{header: 'reopen', value: (row) => percent(row.reopenRate).padStart(7), width: 7},
		{header: 'CSAT', value: (row) => percent(row.csat.score).padStart(7), width: 7},
	];
	if (by !== 'day' && by !== 'week') {
		table.push({
			header: 'CSAT trend',
			value: (row) => sparkline(trends.get(row.key)?.csat ?? [], 14),
			color: (text) => paint.accent(text),
		});
	}
	return formatTable(groups, table, Math.max(columns, keyWidth + 95), useColor);
}

const summaryColumns = (withKey: boolean, report: StatsReport): string[] => [
	...(withKey ? ['key'] : []),
	'since',
	'until',
	'tickets_created',
	'tickets_solved',
	'tickets_reopened',
	'backlog_open',
	'backlog_pending',
	'backlog_on_hold',
	'backlog_age_lt_1d',
	'backlog_age_1_3d',
	'backlog_age_3_7d',
	'backlog_age_gt_7d',
	...durationColumns('first_reply_minutes'),
	...durationColumns('resolution_minutes'),
	...(report.firstReplyBusinessMinutes ? durationColumns('first_reply_business_minutes') : []),
	...(report.resolutionBusinessMinutes ? durationColumns('resolution_business_minutes') : []),
	...waitCsvColumns(report),
	'one_touch_rate',
	'reopen_rate',
	'sla_breach_rate',
	...slaCsvColumns(report),
	'csat_score',
	'csat_good',
	'csat_bad',
	'nps_score',
	'nps_promoters',
	'nps_passives',
	'nps_detractors',
	'ces_mean',
	'ces_count',
	'agent_replies',
	'agent_notes',
	'agent_calls',
	'agent_handle_minutes',
];

function durationColumns(prefix: string): string[] {
	return [`${prefix}_median`, `${prefix}_mean`, `${prefix}_p90`, `${prefix}_count`];
}

const durationValues = (stats: DurationStats | undefined) =>
	stats === undefined ? [] : [stats.median, stats.mean, stats.p90, stats.count];

type CsvFlags = {fr: boolean; res: boolean; overall: StatsReport};
function summaryValues(report: StatsReport, key: string | null, withBusiness: CsvFlags): unknown[] {
	const sum = (pick: (agent: AgentActivity) => number | null) => {
		const values = report.agents.map(pick).filter((value): value is number => value !== null);
		return values.length === 0 ? null : Math.round(values.reduce((total, value) => total + value, 0) * 10) / 10;
	};
	return [
		...(key === null ? [] : [key]),
		report.window.since,
		report.window.until,
		report.tickets.created,
		report.tickets.solved,
		report.tickets.reopened,
		report.backlog.open,
		report.backlog.pending,
		report.backlog.onHold,
		...backlogAgeBuckets.map((bucket) => report.backlog.byAge[bucket]),
		...durationValues(report.firstReplyMinutes),
		...durationValues(report.resolutionMinutes),
		...(withBusiness.fr ? durationValues(report.firstReplyBusinessMinutes) : []),
		...(withBusiness.res ? durationValues(report.resolutionBusinessMinutes) : []),
		...waitCsvValues(withBusiness.overall, report),
		report.oneTouchRate,
		report.reopenRate,
		report.slaBreachRate,
		...slaCsvValues(withBusiness.overall, report),
		report.csat.score,
		report.csat.good,
		report.csat.bad,
		report.nps?.score ?? null,
		report.nps?.promoters ?? null,
		report.nps?.passives ?? null,
		report.nps?.detractors ?? null,
		report.ces?.mean ?? null,
		report.ces?.count ?? null,
		report.agents.reduce((total, agent) => total + agent.replies, 0),
		report.agents.reduce((total, agent) => total + agent.notes, 0),
		report.agents.reduce((total, agent) => total + agent.calls, 0),
		sum((agent) => agent.handleMinutes),
	];
}

/** The snapshot in the chosen format. CSV: one flat row, or one row per group with --by (CSAT by channel and the trend are JSON-only). */
export function formatStats(
	result: StatsResult,
	format: OutputFormat,
	options: {by: string | null; columns: number; paint: Paint; useColor: boolean},
): string {
	switch (format) {
		case 'json':
			return `${toSafeJson(toStatsJson(result), 2)}\n`;
		case 'ndjson':
			return result.groups === null
				? `${toSafeJson(result.report)}\n`
				: result.groups.map((group) => `${toSafeJson(group)}\n`).join('');
		case 'csv': {
			const withBusiness = {
				fr: result.report.firstReplyBusinessMinutes !== undefined,
				res: result.report.resolutionBusinessMinutes !== undefined,
				overall: result.report,
			};
			const header = csvRow(summaryColumns(result.groups !== null, result.report));
			if (result.groups === null) return header + csvRow(summaryValues(result.report, null, withBusiness));
			return header + result.groups.map((group) => csvRow(summaryValues(group, group.key, withBusiness))).join('');
		}
		case 'table': {
			let text = summaryTable(result.report, result.trends, options.paint, options.columns);
			if (result.groups !== null && options.by !== null) {
				text += `\n${groupsTable(result.groups, options.by, result.groupTrends, options.columns, options.useColor, options.paint)}`;
			}
			return text;
		}
	}
}

/** --source records: agent activity only. CSV: one row per agent (and group). */
export function formatActivity(
	result: ActivityResult,
	format: OutputFormat,
	options: {columns: number; paint: Paint},
): string {
	const rows = (
		result.groups === null
			? result.report.agents.map((agent) => ({key: null as string | null, agent}))
			: result.groups.flatMap((group) => group.agents.map((agent) => ({key: group.key as string | null, agent})))
	) as {key: string | null; agent: AgentActivity}[];
	switch (format) {
		case 'json':
			return `${toSafeJson(result.groups === null ? result.report : {...result.report, groups: result.groups}, 2)}\n`;
		case 'ndjson':
			return result.groups === null
				? `${toSafeJson(result.report)}\n`
				: result.groups.map((group) => `${toSafeJson(group)}\n`).join('');
		case 'csv': {
			const withKey = result.groups !== null;
			return (
				csvRow([...(withKey ? ['key'] : []), 'agent', 'replies', 'notes', 'calls', 'handle_minutes']) +
				rows
					.map(({key, agent}) =>
						csvRow([
							...(withKey ? [key] : []),
							agent.agent,
							agent.replies,
							agent.notes,
							agent.calls,
							agent.handleMinutes,
						]),
					)
					.join('')
			);
		}
		case 'table': {
			const {paint} = options;
			let text = `${paint.bold('Window'.padEnd(13))}${result.report.window.since} → ${result.report.window.until} (UTC, until excluded)\n`;
			if (result.groups === null) {
				text +=
					result.report.agents.length === 0
						? 'No activity in the local log.\n'
						: agentsTable(result.report.agents, paint);
				return text;
			}
			for (const group of result.groups) {
				if (group.agents.length === 0) continue;
				text += `${paint.bold(toDisplayLine(group.key))}\n${agentsTable(group.agents, paint)}`;
			}
			return text;
		}
	}
}

/** --explain: each metric's definition, the data it used and what it left out. */
export function formatExplanation(report: StatsReport, explanation: StatsExplanation, lastSync: Date | null): string {
	const e = explanation;
	const firstReply = report.firstReplyMinutes.count;
	const resolution = report.resolutionMinutes.count;
	const entries: [string, string, string][] = [
		['tickets.created', metricDefinitions['tickets.created'], `${count(e.created)} tickets.`],
		[
			'tickets.solved',
			metricDefinitions['tickets.solved'],
			`${count(e.solved)} tickets; ${count(e.solvedThenReopened)} last solved in the window but open again now were excluded.`,
		],
		['tickets.reopened', metricDefinitions['tickets.reopened'], `${count(report.tickets.reopened)} tickets.`],
		['backlog', metricDefinitions.backlog, `${count(e.backlog)} unsolved tickets in the cache.`],
		[
			'firstReplyMinutes',
			metricDefinitions.firstReplyMinutes,
			`${count(firstReply)} tickets; ${count(e.firstReplyExcluded)} tickets without a public reply excluded from first reply time.`,
		],
		[
			'resolutionMinutes',
			metricDefinitions.resolutionMinutes,
			`${count(resolution)} tickets; ${count(e.resolutionExcluded)} solved tickets without a resolution time excluded.`,
		],
		...waitExplanations(report, e),
		['oneTouchRate', metricDefinitions.oneTouchRate, `${count(e.oneTouch)} of ${count(e.solved)} solved tickets.`],
		[
			'reopenRate',
			metricDefinitions.reopenRate,
			`${count(report.tickets.reopened)} of ${count(e.solved)} solved tickets.`,
		],
		[
			'slaBreachRate',
			metricDefinitions.slaBreachRate,
			`${count(e.slaKnown)} tickets with SLA data; ${count(e.created - e.slaKnown)} created tickets without SLA data excluded.`,
		],
		[
			'csat',
			metricDefinitions.csat,
			`${count(report.csat.good + report.csat.bad)} ratings; ${count(e.offeredExcluded)} offered but unanswered excluded.`,
		],
		['nps', metricDefinitions.nps, `${count(e.npsAnswers)} answers${e.npsAnswers === 0 ? ' (so null)' : ''}.`],
		['ces', metricDefinitions.ces, `${count(e.cesAnswers)} answers${e.cesAnswers === 0 ? ' (so null)' : ''}.`],
		[
			'agents',
			metricDefinitions.agents,
			`${count(e.records)} records; ${count(e.recordsWithoutAgent)} without an agent are listed as "(none)".`,
		],
	];
	const header = `How these numbers were made (window ${report.window.since} to ${report.window.until}, until excluded; cache synced ${lastSync === null ? 'never completely' : lastSync.toISOString()}). A metric with no data is null, never 0.\n`;
	return `${header}${entries.map(([name, definition, used]) => `\n${name}\n  ${definition}\n  Used: ${used}\n`).join('')}`;
}

/** --explain with --source records: only the agents metric. */
export function formatActivityExplanation(result: ActivityResult): string {
	return `How these numbers were made (window ${result.report.window.since} to ${result.report.window.until}, until excluded).\n\nagents\n  ${metricDefinitions.agents}\n  Used: ${count(result.records)} records.\n`;
}
