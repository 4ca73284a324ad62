import {Box, Text} from 'ink';
import {toDisplayLine} from '../../text/display-text.js';
import {theme} from '../theme.js';
import {fitLine} from '../wrap.js';

const overlayTitles: Readonly<Record<string, string>> = {
	status: 'Set status',
	assign: 'Assign',
	tags: 'Tags',
	escalate: 'Escalate',
	followUp: 'Follow-up',
	merge: 'Merge',
	forward: 'Forward',
};

/** The right pane's title: the screen covering it and its tickets, or the ticket shown and how far it is read. */
export function rightTitleOf(
	mode: {readonly kind: string; readonly targets?: readonly {id: string}[]; readonly ticket?: {id: string}},
	shownId: string | null,
	focus: 'queue' | 'thread',
	read: {readonly seen: number; readonly total: number},
): string {
	const overlay = overlayTitles[mode.kind];
	if (overlay !== undefined) {
		const {targets, ticket} = mode;
		const about = targets
			? targets.length === 1
				? `#${targets[0]?.id}`
				: `${targets.length} tickets`
			: ticket
				? `#${ticket.id}`
				: '';
		return about === '' ? overlay : `${overlay} · ${about}`;
	}
	if (shownId === null) return 'Ticket';
	const percent = read.total > read.seen ? ` · ${Math.min(100, Math.round((read.seen / read.total) * 100))}%` : '';
	return `${focus === 'thread' ? 'Ticket' : 'Preview'} #${shownId}${percent}`;
}

type Props = {
	readonly left: string;
	readonly right: string;
	readonly focus: 'left' | 'right' | 'none';
	readonly leftWidth: number;
	readonly rightWidth: number;
};

/** One line over the two panes naming each; the one the keys drive is lit, so focus is never a guess. */
export function PaneTitles({left, right, focus, leftWidth, rightWidth}: Props) {
	const title = (text: string, width: number, isFocused: boolean) => (
		<Text inverse={isFocused} bold={isFocused} color={isFocused ? theme.accent : theme.muted}>
			{fitLine(` ${toDisplayLine(text)}${isFocused ? ' ●' : ''}`, width)}
		</Text>
	);
	return (
		<Box height={1} width={leftWidth + 1 + rightWidth}>
			{title(left, leftWidth, focus === 'left')}
			<Text color={focus === 'right' ? theme.accent : theme.border}>│</Text>
			{title(right, rightWidth, focus === 'right')}
		</Box>
	);
}
