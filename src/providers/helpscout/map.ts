import type {Attachment, AuthorRole, Message} from '../../domain/message.js';
import type {AgentRef, Channel, Ticket, TicketStatus} from '../../domain/ticket.js';
import {htmlToText} from '../../text/html-to-text.js';
import type {SatisfactionRating, TicketFacts} from '../help-desk.js';
import type {HsConversation, HsMailbox, HsPerson, HsRating, HsThread, HsUser} from './schemas.js';

// Provider words stop here: a Help Scout "conversation" is a ticket, a "thread" a message, a "mailbox" csr's group,
// a "folder" a view. Help Scout has no priorities and no SLA fields.

/**
 * Conversation status ↔ csr status. Help Scout has four: active (someone has to act) is open, pending is pending,
 * closed is solved (a customer reply reopens it), spam is closed. It has no new and no on-hold: csr's new is written
 * as active, on-hold as pending (so it reads back as pending), closed as closed.
 */
export function statusFromHelpScout(status: string): TicketStatus {
	switch (status) {
		case 'pending':
			return 'pending';
		case 'closed':
			return 'solved';
		case 'spam':
			return 'closed';
		default:
			return 'open';
	}
}

export const statusToHelpScout: Readonly<Record<TicketStatus, 'active' | 'pending' | 'closed'>> = {
	new: 'active',
	open: 'active',
	pending: 'pending',
	'on-hold': 'pending',
	solved: 'closed',
	closed: 'closed',
};

export const channelOf = (type: string | null | undefined): Channel =>
	type === 'email' ? 'email' : type === 'chat' ? 'chat' : type === 'phone' ? 'phone' : 'other';

export function personName(person: HsPerson | null | undefined, fallback: string): string {
	const full = [person?.first, person?.last].filter((part) => part && part.trim() !== '').join(' ');
	return full || person?.email || fallback;
}

export function userRef(user: HsUser): AgentRef {
	const full = [user.firstName, user.lastName].filter((part) => part && part.trim() !== '').join(' ');
	return {id: String(user.id), name: full || user.email || `user ${user.id}`, email: user.email ?? null};
}

/**
 * When the conversation last changed, for csr's drift check. Help Scout's conversation has no `updatedAt`: csr takes
 * the latest of `userUpdatedAt` (an agent's change), `customerWaitingSince.time` (the customer's last message),
 * `closedAt`, `createdAt` and the embedded threads (csr reads conversations with `embed=threads` everywhere, so the
 * value is the same whichever endpoint gave it; a second customer message moves it even when `customerWaitingSince`
 * does not).
 */
export function changedAt(raw: HsConversation): string {
	const times = [
		raw.createdAt,
		raw.userUpdatedAt,
		raw.closedAt,
		raw.customerWaitingSince?.time,
		...(raw._embedded?.threads ?? []).map(threadTime),
	].filter((value): value is string => typeof value === 'string');
	return times.reduce((latest, value) => (Date.parse(value) > Date.parse(latest) ? value : latest));
}

export const threadTime = (thread: HsThread): string | null => thread.createdAt ?? thread.createdBy?.createdAt ?? null;

export const conversationPageUrl = (id: number): string => `https://secure.helpscout.net/conversation/${id}`;

/** The customer: the primary customer, named from what the conversation or its threads say about them. */
function requesterOf(raw: HsConversation): HsPerson | null {
	const primary = raw.primaryCustomer ?? null;
	const id = primary?.id ?? (raw.createdBy?.type === 'customer' ? raw.createdBy.id : null) ?? null;
	if (id === null) return primary;
	const fromThread = (raw._embedded?.threads ?? []).find((thread) => thread.customer?.id === id)?.customer;
	const createdBy = raw.createdBy?.type === 'customer' && raw.createdBy.id === id ? raw.createdBy : null;
	return {
		id,
		first: primary?.first ?? fromThread?.first ?? createdBy?.first ?? null,
		last: primary?.last ?? fromThread?.last ?? createdBy?.last ?? null,
		email: primary?.email ?? fromThread?.email ?? createdBy?.email ?? null,
	};
}

export function toTicket(raw: HsConversation, mailboxes: ReadonlyMap<number, HsMailbox>): Ticket {
	const customer = requesterOf(raw);
	const customerId = customer?.id ?? null;
	const assignee = raw.assignee?.id == null ? null : raw.assignee;
	return {
		id: String(raw.id),
		subject: raw.subject ?? '',
		status: statusFromHelpScout(raw.status),
		// Help Scout has no priorities.
		priority: null,
		channel: channelOf(raw.type),
		requester: {
			id: customerId === null ? '' : String(customerId),
			name: personName(customer, customerId === null ? 'unknown customer' : `customer ${customerId}`),
			email: customer?.email ?? null,
			locale: null,
		},
		assignee:
			assignee === null
				? null
				: {id: String(assignee.id), name: personName(assignee, `user ${assignee.id}`), email: assignee.email ?? null},
		group:
			raw.mailboxId == null
				? null
				: {id: String(raw.mailboxId), name: mailboxes.get(raw.mailboxId)?.name ?? `mailbox ${raw.mailboxId}`},
		tags: (raw.tags ?? []).map((tag) => tag.tag),
		createdAt: raw.createdAt,
		updatedAt: changedAt(raw),
		// No SLA fields in Help Scout's API.
		slaDueAt: null,
		url: conversationPageUrl(raw.id),
	};
}

/** Threads that are messages: line items (system events) and unsent drafts are not. */
export const isMessage = (thread: HsThread): boolean =>
	thread.type !== 'lineitem' && thread.state !== 'draft' && thread.state !== 'hidden';

function roleOf(thread: HsThread): AuthorRole {
	if (thread.type === 'customer') return 'customer';
	if (thread.type === 'reply' || thread.type === 'note') return 'agent';
	return thread.createdBy?.type === 'customer' ? 'customer' : 'agent';
}

function toAttachment(raw: NonNullable<NonNullable<HsThread['_embedded']>['attachments']>[number]): Attachment {
	return {
		name: raw.filename ?? `attachment ${raw.id ?? ''}`.trim(),
		size: raw.size ?? null,
		contentType: raw.mimeType ?? null,
		// Listed, never fetched by csr.
		url: raw._links?.web?.href ?? null,
	};
}

export function toMessage(thread: HsThread, ticket: Ticket): Message {
	const role = roleOf(thread);
	const person = role === 'customer' ? (thread.customer ?? thread.createdBy) : thread.createdBy;
	const personId = person?.id ?? null;
	return {
		id: String(thread.id),
		author: {
			id: personId === null ? '' : String(personId),
			name: personName(
				person,
				role === 'customer' ? ticket.requester.name : personId === null ? 'Help Scout' : `user ${personId}`,
			),
			email: person?.email ?? (role === 'customer' ? ticket.requester.email : null),
			role,
		},
		public: thread.type !== 'note',
		channel: thread.type === 'chat' ? 'chat' : thread.type === 'phone' ? 'phone' : ticket.channel,
		createdAt: threadTime(thread) ?? ticket.createdAt,
		text: htmlToText(thread.body ?? ''),
		attachments: (thread._embedded?.attachments ?? []).map(toAttachment),
	};
}

const minutesBetween = (from: string, to: string): number =>
	Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));

/**
 * KPI facts from a conversation and its threads (`embed=threads`): first reply = the first `reply` thread; solved =
 * `closedAt` while closed; public agent replies = the `reply` threads. Help Scout keeps no reopen count and no SLA on
 * the conversation: reopens 0 (a lower bound), SLA null. No business hours.
 */
export function toTicketFacts(raw: HsConversation, mailboxes: ReadonlyMap<number, HsMailbox>): TicketFacts {
	const ticket = toTicket(raw, mailboxes);
	const replies = (raw._embedded?.threads ?? [])
		.filter((thread) => thread.type === 'reply' && isMessage(thread))
		.map(threadTime)
		.filter((value): value is string => value !== null)
		.sort((a, b) => Date.parse(a) - Date.parse(b));
	const firstReplyAt = replies[0] ?? null;
	const solvedAt = ticket.status === 'solved' ? (raw.closedAt ?? null) : null;
	return {
		ticket,
		firstReplyAt,
		firstReplyMinutes: firstReplyAt === null ? null : minutesBetween(raw.createdAt, firstReplyAt),
		firstReplyBusinessMinutes: null,
		solvedAt,
		fullResolutionMinutes: solvedAt === null ? null : minutesBetween(raw.createdAt, solvedAt),
		fullResolutionBusinessMinutes: null,
		reopens: 0,
		publicAgentReplies: replies.length,
		slaBreached: null,
	};
}

/**
 * Happiness ratings are Great, Okay and Not Good (`ratingId` 1, 2, 3). csr's CSAT is good ÷ (good + bad): Great is
 * good; Okay and Not Good are bad (a customer who says "okay" is not counted as satisfied). Help Scout's own happiness
 * score (% Great − % Not Good) is a different number.
 */
export function scoreFromRating(raw: HsRating): 'good' | 'bad' | null {
	const word = (raw.rating ?? '').toLowerCase().replace(/[^a-z]/g, '');
	if (raw.ratingId === 1 || word === 'great') return 'good';
	if (raw.ratingId === 2 || raw.ratingId === 3 || word === 'okay' || word === 'ok' || word === 'notgood') return 'bad';
	return null;
}

export function toSatisfactionRating(raw: HsRating): SatisfactionRating | null {
	const score = scoreFromRating(raw);
	if (score === null || raw.ratingCreatedAt == null) return null;
	return {
		id: `${raw.id ?? 'conversation'}-${raw.ratingCreatedAt}`,
		ticketId: raw.id == null ? null : String(raw.id),
		at: raw.ratingCreatedAt,
		score,
		comment: raw.ratingComments || null,
		channel: raw.type ? channelOf(raw.type) : null,
	};
}
