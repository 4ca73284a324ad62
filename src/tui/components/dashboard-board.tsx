import {Box, Text} from 'ink';
import type {Dashboard} from '../../services/dashboard.js';
import {toDisplayLine} from '../../text/display-text.js';
import {padEnd, truncate} from '../../text/width.js';
import {type BoardItem, formatAge, rowColumns, rowNumbers, scrollTop} from '../dashboard-model.js';
import {theme} from '../theme.js';

type Props = {
	readonly dashboard: Dashboard;
	readonly items: readonly BoardItem[];
	readonly selected: number;
	readonly top: number;
	readonly width: number;
	readonly height: number;
};

const cell = (value: number | string) => String(value).padStart(5);

/** The summary lines (today, waiting longest) and the list of totals, agents and groups, scrolled to the selection. */
export function DashboardBoard({dashboard, items, selected, top, width, height}: Props) {
	const now = new Date(dashboard.at);
	const {totals, csatToday} = dashboard;
	const csat =
		csatToday.score === null
			? 'CSAT – (no ratings)'
			: `CSAT ${(csatToday.score * 100).toFixed(1)}% (${csatToday.good} good, ${csatToday.bad} bad)`;
	const oldest = dashboard.oldestWaiting
		.slice(0, 4)
		.map((ticket) => `#${ticket.ticketId} ${formatAge(ticket.waitingSince ?? ticket.createdAt, now)}`)
		.join(' · ');
	const listHeight = Math.max(1, height - 3);
	const first = scrollTop(selected, top, listHeight, items.length);
	const nameWidth = Math.max(8, width - 2 - rowColumns.length * 5);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate-end">
				Today ({toDisplayLine(dashboard.timeZone)}) {totals.repliesToday} replies · {totals.solvedToday} solved · {csat}
			</Text>
			<Text wrap="truncate-end">Waiting longest {oldest === '' ? 'nobody' : oldest}</Text>
			<Text wrap="truncate-end" color={theme.muted}>
				{padEnd('', 2 + nameWidth)}
				{rowColumns.map(cell).join('')}
			</Text>
			{items.slice(first, first + listHeight).map((item, offset) => {
				const index = first + offset;
				const marker = index === selected ? '› ' : '  ';
				if (item.kind === 'title') {
					return (
						<Text key={`t${item.label}`} bold wrap="truncate-end">
							{item.label}
						</Text>
					);
				}
				const isSelected = index === selected;
				const label = item.kind === 'total' ? item.label : toDisplayLine(item.row.key);
				const numbers = item.kind === 'total' ? cell(item.count) : rowNumbers(item.row).map(cell).join('');
				return (
					<Text key={`${item.selection.kind}:${label}`} inverse={isSelected} wrap="truncate-end">
						{marker}
						{padEnd(truncate(label, nameWidth), nameWidth)}
						{numbers}
					</Text>
				);
			})}
		</Box>
	);
}
