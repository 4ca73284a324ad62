import type {DeliveryResult} from '../services/delivery.js';
import type {Flash} from './components/hint-line.js';
import {formatIds} from './format.js';

/** One line for the outcome of an update on one or many tickets. */
export function flashOfResults(results: readonly DeliveryResult[], done: string): Flash {
	const failed = results.filter((result) => result.result === 'failed');
	const ok = results.filter((result) => result.result !== 'failed').map((result) => result.ticketId);
	if (failed.length === 0) return {text: `${done}: ${formatIds(ok)}`, tone: 'ok'};
	const first = failed[0] as DeliveryResult;
	return {
		text: `${failed.length} of ${results.length} failed (#${first.ticketId}: ${first.reason ?? 'unknown error'})${ok.length > 0 ? `; done: ${formatIds(ok)}` : ''}`,
		tone: 'danger',
	};
}

/** One line for a reply, note or escalation that went through deliverOne. */
export function flashOfDelivery(result: DeliveryResult, what: string): Flash {
	switch (result.result) {
		case 'sent':
		case 'dry-run':
			return {text: `${what} sent to #${result.ticketId}.`, tone: 'ok'};
		case 'skipped':
			return {text: `${what} was already sent to #${result.ticketId}; not sent again.`, tone: 'warning'};
		case 'queued':
			return {
				// The service's reason speaks to the CLI ("kept in the outbox (csr outbox retry)"): say it once, here.
				text: `Not delivered now: ${(result.reason ?? 'the desk did not answer').replace(/[;,.]?\s*kept in the outbox.*$/i, '')}. Kept in the outbox: O shows it, R there sends it again.`,
				tone: 'warning',
			};
		case 'failed':
			return {text: `Not sent to #${result.ticketId}: ${result.reason ?? 'unknown error'}`, tone: 'danger'};
	}
}

/**
 * One line for a bulk run (replies, notes, escalations to the selected tickets): how many were sent, kept in the
 * outbox, already sent before (not again) and failed, naming the first failure.
 */
export function flashOfBulk(results: readonly DeliveryResult[], what: string): Flash {
	const count = (kind: DeliveryResult['result']) => results.filter((result) => result.result === kind);
	const sent = [...count('sent'), ...count('dry-run')];
	const queued = count('queued');
	const skipped = count('skipped');
	const failed = count('failed');
	const parts = [`${what}: ${sent.length} sent`];
	if (queued.length > 0) parts.push(`${queued.length} kept in the outbox (O shows why, R there retries)`);
	if (skipped.length > 0)
		parts.push(`${skipped.length} had it already, not sent again (${formatIds(skipped.map((r) => r.ticketId))})`);
	if (failed.length > 0) {
		const first = failed[0] as DeliveryResult;
		parts.push(`${failed.length} failed (#${first.ticketId}: ${first.reason ?? 'unknown error'})`);
	}
	return {
		text: `${parts.join(' · ')}.`,
		tone: failed.length > 0 ? 'danger' : queued.length > 0 || skipped.length > 0 ? 'warning' : 'ok',
	};
}
