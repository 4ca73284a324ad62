import {Box} from 'ink';
import {useEffect, useMemo, useState} from 'react';
import type {Ticket} from '../../domain/ticket.js';
import {applyLocalFilter, parseFilter} from '../../services/queue-filter.js';
import {ComposeLayout, workstationLayout} from '../components/compose-layout.js';
import {FilterLine} from '../components/filter-line.js';
import {type Flash, HintLine} from '../components/hint-line.js';
import {PaneTitles, rightTitleOf} from '../components/pane-titles.js';
import {QueuePane} from '../components/queue-pane.js';
import {StatusBar} from '../components/status-bar.js';
import {TicketPane, type TicketPaneContent} from '../components/ticket-pane.js';
import {handleTimeSec, isBreached} from '../format.js';
import {useChanges} from '../hooks/use-changes.js';
import {useDraftIds} from '../hooks/use-draft.js';
import {useLiveReducer, useLiveState} from '../hooks/use-live-state.js';
import {useQueue} from '../hooks/use-queue.js';
import {useStatusCounts} from '../hooks/use-status-counts.js';
import {useThreadLines} from '../hooks/use-thread-lines.js';
import {useTicketThread} from '../hooks/use-ticket-thread.js';
import {useViews} from '../hooks/use-views.js';
import {barItems} from '../key-bar.js';
import {useKeys} from '../keys.js';
import {mainIntent, type TicketActionKind, whyNotHere} from '../main-keys.js';
import {isFullScreen, lineKey, type Mode} from '../mode.js';
import {useServices} from '../services.js';
import {foldTarget} from '../thread-lines.js';
import {cursorIn, initialWorkstationState, workstationReducer} from '../workstation-state.js';
import {ModeView} from './mode-view.js';

const emptyTickets: readonly Ticket[] = [];

/** The agent's day: queue left, ticket right, status bar below; every action a key away and confirmed. */
type Props = {
	readonly width: number;
	readonly height: number;
	/** Leaves the TUI (the agent quit, after confirming any unsent drafts). */
	readonly onQuit: () => void;
};

export function Workstation({width, height, onQuit}: Props) {
	const services = useServices();
	const {session} = services;
	// Live (read back before the next render): a key right after another acts on what that key did, not on the frame.
	const [state, dispatch, readState] = useLiveReducer(workstationReducer, initialWorkstationState);
	const [mode, setMode, readMode] = useLiveState<Mode>({kind: 'main'});
	const [flash, setFlash] = useState<Flash | null>(null);
	const [countsRevision, setCountsRevision] = useState(0);
	const [now, setNow] = useState(() => services.now());
	const parsed = useMemo(() => parseFilter(state.filter, session.baseQuery), [state.filter, session.baseQuery]);
	const query = parsed.ok ? parsed.query : session.baseQuery;
	const queue = useQueue(query, session.refreshSeconds);
	const counts = useStatusCounts(countsRevision).state;
	const draftIds = useDraftIds(countsRevision, mode.kind === 'compose');
	const loaded = queue.state.kind === 'ready' ? queue.state.value.tickets : emptyTickets;
	const local = parsed.ok ? parsed.local : undefined;
	const tickets = useMemo(() => applyLocalFilter(loaded, local, now, isBreached), [loaded, local, now]);
	const {views, reload: reloadViews} = useViews();
	const cursor = useMemo(() => cursorIn(tickets, state), [tickets, state]);
	const cursorTicket = tickets[cursor];
	// The right pane: the open ticket while the thread has the focus (or the composer works on it), else a preview of
	// the ticket under the cursor.
	const shownId =
		state.focus === 'thread' || mode.kind === 'compose'
			? (state.opened?.id ?? cursorTicket?.id ?? null)
			: (cursorTicket?.id ?? state.opened?.id ?? null);
	const shownVersion =
		shownId === null
			? null
			: ((cursorTicket?.id === shownId ? cursorTicket : tickets.find((ticket) => ticket.id === shownId))?.updatedAt ??
				null);
	const nextTicket = state.focus === 'queue' ? tickets[cursor + 1] : undefined;
	const thread = useTicketThread(shownId === null ? null : {id: shownId, version: shownVersion}, {
		next: nextTicket ? {id: nextTicket.id, version: nextTicket.updatedAt} : null,
	});

	const {queueWidth, paneWidth, bodyHeight, compose} = workstationLayout(width, height);
	const lines = useThreadLines(thread.state, {
		width: mode.kind === 'compose' ? compose.contextWidth : paneWidth,
		now,
		expanded: state.expanded,
		// Read only with a thread to show: the session resolves the time zone when first asked (Intl set-up).
		timeZone: thread.state.kind === 'ready' ? session.timeZone : 'UTC',
		revision: countsRevision,
	});
	const maxScroll = Math.max(0, lines.length - bodyHeight);
	const scroll = Math.min(state.scroll, maxScroll);
	const breached = useMemo(() => tickets.filter((ticket) => isBreached(ticket, now)).length, [tickets, now]);

	useEffect(() => {
		const timer = setInterval(() => setNow(services.now()), 30_000);
		return () => clearInterval(timer);
	}, [services]);
	// A new ticket list is a good moment to move the clock on (SLA countdowns).
	useEffect(() => {
		if (loaded.length > 0) setNow(services.now());
	}, [loaded, services]);

	const openTicket = thread.state.kind === 'ready' ? thread.state.value.ticket : undefined;
	const changes = useChanges(thread.state.kind === 'ready' ? thread.state.value : null, loaded);
	// The queue's last load (a quiet refresh included), for the status bar.
	const [refreshedAt, setRefreshedAt] = useState<Date | null>(null);
	useEffect(() => {
		if (loaded.length > 0 || queue.state.kind === 'ready') setRefreshedAt(services.now());
	}, [loaded, queue.state.kind, services]);
	/** The state after every key so far, with its cursor row and ticket (the frame may not show them yet). */
	const live = () => {
		const current = readState();
		const row = cursorIn(tickets, current);
		return {state: current, cursor: row, cursorTicket: tickets[row]};
	};
	/** The ticket an action is about: the open one when the thread has the focus, else the one under the cursor. */
	const currentTicket = (): Ticket | undefined => {
		const {state, cursorTicket} = live();
		return state.focus === 'thread' || openTicket?.id === cursorTicket?.id
			? (openTicket ?? cursorTicket)
			: cursorTicket;
	};
	const openedAt = (ticket: Ticket) => {
		const {opened} = readState();
		return opened?.id === ticket.id ? opened.atMs : services.now().getTime();
	};

	const refreshAll = (quiet: boolean) => {
		queue.reload({quiet});
		thread.reload();
		setCountsRevision((value) => value + 1);
	};
	/** After an action: its result on the hint line; a bulk run (`wasBulk`) clears the selection whatever happened. */
	const finishAction = (result: Flash | null, ticket?: Ticket, wasBulk = false) => {
		setMode({kind: 'main'});
		if (result === null) return;
		if (ticket) changes.acknowledge(ticket.id);
		setFlash(result);
		if (result.tone !== 'danger' || wasBulk) dispatch({type: 'clearSelection'});
		const at = ticket ? tickets.findIndex((item) => item.id === ticket.id) : -1;
		const next = tickets[at + 1] ?? tickets[at - 1];
		if (result.tone !== 'danger' && session.afterSend === 'next' && at >= 0 && next)
			dispatch({type: 'advance', to: at + 1 < tickets.length ? at + 1 : at - 1, id: next.id});
		else if (ticket && readState().opened?.id === ticket.id)
			dispatch({type: 'open', id: ticket.id, atMs: services.now().getTime(), restartClock: true});
		refreshAll(true);
	};
	const startAction = (action: TicketActionKind) => {
		const ticket = currentTicket();
		if (ticket === undefined) return setFlash({text: 'No ticket here.', tone: 'muted'});
		const {state} = live();
		// Selection means selection: every action works on the selected tickets when there are any.
		const targets = state.selected.size > 0 ? tickets.filter((item) => state.selected.has(item.id)) : [ticket];
		const [one] = targets;
		if (one === undefined) return;
		// The customer pane is about the ticket under the cursor (or open), whatever is selected.
		if (action === 'customer') return setMode({kind: 'customer', ticket});
		if (action === 'forward' && targets.length > 1)
			return setFlash({text: 'w forwards one ticket: esc clears the selection first.', tone: 'warning'});
		if ((action === 'reply' || action === 'note') && targets.length > 1)
			setMode({kind: 'bulkCompose', targets, isPublic: action === 'reply'});
		else if (action === 'reply' || action === 'note') {
			if (state.opened?.id !== one.id) dispatch({type: 'open', id: one.id, atMs: services.now().getTime()});
			setMode({kind: 'compose', ticket: one, isPublic: action === 'reply', openedAtMs: openedAt(one)});
		} else setMode({kind: action, targets});
	};
	/** Opens a ticket by id, moving the cursor to it when the queue has it. */
	const openById = (id: string) => {
		const at = tickets.findIndex((ticket) => ticket.id === id);
		if (at >= 0) dispatch({type: 'move', to: at, count: tickets.length, ids: (index) => tickets[index]?.id});
		dispatch({type: 'open', id, atMs: services.now().getTime()});
	};
	const requestQuit = () => {
		services.listDrafts().then(
			(drafts) => (drafts.length > 0 ? setMode({kind: 'quit', drafts}) : onQuit()),
			() => onQuit(),
		);
	};

	useKeys(
		(input, key) => {
			const mode = readMode();
			// The key before this one opened a screen that has not drawn yet: the key is that screen's.
			if (mode.kind !== 'main' && mode.kind !== 'filter' && mode.kind !== 'goto') return 'later';
			const {state, cursor, cursorTicket} = live();
			if (mode.kind === 'goto' || mode.kind === 'filter') {
				const line = lineKey(mode, input, key, (text) => {
					const check = parseFilter(text, session.baseQuery);
					return check.ok ? null : check.error;
				});
				if (line.kind === 'edit') return setMode(line.mode);
				if (line.kind === 'open') openById(line.id);
				else dispatch({type: 'filter', text: line.text, viewIndex: -1});
				return setMode({kind: 'main'});
			}
			const intent = mainIntent(input, key, {
				focus: state.focus,
				count: tickets.length,
				queuePage: Math.max(1, bodyHeight - 1),
				threadPage: Math.max(1, bodyHeight - 2),
				hasSelection: state.selected.size > 0,
			});
			if (intent === null) {
				const why = whyNotHere(input, key, state.focus);
				return why === null ? undefined : setFlash({text: why, tone: 'muted'});
			}
			if (intent.kind !== 'move' && intent.kind !== 'scroll') setFlash(null);
			const ids = (at: number) => tickets[at]?.id;
			switch (intent.kind) {
				case 'move':
					return dispatch({type: 'move', to: intent.to ?? cursor + (intent.by ?? 0), count: tickets.length, ids});
				case 'scroll':
					return dispatch({
						type: 'scroll',
						...(intent.to ? {to: intent.to === 'top' ? 0 : maxScroll} : {by: intent.by ?? 0}),
						max: maxScroll,
					});
				case 'focus':
					return dispatch({type: 'focus', focus: intent.focus});
				case 'open':
					if (cursorTicket) dispatch({type: 'open', id: cursorTicket.id, atMs: services.now().getTime()});
					return;
				case 'select':
					if (cursorTicket) dispatch({type: 'toggleSelect', id: cursorTicket.id});
					return dispatch({type: 'move', to: cursor + 1, count: tickets.length, ids});
				case 'clearSelection':
					return dispatch({type: 'clearSelection'});
				case 'unfold': {
					const target = foldTarget(lines, scroll, bodyHeight, state.expanded);
					if (target) dispatch({type: 'toggleFold', id: target});
					return;
				}
				case 'editFilter':
					return setMode({kind: 'filter', text: state.filter, error: null});
				case 'goto':
					return setMode({kind: 'goto', text: '', error: null});
				case 'views':
					// Read again: a view saved meanwhile from the CLI (csr queue --save-view) lists too.
					reloadViews();
					return setMode({kind: intent.kind});
				case 'outbox':
				case 'followUps':
				case 'feedback':
				case 'newTicket':
					return setMode({kind: intent.kind});
				case 'nextView': {
					const next = state.viewIndex + 1 >= views.length ? -1 : state.viewIndex + 1;
					return dispatch({type: 'filter', text: views[next]?.filter ?? '', viewIndex: next});
				}
				case 'refresh':
					return refreshAll(false);
				case 'help':
					return setMode({kind: 'help'});
				case 'quit':
					return requestQuit();
				case 'ticketAction':
					return startAction(intent.action);
			}
		},
		{isActive: mode.kind === 'main' || mode.kind === 'filter' || mode.kind === 'goto'},
	);

	const paneContent: TicketPaneContent =
		shownId === null
			? {kind: 'none'}
			: thread.state.kind === 'ready'
				? {kind: 'ready', lines}
				: thread.state.kind === 'failed'
					? {kind: 'failed', message: thread.state.message}
					: {kind: 'loading'};
	const fullScreen = isFullScreen(mode);
	const rightTitle = rightTitleOf(mode, shownId, state.focus, {seen: scroll + bodyHeight, total: lines.length});
	const overlay = (
		<ModeView
			mode={mode}
			width={fullScreen ? width : mode.kind === 'compose' ? compose.composeWidth : paneWidth}
			height={fullScreen ? bodyHeight + 1 : mode.kind === 'compose' ? compose.composeHeight : bodyHeight}
			durationSec={(targets) =>
				targets.length === 1 && targets[0] && state.opened?.id === targets[0].id
					? handleTimeSec(state.opened.atMs, services.now())
					: null
			}
			onActionDone={finishAction}
			onComposeDone={(outcome, ticket) => {
				setMode({kind: 'main'});
				if (outcome.flash) setFlash(outcome.flash);
				if (outcome.sent) finishAction(outcome.flash, ticket);
				else if (outcome.reloadThread) {
					thread.reload();
					queue.reload({quiet: true});
					dispatch({type: 'focus', focus: 'thread'});
				}
			}}
			onQuit={onQuit}
			onSwitch={setMode}
			onOpenTicket={(id) => {
				setMode({kind: 'main'});
				openById(id);
			}}
			onClose={(changed) => {
				setMode({kind: 'main'});
				if (changed === true) refreshAll(true);
			}}
			views={{
				list: views,
				filter: state.filter,
				onApply: (index) => {
					setMode({kind: 'main'});
					dispatch({type: 'filter', text: views[index]?.filter ?? '', viewIndex: index});
				},
				onChanged: reloadViews,
			}}
		/>
	);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<FilterLine
				filter={state.filter}
				viewName={views[state.viewIndex]?.name ?? null}
				editing={mode.kind === 'filter' || mode.kind === 'goto' ? {prompt: mode.kind, text: mode.text} : null}
				error={mode.kind === 'filter' || mode.kind === 'goto' ? mode.error : parsed.ok ? null : parsed.error}
				width={width}
			/>
			{fullScreen ? (
				<Box height={bodyHeight + 1}>{overlay}</Box>
			) : mode.kind === 'compose' ? (
				<ComposeLayout
					layout={compose}
					composer={overlay}
					content={paneContent}
					width={width}
					height={bodyHeight + 1}
				/>
			) : (
				<PaneTitles
					left={`Queue${queue.state.kind === 'ready' ? ` · ${tickets.length}` : ''}${state.selected.size > 0 ? ` · ${state.selected.size} selected` : ''}`}
					right={rightTitle}
					focus={mode.kind !== 'main' ? 'none' : state.focus === 'queue' ? 'left' : 'right'}
					leftWidth={queueWidth}
					rightWidth={paneWidth}
				/>
			)}
			{fullScreen || mode.kind === 'compose' ? null : (
				<Box height={bodyHeight}>
					<QueuePane
						tickets={queue.state.kind === 'ready' ? tickets : null}
						failure={queue.state.kind === 'failed' ? queue.state.message : null}
						cursor={cursor}
						selected={state.selected}
						width={queueWidth}
						height={bodyHeight}
						now={now}
						isFocused={state.focus === 'queue' && mode.kind === 'main'}
						isThreadFocused={state.focus === 'thread'}
						drafts={draftIds}
						changed={changes.changed}
					/>
					{mode.kind === 'main' || mode.kind === 'filter' || mode.kind === 'goto' ? (
						<TicketPane
							content={paneContent}
							scroll={scroll}
							width={paneWidth}
							height={bodyHeight}
							isFocused={state.focus === 'thread'}
						/>
					) : (
						<Box width={paneWidth} height={bodyHeight}>
							{overlay}
						</Box>
					)}
				</Box>
			)}
			<HintLine
				flash={flash ?? (changes.banner && mode.kind === 'main' ? {text: changes.banner.text, tone: 'warning'} : null)}
				items={barItems({
					mode: mode.kind,
					focus: state.focus,
					selectedCount: state.selected.size,
					ticketId: currentTicket()?.id ?? null,
				})}
				width={width}
			/>
			<StatusBar
				profileName={session.profileName}
				queueSize={
					queue.state.kind === 'ready'
						? local === undefined
							? (queue.state.value.totalCount ?? tickets.length)
							: tickets.length
						: null
				}
				breached={breached}
				selectedCount={state.selected.size}
				counts={counts.kind === 'ready' ? counts.value : null}
				isRefreshing={queue.state.kind === 'ready' && queue.state.refreshing}
				refreshedAt={refreshedAt}
				timeZone={refreshedAt === null ? undefined : session.timeZone}
				width={width}
			/>
		</Box>
	);
}
