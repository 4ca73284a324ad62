import {AuthError, messageOf} from '../errors.js';
import {hasTicketCreation} from '../providers/help-desk.js';
import {clearDelivery, findDelivery, markSending} from '../store/journal.js';
import {commitSent, type DeliveryEnv, type DeliveryResult, finish, isTemporary, type PlannedWrite} from './delivery.js';
import {extrasFailure, outgoingExtras} from './delivery-extras.js';
import {findAfterInterruption} from './late-writes.js';

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
		const desk = env.desk;
		const email = create.requester.email;
		// A create queued in the server when csr was killed may still land (RT, Freshdesk: createMayLandWithinMs).
		const found = await findAfterInterruption(env, () => desk.findCreatedTicket(email, key, env.signal), {
			attemptStartedAt: previous.attemptStartedAt,
			settleMs: desk.createMayLandWithinMs ?? 0,
			waiting: (seconds) =>
				`the ticket for ${email} was being opened when the last run stopped; ${desk.providerName} may still open it, so csr looks for it for up to ${seconds} s before opening it (Ctrl-C stops; nothing is opened twice)`,
		});
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
