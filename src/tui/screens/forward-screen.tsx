import {Text} from 'ink';
import {useRef} from 'react';
import type {Ticket} from '../../domain/ticket.js';
import type {Flash} from '../components/hint-line.js';
import {type ActionPreview, useServices} from '../services.js';
import {theme} from '../theme.js';
import {ActionScreen} from './action-screen.js';
import {useCannot} from './merge-screen.js';

type Props = {
	readonly ticket: Ticket;
	readonly onDone: (flash: Flash | null) => void;
	readonly width: number;
	readonly height: number;
};

const emailPattern = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

const recipientsOf = (text: string) =>
	text
		.split(/[,\s]+/)
		.map((email) => email.trim())
		.filter(Boolean);

/** `w`: the thread to a third party (carrier, warehouse) with a note on top; the ticket gets a note naming them. */
export function ForwardScreen({ticket, onDone, width, height}: Props) {
	const {planForward} = useServices();
	const ready = useCannot('forward', onDone);
	const plan = useRef<ActionPreview | null>(null);
	if (!ready || planForward === undefined) return <Text color={theme.muted}>Asking the desk…</Text>;
	return (
		<ActionScreen
			steps={[
				{
					kind: 'text',
					title: `Forward #${ticket.id} to (email; several with commas)`,
					placeholder: 'claims@carrier.example',
					validate: (text) => {
						const emails = recipientsOf(text);
						const bad = emails.find((email) => !emailPattern.test(email));
						if (emails.length === 0) return 'Type an address, e.g. claims@carrier.example.';
						return bad === undefined ? null : `"${bad}" is not an email address.`;
					},
				},
				{kind: 'text', title: 'Note on top (optional, enter to skip)', placeholder: 'Please check the parcel'},
				{
					kind: 'pick',
					title: 'What to send',
					items: [
						{key: 'thread', label: 'the whole thread', hint: 'every public message'},
						{key: 'last', label: 'the last public message only', hint: 'as csr forward --last'},
					],
					searchable: false,
				},
			]}
			preview={async ([to = '', note = '', what = 'thread']) => {
				plan.current = await planForward({
					ticketId: ticket.id,
					to: recipientsOf(to),
					note: note === '' ? null : note,
					lastOnly: what === 'last',
				});
				return {title: plan.current.title, lines: plan.current.lines};
			}}
			run={async () => {
				if (plan.current === null) throw new Error('the forward was not read yet');
				return {text: await plan.current.run(), tone: plan.current.alreadyDone ? 'muted' : 'ok'};
			}}
			onDone={onDone}
			width={width}
			height={height}
		/>
	);
}
