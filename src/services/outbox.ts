import type {OutboxItem} from '../store/outbox.js';
import {removeOutboxItem} from '../store/outbox.js';
import {type DeliveryEnv, type DeliveryResult, deliverOne, fromStoredWrite, type PlannedWrite} from './delivery.js';
import {mayContinue} from './interrupt.js';

const toAction = (action: string): PlannedWrite['action'] =>
	action === 'note' || action === 'escalate' ? action : 'reply';

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
		if (!(await mayContinue(env.signal))) break;
		const result = await deliverOne(env, fromStoredWrite(item, toAction(item.action)), {
			runId: item.runId,
			force: options.force,
		});
		if (result.result === 'sent' || result.result === 'skipped') removeOutboxItem(env.db, item.id);
		results.push(result);
		options.onResult(result, results.length, items.length);
	}
	return results;
}
