import {setTimeout as sleep} from 'node:timers/promises';
import {AuthError, InterruptedError, messageOf} from '../errors.js';
import {type HelpDesk, hasTicketCreation, type TicketCreation} from '../providers/help-desk.js';
import {clearDelivery, findDelivery, markSending} from '../store/journal.js';
import {commitSent, type DeliveryEnv, type DeliveryResult, finish, isTemporary, type PlannedWrite} from './delivery.js';
import {extrasFailure, outgoingExtras} from './delivery-extras.js';

/**
 * Opens one planned ticket at most once, on the same journal as replies: `sending` is committed before the request,
 * and after a crash the desk is asked for the ticket it made under the intent's idempotency key before trying again.
 * The journal key (`item.ticketId`) stands for the ticket until the desk gives it an id; the record gets the real id.
 */
export async function deliverNew(
	env: DeliveryEnv,
	item: PlannedWrite,
	options: {runId: string | null},
): Promise<DeliveryResult> {
	const result = await deliverNewOnce(env, item, options);
	const files = item.extras?.attachments ?? [];
	if (files.length === 0) return result;
	return {...result, attachments: files.map(({fileName, contentType, size}) => ({fileName, contentType, size}))};
}

async function deliverNewOnce(
	env: DeliveryEnv,
	item: PlannedWrite,
	options: {runId: string | null},
): Promise<DeliveryResult> {
	const {runId} = options;
	const create = item.create;
	if (create === undefined || !hasTicketCreation(env.desk))
		return finish(env, item, runId, {
			ticketId: item.ticketId,
			result: 'failed',
			reason: 'this desk cannot open tickets',
		});
	const key = `csr-${item.intentHash}`;
	const previous = findDelivery(env.db, env.profile, item.ticketId, item.intentHash);
	if (previous?.state === 'sent') {
		return finish(env, item, runId, {
			ticketId: previous.messageId ?? item.ticketId,
			result: 'skipped',
			reason: 'already created',
		});
	}
	if (previous?.state === 'sending') {
		const found = await findAfterInterruption(env, env.desk, create.requester.email, key, previous.attemptStartedAt);
		if (found !== null) {
			commitSent(env, item, found, runId, found);
			return {ticketId: found, result: 'skipped', reason: 'already created by an interrupted run'};
		}
	}
	let attachments: ReturnType<typeof outgoingExtras>['attachments'];
	try {
		// The files are read again and must hash as planned: a new ticket never opens with another file, or without it.
		attachments = outgoingExtras({attachments: item.extras?.attachments}).attachments;
	} catch (error) {
		const reason = extrasFailure(error);
		if (reason === null) throw error;
		return finish(env, item, runId, {ticketId: item.ticketId, result: 'failed', reason});
	}
	markSending(
		env.db,
		{profile: env.profile, ticketId: item.ticketId, intentHash: item.intentHash, body: item.body, runId},
		env.now().toISOString(),
	);
	try {
		const created = await env.desk.createTicket(
			attachments === undefined ? create : {...create, attachments},
			{idempotencyKey: key},
			env.signal,
		);
		// The journal keeps the new ticket's id where replies keep the message id: a re-run reports it.
		commitSent(env, item, created.ticket.id, runId, created.ticket.id);
		return {ticketId: created.ticket.id, result: 'sent', messageId: created.messageId};
	} catch (error) {
		// Unknown fate: the delivery stays `sending`, so the same command run again looks before creating.
		if (isTemporary(error))
			return finish(env, item, runId, {
				ticketId: item.ticketId,
				result: 'failed',
				reason: `${messageOf(error)}; run the same command again to continue (nothing is created twice)`,
			});
		clearDelivery(env.db, env.profile, item.ticketId, item.intentHash);
		if (error instanceof AuthError) throw error;
		return finish(env, item, runId, {ticketId: item.ticketId, result: 'failed', reason: messageOf(error)});
	}
}

/**
 * The ticket an interrupted attempt made, if any. On a desk whose server may still apply a create csr stopped waiting
 * for (`createMayLandWithinMs`: RT, Freshdesk), an attempt younger than that is looked for again, once a second,
 * until it is that old: a create queued in the server when csr was killed lands a moment later, and creating again
 * before then would open a second ticket.
 */
async function findAfterInterruption(
	env: DeliveryEnv,
	desk: HelpDesk & TicketCreation,
	email: string,
	key: string,
	attemptStartedAt: string | null,
): Promise<string | null> {
	const settleMs = desk.createMayLandWithinMs ?? 0;
	const startedMs = attemptStartedAt === null ? Number.NaN : Date.parse(attemptStartedAt);
	let told = false;
	for (;;) {
		const found = await desk.findCreatedTicket(email, key, env.signal);
		if (found !== null) return found;
		const waitMs = Number.isNaN(startedMs) ? 0 : startedMs + settleMs - env.now().getTime();
		if (waitMs <= 0) return null;
		if (!told) {
			told = true;
			env.notice?.(
				`the ticket for ${email} was being opened when the last run stopped; ${desk.providerName} may still open it, so csr looks for it for up to ${Math.ceil(waitMs / 1000)} s before opening it (Ctrl-C stops; nothing is opened twice)`,
			);
		}
		await sleep(Math.min(1000, waitMs), undefined, {signal: env.signal}).catch((error: unknown) => {
			if (env.signal?.aborted) throw new InterruptedError();
			throw error;
		});
	}
}
