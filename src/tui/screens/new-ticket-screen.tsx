import {useRef} from 'react';
import type {PlannedAttachment} from '../../services/attachments.js';
import {isEmail} from '../../services/records.js';
import {toDisplayLine} from '../../text/display-text.js';
import type {Flash} from '../components/hint-line.js';
import {useServices} from '../services.js';
import {ActionScreen} from './action-screen.js';

type Props = {
	/** What happened, and the new ticket to open (null: cancelled). */
	readonly onDone: (flash: Flash | null, ticketId?: string) => void;
	readonly width: number;
	readonly height: number;
};

/** The paths typed in the files step: comma-separated, blanks dropped. */
const pathsOf = (text: string): string[] =>
	text
		.split(',')
		.map((path) => path.trim())
		.filter((path) => path !== '');

const excerpt = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * `N`: a new ticket for a customer: to, subject, the first public message, files (where the desk takes them); the plan is shown and confirmed, then it
 * goes through the same journal as `csr new` (a second confirm of the same ticket opens nothing twice), and the new
 * ticket opens.
 */
export function NewTicketScreen({onDone, width, height}: Props) {
	const {createTicket, attachFile} = useServices();
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
				...(attachFile === undefined
					? []
					: [
							{
								kind: 'text' as const,
								title: 'Files to attach (optional): paths separated by commas; enter for none',
								placeholder: '~/labels/return-label.pdf',
								validate: () => null,
							},
						]),
			]}
			summary={([to = '', subject = '', body = '', files = '']) => ({
				title: 'Open a new ticket',
				lines: [
					`To: ${to}`,
					`Subject: ${subject}`,
					excerpt(body, Math.max(20, Math.min(width, 76) - 6)),
					...pathsOf(files).map((path) => `📎 ${toDisplayLine(path)}`),
				],
			})}
			run={async ([to = '', subject = '', body = '', files = '']) => {
				if (createTicket === undefined) throw new Error('This desk cannot open new tickets from csr.');
				// Each file checked as the reply composer checks it (readable, the desk's limits) before anything is opened.
				const attachments: PlannedAttachment[] = [];
				for (const path of pathsOf(files)) {
					if (attachFile === undefined) break;
					attachments.push(await attachFile(path, attachments));
				}
				const result = await createTicket({
					email: to,
					name: null,
					subject,
					body,
					...(attachments.length > 0 ? {attachments} : {}),
				});
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
