import type {Attachment, AuthorRole, Message} from '../../domain/message.js';
import type {AgentRef, Channel, Priority, Ticket, TicketStatus} from '../../domain/ticket.js';
import {htmlToText} from '../../text/html-to-text.js';
import type {TicketFacts} from '../help-desk.js';
import type {
	ZammadArticle,
	ZammadAttachment,
	ZammadPriority,
	ZammadState,
	ZammadTicket,
	ZammadUser,
} from './schemas.js';

// Provider words stop here: a Zammad "article" is a message, "owner" the assignee (1 = nobody), "customer" the
// requester, "group" csr's group, "overview" a view. States are data: csr maps them by state *type*.

/** Zammad's built-in state types (ticket_states.json: new 1, open 2, pending reminder 3, pending close 4, closed 5, merged 6, removed 7). */
export const stateTypes = {
	new: 1,
	open: 2,
	pendingReminder: 3,
	pendingAction: 4,
	closed: 5,
	merged: 6,
	removed: 7,
} as const;

/** The system user: an owner of 1 means unassigned. */
export const nobody = 1;

/**
 * State type → csr status. A pending state waits with a time: "pending close" (closes itself when the time comes)
 * is csr's pending, "pending reminder" (the agent is reminded) csr's on-hold. Zammad has no solved/closed split:
 * its closed is csr's solved (a customer's follow-up reopens it); merged and removed tickets are closed.
 */
export function statusFromStateType(typeId: number | undefined): TicketStatus {
	switch (typeId) {
		case stateTypes.new:
			return 'new';
		case stateTypes.pendingAction:
			return 'pending';
		case stateTypes.pendingReminder:
			return 'on-hold';
		case stateTypes.closed:
			return 'solved';
		case stateTypes.merged:
		case stateTypes.removed:
			return 'closed';
		default:
			return 'open';
	}
}

/** The state types a csr status reads from (the inverse of statusFromStateType), for queue filters. */
export const stateTypesFor: Readonly<Record<TicketStatus, readonly number[]>> = {
	new: [stateTypes.new],
	open: [stateTypes.open],
	pending: [stateTypes.pendingAction],
	'on-hold': [stateTypes.pendingReminder],
	solved: [stateTypes.closed],
	closed: [stateTypes.merged, stateTypes.removed],
};

/** The state type a csr status is written as: csr's closed is Zammad's closed too (merging is not csr's to do). */
export const writeStateTypeFor = (status: TicketStatus): number =>
	status === 'closed' ? stateTypes.closed : (stateTypesFor[status][0] ?? stateTypes.open);

/**
 * Priorities are records named "1 low", "2 normal", "3 high"; admins can add more. The leading number decides:
 * 1 low, 2 normal, 3 high, 4 and up urgent; a name without one is read by its words.
 */
export function priorityFromName(name: string | null | undefined): Priority | null {
	if (!name) return null;
	const rank = /^\s*(\d+)/.exec(name)?.[1];
	if (rank !== undefined) {
		const number = Number(rank);
		return number <= 1 ? 'low' : number === 2 ? 'normal' : number === 3 ? 'high' : 'urgent';
	}
	if (/urgent|critical/i.test(name)) return 'urgent';
	if (/high/i.test(name)) return 'high';
	if (/low/i.test(name)) return 'low';
	return 'normal';
}

/** Article / ticket creation types: by name when Zammad gives it (expand=true), else by Zammad's seeded ids. */
const channelByType: Readonly<Record<string, Channel>> = {
	email: 'email',
	sms: 'sms',
	chat: 'chat',
	fax: 'other',
	phone: 'phone',
	web: 'web',
	note: 'other',
	'twitter status': 'social',
	'twitter direct-message': 'social',
	'facebook feed post': 'social',
	'facebook feed comment': 'social',
	'telegram personal-message': 'social',
};
// Seed ids of Zammad's article types. Only 1 (email), 5 (phone) and 10 (note) are confirmed by the documented
// examples; the rest follow Zammad's seed order and are used only when no type name is given.
const typeNameById: Readonly<Record<number, string>> = {
	1: 'email',
	2: 'sms',
	3: 'chat',
	4: 'fax',
	5: 'phone',
	6: 'twitter status',
	7: 'twitter direct-message',
	8: 'facebook feed post',
	9: 'facebook feed comment',
	10: 'note',
	11: 'web',
	12: 'telegram personal-message',
};

export function channelOf(name: string | null | undefined, typeId: number | null | undefined): Channel {
	const type = name ?? (typeId == null ? undefined : typeNameById[typeId]);
	return type === undefined ? 'other' : (channelByType[type] ?? 'other');
}

export function userName(user: ZammadUser | undefined | null, id: number): string {
	const full = [user?.firstname, user?.lastname].filter((part) => part && part.trim() !== '').join(' ');
	return full || user?.email || user?.login || `user ${id}`;
}

export function toAgentRef(user: ZammadUser | undefined | null, id: number): AgentRef {
	return {id: String(id), name: userName(user, id), email: user?.email || null};
}

/** What csr knows of the instance while mapping: states, priorities, groups and users already looked up. */
export type Lookup = {
	readonly states: readonly ZammadState[];
	readonly priorities: readonly ZammadPriority[];
	readonly groups: ReadonlyMap<number, string>;
	readonly user: (id: number) => ZammadUser | undefined;
	readonly origin: string;
};

/** The agent-facing page of a ticket. */
export const ticketPageUrl = (origin: string, id: number): string => `${origin}/#ticket/zoom/${id}`;

const isWorking = (status: TicketStatus): boolean => status === 'new' || status === 'open';

export function toTicket(raw: ZammadTicket, tags: readonly string[], lookup: Lookup): Ticket {
	const state = lookup.states.find((candidate) => candidate.id === raw.state_id);
	const status = statusFromStateType(state?.state_type_id);
	const priorityName = lookup.priorities.find((candidate) => candidate.id === raw.priority_id)?.name ?? raw.priority;
	const customerId = raw.customer_id ?? null;
	const customer = customerId === null ? undefined : lookup.user(customerId);
	const ownerId = raw.owner_id ?? nobody;
	const ticket: Ticket = {
		id: String(raw.id),
		subject: raw.title ?? '',
		status,
		priority: priorityFromName(priorityName),
		channel: channelOf(raw.create_article_type, raw.create_article_type_id),
		requester: {
			id: customerId === null ? '' : String(customerId),
			name: customerId === null ? 'unknown requester' : userName(customer, customerId),
			email: customer?.email || null,
			locale: customer?.preferences?.locale ?? null,
		},
		assignee: ownerId === nobody ? null : toAgentRef(lookup.user(ownerId), ownerId),
		group:
			raw.group_id == null
				? null
				: {id: String(raw.group_id), name: lookup.groups.get(raw.group_id) ?? raw.group ?? `group ${raw.group_id}`},
		tags: [...tags],
		createdAt: raw.created_at,
		updatedAt: raw.updated_at,
		// The next SLA breach Zammad computed; it keeps counting only while the ticket is worked on.
		slaDueAt: isWorking(status) ? (raw.escalation_at ?? null) : null,
		url: ticketPageUrl(lookup.origin, raw.id),
	};
	const custom =
		state !== undefined && !['new', 'open', 'pending reminder', 'pending close', 'closed'].includes(state.name);
	return custom ? {...ticket, statusLabel: state.name} : ticket;
}

function toAttachment(raw: ZammadAttachment, article: ZammadArticle, origin: string): Attachment {
	const size = raw.size == null ? null : Number(raw.size);
	const contentType = raw.preferences?.['Content-Type'] ?? raw.preferences?.['Mime-Type'];
	return {
		name: raw.filename,
		size: size === null || Number.isNaN(size) ? null : size,
		contentType: typeof contentType === 'string' ? contentType : null,
		// Listed, never fetched by csr.
		url: raw.id == null ? null : `${origin}/api/v1/ticket_attachment/${article.ticket_id}/${article.id}/${raw.id}`,
	};
}

const roleOf = (sender: string | null | undefined): AuthorRole =>
	sender === 'Customer' ? 'customer' : sender === 'System' ? 'system' : 'agent';

/** The name part of `"David Bell <david@example.com>"`, or the address. */
function fromAddress(from: string | null | undefined): {name: string | null; email: string | null} {
	if (!from) return {name: null, email: null};
	const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
	if (match) return {name: match[1]?.trim() || null, email: match[2]?.trim() ?? null};
	return from.includes('@') ? {name: null, email: from.trim()} : {name: from.trim(), email: null};
}

/** Article → message: internal articles are notes; HTML bodies are rendered to text. */
export function toMessage(raw: ZammadArticle, ticket: Ticket, lookup: Lookup): Message {
	const role = roleOf(raw.sender);
	const userId = raw.created_by_id ?? null;
	const user = userId === null ? undefined : lookup.user(userId);
	const from = fromAddress(raw.from);
	const isRequester = userId !== null && String(userId) === ticket.requester.id;
	const name =
		(user ? userName(user, userId ?? 0) : null) ||
		(isRequester ? ticket.requester.name : null) ||
		from.name ||
		from.email ||
		raw.created_by ||
		'Zammad';
	const body = raw.body ?? '';
	return {
		id: String(raw.id),
		author: {
			id: userId === null ? '' : String(userId),
			name,
			email: user?.email || (isRequester ? ticket.requester.email : null) || from.email || raw.created_by || null,
			role,
		},
		public: !raw.internal,
		// A note travels no channel of its own: it belongs to the ticket's.
		channel: raw.type === 'note' || !raw.type ? ticket.channel : channelOf(raw.type, null),
		createdAt: raw.created_at,
		text: raw.content_type === 'text/plain' ? body.trim() : htmlToText(body),
		attachments: (raw.attachments ?? []).map((attachment) => toAttachment(attachment, raw, lookup.origin)),
	};
}

const minutesBetween = (from: string, to: string): number =>
	Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));

/**
 * KPI facts from the fields Zammad keeps on each ticket:
 * - first reply: `first_response_at`; business minutes: `first_response_in_min` (computed on the SLA's calendar, null
 *   without an SLA).
 * - solved: `last_close_at` (newer versions) or `close_at` while the ticket is closed; business minutes: `close_in_min`.
 * - SLA breached: any `*_diff_in_min` below zero (target − actual); null when no SLA applied.
 * - reopens: 1 when the last close differs from the first (Zammad keeps only those two), else 0; a lower bound.
 * - public agent replies: 0 without a first response; 1 when the last agent contact is the first response; else 2
 *   ("more than one"), exact for one-touch resolution.
 */
export function toTicketFacts(raw: ZammadTicket, tags: readonly string[], lookup: Lookup): TicketFacts {
	const ticket = toTicket(raw, tags, lookup);
	const firstReplyAt = raw.first_response_at ?? null;
	const closed = ticket.status === 'solved' || ticket.status === 'closed';
	const solvedAt = closed ? (raw.last_close_at ?? raw.close_at ?? null) : null;
	const diffs = [raw.first_response_diff_in_min, raw.close_diff_in_min, raw.update_diff_in_min].filter(
		(value): value is number => typeof value === 'number',
	);
	const lastAgent = raw.last_contact_agent_at ?? null;
	const replies = firstReplyAt === null ? 0 : lastAgent === null || lastAgent === firstReplyAt ? 1 : 2;
	const reopened = raw.last_close_at != null && raw.close_at != null && raw.last_close_at !== raw.close_at;
	return {
		ticket,
		firstReplyAt,
		firstReplyMinutes: firstReplyAt === null ? null : minutesBetween(raw.created_at, firstReplyAt),
		firstReplyBusinessMinutes: firstReplyAt === null ? null : (raw.first_response_in_min ?? null),
		solvedAt,
		fullResolutionMinutes: solvedAt === null ? null : minutesBetween(raw.created_at, solvedAt),
		fullResolutionBusinessMinutes: solvedAt === null ? null : (raw.close_in_min ?? null),
		reopens: reopened ? 1 : 0,
		publicAgentReplies: replies,
		slaBreached: diffs.length === 0 ? null : diffs.some((value) => value < 0),
	};
}
