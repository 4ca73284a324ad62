import {Box, Text} from 'ink';
import {toDisplayLine} from '../../text/display-text.js';
import {plural} from '../format.js';
import {theme} from '../theme.js';
import type {PaneLine} from '../thread-lines.js';
import {PaneLineView} from './pane-line.js';

export type TicketPaneContent =
	| {readonly kind: 'none'}
	| {readonly kind: 'loading'}
	| {readonly kind: 'failed'; readonly message: string}
	| {readonly kind: 'ready'; readonly lines: readonly PaneLine[]};

type Props = {
	readonly content: TicketPaneContent;
	readonly scroll: number;
	readonly width: number;
	readonly height: number;
	readonly isFocused: boolean;
};

/** The open ticket: a window of `height` lines from `scroll`, with a hint when more lines follow. */
export function TicketPane({content, scroll, width, height, isFocused}: Props) {
	if (content.kind !== 'ready') {
		const text =
			content.kind === 'none'
				? 'No ticket to show.'
				: content.kind === 'loading'
					? 'Loading the ticket…'
					: `Could not load the ticket: ${toDisplayLine(content.message)} (g to try again)`;
		return (
			<Box width={width} height={height}>
				<Text color={content.kind === 'failed' ? theme.danger : theme.muted}>{text}</Text>
			</Box>
		);
	}
	const below = Math.max(0, content.lines.length - scroll - height);
	const shown = content.lines.slice(scroll, scroll + (below > 0 ? height - 1 : height));
	return (
		<Box flexDirection="column" width={width} height={height}>
			{shown.map((line) => (
				<PaneLineView key={line.key} line={line} width={width} />
			))}
			{below > 0 ? (
				<Text color={isFocused ? theme.accent : theme.muted}>
					↓ {plural(below + 1, 'more line')} {isFocused ? '(j/k, PgDn)' : '(tab or J/K to scroll)'}
				</Text>
			) : null}
		</Box>
	);
}
