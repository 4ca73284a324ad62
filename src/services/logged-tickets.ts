import {createHash} from 'node:crypto';
import type {FollowUp, InteractionRecord} from '../domain/records.js';
import {FailedError, UsageError} from '../errors.js';
import {type HelpDesk, hasTicketCreation, type NewTicket} from '../providers/help-desk.js';
import type {RecordStore} from '../store/record-store.js';
import type {PlannedAttachment} from './attachments.js';
import {type DeliveryEnv, hashIntent, type PlannedWrite} from './delivery.js';
import {intentPartsOf} from './delivery-extras.js';
import {deliverNew} from './new-tickets.js';
import {type Actor, channelOfLogType, type LogInput, logInteraction} from './records.js';

const deskNames: Readonly<Record<string, string>> = {
	demo: 'the demo desk',
	zendesk: 'Zendesk',
	freshdesk: 'Freshdesk',
	rt: 'Request Tracker',
	zammad: 'Zammad',
	helpscout: 'Help Scout',
};

/** The desk's name as an agent says it ("Zammad", "Help Scout"). */
export const deskName = (providerName: string): string => deskNames[providerName] ?? providerName;

/** A desk without ticket creation, in csr's words naming the desk; `UsageError` (exit 2), nothing sent. */
export function assertCanCreate(desk: HelpDesk, profileName: string): void {
	if (!hasTicketCreation(desk))
		throw new UsageError(
			`csr cannot open new tickets on ${deskName(desk.providerName)} (profile ${profileName})`,
			`Open the ticket in ${deskName(desk.providerName)} itself, then answer it with csr reply.`,
		);
}

const labels: Readonly<Record<string, string>> = {call: 'Phone call', chat: 'Chat', email: 'Email', visit: 'Visit'};

/** "Phone call: <first line of the summary>", short enough for any desk's subject line. */
export function subjectOf(type: string, summary: string): string {
	const first =
		summary
			.split('\n')
			.find((line) => line.trim() !== '')
			?.trim() ?? '';
	const text = `${labels[type] ?? 'Contact'}: ${first}`;
	return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** Ids that are the same on a re-run of the same log (so the record and its follow-up are written once). */
function stableIds(intentHash: string): () => string {
	let n = 0;
	return () => {
		n += 1;
		const hex = createHash('sha256').update(`${intentHash}:${n}`).digest('hex');
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
	};
}

/** What `--create-ticket` needs, checked before the desk is opened; UsageError (exit 2) naming the problem. */
export function checkLogTicketInput(input: LogInput): asserts input is LogInput & {customerEmail: string} {
	if (input.ticketId !== null)
		throw new UsageError('--create-ticket opens a new ticket; it cannot go with --ticket', 'Drop one of them.');
	if (input.customerEmail === null)
		throw new UsageError('--create-ticket needs --customer EMAIL', 'The new ticket is opened for that customer.');
	if (input.type === 'note')
		throw new UsageError('--create-ticket needs a contact: --type call, chat, email or visit', 'A note has none.');
	if (input.summary.trim() === '') throw new UsageError('--summary must not be empty');
}

/**
 * `csr log add --create-ticket`: a logged call (chat, visit, email) becomes a ticket for the customer whose first
 * message is the summary as an internal note, then the record is written linked to the new ticket. Exactly once:
 * the ticket goes through the delivery journal (`deliverNew`, the desk's idempotency key or marker), and the record
 * and follow-up have ids derived from the same intent, so running the same command again (the same day) finds the
 * ticket and adds nothing twice.
 */
export async function logWithNewTicket(
	env: DeliveryEnv,
	store: RecordStore,
	input: LogInput,
	actor: Actor,
	options: {now: Date; subject?: string | undefined; attachments?: readonly PlannedAttachment[] | undefined},
): Promise<{record: InteractionRecord; followUp: FollowUp | null; ticketId: string; created: boolean}> {
	checkLogTicketInput(input);
	assertCanCreate(env.desk, env.profile);
	const create: NewTicket = {
		requester: {email: input.customerEmail, name: input.customerName},
		subject: options.subject?.trim() || subjectOf(input.type, input.summary),
		body: input.summary,
		firstMessagePublic: false,
		channel: channelOfLogType[input.type] ?? 'other',
	};
	const day = options.now.toISOString().slice(0, 10);
	const email = input.customerEmail.toLowerCase();
	const item: PlannedWrite = {
		ticketId: `new:${email}`,
		isPublic: false,
		body: input.summary,
		changes: undefined,
		template: null,
		// Not the follow-up time: `--followup 2d` gives another instant on each run of the same command.
		intentHash: hashIntent([
			env.profile,
			'log-create',
			input.type,
			email,
			input.summary,
			input.durationSec,
			input.outcome,
			create.subject,
			day,
			...intentPartsOf({attachments: options.attachments ?? []}),
		]),
		expectedUpdatedAt: null,
		customer: {email: input.customerEmail, name: input.customerName},
		channel: create.channel,
		action: 'create',
		outcome: null,
		durationSec: null,
		create,
		...((options.attachments ?? []).length > 0 ? {extras: {attachments: options.attachments ?? []}} : {}),
	};
	const result = await deliverNew(env, item, {runId: null});
	if (result.result !== 'sent' && result.result !== 'skipped')
		throw new FailedError(`the ticket was not opened: ${result.reason ?? result.result}; nothing was logged`);
	const logged = await logInteraction(store, {...input, ticketId: result.ticketId}, actor, {
		now: options.now,
		newId: stableIds(item.intentHash),
	});
	return {...logged, ticketId: result.ticketId, created: result.result === 'sent'};
}
