import {Box, Text} from 'ink';
import type {DashboardSelection} from '../../services/dashboard.js';
import {toDisplayLine} from '../../text/display-text.js';
import {DashboardBoard} from '../components/dashboard-board.js';
import {DashboardTickets} from '../components/dashboard-tickets.js';
import {type BoardItem, boardItems, type DashboardServices, moveSelection, scrollTop} from '../dashboard-model.js';
import {formatClock} from '../format.js';
import {useAsync} from '../hooks/use-async.js';
import {useDashboard} from '../hooks/use-dashboard.js';
import {useLiveState} from '../hooks/use-live-state.js';
import {actionOf} from '../keymap.js';
import {useKeys} from '../keys.js';
import {theme} from '../theme.js';

type Props = {
	readonly services: DashboardServices;
	readonly width: number;
	readonly height: number;
	readonly onQuit: () => void;
};

type Opened = {readonly selection: DashboardSelection; readonly title: string};

function titleOf(item: Exclude<BoardItem, {kind: 'title'}>): string {
	if (item.kind === 'total') return item.label;
	return `${item.selection.kind === 'group' ? 'Group' : 'Agent'} ${toDisplayLine(item.row.key)}: unsolved tickets`;
}

/** csr dashboard: the live board, and the tickets behind a number (enter), back with q or esc. */
export function DashboardScreen({services, width, height, onQuit}: Props) {
	const {state, reload} = useDashboard(services);
	// Live state: a key read before the re-render acts on what the previous key did (held ↓, a burst of keys).
	const [selected, setSelected, readSelected] = useLiveState(0);
	const [top, setTop, readTop] = useLiveState(0);
	const [opened, setOpened, readOpened] = useLiveState<Opened | null>(null);
	const [ticketIndex, setTicketIndex, readTicketIndex] = useLiveState(0);
	const list = useAsync(opened === null ? null : (signal) => services.tickets(opened.selection, signal), [
		opened,
		services,
	]);
	const items = state.kind === 'ready' ? boardItems(state.value) : [];
	useKeys((input, key) => {
		const action = actionOf(['up', 'down', 'open', 'back', 'quit', 'refresh'], input, key);
		const isOpen = readOpened() !== null;
		if (action === 'quit' || (action === 'back' && !isOpen)) onQuit();
		else if (action === 'back') setOpened(null);
		else if (action === 'refresh') reload({quiet: true});
		else if (isOpen) {
			const count = list.state.kind === 'ready' ? list.state.value.length : 0;
			const index = readTicketIndex();
			if (action === 'up') setTicketIndex(Math.max(0, index - 1));
			if (action === 'down') setTicketIndex(Math.min(Math.max(0, count - 1), index + 1));
		} else if (action === 'up' || action === 'down') {
			const next = moveSelection(items, Math.min(readSelected(), items.length - 1), action === 'up' ? -1 : 1);
			setSelected(next);
			// The board's list has the height less the title, key and summary lines (DashboardBoard).
			setTop(scrollTop(next, readTop(), Math.max(1, height - 5), items.length));
		} else if (action === 'open') {
			const item = items[readSelected()];
			if (item !== undefined && item.kind !== 'title') {
				setTicketIndex(0);
				setOpened({selection: item.selection, title: titleOf(item)});
			}
		}
	});
	const refreshedAt = state.kind === 'ready' ? new Date(state.value.at) : null;
	const every = services.intervalMs > 0 ? ` · every ${Math.round(services.intervalMs / 1000)}s` : '';
	const help = opened === null ? '↑↓ select · enter tickets · g refresh · q quit' : '↑↓ move · q/esc back · g refresh';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate-end">
				<Text inverse bold>{` ${services.profileName} `}</Text>
				<Text> dashboard</Text>
				{refreshedAt === null || state.kind !== 'ready' ? null : (
					<Text> · as of {formatClock(refreshedAt, state.value.timeZone)}</Text>
				)}
				<Text color={theme.muted}>{every}</Text>
				{state.kind === 'ready' && state.refreshing ? <Text color={theme.muted}> · refreshing</Text> : null}
				{state.kind === 'ready' && state.value.warning !== null ? (
					<Text color={theme.warning}> · {toDisplayLine(state.value.warning)}</Text>
				) : null}
			</Text>
			<Box height={height - 2} flexDirection="column">
				{state.kind === 'loading' ? <Text color={theme.muted}>Syncing the desk…</Text> : null}
				{state.kind === 'failed' ? (
					<Text color={theme.danger}>Could not load the board: {toDisplayLine(state.message)} (g to retry)</Text>
				) : null}
				{state.kind === 'ready' && opened === null ? (
					<DashboardBoard
						dashboard={state.value}
						items={items}
						selected={selected}
						top={top}
						width={width}
						height={height - 2}
					/>
				) : null}
				{state.kind === 'ready' && opened !== null ? (
					<DashboardTickets
						title={opened.title}
						tickets={list.state.kind === 'ready' ? list.state.value : null}
						failure={list.state.kind === 'failed' ? list.state.message : null}
						selected={ticketIndex}
						now={new Date(state.value.at)}
						width={width}
						height={height - 2}
					/>
				) : null}
			</Box>
			<Text color={theme.muted} wrap="truncate-end">
				{help}
			</Text>
		</Box>
	);
}
