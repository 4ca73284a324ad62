import {Box, Text} from 'ink';
import {memo} from 'react';
import type {Ticket, TicketStatus} from '../../domain/ticket.js';
import {toDisplayLine} from '../../text/display-text.js';
import {formatSla, isBreached} from '../format.js';
import {cellText, columnWidth, type QueueColumn} from '../queue-columns.js';
import {theme} from '../theme.js';
import {fitLine} from '../wrap.js';

const shortStatus: Record<TicketStatus, string> = {
	new: 'new',
	open: 'open',
	pending: 'pend',
	'on-hold': 'hold',
	solved: 'solv',
	closed: 'clos',
};

type Props = {
	readonly ticket: Ticket;
	readonly width: number;
	readonly now: Date;
	readonly isCursor: boolean;
	readonly isSelected: boolean;
	/** The cursor row is inverted while the queue has the focus. */
	readonly isFocused: boolean;
	/** Columns for `#id`, the same for every row in view. */
	readonly idWidth: number;
	/** The optional columns this width has room for (the same for every row). */
	readonly columns: readonly QueueColumn[];
	/** An unsent draft of the agent's waits for this ticket. */
	readonly hasDraft: boolean;
	/** Changed since the agent looked at it (a background refresh saw a newer version). */
	readonly isChanged: boolean;
};

/**
 * One queue line: cursor, selection mark, id, status, SLA countdown (red when breached), the optional columns the
 * width has room for, a ✎ when a draft waits, subject.
 */
export const TicketRow = memo(function TicketRow({
	ticket,
	width,
	now,
	isCursor,
	isSelected,
	isFocused,
	idWidth,
	columns,
	hasDraft,
	isChanged,
}: Props) {
	const wide = width >= 60;
	const statusWidth = wide ? 8 : 5;
	const status = fitLine(wide ? ticket.status : shortStatus[ticket.status], statusWidth);
	const sla = fitLine(formatSla(ticket, now), 5);
	const id = fitLine(`#${toDisplayLine(ticket.id)}`, idWidth);
	const cells = columns.map((column) => ({column, text: fitLine(cellText(column, ticket, now), columnWidth(column))}));
	const cellsWidth = cells.reduce((sum, cell) => sum + columnWidth(cell.column), 0);
	const subjectWidth = Math.max(1, width - 2 - id.length - statusWidth - 6 - cellsWidth - 1);
	const subject = fitLine(toDisplayLine(ticket.subject) || '(no subject)', subjectWidth);
	// One Text with nested ones: Ink lays out and measures one node per row instead of one per cell.
	return (
		<Box width={width} height={1}>
			<Text wrap="truncate">
				<Text color={isCursor ? theme.selection : undefined} bold={isCursor}>
					{isCursor ? '›' : ' '}
					{isSelected ? '✓' : ' '}
				</Text>
				<Text dimColor={!isCursor}>{id}</Text>
				<Text color={theme.status[ticket.status]}>{status}</Text>
				<Text color={isBreached(ticket, now) ? theme.danger : theme.muted}>{sla} </Text>
				{cells.map((cell) => (
					<Text
						key={cell.column}
						color={cell.column === 'priority' && ticket.priority === 'urgent' ? theme.danger : theme.muted}
					>
						{cell.text}
					</Text>
				))}
				<Text color={isChanged ? theme.warning : theme.accent}>{isChanged ? '•' : hasDraft ? '✎' : ' '}</Text>
				<Text inverse={isCursor && isFocused} bold={isCursor}>
					{subject}
				</Text>
			</Text>
		</Box>
	);
});
