import type {TeamMember} from '../../kpi/team.js';
import {toDisplayLine} from '../../text/display-text.js';
import {formatMinutes} from './minutes.js';
import {type Column, formatTable} from './table.js';

const count = (value: number) => value.toLocaleString('en-US');
const percent = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);

/** The `team` block in the table: per agent from the desk (who replied, who solved), after the summary. */
export function formatTeam(team: readonly TeamMember[] | undefined, columns: number): string {
	if (team === undefined) return '';
	if (team.length === 0) return 'Team         no agent activity on the desk in the window\n';
	const agentWidth = Math.min(40, Math.max(5, ...team.map((member) => Array.from(toDisplayLine(member.agent)).length)));
	const number = (header: string, width: number, value: (row: TeamMember) => string): Column<TeamMember> => ({
		header: header.padStart(width),
		value: (row) => value(row).padStart(width),
		width,
	});
	const table: Column<TeamMember>[] = [
		{header: 'agent', value: (row) => toDisplayLine(row.agent), width: agentWidth},
		number('replies', 7, (row) => count(row.replies)),
		number('solved', 7, (row) => count(row.solved)),
		number('1st reply', 9, (row) => formatMinutes(row.firstReplyMinutes.median)),
		number('resolution', 10, (row) => formatMinutes(row.resolutionMinutes.median)),
		number('1-touch', 7, (row) => percent(row.oneTouchRate)),
		number('CSAT', 7, (row) => percent(row.csat.score)),
		number('good/bad', 9, (row) => `${count(row.csat.good)}/${count(row.csat.bad)}`),
	];
	const text = formatTable(team, table, Math.max(columns, agentWidth + 72), false);
	return `Team         from the desk (medians; replies by author, solves by who solved)\n${text
		.split('\n')
		.map((line) => (line === '' ? line : `             ${line}`))
		.join('\n')}`;
}
