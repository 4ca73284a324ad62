import {Text} from 'ink';
import type {Ticket} from '../../domain/ticket.js';
import type {TicketChanges} from '../../providers/help-desk.js';
import {toDisplayLine} from '../../text/display-text.js';
import type {Flash} from '../components/hint-line.js';
import type {PickerItem} from '../components/list-picker.js';
import {flashOfResults} from '../flash.js';
import {formatIds} from '../format.js';
import {type Directory, useDirectory} from '../hooks/use-directory.js';
import {useServices} from '../services.js';
import {theme} from '../theme.js';
import {ActionScreen} from './action-screen.js';

type Props = {
	readonly targets: readonly Ticket[];
	readonly durationSec: () => number | null;
	readonly onDone: (flash: Flash | null) => void;
	readonly width: number;
	readonly height: number;
};

/** Me, nobody, every agent with an email, every group: keys say which kind of change each is. */
export function assignItems(directory: Directory): PickerItem[] {
	return [
		{key: 'me', label: 'me', hint: 'assign to yourself'},
		{key: 'none', label: 'nobody', hint: 'unassign'},
		...directory.agents.flatMap((agent) =>
			agent.email === null
				? []
				: [{key: `agent:${agent.email}`, label: toDisplayLine(agent.name), hint: toDisplayLine(agent.email)}],
		),
		...directory.groups.map((group) => ({key: `group:${group.name}`, label: toDisplayLine(group.name), hint: 'group'})),
	];
}

export function assignChanges(key: string): TicketChanges {
	if (key === 'me') return {assignee: 'me'};
	if (key === 'none') return {assignee: null};
	if (key.startsWith('agent:')) return {assignee: {email: key.slice('agent:'.length)}};
	return {group: key.slice('group:'.length)};
}

/** `a`: assign the selected tickets (or the current one) to an agent or a group from the desk. */
export function AssignScreen({targets, durationSec, onDone, width, height}: Props) {
	const {updateTickets} = useServices();
	const {state} = useDirectory();
	if (state.kind === 'loading') return <Text color={theme.muted}>Loading agents and groups…</Text>;
	if (state.kind === 'failed')
		return <Text color={theme.danger}>Could not load agents and groups: {toDisplayLine(state.message)}</Text>;
	const ids = targets.map((ticket) => ticket.id);
	const items = assignItems(state.value);
	const describe = (key: string) => items.find((item) => item.key === key)?.label ?? key;
	return (
		<ActionScreen
			steps={[{kind: 'pick', title: `Assign ${formatIds(ids)} to (type to search)`, items, searchable: true}]}
			summary={([key = '']) => ({
				title: 'Assign',
				lines: [`${key.startsWith('group:') ? 'Move' : 'Assign'} ${formatIds(ids)} to ${describe(key)}.`],
			})}
			run={async ([key = '']) =>
				flashOfResults(
					await updateTickets(ids, assignChanges(key), 'assign', durationSec()),
					`Assigned to ${describe(key)}`,
				)
			}
			onDone={onDone}
			width={width}
			height={height}
		/>
	);
}
