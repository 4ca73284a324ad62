import {useState} from 'react';
import type {Ticket} from '../../domain/ticket.js';
import {parseWhen, whenForms} from '../../domain/time.js';
import type {Flash} from '../components/hint-line.js';
import {formatIds, formatWhen} from '../format.js';
import {useServices} from '../services.js';
import {ActionScreen} from './action-screen.js';

type Props = {
	/** The ticket, or the selected tickets: one follow-up each. */
	readonly targets: readonly Ticket[];
	readonly onDone: (flash: Flash | null) => void;
	readonly width: number;
	readonly height: number;
};

/** `f`: a follow-up on the ticket, due in 2d, tomorrow, or on a date. */
export function FollowUpScreen({targets, onDone, width, height}: Props) {
	const {addFollowUp, now, session} = useServices();
	const [done, setDone] = useState<number | null>(null);
	const ids = formatIds(targets.map((ticket) => ticket.id));
	const which = targets.length > 1 ? `the ${targets.length} selected` : ids;
	const dueOf = (text: string) => parseWhen(text, now(), 'future');
	return (
		<ActionScreen
			steps={[
				{
					kind: 'text',
					title: `Follow up on ${which} when?`,
					placeholder: '2d, 4h, tomorrow, 2026-12-01',
					validate: (text) => {
						const due = dueOf(text);
						if (due === null) return `Write it as ${whenForms}.`;
						return due.getTime() <= now().getTime() ? 'That is not in the future.' : null;
					},
				},
				{kind: 'text', title: 'Note (optional)', placeholder: 'what to check'},
			]}
			summary={([when = '', note = '']) => ({
				title: targets.length > 1 ? `Add ${targets.length} follow-ups?` : 'Add a follow-up',
				lines: [
					`${ids} due ${formatWhen(dueOf(when)?.toISOString() ?? '', session.timeZone)}`,
					note === '' ? 'No note.' : `Note: ${note}`,
				],
			})}
			run={async ([when = '', note = '']) => {
				const due = dueOf(when) ?? now();
				const added: string[] = [];
				for (const ticket of targets) {
					setDone(added.length);
					try {
						await addFollowUp({ticket, dueAt: due.toISOString(), note: note === '' ? null : note});
						added.push(ticket.id);
					} catch (failure) {
						if (added.length === 0) throw failure;
						const reason = failure instanceof Error ? failure.message : String(failure);
						return {
							text: `Follow-ups added on ${formatIds(added)}; not on #${ticket.id} or the rest: ${reason}`,
							tone: 'danger',
						};
					}
				}
				const dueText = formatWhen(due.toISOString(), session.timeZone);
				return {text: `Follow-up${added.length > 1 ? 's' : ''} on ${formatIds(added)} due ${dueText}.`, tone: 'ok'};
			}}
			progress={done === null || targets.length < 2 ? null : `Adding ${done} of ${targets.length}…`}
			onDone={onDone}
			width={width}
			height={height}
		/>
	);
}
