import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {theme} from '../theme.js';
import {contextLines} from '../thread-lines.js';
import {TicketPane, type TicketPaneContent} from './ticket-pane.js';

/** The workstation's panes: queue and ticket side by side, the rows between the filter line and the bars. */
export function workstationLayout(width: number, height: number) {
	// A wide screen gives the queue room for more columns (priority, requester, updated, channel, assignee).
	const queueWidth = Math.max(
		28,
		width >= 140 ? Math.min(100, Math.floor(width * 0.5)) : Math.min(64, Math.floor(width * 0.42)),
	);
	// Filter line, pane titles, key bar and status bar around the panes; screens that cover both get the titles' row.
	const bodyHeight = Math.max(3, height - 4);
	return {
		queueWidth,
		paneWidth: Math.max(10, width - queueWidth - 1),
		bodyHeight,
		compose: composeLayout(width, bodyHeight + 1),
	};
}

/** Where the composer and the conversation go: side by side from 120 columns, the conversation above below that. */
export function composeLayout(width: number, height: number) {
	const side = width >= 120;
	const contextWidth = side ? Math.max(36, Math.floor(width * 0.38)) : width;
	// Stacked, a rule separates the two: it is counted in the conversation's share.
	const contextHeight = side ? height : Math.max(4, Math.floor(height * 0.4));
	return {
		side,
		contextWidth,
		contextLinesHeight: side ? contextHeight : contextHeight - 1,
		composeWidth: side ? width - contextWidth - 1 : width,
		composeHeight: side ? height : height - contextHeight,
	};
}

type Props = {
	readonly layout: ReturnType<typeof composeLayout>;
	readonly composer: ReactNode;
	/** The ticket's thread lines, built for `layout.contextWidth`. */
	readonly content: TicketPaneContent;
	readonly width: number;
	readonly height: number;
};

/** The composer with the ticket's subject, SLA, tags and last messages in view, so nobody answers it unseen. */
export function ComposeLayout({layout, composer, content, width, height}: Props) {
	const {side} = layout;
	return (
		<Box height={height} flexDirection={side ? 'row' : 'column-reverse'}>
			<Box width={layout.composeWidth} height={layout.composeHeight}>
				{composer}
			</Box>
			<Box width={side ? 1 : width} height={side ? height : 1} flexDirection="column">
				<Text color={theme.border}>{side ? '│\n'.repeat(height).trimEnd() : '─'.repeat(width)}</Text>
			</Box>
			<TicketPane
				content={
					content.kind === 'ready'
						? {kind: 'ready', lines: contextLines(content.lines, layout.contextLinesHeight)}
						: content
				}
				scroll={0}
				width={layout.contextWidth}
				height={layout.contextLinesHeight}
				isFocused={false}
			/>
		</Box>
	);
}
