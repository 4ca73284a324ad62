import {Box, Text} from 'ink';
import {useState} from 'react';
import {messageOf} from '../../errors.js';
import {toDisplayLine} from '../../text/display-text.js';
import type {Flash} from '../components/hint-line.js';
import {useAsync} from '../hooks/use-async.js';
import {useLeaving, useLiveState} from '../hooks/use-live-state.js';
import {actionOf} from '../keymap.js';
import {useKeys} from '../keys.js';
import {useServices} from '../services.js';
import {colorOf, theme} from '../theme.js';
import {fitLine} from '../wrap.js';

type Props = {
	readonly onClose: (changed: boolean) => void;
	/** Enter: leave the pane and open the follow-up's ticket. */
	readonly onOpen: (ticketId: string) => void;
	readonly width: number;
	readonly height: number;
};

/** Tomorrow 09:00 in the agent's time zone: what "snooze" means. */
export function tomorrowMorning(now: Date, timeZone: string): Date {
	// The zone's offset now, then 09:00 of the zone's next day as an instant.
	const wall = new Date(now.toLocaleString('en-US', {timeZone}));
	const offsetMs = wall.getTime() - new Date(now.toLocaleString('en-US', {timeZone: 'UTC'})).getTime();
	const day = new Date(wall);
	day.setDate(day.getDate() + 1);
	return new Date(Date.UTC(day.getFullYear(), day.getMonth(), day.getDate(), 9, 0, 0) - offsetMs);
}

/** `Thu 14:05`, in the agent's time zone. */
function localWhen(iso: string, timeZone: string): string {
	return new Date(iso).toLocaleString('en-GB', {
		weekday: 'short',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZone,
	});
}

/**
 * `F`: the follow-ups due today or overdue; enter opens the ticket, d marks done, z snoozes to tomorrow 09:00. With a
 * team store, t switches between the agent's own (given to them) and the whole team's, with whom each is for.
 */
export function FollowUpsScreen({onClose, onOpen, width, height}: Props) {
	const services = useServices();
	const team = services.session.teamStore === true;
	const [view, setView, readView] = useLiveState<'mine' | 'team'>('mine');
	const [revision, setRevision] = useState(0);
	const {state} = useAsync(() => services.listDueFollowUps(view), [services, revision, view]);
	const [cursor, setCursor, readCursor] = useLiveState(0);
	const {leave, hasLeft} = useLeaving();
	const [notice, setNotice] = useState<Flash | null>(null);
	const [changed, setChanged] = useState(false);
	const items = state.kind === 'ready' ? state.value : [];
	const item = items[Math.min(cursor, items.length - 1)];
	const now = services.now();

	const settle = (work: Promise<void>, done: Flash) =>
		work.then(
			() => {
				setNotice(done);
				setChanged(true);
				setRevision((value) => value + 1);
			},
			(error: unknown) => setNotice({text: messageOf(error), tone: 'danger'}),
		);
	useKeys((input, key) => {
		if (hasLeft()) return 'later';
		const cursor = readCursor();
		const item = items[Math.min(cursor, items.length - 1)];
		const move = actionOf(['listUp', 'listDown', 'up', 'down'], input, key);
		if (move === 'listUp' || move === 'up') return setCursor(Math.max(0, cursor - 1));
		if (move === 'listDown' || move === 'down') return setCursor(Math.max(0, Math.min(items.length - 1, cursor + 1)));
		if (key.escape || input === 'q' || input === 'F') return leave(() => onClose(changed));
		if (input === 't' && team) {
			setCursor(0);
			setNotice(null);
			return setView(readView() === 'mine' ? 'team' : 'mine');
		}
		if (item === undefined) return;
		if (key.return) {
			const id = item.ticketId;
			if (id === null) return setNotice({text: 'This follow-up is about a customer, not a ticket.', tone: 'muted'});
			return leave(() => onOpen(id));
		}
		if (input === 'd') return void settle(services.completeFollowUp(item.id), {text: 'Done.', tone: 'ok'});
		if (input === 'z') {
			const until = tomorrowMorning(now, services.session.timeZone);
			return void settle(services.snoozeFollowUp(item.id, until.toISOString()), {
				text: `Snoozed to ${localWhen(until.toISOString(), services.session.timeZone)}.`,
				tone: 'muted',
			});
		}
	});

	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold>
				Follow-ups due today and overdue
				{team ? (view === 'mine' ? ' · mine (t: the team’s)' : ' · the team’s (t: mine)') : ''}
			</Text>
			{state.kind === 'loading' ? <Text color={theme.muted}>Reading your follow-ups…</Text> : null}
			{state.kind === 'failed' ? (
				<Text color={theme.danger}>Could not read the follow-ups: {toDisplayLine(state.message)}</Text>
			) : null}
			{state.kind === 'ready' && items.length === 0 ? <Text color={theme.ok}>Nothing due. Well done.</Text> : null}
			{items.slice(0, Math.max(1, height - 3)).map((entry, index) => {
				const overdue = Date.parse(entry.dueAt) <= now.getTime();
				return (
					<Text key={entry.id} inverse={entry === item} wrap="truncate-end">
						{index === cursor ? '›' : ' '}
						<Text color={overdue ? theme.danger : theme.warning}>
							{fitLine(` ${localWhen(entry.dueAt, services.session.timeZone)}`, 11)}
						</Text>
						{fitLine(
							entry.ticketId === null ? toDisplayLine(entry.customerEmail ?? '') : `#${toDisplayLine(entry.ticketId)}`,
							9,
						)}
						{view === 'team' ? (
							<Text color={theme.muted}>
								{fitLine(`→ ${toDisplayLine(entry.assignee ?? entry.agent ?? 'anyone')}`, 22)}
							</Text>
						) : null}
						{toDisplayLine(entry.note ?? '')}
					</Text>
				);
			})}
			<Box flexGrow={1} />
			<Text wrap="truncate-end" color={notice ? colorOf(notice.tone) : theme.muted}>
				{notice
					? toDisplayLine(notice.text)
					: `↑↓ choose · enter open the ticket · d done · z snooze to tomorrow 09:00${team ? ' · t mine/team' : ''} · esc back`}
			</Text>
		</Box>
	);
}
