import {Box, Text} from 'ink';
import {toDisplayLine} from '../../text/display-text.js';
import {padEnd, truncate} from '../../text/width.js';
import {type DashboardListTicket, formatAge, formatSlaCell, scrollTop} from '../dashboard-model.js';
import {theme} from '../theme.js';

type Props = {
	readonly title: string;
	readonly tickets: readonly DashboardListTicket[] | null;
	readonly failure: string | null;
	readonly selected: number;
	readonly now: Date;
	readonly width: number;
	readonly height: number;
};

/** The tickets behind a number: id, status, how long the requester waits (else the age), SLA, assignee, group, subject. */
export function DashboardTickets({title, tickets, failure, selected, now, width, height}: Props) {
	const listHeight = Math.max(1, height - 2);
	const first = scrollTop(selected, 0, listHeight, tickets?.length ?? 0);
	const rest = Math.max(10, width - 8 - 9 - 7 - 10 - 18 - 14);
	const head = `${padEnd('  #', 8)}${padEnd('STATUS', 9)}${padEnd('WAIT', 7)}${padEnd('SLA', 10)}${padEnd('AGENT', 18)}${padEnd('GROUP', 14)}SUBJECT`;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold wrap="truncate-end">
				{title}
				{tickets === null ? '' : ` (${tickets.length})`}
			</Text>
			<Text color={theme.muted} wrap="truncate-end">
				{head}
			</Text>
			{failure !== null ? <Text color={theme.danger}>Could not read the tickets: {failure}</Text> : null}
			{tickets === null && failure === null ? <Text color={theme.muted}>loading…</Text> : null}
			{tickets?.length === 0 ? <Text color={theme.muted}>No tickets.</Text> : null}
			{(tickets ?? []).slice(first, first + listHeight).map((ticket, offset) => {
				const isSelected = first + offset === selected;
				const line = `${isSelected ? '› ' : '  '}${padEnd(`#${ticket.ticketId}`, 6)}${padEnd(ticket.status, 9)}${padEnd(
					formatAge(ticket.waitingSince ?? ticket.createdAt, now),
					7,
				)}${padEnd(formatSlaCell(ticket, now), 10)}${padEnd(truncate(toDisplayLine(ticket.agent), 17), 18)}${padEnd(
					truncate(toDisplayLine(ticket.group), 13),
					14,
				)}${truncate(toDisplayLine(ticket.subject ?? ''), rest)}`;
				return (
					<Text key={ticket.ticketId} inverse={isSelected} wrap="truncate-end">
						{line}
					</Text>
				);
			})}
		</Box>
	);
}
