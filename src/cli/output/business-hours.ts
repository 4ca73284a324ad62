import {metricDefinitions} from '../../kpi/definitions.js';
import type {BusinessCalendars} from '../../services/business-hours.js';
import {toDisplayLine} from '../../text/display-text.js';

/** The business-hours block of `csr stats --explain`: the definition, the schedules, and where the minutes came from. */
export function formatBusinessExplanation(
	calendars: Pick<BusinessCalendars, 'description'> | null,
	sources: {readonly desk: number; readonly csr: number},
	provider: string,
): string {
	const count = (n: number) => n.toLocaleString('en-US');
	const lines = ['businessMinutes', `  ${metricDefinitions.businessMinutes}`];
	if (calendars === null) lines.push('  Schedule: none configured for this profile (profiles.<name>.businessHours).');
	else for (const line of calendars.description) lines.push(`  Schedule, ${toDisplayLine(line)}`);
	lines.push(
		`  Source: ${count(sources.desk)} cached tickets with ${toDisplayLine(provider)}'s own business times; ${count(sources.csr)} measured by csr on the schedule.`,
	);
	return `${lines.join('\n')}\n`;
}
