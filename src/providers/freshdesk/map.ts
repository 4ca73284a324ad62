import type {Attachment, AuthorRole, Message} from '../../domain/message.js';
import type {AgentRef, Channel, Priority, Ticket, TicketStatus} from '../../domain/ticket.js';
import {htmlToText} from '../../text/html-to-text.js';
import type {SatisfactionRating, TicketFacts} from '../help-desk.js';
import type {
	FreshdeskAgent,
	FreshdeskAttachment,
	FreshdeskContact,
	FreshdeskConversation,
	FreshdeskRating,
	FreshdeskTicket,
} from './schemas.js';

// Provider words stop here: a Freshdesk "conversation" is a message, "source" is a channel, "responder" the assignee,
// "resolved" is csr's "solved". Numbers are from https://developers.freshdesk.com/api/#tickets.

/** What csr has seen of the account, kept for the desk's lifetime so writes (no embeds) still map with names. */
export type Directory = {
	readonly agents: Map<number, FreshdeskAgent>;
	readonly groups: Map<number, string>;
	readonly contacts: Map<number, FreshdeskContact>;
	/** Agent labels of statuses from `ticket_fields`; null until loaded. */
	statusLabels: Map<number, string> | null;
};

export function createDirectory(): Directory {
	return {agents: new Map(), groups: new Map(), contacts: new Map(), statusLabels: null};
}

export const statusCodes = {open: 2, pending: 3, resolved: 4, closed: 5} as const;

/**
 * Freshdesk has four built-in statuses. It has no "new" (a new ticket is Open) and no "on hold"; accounts add custom
 * statuses (numbers above 5, e.g. "Waiting on Customer"), which csr files under on-hold with their own label.
 */
export function statusFromFreshdesk(code: number): TicketStatus {
	switch (code) {
		case statusCodes.open:
			return 'open';
		case statusCodes.pending:
			return 'pending';
		case statusCodes.resolved:
			return 'solved';
		case statusCodes.closed:
			return 'closed';
		default:
			return 'on-hold';
	}
}

const builtInStatus: Readonly<Record<Exclude<TicketStatus, 'on-hold'>, number>> = {
	new: statusCodes.open,
	open: statusCodes.open,
	pending: statusCodes.pending,
	solved: statusCodes.resolved,
	closed: statusCodes.closed,
};

/** The Freshdesk number for a csr status; on-hold has none built in (the caller picks a custom status). */
export function statusToFreshdesk(status: TicketStatus): number | null {
	return status === 'on-hold' ? null : builtInStatus[status];
}

const priorityByCode: Readonly<Record<number, Priority>> = {1: 'low', 2: 'normal', 3: 'high', 4: 'urgent'};
export const priorityToFreshdesk: Readonly<Record<Priority, number>> = {low: 1, normal: 2, high: 3, urgent: 4};

export function priorityFromFreshdesk(code: number | null | undefined): Priority | null {
	return code == null ? null : (priorityByCode[code] ?? null);
}

/**
 * Ticket `source`: 1 email, 2 portal, 3 phone, 4 forum, 5 Twitter, 6 Facebook, 7 chat, 8 mobihelp (mobile SDK),
 * 9 feedback widget, 10 outbound email. Portal, forum, mobile and widget are all the customer typing on a web page
 * csr calls web; unknown numbers (newer channels) are other.
 */
const channelBySource: Readonly<Record<number, Channel>> = {
	1: 'email',
	2: 'web',
	3: 'phone',
	4: 'web',
	5: 'social',
	6: 'social',
	7: 'chat',
	8: 'web',
	9: 'web',
	10: 'email',
};

export function channelFromSource(source: number | null | undefined): Channel {
	return source == null ? 'other' : (channelBySource[source] ?? 'other');
}

/** Conversation `source`: 0 reply and 2 note travel the ticket's own channel; the rest name theirs. */
const channelByConversationSource: Readonly<Record<number, Channel>> = {
	5: 'social',
	6: 'web',
	7: 'social',
	8: 'email',
	9: 'phone',
	10: 'web',
	11: 'other',
};

export function toAgentRef(agent: FreshdeskAgent | undefined, id: number): AgentRef {
	return {
		id: String(id),
		name: agent?.contact.name || agent?.contact.email || `agent ${id}`,
		email: agent?.contact.email ?? null,
	};
}

/** The agent-facing page of a ticket, not the API URL. */
export function ticketPageUrl(origin: string, id: number): string {
	return `${origin}/a/tickets/${id}`;
}

const isOpenForWork = (code: number): boolean => code !== statusCodes.resolved && code !== statusCodes.closed;

/**
 * The next SLA deadline still running: the first-response target (`fr_due_by`) until an agent has responded, then
 * the resolution target (`due_by`). Without stats (search results) csr cannot tell whether the first response
 * happened, so it uses the resolution target alone rather than show a long-met first-response target as breached.
 */
export function slaDueAt(raw: FreshdeskTicket): string | null {
	if (!isOpenForWork(raw.status)) return null;
	const due = raw.due_by ?? null;
	const firstResponseDue = raw.fr_due_by ?? null;
	const awaitingFirstResponse = raw.stats != null && raw.stats.first_responded_at == null;
	if (awaitingFirstResponse && firstResponseDue !== null) {
		return due === null || Date.parse(firstResponseDue) < Date.parse(due) ? firstResponseDue : due;
	}
	return due;
}

export function toTicket(raw: FreshdeskTicket, directory: Directory, origin: string): Ticket {
	const requesterId = raw.requester_id ?? raw.requester?.id ?? null;
	const contact = requesterId === null ? undefined : directory.contacts.get(requesterId);
	const email = raw.requester?.email ?? contact?.email ?? null;
	const requesterName =
		raw.requester?.name ||
		contact?.name ||
		email ||
		(requesterId === null ? 'unknown requester' : `requester ${requesterId}`);
	const status = statusFromFreshdesk(raw.status);
	const ticket: Ticket = {
		id: String(raw.id),
		subject: raw.subject ?? '',
		status,
		priority: priorityFromFreshdesk(raw.priority),
		channel: channelFromSource(raw.source),
		requester: {
			id: requesterId === null ? '' : String(requesterId),
			name: requesterName,
			email,
			locale: contact?.language ?? null,
		},
		assignee: raw.responder_id == null ? null : toAgentRef(directory.agents.get(raw.responder_id), raw.responder_id),
		group:
			raw.group_id == null
				? null
				: {id: String(raw.group_id), name: directory.groups.get(raw.group_id) ?? `group ${raw.group_id}`},
		tags: [...(raw.tags ?? [])],
		createdAt: raw.created_at,
		updatedAt: raw.updated_at,
		slaDueAt: slaDueAt(raw),
		url: ticketPageUrl(origin, raw.id),
	};
	if (status !== 'on-hold') return ticket;
	return {...ticket, statusLabel: directory.statusLabels?.get(raw.status) ?? `status ${raw.status}`};
}

function toAttachment(raw: FreshdeskAttachment): Attachment {
	return {
		name: raw.name,
		size: raw.file_size ?? raw.size ?? null,
		contentType: raw.content_type ?? null,
		// Listed, never fetched by csr: attachments live on a CDN host, and Freshdesk credentials never go there.
		url: raw.attachment_url ?? null,
	};
}

const textOf = (html: string | null | undefined, plain: string | null | undefined): string =>
	html ? htmlToText(html) : (plain ?? '');

/** The name part of `"Rachel <rachel@example.com>"`, or the address. */
function nameFromAddress(from: string | null | undefined): {name: string | null; email: string | null} {
	if (!from) return {name: null, email: null};
	const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
	if (match) return {name: match[1]?.trim() || null, email: match[2]?.trim() ?? null};
	return {name: null, email: from.trim()};
}

/**
 * The ticket's first message is not a conversation: it is the ticket's description, written by the requester (or, for
 * an outbound email, by the agent who sent it).
 */
export function descriptionMessage(raw: FreshdeskTicket, ticket: Ticket, directory: Directory): Message {
	const outbound = raw.source === 10;
	const author = outbound
		? raw.responder_id == null
			? {id: '', name: 'Agent', email: null, role: 'agent' as const}
			: {...toAgentRef(directory.agents.get(raw.responder_id), raw.responder_id), role: 'agent' as const}
		: {id: ticket.requester.id, name: ticket.requester.name, email: ticket.requester.email, role: 'customer' as const};
	return {
		id: `${raw.id}-description`,
		author,
		public: true,
		channel: ticket.channel,
		createdAt: raw.created_at,
		text: textOf(raw.description, raw.description_text),
		attachments: (raw.attachments ?? []).map(toAttachment),
	};
}

function roleOf(raw: FreshdeskConversation, requesterId: number | null, directory: Directory): AuthorRole {
	if (raw.incoming) return 'customer';
	if (raw.user_id != null && directory.agents.has(raw.user_id)) return 'agent';
	if (raw.user_id != null && raw.user_id === requesterId) return 'customer';
	if (raw.source === 6) return 'customer';
	return 'agent';
}

/** Conversation → message: private notes are internal, incoming ones the customer's. HTML is rendered to text. */
export function toMessage(
	raw: FreshdeskConversation,
	ticketRaw: FreshdeskTicket,
	ticket: Ticket,
	directory: Directory,
): Message {
	const role = roleOf(raw, ticketRaw.requester_id ?? null, directory);
	const userId = raw.user_id ?? null;
	const from = nameFromAddress(raw.from_email);
	const agent = userId === null ? undefined : directory.agents.get(userId);
	const contact = userId === null ? undefined : directory.contacts.get(userId);
	const isRequester = userId !== null && userId === (ticketRaw.requester_id ?? null);
	const name =
		agent?.contact.name ||
		contact?.name ||
		(isRequester ? ticket.requester.name : null) ||
		from.name ||
		from.email ||
		(userId === null ? 'Freshdesk' : `user ${userId}`);
	const email = agent?.contact.email ?? contact?.email ?? (isRequester ? ticket.requester.email : null) ?? from.email;
	const source = raw.source ?? null;
	return {
		id: String(raw.id),
		author: {id: userId === null ? '' : String(userId), name, email, role},
		public: !raw.private,
		channel: source === null ? ticket.channel : (channelByConversationSource[source] ?? ticket.channel),
		createdAt: raw.created_at,
		text: textOf(raw.body, raw.body_text),
		attachments: (raw.attachments ?? []).map(toAttachment),
	};
}

const minutesBetween = (from: string, to: string): number =>
	Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));

/**
 * KPI facts from `include=stats`. Freshdesk gives timestamps, not counters, so two are derived:
 * - reopens: 1 when `reopened_at` is set (Freshdesk keeps only the last reopen), else 0; a lower bound.
 * - public agent replies: 0 without a first response; 1 when the first and the last agent response are the same
 *   instant; otherwise "more than one", reported as 2. Exact for one-touch, which is what the KPI needs.
 * Business-hours minutes are not in the API: null.
 */
export function toTicketFacts(raw: FreshdeskTicket, directory: Directory, origin: string): TicketFacts {
	const stats = raw.stats ?? null;
	const firstReplyAt = stats?.first_responded_at ?? null;
	const solvedAt = stats?.resolved_at ?? stats?.closed_at ?? null;
	const lastAgentResponse = stats?.agent_responded_at ?? null;
	const replies = firstReplyAt === null ? 0 : lastAgentResponse === null || lastAgentResponse === firstReplyAt ? 1 : 2;
	const escalations = [raw.fr_escalated, raw.is_escalated].filter((value) => typeof value === 'boolean');
	return {
		ticket: toTicket(raw, directory, origin),
		firstReplyAt,
		firstReplyMinutes: firstReplyAt === null ? null : minutesBetween(raw.created_at, firstReplyAt),
		firstReplyBusinessMinutes: null,
		solvedAt,
		fullResolutionMinutes: solvedAt === null ? null : minutesBetween(raw.created_at, solvedAt),
		fullResolutionBusinessMinutes: null,
		reopens: stats?.reopened_at ? 1 : 0,
		publicAgentReplies: replies,
		slaBreached: escalations.length === 0 ? null : escalations.some((value) => value === true),
	};
}

/**
 * Freshdesk answers the survey's main question (`ratings.default_question`) on a fixed scale: 103 extremely happy,
 * 102 very happy, 101 happy, 100 neutral, -101 unhappy, -102 very unhappy, -103 extremely unhappy (classic surveys use
 * 103 / 100 / -103). Above 100 is good. Neutral counts as bad: Freshdesk's own CSAT is positive ÷ all responses, and
 * csr's is good ÷ (good + bad), so this keeps the two the same number.
 */
export function scoreFromRating(value: number): 'good' | 'bad' {
	return value > 100 ? 'good' : 'bad';
}

export function toSatisfactionRating(raw: FreshdeskRating): SatisfactionRating | null {
	const value = raw.ratings?.['default_question'];
	if (value === undefined) return null;
	return {
		id: String(raw.id),
		ticketId: raw.ticket_id == null ? null : String(raw.ticket_id),
		at: raw.created_at,
		score: scoreFromRating(value),
		comment: raw.feedback || null,
		channel: null,
	};
}
