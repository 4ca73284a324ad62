import {Text} from 'ink';
import {useState} from 'react';
import {type Priority, priorities, type Ticket} from '../../domain/ticket.js';
import {toDisplayLine} from '../../text/display-text.js';
import type {Flash} from '../components/hint-line.js';
import {flashOfBulk, flashOfDelivery} from '../flash.js';
import {formatIds} from '../format.js';
import {useDirectory} from '../hooks/use-directory.js';
import {escalationPlan} from '../plans.js';
import {useServices} from '../services.js';
import {theme} from '../theme.js';
import {ActionScreen} from './action-screen.js';

type Props = {
	/** The ticket, or the selected tickets (one journaled run, as `csr escalate` in bulk). */
	readonly targets: readonly Ticket[];
	readonly durationSec: () => number | null;
	readonly onDone: (flash: Flash | null) => void;
	readonly width: number;
	readonly height: number;
};

/** `e`: hand the ticket(s) to another group with a reason (an internal note), optionally raising the priority. */
export function EscalateScreen({targets, durationSec, onDone, width, height}: Props) {
	const {sendMessage, sendBulk} = useServices();
	const {state} = useDirectory();
	const [done, setDone] = useState<number | null>(null);
	const ticket = targets[0] as Ticket;
	const many = targets.length > 1;
	const which = many
		? `the ${targets.length} selected (${formatIds(targets.map((item) => item.id))})`
		: `#${ticket.id}`;
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
	const held = targets.filter((item) => item.assignee !== null);
	const assignee =
		held.length === 0
			? null
			: many
				? `${held.length} of them have an assignee`
				: toDisplayLine(held[0]?.assignee?.name ?? '');
	const assigneeItems = [
		{key: 'clear', label: 'clear the assignee', hint: '(the new group picks it up)'},
		{key: 'keep', label: many ? 'keep the assignees' : `keep ${assignee ?? ''}`},
	];
	return (
		<ActionScreen
			steps={[
				{kind: 'pick', title: `Escalate ${which} to (type to search)`, items: groups, searchable: true},
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
								title: many ? `${assignee}: clear them?` : `Assigned to ${assignee}: clear the assignee?`,
								items: assigneeItems,
								searchable: false,
							},
						]),
			]}
			summary={([group = '', reason = '', priority, who]) => ({
				title: many ? `Escalate ${targets.length} tickets?` : `Escalate #${ticket.id}`,
				lines: [
					...(many ? [`Tickets: ${formatIds(targets.map((item) => item.id))}`] : []),
					`Group → ${group}${priorityOf(priority) ? `, priority → ${priority}` : ''}`,
					...(assignee === null
						? []
						: [
								who === 'clear'
									? many
										? `Assignee → none on ${held.length}`
										: `Assignee ${assignee} → none`
									: many
										? 'Assignees stay'
										: `Stays with ${assignee}`,
							]),
					`Internal note: Escalated to ${group}: ${reason}`,
				],
			})}
			run={async ([group = '', reason = '', priority, who]) => {
				const plans = targets.map((target) =>
					escalationPlan({
						ticket: target,
						group,
						reason,
						priority: priorityOf(priority),
						clearAssignee: who === 'clear' && target.assignee !== null,
						durationSec: many ? null : durationSec(),
					}),
				);
				if (!many) return flashOfDelivery(await sendMessage(plans[0] as (typeof plans)[number]), 'Escalation');
				setDone(0);
				const {results} = await sendBulk(plans, (_result, count) => setDone(count));
				return flashOfBulk(results, 'Escalations');
			}}
			progress={done === null ? null : `Escalating ${done} of ${targets.length}…`}
			onDone={onDone}
			width={width}
			height={height}
		/>
	);
}
