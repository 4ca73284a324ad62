import {randomUUID} from 'node:crypto';
import type {Message, TicketThread} from '../domain/message.js';
import {FailedError, messageOf} from '../errors.js';
import {type ForwardRequest, forwardNoteText, hasTicketForwarding} from '../providers/help-desk.js';
import {transaction} from '../store/database.js';
import {clearDelivery, findDelivery, markSending, markSent} from '../store/journal.js';
import {insertRecord} from '../store/records.js';
import {collapseWhitespace} from '../text/whitespace.js';
import {checkAttachments, loadAttachments, type PlannedAttachment} from './attachments.js';
import {type DeliveryEnv, hashIntent, isTemporary} from './delivery.js';
import {intentPartsOf} from './delivery-extras.js';
import {findAfterInterruption} from './late-writes.js';

export type ForwardPlan = {
	readonly ticketId: string;
	readonly thread: TicketThread;
	readonly request: ForwardRequest;
	/** How many messages of the thread go out. */
	readonly messageCount: number;
	readonly intentHash: string;
	readonly alreadyDone: boolean;
	/** Files that go with it (`--attach`): their hashes are part of the intent; the bytes are read again at send. */
	readonly attachments?: readonly PlannedAttachment[] | undefined;
};

export type ForwardOutcome = {
	readonly result: 'forwarded' | 'skipped';
	readonly ticketId: string;
	readonly to: readonly string[];
	readonly messageId: string | null;
	readonly via: string | null;
	readonly linkedTicketId?: string | undefined;
	readonly reason?: string | undefined;
};

const journalKey = (ticketId: string) => `forward:${ticketId}`;

function quoted(message: Message): string {
	const who = message.author.email === null ? message.author.name : `${message.author.name} <${message.author.email}>`;
	return `---------- Forwarded message ----------\nFrom: ${who}\nDate: ${message.createdAt}\n\n${message.text.trim()}`;
}

/**
 * The text the third party gets: the agent's note, then the thread's public messages (or only the last one), oldest
 * first, as quoted plain text. Customer text is copied as it is; nothing in it is evaluated.
 */
export function forwardBody(
	thread: TicketThread,
	note: string | null,
	lastOnly: boolean,
): {body: string; count: number} {
	const visible = thread.messages.filter((message) => message.public && message.text.trim() !== '');
	const chosen = lastOnly ? visible.slice(-1) : visible;
	const parts = [...(note === null ? [] : [note.trim()]), ...chosen.map(quoted)];
	return {body: parts.join('\n\n'), count: chosen.length};
}

/** Reads the thread and composes what goes out; the journal says whether the same forward was already done. */
export async function planForward(
	env: DeliveryEnv,
	input: {
		ticketId: string;
		to: readonly string[];
		note: string | null;
		lastOnly: boolean;
		/** The agent's note as it goes out (their text is a template, as a reply's is), given the ticket. */
		renderNote?: ((note: string, ticket: TicketThread['ticket']) => string) | undefined;
		/** Files to send with it, read by `readAttachmentFile`; checked against the desk's limits here, before any upload. */
		attachments?: readonly PlannedAttachment[] | undefined;
	},
): Promise<ForwardPlan> {
	const to = [...new Set(input.to.map((email) => email.trim().toLowerCase()))];
	const attachments = input.attachments ?? [];
	checkAttachments(env.desk, attachments, env.profile);
	const intentHash = hashIntent([
		env.profile,
		'forward',
		input.ticketId,
		[...to].sort(),
		input.note,
		input.lastOnly,
		// Nothing for a forward without files, so the hashes of earlier forwards stay as they were.
		...intentPartsOf({attachments}),
	]);
	const thread = await env.desk.getThread(input.ticketId, env.signal);
	const note =
		input.note === null || input.renderNote === undefined ? input.note : input.renderNote(input.note, thread.ticket);
	const {body, count} = forwardBody(thread, note, input.lastOnly);
	if (count === 0)
		throw new FailedError(`ticket ${input.ticketId} has no public message to forward`, 'Add a note with --note.');
	const previous = findDelivery(env.db, env.profile, journalKey(input.ticketId), intentHash);
	return {
		ticketId: input.ticketId,
		thread,
		request: {to, body, note, subject: `Fwd: ${thread.ticket.subject} [#${thread.ticket.id}]`},
		messageCount: count,
		intentHash,
		alreadyDone: previous?.state === 'sent',
		attachments,
	};
}

/** After a crash: the note naming these recipients, written by an agent since the attempt started. */
function findForwardNote(thread: TicketThread, to: readonly string[], since: string | null): string | null {
	const wanted = collapseWhitespace(forwardNoteText(to, null));
	const after = since === null ? 0 : Date.parse(since) - 10 * 60_000;
	const found = thread.messages.find(
		(message) =>
			message.author.role !== 'customer' &&
			Date.parse(message.createdAt) >= after &&
			collapseWhitespace(message.text).includes(wanted),
	);
	return found?.id ?? null;
}

function commitForward(env: DeliveryEnv, plan: ForwardPlan, messageId: string, via: string): void {
	const at = env.now().toISOString();
	const ticket = plan.thread.ticket;
	transaction(env.db, () => {
		markSent(env.db, env.profile, journalKey(plan.ticketId), plan.intentHash, messageId, at);
		insertRecord(env.db, {
			id: randomUUID(),
			at,
			agent: env.agent,
			profile: env.profile,
			provider: env.desk.providerName,
			ticketId: plan.ticketId,
			customer: {email: ticket.requester.email, name: ticket.requester.name || null},
			channel: ticket.channel,
			action: 'forward',
			template: null,
			status: null,
			outcome: null,
			durationSec: null,
			summary: `forwarded to ${plan.request.to.join(', ')} (${via})`,
			followUpAt: null,
		});
	});
}

/**
 * Forwards at most once, on the same journal as replies: `sending` before the request; after a crash the thread is
 * searched for the note naming the recipients before forwarding again; done and the record in one transaction.
 */
export async function executeForward(env: DeliveryEnv, plan: ForwardPlan): Promise<ForwardOutcome> {
	const base = {ticketId: plan.ticketId, to: plan.request.to};
	if (plan.alreadyDone) return {...base, result: 'skipped', messageId: null, via: null, reason: 'already forwarded'};
	const desk = env.desk;
	if (!hasTicketForwarding(desk)) throw new FailedError(`the ${desk.providerName} desk cannot forward tickets`);
	const key = journalKey(plan.ticketId);
	const previous = findDelivery(env.db, env.profile, key, plan.intentHash);
	if (previous?.state === 'sending') {
		// The thread read for the plan first; on a desk that may still apply a write of the stopped run (RT), the
		// thread again until that run is old enough: its note, the last of its writes, lands by then or never.
		let looks = 0;
		const found = await findAfterInterruption(
			env,
			async () => {
				const thread = looks++ === 0 ? plan.thread : await desk.getThread(plan.ticketId, env.signal);
				return findForwardNote(thread, plan.request.to, previous.attemptStartedAt);
			},
			{
				attemptStartedAt: previous.attemptStartedAt,
				settleMs: desk.capabilities.writesMayLandWithinMs ?? 0,
				waiting: (seconds) =>
					`the forward of #${plan.ticketId} was being sent when the last run stopped; ${desk.providerName} may still write it, so csr looks for it for up to ${seconds} s before forwarding (Ctrl-C stops; nothing is sent twice)`,
			},
		);
		if (found !== null) {
			commitForward(env, plan, found, 'found after an interrupted run');
			return {
				...base,
				result: 'skipped',
				messageId: found,
				via: null,
				reason: 'already forwarded by an interrupted run',
			};
		}
	}
	// The files as planned, read again now: one that changed or went away stops the forward before anything is sent.
	const files = loadAttachments(plan.attachments ?? []);
	markSending(
		env.db,
		{profile: env.profile, ticketId: key, intentHash: plan.intentHash, body: plan.request.body, runId: null},
		env.now().toISOString(),
	);
	try {
		const sent = await desk.forwardTicket(
			plan.ticketId,
			files.length === 0 ? plan.request : {...plan.request, attachments: files},
			{
				idempotencyKey: `csr-${plan.intentHash}`,
				afterInterruption: previous?.state === 'sending',
				interruptedAttemptStartedAt:
					previous?.state === 'sending' ? (previous.attemptStartedAt ?? undefined) : undefined,
			},
			env.signal,
		);
		commitForward(env, plan, sent.messageId, sent.via);
		return {
			...base,
			result: 'forwarded',
			messageId: sent.messageId,
			via: sent.via,
			linkedTicketId: sent.linkedTicketId,
		};
	} catch (error) {
		if (isTemporary(error))
			throw new FailedError(
				`${messageOf(error)}; the forward may or may not have gone out`,
				'Run the same command again: csr looks for it on the ticket and does not forward twice.',
			);
		clearDelivery(env.db, env.profile, key, plan.intentHash);
		throw error;
	}
}
