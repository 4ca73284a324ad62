import type {StatsGroup} from '../../kpi/report.js';
import {formatMinutes} from './minutes.js';
import {sparkline} from './stats.js';

/**
 * `csr stats --by day|week` on a terminal: one line per KPI with a sparkline over the periods (oldest left), sized
 * to the terminal, and the first, lowest, highest and last values in words, so it reads without colour (NO_COLOR)
 * and in a pipe. A blank in the line is a period without data.
 */

type Metric = {
	readonly label: string;
	readonly value: (group: StatsGroup) => number | null;
	readonly format: (value: number) => string;
};

const count = (value: number) => Math.round(value).toLocaleString('en-US');
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const minutes = (value: number) => formatMinutes(value);

const metrics: readonly Metric[] = [
	{label: 'created', value: (g) => g.tickets.created, format: count},
	{label: 'solved', value: (g) => g.tickets.solved, format: count},
	{
		label: 'backlog (created, unsolved)',
		value: (g) => g.backlog.open + g.backlog.pending + g.backlog.onHold,
		format: count,
	},
	{label: 'first reply median', value: (g) => g.firstReplyMinutes.median, format: minutes},
	{label: '  business hours', value: (g) => g.firstReplyBusinessMinutes?.median ?? null, format: minutes},
	{label: 'resolution median', value: (g) => g.resolutionMinutes.median, format: minutes},
	{label: '  business hours', value: (g) => g.resolutionBusinessMinutes?.median ?? null, format: minutes},
	{label: 'next reply median', value: (g) => g.nextReplyMinutes?.median ?? null, format: minutes},
	{label: '  business hours', value: (g) => g.nextReplyBusinessMinutes?.median ?? null, format: minutes},
	{label: 'requester wait median', value: (g) => g.requesterWaitMinutes?.median ?? null, format: minutes},
	{label: '  business hours', value: (g) => g.requesterWaitBusinessMinutes?.median ?? null, format: minutes},
	{label: 'one-touch', value: (g) => g.oneTouchRate, format: percent},
	{label: 'reopen rate', value: (g) => g.reopenRate, format: percent},
	{label: 'SLA breach (desk)', value: (g) => g.slaBreachRate, format: percent},
	{label: 'SLA breach (csr), business', value: (g) => g.slaBreachCsr?.business?.rate ?? null, format: percent},
	{label: '  calendar', value: (g) => g.slaBreachCsr?.calendar.rate ?? null, format: percent},
	{label: 'CSAT', value: (g) => g.csat.score, format: percent},
	{label: 'NPS', value: (g) => g.nps?.score ?? null, format: (v) => `${v > 0 ? '+' : ''}${v.toFixed(1)}`},
	{label: 'CES mean', value: (g) => g.ces?.mean ?? null, format: (v) => v.toFixed(2)},
];

/** The chart block; empty when there are fewer than two periods. `columns` is the terminal width (80 in a pipe). */
export function formatTrendCharts(groups: readonly StatsGroup[], columns: number, unit: 'day' | 'week'): string {
	if (groups.length < 2) return '';
	const labelWidth = Math.max(...metrics.map((metric) => metric.label.length)) + 2;
	const summaryWidth = 34;
	const chartWidth = Math.max(8, Math.min(groups.length, columns - labelWidth - summaryWidth - 1));
	const first = groups[0]?.key ?? '';
	const last = groups[groups.length - 1]?.key ?? '';
	const perBar = Math.ceil(groups.length / chartWidth);
	const lines = [
		`Trends per ${unit}, ${first} → ${last}${perBar > 1 ? ` (${perBar} ${unit}s a bar)` : ''}: first · low–high · last`,
	];
	for (const metric of metrics) {
		const values = groups.map(metric.value);
		const known = values.filter((value): value is number => value !== null);
		if (known.length === 0) continue;
		const firstKnown = known[0] as number;
		const lastKnown = known[known.length - 1] as number;
		const summary = `${metric.format(firstKnown)} · ${metric.format(Math.min(...known))}–${metric.format(Math.max(...known))} · ${metric.format(lastKnown)}`;
		lines.push(`${metric.label.padEnd(labelWidth)}${sparkline(values, chartWidth).padEnd(chartWidth)} ${summary}`);
	}
	return `${lines.join('\n')}\n`;
}
