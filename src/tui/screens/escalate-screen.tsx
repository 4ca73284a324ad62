import {Text} from 'ink';
import {type Priority, priorities, type Ticket} from '../../domain/ticket.js';
import {toDisplayLine} from '../../text/display-text.js';
import type {Flash} from '../components/hint-line.js';
import {flashOfDelivery} from '../flash.js';
import {useDirectory} from '../hooks/use-directory.js';
import {escalationPlan} from '../plans.js';
import {useServices} from '../services.js';
import {theme} from '../theme.js';
import {ActionScreen} from './action-screen.js';

type Props = {
	readonly ticket: Ticket;
	readonly durationSec: () => number | null;
	readonly onDone: (flash: Flash | null) => void;
	readonly width: number;
	readonly height: number;
};

/** `e`: hand the ticket to another group with a reason (an internal note), optionally raising the priority. */
export function EscalateScreen({ticket, durationSec, onDone, width, height}: Props) {
	const {sendMessage} = useServices();
	const {state} = useDirectory();
	if (state.kind === 'loading') return <Text color={theme.muted}>Loading groups…</Text>;
	if (state.kind === 'failed')
		return <Text color={theme.danger}>Could not load groups: {toDisplayLine(state.message)}</Text>;
	const groups = state.value.groups.map((group) => ({key: group.name, label: toDisplayLine(group.name)}));
	const priorityItems = [
		{key: '', label: 'keep', hint: `(now ${ticket.priority ?? 'none'})`},
		...priorities.map((priority) => ({key: priority, label: priority})),
	];
	const priorityOf = (value: string | undefined): Priority | null => (value ? (value as Priority) : null);
	// Handing to another group while someone still holds the ticket leaves it with them: offer to let go.
	const assignee = ticket.assignee ? toDisplayLine(ticket.assignee.name) : null;
	const assigneeItems = [
		{key: 'clear', label: 'clear the assignee', hint: '(the new group picks it up)'},
		{key: 'keep', label: `keep ${assignee ?? ''}`},
	];
	return (
		<ActionScreen
			steps={[
				{kind: 'pick', title: `Escalate #${ticket.id} to (type to search)`, items: groups, searchable: true},
				{
					kind: 'text',
					title: 'Reason (the receiving team reads it as an internal note)',
					validate: (text) => (text === '' ? 'A reason is needed.' : null),
				},
				{kind: 'pick', title: 'Priority', items: priorityItems, searchable: false},
				...(assignee === null
					? []
					: [
							{
								kind: 'pick' as const,
								title: `Assigned to ${assignee}: clear the assignee?`,
								items: assigneeItems,
								searchable: false,
							},
						]),
			]}
			summary={([group = '', reason = '', priority, who]) => ({
				title: `Escalate #${ticket.id}`,
				lines: [
					`Group → ${group}${priorityOf(priority) ? `, priority → ${priority}` : ''}`,
					...(assignee === null ? [] : [who === 'clear' ? `Assignee ${assignee} → none` : `Stays with ${assignee}`]),
					`Internal note: Escalated to ${group}: ${reason}`,
				],
			})}
			run={async ([group = '', reason = '', priority, who]) => {
				const plan = escalationPlan({
					ticket,
					group,
					reason,
					priority: priorityOf(priority),
					clearAssignee: who === 'clear',
					durationSec: durationSec(),
				});
				return flashOfDelivery(await sendMessage(plan), 'Escalation');
			}}
			onDone={onDone}
			width={width}
			height={height}
		/>
	);
}
