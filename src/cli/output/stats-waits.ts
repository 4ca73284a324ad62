import {metricDefinitions} from '../../kpi/definitions.js';
import type {DurationStats, StatsReport} from '../../kpi/report.js';

// Next reply and requester wait in the stats table and --explain (only when the report has them).

type Line = (stats: DurationStats) => string;

/** Table lines: each metric's calendar figures, and its business-hours figures beneath when there are any. */
export function waitLines(report: StatsReport, label: (text: string) => string, indent: string, line: Line): string[] {
	const lines: string[] = [];
	const pairs: [string, DurationStats | undefined, DurationStats | undefined][] = [
		['Next reply', report.nextReplyMinutes, report.nextReplyBusinessMinutes],
		['Req. wait', report.requesterWaitMinutes, report.requesterWaitBusinessMinutes],
	];
	for (const [name, calendar, business] of pairs) {
		if (calendar === undefined && business === undefined) continue;
		lines.push(`${label(name)}${calendar === undefined ? 'no data' : line(calendar)}`);
		if (business !== undefined) lines.push(`${indent}business hours: ${line(business)}`);
	}
	return lines;
}

/** --explain entries: [name, definition, what was used]. */
export function waitExplanations(
	report: StatsReport,
	counts: {created: number; solved: number},
): [string, string, string][] {
	const count = (n: number) => n.toLocaleString('en-US');
	const next = report.nextReplyMinutes?.count ?? 0;
	const wait = report.requesterWaitMinutes?.count ?? 0;
	return [
		[
			'nextReplyMinutes',
			metricDefinitions.nextReplyMinutes,
			report.nextReplyMinutes === undefined
				? 'no ticket in the window has a next reply from the desk’s thread (so the key is left out).'
				: `${count(next)} of ${count(counts.created)} created tickets had a customer message answered after the first reply.`,
		],
		[
			'requesterWaitMinutes',
			metricDefinitions.requesterWaitMinutes,
			report.requesterWaitMinutes === undefined
				? 'no solved ticket in the window has a requester wait (so the key is left out).'
				: `${count(wait)} of ${count(counts.solved)} solved tickets; the others have no thread or desk figure.`,
		],
	];
}

const waitKeys = [
	['nextReplyMinutes', 'next_reply_minutes'],
	['nextReplyBusinessMinutes', 'next_reply_business_minutes'],
	['requesterWaitMinutes', 'requester_wait_minutes'],
	['requesterWaitBusinessMinutes', 'requester_wait_business_minutes'],
] as const;

/** CSV columns of the wait metrics the overall report has (each group then has the same). */
export function waitCsvColumns(overall: StatsReport): string[] {
	return waitKeys.flatMap(([key, prefix]) =>
		overall[key] === undefined ? [] : ['median', 'mean', 'p90', 'count'].map((part) => `${prefix}_${part}`),
	);
}

export function waitCsvValues(overall: StatsReport, report: StatsReport): unknown[] {
	return waitKeys.flatMap(([key]) => {
		if (overall[key] === undefined) return [];
		const stats = report[key];
		return stats === undefined ? [null, null, null, 0] : [stats.median, stats.mean, stats.p90, stats.count];
	});
}
