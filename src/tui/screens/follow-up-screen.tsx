import type {Ticket} from '../../domain/ticket.js';
import {parseWhen, whenForms} from '../../domain/time.js';
import type {Flash} from '../components/hint-line.js';
import {formatWhen} from '../format.js';
import {useServices} from '../services.js';
import {ActionScreen} from './action-screen.js';

type Props = {
	readonly ticket: Ticket;
	readonly onDone: (flash: Flash | null) => void;
	readonly width: number;
	readonly height: number;
};

/** `f`: a follow-up on the ticket, due in 2d, tomorrow, or on a date. */
export function FollowUpScreen({ticket, onDone, width, height}: Props) {
	const {addFollowUp, now, session} = useServices();
	const dueOf = (text: string) => parseWhen(text, now(), 'future');
	return (
		<ActionScreen
			steps={[
				{
					kind: 'text',
					title: `Follow up on #${ticket.id} when?`,
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
				title: 'Add a follow-up',
				lines: [
					`#${ticket.id} due ${formatWhen(dueOf(when)?.toISOString() ?? '', session.timeZone)}`,
					note === '' ? 'No note.' : `Note: ${note}`,
				],
			})}
			run={async ([when = '', note = '']) => {
				const due = dueOf(when) ?? now();
				await addFollowUp({ticket, dueAt: due.toISOString(), note: note === '' ? null : note});
				return {text: `Follow-up on #${ticket.id} due ${formatWhen(due.toISOString(), session.timeZone)}.`, tone: 'ok'};
			}}
			onDone={onDone}
			width={width}
			height={height}
		/>
	);
}
