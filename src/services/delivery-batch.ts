import {ProviderError} from '../errors.js';
import type {BatchItem, BatchOutcome} from '../providers/help-desk.js';
import {transaction} from '../store/database.js';
import {markSending} from '../store/journal.js';
import {
	checkedPreflight,
	commitSent,
	type DeliveryEnv,
	type DeliveryResult,
	handleFailure,
	type PlannedWrite,
} from './delivery.js';

/** Sends a batch through the provider's bulk API (Zendesk update_many) with the same journal discipline. */
export async function deliverBatch(
	env: DeliveryEnv,
	items: readonly PlannedWrite[],
	options: {runId: string | null; force: boolean},
): Promise<DeliveryResult[]> {
	const results: DeliveryResult[] = [];
	const ready: PlannedWrite[] = [];
	for (const item of items) {
		const early = await checkedPreflight(env, item, options.runId, options.force);
		if (early !== null) results.push(early);
		else ready.push(item);
	}
	if (ready.length === 0 || env.desk.sendBatch === undefined) return results;
	const startedAt = env.now().toISOString();
	transaction(env.db, () => {
		for (const item of ready)
			markSending(
				env.db,
				{
					profile: env.profile,
					ticketId: item.ticketId,
					intentHash: item.intentHash,
					body: item.body,
					runId: options.runId,
				},
				startedAt,
			);
	});
	const batch: BatchItem[] = ready.map((item) => ({
		ticketId: item.ticketId,
		message: {body: item.body, public: item.isPublic, changes: item.changes},
		options: {
			idempotencyKey: `csr-${item.intentHash}`,
			expectedUpdatedAt: options.force || item.expectedUpdatedAt === null ? undefined : item.expectedUpdatedAt,
		},
	}));
	let outcomes: BatchOutcome[];
	try {
		outcomes = await env.desk.sendBatch(batch, env.signal);
	} catch (error) {
		for (const item of ready) results.push(await handleFailure(env, item, options.runId, error));
		return results;
	}
	const byTicket = new Map(outcomes.map((outcome) => [outcome.ticketId, outcome]));
	for (const item of ready) {
		const outcome = byTicket.get(item.ticketId);
		if (outcome === undefined) {
			results.push(
				await handleFailure(
					env,
					item,
					options.runId,
					new ProviderError('the desk did not report a result for this ticket', {kind: 'temporary'}),
				),
			);
		} else if (outcome.ok) {
			commitSent(env, item, outcome.messageId, options.runId);
			results.push({ticketId: item.ticketId, result: 'sent', messageId: outcome.messageId});
		} else {
			results.push(await handleFailure(env, item, options.runId, outcome.error));
		}
	}
	return results;
}
