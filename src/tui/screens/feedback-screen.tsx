import {Box, Text} from 'ink';
import {useState} from 'react';
import type {FeedbackItem} from '../../services/feedback.js';
import {toDisplayLine, toDisplayText} from '../../text/display-text.js';
import {useAsync} from '../hooks/use-async.js';
import {useLeaving, useLiveState} from '../hooks/use-live-state.js';
import {actionOf} from '../keymap.js';
import {useKeys} from '../keys.js';
import {useServices} from '../services.js';
import {theme} from '../theme.js';
import {fitLine, wrapText} from '../wrap.js';

type Props = {
	readonly onClose: () => void;
	/** Enter: leave the pane and open the answer's ticket. */
	readonly onOpen: (ticketId: string) => void;
	readonly width: number;
	readonly height: number;
};

/** `bad 2026-11-19`, `NPS 3`, `CES 2`: what the customer said, short. */
function scoreLabel(item: FeedbackItem): string {
	if (item.kind === 'bad') return 'bad CSAT';
	return `${item.kind === 'detractor' ? 'NPS' : 'CES'} ${item.score}`;
}

function localDay(iso: string, timeZone: string): string {
	return new Date(iso).toLocaleString('en-GB', {day: '2-digit', month: 'short', timeZone});
}

/**
 * `B`: what customers said went badly (bad CSAT ratings, NPS detractors, hard CES answers) with their comment, the
 * ticket, channel and agent; enter opens the ticket. Every desk text is sanitised.
 */
export function FeedbackScreen({onClose, onOpen, width, height}: Props) {
	const services = useServices();
	const {state} = useAsync(
		async (signal: AbortSignal) => (services.listFeedback ? services.listFeedback(signal) : null),
		[services],
	);
	const [cursor, setCursor, readCursor] = useLiveState(0);
	const {leave, hasLeft} = useLeaving();
	const [notice, setNotice] = useState<string | null>(null);
	const items = state.kind === 'ready' ? (state.value ?? []) : [];
	const item = items[Math.min(cursor, items.length - 1)];
	const zone = services.session.timeZone;

	useKeys((input, key) => {
		if (hasLeft()) return 'later';
		const cursor = readCursor();
		const item = items[Math.min(cursor, items.length - 1)];
		const move = actionOf(['listUp', 'listDown', 'up', 'down'], input, key);
		if (move === 'listUp' || move === 'up') return setCursor(Math.max(0, cursor - 1));
		if (move === 'listDown' || move === 'down') return setCursor(Math.max(0, Math.min(items.length - 1, cursor + 1)));
		if (key.escape || input === 'q' || input === 'B') return leave(onClose);
		if (item === undefined || !key.return) return;
		const id = item.ticketId;
		if (id === null) return setNotice('This answer is not linked to a ticket.');
		return leave(() => onOpen(id));
	});

	const listRows = Math.max(1, Math.min(items.length, Math.floor((height - 4) / 2)));
	const first = Math.max(0, Math.min(cursor - listRows + 1, items.length - listRows));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold>Feedback to act on: bad CSAT, NPS detractors, hard CES (last 7 days)</Text>
			{state.kind === 'loading' ? <Text color={theme.muted}>Reading ratings and survey answers…</Text> : null}
			{state.kind === 'failed' ? (
				<Text color={theme.danger}>Could not read the feedback: {toDisplayLine(state.message)}</Text>
			) : null}
			{state.kind === 'ready' && state.value === null ? (
				<Text color={theme.muted}>This desk gives csr no ratings or survey answers.</Text>
			) : null}
			{state.kind === 'ready' && state.value !== null && items.length === 0 ? (
				<Text color={theme.ok}>No bad ratings, detractors or hard answers in the last 7 days.</Text>
			) : null}
			{items.slice(first, first + listRows).map((entry) => (
				<Text key={entry.id} inverse={entry === item} wrap="truncate-end">
					{entry === item ? '›' : ' '}
					<Text color={theme.danger}>{fitLine(` ${scoreLabel(entry)}`, 10)}</Text>
					{fitLine(localDay(entry.at, zone), 8)}
					{fitLine(entry.ticketId === null ? '–' : `#${toDisplayLine(entry.ticketId)}`, 9)}
					{fitLine(toDisplayLine(entry.channel ?? ''), 8)}
					{fitLine(toDisplayLine(entry.agent ?? 'unassigned'), 16)}
					{toDisplayLine(entry.comment ?? '(no comment)')}
				</Text>
			))}
			{item ? (
				<Box flexDirection="column" marginTop={1}>
					<Text color={theme.muted} wrap="truncate-end">
						{toDisplayLine(
							`${item.customerEmail ?? 'customer unknown'} · ${item.subject ?? 'no subject'} · ${item.agent ?? 'unassigned'}`,
						)}
					</Text>
					{wrapText(toDisplayText(item.comment ?? '(no comment)'), width)
						.slice(0, Math.max(1, height - listRows - 5))
						.map((line, index) => (
							// biome-ignore lint/suspicious/noArrayIndexKey: lines of one comment, by position.
							<Text key={index}>{line || ' '}</Text>
						))}
				</Box>
			) : null}
			<Box flexGrow={1} />
			<Text wrap="truncate-end" color={theme.muted}>
				{notice ?? '↑↓ choose · enter open the ticket · esc back   (csr feedback --followup 1d: a callback for each)'}
			</Text>
		</Box>
	);
}
