import {Box, Text} from 'ink';
import type {Ticket} from '../../domain/ticket.js';
import {toDisplayLine} from '../../text/display-text.js';
import {theme} from '../theme.js';
import {QueueList} from './queue-list.js';

type Props = {
	/** null while loading; the reason when the queue could not be loaded. */
	readonly tickets: readonly Ticket[] | null;
	readonly failure: string | null;
	readonly cursor: number;
	readonly selected: ReadonlySet<string>;
	readonly width: number;
	readonly height: number;
	readonly now: Date;
	readonly isFocused: boolean;
	/** The thread has the focus: the divider lights up on its side. */
	readonly isThreadFocused: boolean;
	/** Tickets with an unsent draft of the agent's. */
	readonly drafts: ReadonlySet<string>;
	/** Tickets that changed since the agent looked at them. */
	readonly changed: ReadonlySet<string>;
};

/** The left pane: the queue, or why it is not there yet; then the divider, bright when the thread has the focus. */
export function QueuePane({
	tickets,
	failure,
	cursor,
	selected,
	width,
	height,
	now,
	isFocused,
	isThreadFocused,
	drafts,
	changed,
}: Props) {
	return (
		<>
			{tickets !== null ? (
				<QueueList
					tickets={tickets}
					cursor={cursor}
					selected={selected}
					width={width}
					height={height}
					now={now}
					isFocused={isFocused}
					drafts={drafts}
					changed={changed}
				/>
			) : (
				<Box width={width} height={height}>
					<Text color={failure === null ? theme.muted : theme.danger} wrap="wrap">
						{failure === null
							? 'Loading the queue…'
							: `Could not load the queue: ${toDisplayLine(failure)} (g to try again)`}
					</Text>
				</Box>
			)}
			<Box width={1} height={height} flexDirection="column">
				<Text color={isThreadFocused ? theme.accent : theme.border}>{'│\n'.repeat(height).trimEnd()}</Text>
			</Box>
		</>
	);
}
