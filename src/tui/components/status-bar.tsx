import {Box, Text} from 'ink';
import {formatClock, plural} from '../format.js';
import type {StatusCounts} from '../services.js';
import {theme} from '../theme.js';

type Props = {
	readonly profileName: string;
	readonly queueSize: number | null;
	readonly breached: number;
	readonly selectedCount: number;
	/** null while loading or when the counts could not be read. */
	readonly counts: StatusCounts | null;
	readonly isRefreshing: boolean;
	/** When the queue was last loaded; shown in the agent's time zone (needed with it). */
	readonly refreshedAt: Date | null;
	readonly timeZone: string | undefined;
	readonly width: number;
};

/** The bottom line: profile, queue size, SLA breaches, follow-ups due, replies today, outbox when it holds anything. */
export function StatusBar({
	profileName,
	queueSize,
	breached,
	selectedCount,
	counts,
	isRefreshing,
	refreshedAt,
	timeZone,
	width,
}: Props) {
	return (
		<Box width={width} height={1}>
			<Text wrap="truncate-end">
				<Text inverse bold>
					{` ${profileName} `}
				</Text>
				<Text> {queueSize === null ? 'loading…' : plural(queueSize, 'ticket')}</Text>
				{breached > 0 ? <Text color={theme.danger}> · {breached} SLA breached</Text> : null}
				{selectedCount > 0 ? <Text color={theme.accent}> · {selectedCount} selected</Text> : null}
				{counts && counts.dueFollowUps > 0 ? (
					<Text color={theme.warning}> · {plural(counts.dueFollowUps, 'follow-up')} due</Text>
				) : null}
				{counts ? <Text> · {plural(counts.repliesToday, 'reply')} today</Text> : null}
				{counts && counts.outbox > 0 ? <Text color={theme.danger}> · outbox {counts.outbox}</Text> : null}
				{isRefreshing ? (
					<Text color={theme.muted}> · refreshing</Text>
				) : refreshedAt && timeZone ? (
					<Text color={theme.muted}> · as of {formatClock(refreshedAt, timeZone)}</Text>
				) : null}
				<Text color={theme.muted}> · ? help</Text>
			</Text>
		</Box>
	);
}
