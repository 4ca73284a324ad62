import type {Channel} from '../domain/ticket.js';
import type {TicketChanges} from '../providers/help-desk.js';
import type {OutboxItem} from '../store/outbox.js';
import {removeOutboxItem} from '../store/outbox.js';
import {type DeliveryEnv, type DeliveryResult, deliverOne, type PlannedWrite} from './delivery.js';

function toPlannedWrite(item: OutboxItem): PlannedWrite {
	return {
		ticketId: item.ticketId,
		isPublic: item.isPublic,
		body: item.body,
		changes: item.changesJson === null ? undefined : (JSON.parse(item.changesJson) as TicketChanges),
		template: item.template,
		intentHash: item.intentHash,
		expectedUpdatedAt: item.expectedUpdatedAt,
		customer: {email: item.customerEmail, name: item.customerName},
		channel: item.channel as Channel | null,
		action: item.isPublic ? 'reply' : 'note',
		outcome: null,
		durationSec: null,
	};
}

/**
 * Sends what the outbox holds, each item at most once: the journal says whether an earlier attempt got through,
 * drift is checked again, and an item leaves the outbox only when the desk has it.
 */
export async function retryOutbox(
	env: DeliveryEnv,
	items: readonly OutboxItem[],
	options: {force: boolean; onResult: (result: DeliveryResult, done: number, total: number) => void},
): Promise<DeliveryResult[]> {
	const results: DeliveryResult[] = [];
	for (const item of items) {
		if (env.signal?.aborted) break;
		const result = await deliverOne(env, toPlannedWrite(item), {runId: item.runId, force: options.force});
		if (result.result === 'sent' || result.result === 'skipped') removeOutboxItem(env.db, item.id);
		results.push(result);
		options.onResult(result, results.length, items.length);
	}
	return results;
}
