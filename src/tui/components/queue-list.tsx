import {Box, Text} from 'ink';
import {useRef} from 'react';
import type {Ticket} from '../../domain/ticket.js';
import {queueColumns} from '../queue-columns.js';
import {theme} from '../theme.js';
import {TicketRow} from './ticket-row.js';

type Props = {
	readonly tickets: readonly Ticket[];
	readonly cursor: number;
	readonly selected: ReadonlySet<string>;
	readonly width: number;
	readonly height: number;
	readonly now: Date;
	readonly isFocused: boolean;
	/** Tickets with an unsent draft of the agent's. */
	readonly drafts: ReadonlySet<string>;
	/** Tickets that changed since the agent looked at them. */
	readonly changed: ReadonlySet<string>;
};

/** The first row shown so the cursor stays in view, roughly centred: no state, so any jump lands right. */
export function windowStart(cursor: number, count: number, height: number): number {
	return Math.max(0, Math.min(cursor - Math.floor(height / 2), count - height));
}

/**
 * The first row shown: the window moves only when the cursor would leave it, so a step redraws two rows, not all
 * of them (with incremental rendering that is what goes to the terminal).
 */
export function scrolledStart(previous: number, cursor: number, count: number, height: number): number {
	const start = cursor < previous ? cursor : cursor >= previous + height ? cursor - height + 1 : previous;
	return Math.max(0, Math.min(start, count - height));
}

/** The queue, virtualised: only the rows that fit are rendered, so 10,000 tickets cost what 30 do. */
export function QueueList({tickets, cursor, selected, width, height, now, isFocused, drafts, changed}: Props) {
	const top = useRef(0);
	if (tickets.length === 0) {
		return (
			<Box width={width} height={height}>
				<Text color={theme.muted}>No tickets match. / to change the filter, g to refresh.</Text>
			</Box>
		);
	}
	const start = scrolledStart(top.current, cursor, tickets.length, height);
	top.current = start;
	const visible = tickets.slice(start, start + height);
	const idWidth = 2 + Math.min(12, Math.max(...visible.map((ticket) => ticket.id.length)));
	const statusWidth = width >= 60 ? 8 : 5;
	const columns = queueColumns(width, 2 + idWidth + statusWidth + 6 + 1);
	return (
		<Box flexDirection="column" width={width} height={height}>
			{visible.map((ticket, offset) => (
				<TicketRow
					key={ticket.id}
					ticket={ticket}
					width={width}
					now={now}
					isCursor={start + offset === cursor}
					isSelected={selected.has(ticket.id)}
					isFocused={isFocused}
					idWidth={idWidth}
					columns={columns}
					hasDraft={drafts.has(ticket.id)}
					isChanged={changed.has(ticket.id)}
				/>
			))}
		</Box>
	);
}
