import type {OutboxItem} from '../store/outbox.js';
import {markOutboxFailed, removeOutboxItem} from '../store/outbox.js';
import {type DeliveryEnv, type DeliveryResult, deliverOne, fromStoredWrite, type PlannedWrite} from './delivery.js';
import {mayContinue} from './interrupt.js';

const toAction = (action: string): PlannedWrite['action'] =>
	action === 'note' || action === 'escalate' ? action : 'reply';

/**
 * Sends what the outbox holds, each item at most once: the journal says whether an earlier attempt got through,
 * drift is checked again, and an item leaves the outbox only when the desk has it. Items for one ticket go in the
 * order they were written: when one is not delivered, the later ones for that ticket wait for the next retry.
 */
export async function retryOutbox(
	env: DeliveryEnv,
	items: readonly OutboxItem[],
	options: {force: boolean; onResult: (result: DeliveryResult, done: number, total: number) => void},
): Promise<DeliveryResult[]> {
	const results: DeliveryResult[] = [];
	const held = new Set<string>();
	const ordered = [...items].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
	for (const item of ordered) {
		if (!(await mayContinue(env.signal))) break;
		let result: DeliveryResult;
		if (held.has(item.ticketId)) {
			result = {
				ticketId: item.ticketId,
				result: 'queued',
				reason: 'waits for an earlier message to this ticket that was not delivered; kept in the outbox',
			};
		} else {
			result = await deliverOne(env, fromStoredWrite(item, toAction(item.action)), {
				runId: item.runId,
				force: options.force,
			});
		}
		if (result.result === 'sent' || result.result === 'skipped') removeOutboxItem(env.db, item.id);
		else held.add(item.ticketId);
		// A refusal that retrying will not change: the item says so, and `outbox list` offers to drop it.
		if (result.result === 'failed')
			markOutboxFailed(env.db, item.id, result.reason ?? 'failed', env.now().toISOString());
		results.push(result);
		options.onResult(result, results.length, items.length);
	}
	return results;
}
