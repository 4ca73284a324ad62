import {useRef} from 'react';
import {isEmail} from '../../services/records.js';
import type {Flash} from '../components/hint-line.js';
import {useServices} from '../services.js';
import {ActionScreen} from './action-screen.js';

type Props = {
	/** What happened, and the new ticket to open (null: cancelled). */
	readonly onDone: (flash: Flash | null, ticketId?: string) => void;
	readonly width: number;
	readonly height: number;
};

const excerpt = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * `N`: a new ticket for a customer: to, subject, the first public message; the plan is shown and confirmed, then it
 * goes through the same journal as `csr new` (a second confirm of the same ticket opens nothing twice), and the new
 * ticket opens.
 */
export function NewTicketScreen({onDone, width, height}: Props) {
	const {createTicket} = useServices();
	const created = useRef<string | undefined>(undefined);
	return (
		<ActionScreen
			steps={[
				{
					kind: 'text',
					title: 'New ticket: to (the customer’s email)',
					placeholder: 'ann@example.com',
					validate: (text) =>
						isEmail(text) && /@[^@.]+(\.[^@.]+)+$/.test(text) ? null : 'Give one email address, like ann@example.com.',
				},
				{
					kind: 'text',
					title: 'Subject',
					placeholder: 'Your order',
					validate: (text) => (text === '' ? 'A new ticket needs a subject.' : null),
				},
				{
					kind: 'text',
					title: 'First message (public; the customer gets it)',
					placeholder: 'Hi, …',
					validate: (text) => (text === '' ? 'Write the first message.' : null),
				},
			]}
			summary={([to = '', subject = '', body = '']) => ({
				title: 'Open a new ticket',
				lines: [`To: ${to}`, `Subject: ${subject}`, excerpt(body, Math.max(20, Math.min(width, 76) - 6))],
			})}
			run={async ([to = '', subject = '', body = '']) => {
				if (createTicket === undefined) throw new Error('This desk cannot open new tickets from csr.');
				const result = await createTicket({email: to, name: null, subject, body});
				if (result.result !== 'sent' && result.result !== 'skipped')
					throw new Error(result.reason ?? 'the ticket was not opened');
				created.current = result.ticketId;
				return {
					text:
						result.result === 'sent'
							? `Opened #${result.ticketId} for ${to}.`
							: `#${result.ticketId} was already opened for ${to}; nothing opened twice.`,
					tone: 'ok',
				};
			}}
			onDone={(flash) => onDone(flash, created.current)}
			width={width}
			height={height}
		/>
	);
}
