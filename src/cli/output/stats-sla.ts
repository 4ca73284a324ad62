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
