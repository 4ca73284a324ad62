import {Box, Text} from 'ink';
import {useState} from 'react';
import {messageOf} from '../../errors.js';
import {toDisplayLine, toDisplayText} from '../../text/display-text.js';
import type {Flash} from '../components/hint-line.js';
import {useAsync} from '../hooks/use-async.js';
import {useLeaving, useLiveState} from '../hooks/use-live-state.js';
import {actionOf} from '../keymap.js';
import {useKeys} from '../keys.js';
import {useServices} from '../services.js';
import {colorOf, theme} from '../theme.js';
import {fitLine, wrapText} from '../wrap.js';

type Props = {
	/** Closes the pane; `changed` when something was sent or dropped (the queue and counts are read again). */
	readonly onClose: (changed: boolean) => void;
	readonly width: number;
	readonly height: number;
};

/** `O`: what the outbox keeps, why, and R to send it again or D (twice) to drop it. */
export function OutboxScreen({onClose, width, height}: Props) {
	const services = useServices();
	const [revision, setRevision] = useState(0);
	const {state} = useAsync(() => services.listOutbox(), [services, revision]);
	const [cursor, setCursor, readCursor] = useLiveState(0);
	const {leave, hasLeft} = useLeaving();
	const [notice, setNotice] = useState<Flash | null>(null);
	const [, setBusy, readBusy] = useLiveState(false);
	const [, setDropArmed, readDropArmed] = useLiveState<string | null>(null);
	const [changed, setChanged] = useState(false);
	const items = state.kind === 'ready' ? state.value : [];
	const item = items[Math.min(cursor, items.length - 1)];

	const after = (flash: Flash) => {
		setNotice(flash);
		setBusy(false);
		setChanged(true);
		setRevision((value) => value + 1);
	};
	useKeys((input, key) => {
		if (hasLeft()) return 'later';
		if (readBusy()) return;
		const cursor = readCursor();
		const item = items[Math.min(cursor, items.length - 1)];
		const move = actionOf(['listUp', 'listDown', 'up', 'down'], input, key);
		if (move === 'listUp' || move === 'up') return setCursor(Math.max(0, cursor - 1));
		if (move === 'listDown' || move === 'down') return setCursor(Math.max(0, Math.min(items.length - 1, cursor + 1)));
		if (key.escape || input === 'q' || input === 'O') return leave(() => onClose(changed));
		if (item === undefined) return;
		if (input === 'R') {
			setBusy(true);
			setDropArmed(null);
			setNotice({text: `Sending the ${item.action} to #${item.ticketId} again…`, tone: 'muted'});
			services.retryOutbox(item.id).then(
				(result) =>
					after(
						result.result === 'sent' || result.result === 'skipped'
							? {text: `Delivered to #${item.ticketId}; it left the outbox.`, tone: 'ok'}
							: result.result === 'queued'
								? {
										text: `Still not delivered: ${result.reason ?? 'the desk did not answer'}. Kept here.`,
										tone: 'warning',
									}
								: {
										text: `Not sent to #${item.ticketId}: ${result.reason ?? 'unknown error'}. Kept here.`,
										tone: 'danger',
									},
					),
				(error: unknown) => after({text: messageOf(error), tone: 'danger'}),
			);
			return;
		}
		if (input === 'D') {
			if (readDropArmed() !== item.id) {
				setDropArmed(item.id);
				return setNotice({text: `D again drops the ${item.action} to #${item.ticketId} unsent.`, tone: 'warning'});
			}
			setDropArmed(null);
			setBusy(true);
			services.dropOutbox(item.id).then(
				() => after({text: `Dropped the ${item.action} to #${item.ticketId}; it will not be sent.`, tone: 'muted'}),
				(error: unknown) => after({text: messageOf(error), tone: 'danger'}),
			);
		}
	});

	const listRows = Math.max(1, Math.min(items.length, Math.floor((height - 4) / 2)));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold>Outbox: messages the desk could not take yet</Text>
			{state.kind === 'loading' ? <Text color={theme.muted}>Reading the outbox…</Text> : null}
			{state.kind === 'failed' ? (
				<Text color={theme.danger}>Could not read the outbox: {toDisplayLine(state.message)}</Text>
			) : null}
			{state.kind === 'ready' && items.length === 0 ? (
				<Text color={theme.ok}>The outbox is empty: everything was delivered.</Text>
			) : null}
			{items.slice(0, listRows).map((entry, index) => (
				<Text key={entry.id} inverse={entry === item} wrap="truncate-end">
					{fitLine(
						`${index === cursor ? '›' : ' '} #${toDisplayLine(entry.ticketId)} ${entry.action} · ${entry.attempts} ${entry.attempts === 1 ? 'try' : 'tries'} · ${toDisplayLine(entry.why ?? 'not tried yet')}`,
						width,
					)}
				</Text>
			))}
			{item ? (
				<Box flexDirection="column" marginTop={1}>
					<Text color={theme.muted}>Why: {toDisplayLine(item.why ?? 'not tried yet')}</Text>
					{wrapText(toDisplayText(item.body), width)
						.slice(0, Math.max(1, height - listRows - 5))
						.map((line, index) => (
							// biome-ignore lint/suspicious/noArrayIndexKey: lines of one message, by position.
							<Text key={index}>{line || ' '}</Text>
						))}
				</Box>
			) : null}
			<Box flexGrow={1} />
			<Text wrap="truncate-end" color={notice ? colorOf(notice.tone) : theme.muted}>
				{notice ? toDisplayLine(notice.text) : '↑↓ choose · R send again · D drop · esc back'}
			</Text>
		</Box>
	);
}
