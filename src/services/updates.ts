import {randomUUID} from 'node:crypto';
import type {Ticket} from '../domain/ticket.js';
import {AuthError, messageOf} from '../errors.js';
import type {HelpDesk, TicketChanges} from '../providers/help-desk.js';
import type {Database} from '../store/database.js';
import {insertRecord} from '../store/records.js';
import type {DeliveryResult} from './delivery.js';
import {isTemporary} from './delivery.js';
import {mayContinue} from './interrupt.js';

export type UpdateEnv = {
	readonly desk: HelpDesk;
	readonly db: Database;
	readonly profile: string;
	readonly agent: string | null;
	readonly now: () => Date;
	readonly signal?: AbortSignal | undefined;
	/** Handle time to record with each update, when the caller knows it (the TUI: from opening the ticket). */
	readonly durationSec?: number | null | undefined;
};

function summarise(changes: TicketChanges): string {
	const parts: string[] = [];
	if (changes.status) parts.push(`status → ${changes.status}`);
	if (changes.priority) parts.push(`priority → ${changes.priority}`);
	if (changes.assignee !== undefined)
		parts.push(
			`assignee → ${changes.assignee === null ? 'none' : changes.assignee === 'me' ? 'me' : changes.assignee.email}`,
		);
	if (changes.group) parts.push(`group → ${changes.group}`);
	if (changes.tags?.add.length) parts.push(`tags +${changes.tags.add.join(' +')}`);
	if (changes.tags?.remove.length) parts.push(`tags -${changes.tags.remove.join(' -')}`);
	return parts.join(', ');
}

/**
 * Applies the same change to several tickets, one record per ticket. Updates are idempotent (a status set twice is
 * the same status; tags are a delta), so a re-run after a failure is safe.
 */
export async function applyUpdates(
	env: UpdateEnv,
	ids: readonly string[],
	changes: TicketChanges,
	action: 'status' | 'assign' | 'tag',
	onResult: (result: DeliveryResult, done: number, total: number) => void,
): Promise<DeliveryResult[]> {
	const results: DeliveryResult[] = [];
	for (const ticketId of ids) {
		if (!(await mayContinue(env.signal))) break;
		let result: DeliveryResult;
		try {
			const ticket: Ticket = await env.desk.updateTicket(
				ticketId,
				changes,
				{idempotencyKey: `csr-${randomUUID()}`},
				env.signal,
			);
			insertRecord(env.db, {
				id: randomUUID(),
				at: env.now().toISOString(),
				agent: env.agent,
				profile: env.profile,
				provider: env.desk.providerName,
				ticketId,
				customer: {email: ticket.requester.email, name: ticket.requester.name},
				channel: ticket.channel,
				action,
				template: null,
				status: changes.status ?? null,
				outcome: changes.status === 'solved' ? 'resolved' : null,
				durationSec: env.durationSec ?? null,
				summary: summarise(changes),
				followUpAt: null,
			});
			result = {ticketId, result: 'sent', reason: summarise(changes)};
		} catch (error) {
			if (error instanceof AuthError) throw error;
			const reason = isTemporary(error)
				? `${messageOf(error)}; nothing changed, run the command again later`
				: messageOf(error);
			result = {ticketId, result: 'failed', reason};
		}
		results.push(result);
		onResult(result, results.length, ids.length);
	}
	return results;
}
