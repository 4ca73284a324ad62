import type {StatsReport} from '../../kpi/report.js';
import {type SlaClockStats, type SlaCounts, slaBreachCsrDefinition} from '../../kpi/sla.js';

// "SLA breach (csr targets)" in the stats table and --explain, beside the desk's own SLA breach rate.

const count = (value: number): string => value.toLocaleString('en-US');
const percent = (value: number | null): string => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);
const outcome = (counts: SlaCounts) =>
	`${percent(counts.rate)} (${count(counts.breached)} of ${count(counts.breached + counts.met)})`;

function clockLine(stats: SlaClockStats): string {
	return `${outcome(stats)}   first reply ${outcome(stats.firstReply)}   resolution ${outcome(stats.resolution)}`;
}

/** Table lines under Rates: csr's targets in business and calendar minutes; none without the key in the report. */
export function slaLines(report: StatsReport, indent: string): string[] {
	const sla = report.slaBreachCsr;
	if (sla === undefined) return [];
	if (sla === null) return [`${indent}SLA breach (csr targets): no targets set (csr config set sla.firstReply …)`];
	const lines = [`${indent}SLA breach (csr targets), calendar: ${clockLine(sla.calendar)}`];
	lines.push(
		sla.business === null
			? `${indent}SLA breach (csr targets), business hours: no business hours for this profile`
			: `${indent}SLA breach (csr targets), business hours: ${clockLine(sla.business)}`,
	);
	return lines;
}

/** The --explain block: what slaBreachRate (the desk's) and slaBreachCsr (csr's) are, and what was used. */
export function formatSlaExplanation(report: StatsReport, hint: string): string {
	const sla = report.slaBreachCsr;
	let used: string;
	if (sla === null || sla === undefined) {
		used = `no SLA targets are set for this profile, so slaBreachCsr is null (csr never invents a target). ${hint}`;
	} else {
		const running = (stats: SlaClockStats) => `${count(stats.running)} still running`;
		used = `${count(sla.judged)} created tickets have a target; ${count(sla.withoutTarget)} have none (no entry for their priority or group) and are left out. Calendar: ${count(sla.calendar.breached)} breached, ${count(sla.calendar.met)} met, ${running(sla.calendar)}.`;
		used +=
			sla.business === null
				? ' Business minutes: null, the profile has no business hours (profiles.<name>.businessHours).'
				: ` Business minutes: ${count(sla.business.breached)} breached, ${count(sla.business.met)} met, ${running(sla.business)}.`;
	}
	return `\nslaBreachCsr\n  ${slaBreachCsrDefinition}\n  The desk's own verdict is slaBreachRate (its SLA policy, its calendar); the two are shown side by side.\n  Used: ${used}\n`;
}

const clocks = ['calendar', 'business'] as const;
const parts = [
	['', (stats: SlaClockStats): SlaCounts => stats],
	['first_reply_', (stats: SlaClockStats): SlaCounts => stats.firstReply],
	['resolution_', (stats: SlaClockStats): SlaCounts => stats.resolution],
] as const;

/**
 * CSV columns of csr's targets (`sla_csr_calendar_rate`, `…_breached`, `…_met`, `…_running`, the same for first reply
 * and resolution, then business hours), when the profile has targets; the business ones only with business hours.
 */
export function slaCsvColumns(overall: StatsReport): string[] {
	const sla = overall.slaBreachCsr;
	if (sla === null || sla === undefined) return [];
	return [
		...clocks
			.filter((clock) => sla[clock] !== null)
			.flatMap((clock) =>
				parts.flatMap(([prefix]) =>
					['rate', 'breached', 'met', 'running'].map((field) => `sla_csr_${clock}_${prefix}${field}`),
				),
			),
		'sla_csr_judged',
		'sla_csr_without_target',
	];
}

export function slaCsvValues(overall: StatsReport, report: StatsReport): unknown[] {
	const sla = overall.slaBreachCsr;
	if (sla === null || sla === undefined) return [];
	const row = report.slaBreachCsr ?? null;
	return [
		...clocks
			.filter((clock) => sla[clock] !== null)
			.flatMap((clock) =>
				parts.flatMap(([, pick]) => {
					const stats = row?.[clock] ?? null;
					const counts = stats === null ? null : pick(stats);
					return [counts?.rate ?? null, counts?.breached ?? 0, counts?.met ?? 0, counts?.running ?? 0];
				}),
			),
		row?.judged ?? 0,
		row?.withoutTarget ?? 0,
	];
}
