import {Box, Text} from 'ink';
import {memo} from 'react';
import type {Ticket, TicketStatus} from '../../domain/ticket.js';
import {toDisplayLine} from '../../text/display-text.js';
import {formatSla, isBreached} from '../format.js';
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
};

/** One queue line: cursor, selection mark, id, status, SLA countdown (red when breached), subject. */
export const TicketRow = memo(function TicketRow({
	ticket,
	width,
	now,
	isCursor,
	isSelected,
	isFocused,
	idWidth,
}: Props) {
	const wide = width >= 60;
	const statusWidth = wide ? 8 : 5;
	const status = fitLine(wide ? ticket.status : shortStatus[ticket.status], statusWidth);
	const sla = fitLine(formatSla(ticket, now), 5);
	const id = fitLine(`#${toDisplayLine(ticket.id)}`, idWidth);
	const subjectWidth = Math.max(1, width - 2 - id.length - statusWidth - 6);
	const subject = fitLine(toDisplayLine(ticket.subject) || '(no subject)', subjectWidth);
	return (
		<Box width={width} height={1}>
			<Text color={isCursor ? theme.selection : undefined} bold={isCursor}>
				{isCursor ? '›' : ' '}
				{isSelected ? '✓' : ' '}
			</Text>
			<Text dimColor={!isCursor}>{id}</Text>
			<Text color={theme.status[ticket.status]}>{status}</Text>
			<Text color={isBreached(ticket, now) ? theme.danger : theme.muted}>{sla} </Text>
			<Text inverse={isCursor && isFocused} bold={isCursor}>
				{subject}
			</Text>
		</Box>
	);
});
