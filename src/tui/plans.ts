import type {Priority, Ticket} from '../domain/ticket.js';
import type {TicketChanges} from '../providers/help-desk.js';
import type {PlannedAttachment} from '../services/attachments.js';
import type {MessagePlan} from './services.js';

/**
 * A reply or note to the ticket as the agent read it: `expectedUpdatedAt` is the ticket's updatedAt when it was
 * opened, so a change by anyone else since then stops the send.
 */
export function messagePlan(input: {
	ticket: Ticket;
	isPublic: boolean;
	body: string;
	template: string | null;
	changes: TicketChanges | undefined;
	durationSec: number | null;
	/** Files the composer attached: they go as `csr reply --attach` files do (journal, hashes, checked at send). */
	attachments?: readonly PlannedAttachment[];
}): MessagePlan {
	const {ticket} = input;
	return {
		ticketId: ticket.id,
		isPublic: input.isPublic,
		body: input.body,
		changes: input.changes,
		template: input.template,
		expectedUpdatedAt: ticket.updatedAt,
		customer: {email: ticket.requester.email, name: ticket.requester.name},
		channel: ticket.channel,
		action: input.isPublic ? 'reply' : 'note',
		outcome: null,
		durationSec: input.durationSec,
		...((input.attachments ?? []).length > 0 ? {extras: {attachments: input.attachments}} : {}),
	};
}

/** An escalation as `csr escalate` does it: an internal note with the reason, the group, optionally a priority. */
export function escalationPlan(input: {
	ticket: Ticket;
	group: string;
	reason: string;
	priority: Priority | null;
	/** Unassign, so the receiving group picks it up instead of it staying with the agent who had it. */
	clearAssignee?: boolean;
	durationSec: number | null;
}): MessagePlan {
	const {ticket} = input;
	return {
		ticketId: ticket.id,
		isPublic: false,
		body: `Escalated to ${input.group}: ${input.reason}`,
		changes: {
			group: input.group,
			...(input.priority ? {priority: input.priority} : {}),
			...(input.clearAssignee ? {assignee: null} : {}),
		},
		template: null,
		expectedUpdatedAt: ticket.updatedAt,
		customer: {email: ticket.requester.email, name: ticket.requester.name},
		channel: ticket.channel,
		action: 'escalate',
		outcome: 'escalated',
		durationSec: input.durationSec,
	};
}

/** `+vip -spam` → a tag delta; null when a word is neither. */
export function parseTagDelta(text: string): {add: string[]; remove: string[]} | null {
	const words = text.trim().split(/\s+/).filter(Boolean);
	if (words.length === 0) return null;
	if (words.some((word) => !/^[+-][\p{L}\p{N}_:.\-/]+$/u.test(word))) return null;
	return {
		add: words.filter((word) => word.startsWith('+')).map((word) => word.slice(1)),
		remove: words.filter((word) => word.startsWith('-')).map((word) => word.slice(1)),
	};
}
