import {Box, Text} from 'ink';
import type {Ticket} from '../../domain/ticket.js';
import {toDisplayLine} from '../../text/display-text.js';
import {useAsync} from '../hooks/use-async.js';
import {useLeaving, useLiveState} from '../hooks/use-live-state.js';
import {actionOf} from '../keymap.js';
import {useKeys} from '../keys.js';
import {useServices} from '../services.js';
import {theme} from '../theme.js';
import {fitLine} from '../wrap.js';

type Props = {
	readonly ticket: Ticket;
	readonly onClose: () => void;
	/** Enter: leave the pane and open one of the customer's tickets. */
	readonly onOpen: (ticketId: string) => void;
	/** `m`: merge one of the customer's other tickets (a duplicate) into this one. */
	readonly onMerge?: ((duplicate: Ticket) => void) | undefined;
	readonly width: number;
	readonly height: number;
};

/** `c`: the ticket's customer (profile, their tickets with status, counts of records and follow-ups); enter opens one. */
export function CustomerScreen({ticket, onClose, onOpen, onMerge, width, height}: Props) {
	const services = useServices();
	const lookUp = services.lookUpCustomer;
	const {state} = useAsync(lookUp === undefined ? null : (signal) => lookUp(ticket, signal), [services, ticket.id]);
	const [cursor, setCursor, readCursor] = useLiveState(0);
	const [notice, setNotice] = useLiveState<string | null>(null);
	const merge = services.planMerge === undefined ? undefined : onMerge;
	const {leave, hasLeft} = useLeaving();
	const overview = state.kind === 'ready' ? state.value : null;
	const tickets = overview?.tickets ?? [];
	const chosen = tickets[Math.min(cursor, tickets.length - 1)];

	useKeys((input, key) => {
		if (hasLeft()) return 'later';
		const cursor = readCursor();
		const move = actionOf(['listUp', 'listDown', 'up', 'down'], input, key);
		if (move === 'listUp' || move === 'up') return setCursor(Math.max(0, cursor - 1));
		if (move === 'listDown' || move === 'down') return setCursor(Math.max(0, Math.min(tickets.length - 1, cursor + 1)));
		if (key.escape || input === 'q' || input === 'c') return leave(onClose);
		const target = tickets[Math.min(cursor, tickets.length - 1)];
		if (key.return && target !== undefined) return leave(() => onOpen(target.id));
		if (input === 'm' && target !== undefined && merge !== undefined) {
			if (target.id === ticket.id)
				return setNotice(`#${ticket.id} is this ticket: choose a duplicate to merge into it.`);
			return leave(() => merge(target));
		}
	});

	const customer = overview?.customer;
	const line = (text: string | null) => (text === null ? '-' : toDisplayLine(text));
	const openFollowUps = overview?.followUps?.filter((followUp) => followUp.doneAt === null).length;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold wrap="truncate-end">
				{customer
					? `${toDisplayLine(customer.name)}${customer.email === null ? '' : ` <${toDisplayLine(customer.email)}>`}`
					: `Customer of #${ticket.id}`}
			</Text>
			{lookUp === undefined ? <Text color={theme.muted}>This desk cannot show customers here.</Text> : null}
			{state.kind === 'loading' && lookUp !== undefined ? <Text color={theme.muted}>Reading the customer…</Text> : null}
			{state.kind === 'failed' ? (
				<Text color={theme.danger} wrap="truncate-end">
					Could not read the customer: {toDisplayLine(state.message)}
				</Text>
			) : null}
			{customer ? (
				<>
					<Text wrap="truncate-end">
						{`phone ${line(customer.phone)} · ${line(customer.locale)} · ${line(customer.timeZone)} · ${customer.organization === null ? 'no organisation' : toDisplayLine(customer.organization.name)}`}
					</Text>
					<Text color={theme.muted} wrap="truncate-end">
						{[
							overview?.records ? `records ${overview.records.length}` : null,
							overview?.followUps ? `follow-ups ${overview.followUps.length} (${openFollowUps ?? 0} open)` : null,
							overview?.drafts ? `drafts ${overview.drafts.length}` : null,
							overview?.outbox ? `outbox ${overview.outbox.length}` : null,
						]
							.filter((part) => part !== null)
							.join(' · ')}
					</Text>
					{overview && overview.notVisible.length > 0 ? (
						<Text
							color={theme.warning}
							wrap="truncate-end"
						>{`not visible to you: ${overview.notVisible.join(', ')}`}</Text>
					) : null}
					<Text bold>{`Tickets (${tickets.length}${overview?.hasMore ? '+' : ''})`}</Text>
				</>
			) : null}
			{tickets.slice(0, Math.max(1, height - 6)).map((item, index) => (
				<Text key={item.id} inverse={item === chosen} wrap="truncate-end">
					{index === cursor ? '›' : ' '}
					{fitLine(`#${item.id}${item.id === ticket.id ? '*' : ''}`, 8)}
					<Text color={theme.status[item.status]}>{fitLine(item.status, 9)}</Text>
					{toDisplayLine(item.subject)}
				</Text>
			))}
			<Box flexGrow={1} />
			{notice === null ? null : (
				<Text wrap="truncate-end" color={theme.warning}>
					{notice}
				</Text>
			)}
			<Text wrap="truncate-end" color={theme.muted}>
				{`↑↓ choose · enter open the ticket${merge === undefined ? '' : ` · m merge it into #${ticket.id}`} · esc back`}
			</Text>
		</Box>
	);
}
