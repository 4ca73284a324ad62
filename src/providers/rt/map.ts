import type {Attachment, AuthorRole, Message, TicketSummary} from '../../domain/message.js';
import type {AgentRef, Channel, Priority, Requester, Ticket, TicketStatus} from '../../domain/ticket.js';
import {ProviderError} from '../../errors.js';
import {htmlToText} from '../../text/html-to-text.js';
import type {TicketFacts} from '../help-desk.js';
import type {RtAttachment, RtCustomFieldValues, RtTicket, RtTransaction, RtUserRef} from './schemas.js';

/*
 * RT words stop here.
 *
 * Statuses (RT's default lifecycle: new, open, stalled, resolved, rejected, deleted):
 *   new → new, open → open, stalled → pending, resolved → solved, rejected and deleted → closed.
 * RT has one "waiting" status, stalled, and its default lifecycle reopens a stalled ticket when the requester
 * writes: that is what csr calls pending (waiting for the customer). csr's on-hold is written as stalled too, and
 * reads back as pending; a queue filter on on-hold alone matches nothing. csr's closed has no RT equivalent that
 * an agent may set (rejected means "won't do", deleted hides the ticket): csr refuses to write it.
 * A custom lifecycle's own statuses read as open, with RT's word kept as statusLabel.
 */
const statusFromRt: Readonly<Record<string, TicketStatus>> = {
	new: 'new',
	open: 'open',
	stalled: 'pending',
	resolved: 'solved',
	rejected: 'closed',
	deleted: 'closed',
};

export function toStatus(raw: string): {status: TicketStatus; label: string | null} {
	const status = statusFromRt[raw.toLowerCase()];
	return status === undefined ? {status: 'open', label: raw} : {status, label: null};
}

const statusToRt: Readonly<Record<TicketStatus, string | null>> = {
	new: 'new',
	open: 'open',
	pending: 'stalled',
	'on-hold': 'stalled',
	solved: 'resolved',
	closed: null,
};

/** The RT status to write, or a ProviderError (kind invalid) for csr's closed. */
export function rtStatusFor(status: TicketStatus): string {
	const mapped = statusToRt[status];
	if (mapped === null) {
		throw new ProviderError('RT has no "closed" status an agent can set', {
			kind: 'invalid',
			hint: 'Use solved (RT: resolved); reject or delete the ticket in RT itself.',
		});
	}
	return mapped;
}

/** RT statuses to search for csr statuses; only those that read back as one of them (so on-hold alone gives none). */
export function rtStatusesFor(statuses: readonly TicketStatus[]): string[] {
	return Object.entries(statusFromRt)
		.filter(([raw, status]) => statuses.includes(status) && raw !== 'deleted')
		.map(([raw]) => raw);
}

/*
 * Priorities: RT stores a number. RT 5 labels 0 Low, 50 Medium and 100 High by default, and its documented
 * four-level example is Low 0, Medium 50, High 80, On Fire 100. csr uses those four: writes low 0, normal 50,
 * high 80, urgent 100; reads below 50 low, 50–79 normal, 80–99 high, 100 and above urgent.
 */
export const priorityRanges: Readonly<Record<Priority, {min: number | null; max: number | null}>> = {
	low: {min: null, max: 50},
	normal: {min: 50, max: 80},
	high: {min: 80, max: 100},
	urgent: {min: 100, max: null},
};
export const priorityToRt: Readonly<Record<Priority, number>> = {low: 0, normal: 50, high: 80, urgent: 100};

export function toPriority(raw: number | null): Priority | null {
	if (raw === null) return null;
	if (raw >= 100) return 'urgent';
	if (raw >= 80) return 'high';
	if (raw >= 50) return 'normal';
	return 'low';
}

/*
 * Tags: RT has none; custom fields stand in for them. The values of a custom field named "Tags" are plain tags;
 * every other custom field's values show as "Field:Value" tags (Category:Billing). Filtering and tag changes go
 * the same way back: "Field:Value" addresses custom field Field, anything else the Tags field.
 */
export const tagsFieldName = 'Tags';

export function tagCondition(tag: string): {field: string; value: string} {
	const colon = tag.indexOf(':');
	if (colon > 0 && colon < tag.length - 1) return {field: tag.slice(0, colon), value: tag.slice(colon + 1)};
	return {field: tagsFieldName, value: tag};
}

const isTagsField = (name: string): boolean => name.toLowerCase() === tagsFieldName.toLowerCase();

export function tagsOf(customFields: readonly RtCustomFieldValues[]): string[] {
	const plain = customFields.filter((field) => isTagsField(field.name)).flatMap((field) => field.values);
	const named = customFields
		.filter((field) => !isTagsField(field.name))
		.flatMap((field) => field.values.map((value) => `${field.name}:${value}`));
	return [...new Set([...plain, ...named])];
}

export type CustomFieldWrite = {readonly name: string; readonly id: string; readonly values: readonly string[]};

/**
 * The custom-field values after a tag delta, for each field the delta touches. `singleValue(id)` says whether a
 * field holds one value (then the last added value wins). A field the ticket does not have is a ProviderError.
 */
export function applyTagDelta(
	customFields: readonly RtCustomFieldValues[],
	delta: {readonly add: readonly string[]; readonly remove: readonly string[]},
	singleValue: (fieldId: string) => boolean,
): CustomFieldWrite[] {
	const writes = new Map<string, {field: RtCustomFieldValues; values: string[]}>();
	const touch = (tag: string) => {
		const {field: name, value} = tagCondition(tag);
		const field = customFields.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
		if (field === undefined) {
			throw new ProviderError(
				isTagsField(name)
					? `this RT ticket has no "${tagsFieldName}" custom field, so it cannot take plain tags like "${tag}"`
					: `this RT ticket has no custom field "${name}" (from the tag "${tag}")`,
				{
					kind: 'invalid',
					hint: `RT keeps csr's tags in custom fields: apply a "${tagsFieldName}" field (free-form, multiple values) to the queue, or write tags as Field:Value.`,
				},
			);
		}
		const entry = writes.get(field.id) ?? {field, values: [...field.values]};
		writes.set(field.id, entry);
		return {entry, value};
	};
	for (const tag of delta.remove) {
		const {entry, value} = touch(tag);
		entry.values = entry.values.filter((existing) => existing !== value);
	}
	for (const tag of delta.add) {
		const {entry, value} = touch(tag);
		if (singleValue(entry.field.id)) entry.values = [value];
		else if (!entry.values.includes(value)) entry.values.push(value);
	}
	return [...writes.values()].map(({field, values}) => ({name: field.name, id: field.id, values}));
}

/** RT's Lang (`pt_BR`, `da`) as a locale tag (`pt-BR`), or null. */
export function toLocale(lang: string): string | null {
	const trimmed = lang.trim();
	return trimmed === '' ? null : trimmed.replace(/_/g, '-');
}

const nameOf = (user: RtUserRef): string => user.RealName.trim() || user.Name || user.id;

export function toRequester(user: RtUserRef | undefined): Requester {
	if (user === undefined) return {id: '', name: '(no requestor)', email: null, locale: null};
	return {id: user.id, name: nameOf(user), email: user.EmailAddress || null, locale: toLocale(user.Lang)};
}

/** RT's "Nobody" owns every unassigned ticket. */
export function toAssignee(owner: RtUserRef): AgentRef | null {
	if (owner.id === 'Nobody' || owner.id === '6') return null;
	return {id: owner.id, name: nameOf(owner), email: owner.EmailAddress || null};
}

/** The web UI address of a ticket: RT's base URL (with its WebPath) + /Ticket/Display.html. */
export function ticketUrl(webBase: string, ticketId: string): string {
	return `${webBase}/Ticket/Display.html?id=${encodeURIComponent(ticketId)}`;
}

export function toTicket(raw: RtTicket, webBase: string): Ticket {
	const {status, label} = toStatus(raw.Status);
	const ticket: Ticket = {
		id: raw.id,
		subject: raw.Subject,
		status,
		priority: toPriority(raw.Priority),
		// RT is built around email; which channel a ticket came in on is only in its first message's headers.
		channel: 'email',
		requester: toRequester(raw.Requestor[0]),
		assignee: toAssignee(raw.Owner),
		group: {id: raw.Queue.id, name: raw.Queue.Name || raw.Queue.id},
		tags: tagsOf(raw.CustomFields),
		createdAt: raw.Created,
		updatedAt: raw.LastUpdated,
		slaDueAt: raw.Due,
		url: ticketUrl(webBase, raw.id),
	};
	return label === null ? ticket : {...ticket, statusLabel: label};
}

export function toSummary(ticket: Ticket): TicketSummary {
	return {
		id: ticket.id,
		subject: ticket.subject,
		status: ticket.status,
		channel: ticket.channel,
		createdAt: ticket.createdAt,
		updatedAt: ticket.updatedAt,
	};
}

/** Transactions that carry a message: Create (the opening message), Correspond (public), Comment (internal). */
export const messageTypes = new Set(['Create', 'Correspond', 'Comment']);

/** `X-RT-Interface` of a message part: how it reached RT. */
export function interfaceChannel(headers: string): Channel {
	const match = /^X-RT-Interface:\s*(\S+)/im.exec(headers);
	switch (match?.[1]?.toLowerCase()) {
		case 'web':
		case 'mobile':
			return 'web';
		case 'rest':
		case 'api':
			return 'api';
		case 'cli':
			return 'other';
		default:
			return 'email';
	}
}

const isFile = (part: RtAttachment): boolean =>
	part.Filename !== '' || /^Content-Disposition:\s*attachment/im.test(part.Headers);
const isText = (part: RtAttachment, type: string): boolean => part.ContentType.toLowerCase() === type;

/** The part that holds a message's text: plain text first, else HTML (an HTML-only message has no plain part). */
export function bodyPart(parts: readonly RtAttachment[]): RtAttachment | null {
	const inline = parts.filter((part) => !isFile(part));
	return inline.find((part) => isText(part, 'text/plain')) ?? inline.find((part) => isText(part, 'text/html')) ?? null;
}

export function fileAttachments(parts: readonly RtAttachment[], webBase: string): Attachment[] {
	return parts.filter(isFile).map((part) => {
		const name = part.Filename || `attachment-${part.id}`;
		return {
			name,
			size: part.ContentLength,
			contentType: part.ContentType || null,
			url: `${webBase}/Ticket/Attachment/${encodeURIComponent(part.TransactionId)}/${encodeURIComponent(part.id)}/${encodeURIComponent(name)}`,
		};
	});
}

export function messageText(part: RtAttachment | null, content: string | undefined): string {
	if (part === null || content === undefined) return '';
	return isText(part, 'text/html') ? htmlToText(content) : content.replace(/\r\n?/g, '\n').trimEnd();
}

export function toMessage(input: {
	readonly transaction: RtTransaction;
	readonly role: AuthorRole;
	readonly parts: readonly RtAttachment[];
	readonly content: string | undefined;
	readonly webBase: string;
}): Message {
	const {transaction, role, parts, webBase} = input;
	const body = bodyPart(parts);
	const creator = transaction.Creator;
	return {
		id: transaction.id,
		author: {id: creator.id, name: nameOf(creator), email: creator.EmailAddress || null, role},
		public: transaction.Type !== 'Comment',
		channel: interfaceChannel(body?.Headers ?? parts[0]?.Headers ?? ''),
		createdAt: transaction.Created,
		text: messageText(body, input.content),
		attachments: fileAttachments(parts, webBase),
	};
}

/** RT's own account for automatic actions (scrips: autoreplies, auto-open on reply). */
export const systemUsers = new Set(['RT_System']);

const minutesBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 60_000);
const activeStatuses = new Set(['new', 'open', 'stalled']);

/**
 * KPI facts from the ticket's transactions: first reply = the first Correspond by someone who is not a requestor
 * (nor RT itself); solved = the last Status change to resolved; a reopen = a Status change from resolved back to an
 * active status. RT keeps no business hours, so business minutes are null. "SLA breached" uses RT's Due date: null
 * without one, else whether the ticket was solved (or, unsolved, is now) past it.
 */
export function toTicketFacts(input: {
	readonly ticket: Ticket;
	readonly history: readonly RtTransaction[];
	readonly requestorIds: ReadonlySet<string>;
	readonly now: Date;
}): TicketFacts {
	const {ticket, history, requestorIds, now} = input;
	const ordered = [...history].sort(
		(a, b) => Date.parse(a.Created) - Date.parse(b.Created) || Number(a.id) - Number(b.id),
	);
	const agentReplies = ordered.filter(
		(transaction) =>
			transaction.Type === 'Correspond' &&
			!requestorIds.has(transaction.Creator.id.toLowerCase()) &&
			!systemUsers.has(transaction.Creator.id),
	);
	const statusChanges = ordered.filter((transaction) => transaction.Type === 'Status');
	const solves = statusChanges.filter((transaction) => transaction.NewValue === 'resolved');
	const reopens = statusChanges.filter(
		(transaction) => transaction.OldValue === 'resolved' && activeStatuses.has(transaction.NewValue),
	).length;
	const firstReplyAt = agentReplies[0]?.Created ?? null;
	const solvedAt = solves.at(-1)?.Created ?? null;
	const due = ticket.slaDueAt;
	const solvedNow = ticket.status === 'solved' || ticket.status === 'closed';
	const slaBreached =
		due === null
			? null
			: solvedNow && solvedAt !== null
				? Date.parse(solvedAt) > Date.parse(due)
				: now.getTime() > Date.parse(due);
	return {
		ticket,
		firstReplyAt,
		firstReplyMinutes: firstReplyAt === null ? null : minutesBetween(ticket.createdAt, firstReplyAt),
		firstReplyBusinessMinutes: null,
		solvedAt,
		fullResolutionMinutes: solvedAt === null ? null : minutesBetween(ticket.createdAt, solvedAt),
		fullResolutionBusinessMinutes: null,
		reopens,
		publicAgentReplies: agentReplies.length,
		slaBreached,
		// Who did the work: the Create and every Correspond (an agent's when not by a requestor nor RT itself) on the
		// ticket's channel (RT has none per message), and who made the last resolve (RT_System credits nobody).
		publicMessages: ordered
			.filter((transaction) => transaction.Type === 'Create' || transaction.Type === 'Correspond')
			.filter((transaction) => !systemUsers.has(transaction.Creator.id))
			.map((transaction) => ({
				at: transaction.Created,
				channel: ticket.channel,
				agent: agentReplies.includes(transaction) ? agentOf(transaction.Creator) : null,
			})),
		solvedBy: (() => {
			const solver = solves.at(-1)?.Creator;
			return solver === undefined || systemUsers.has(solver.id) ? null : agentOf(solver);
		})(),
	};
}

/** An RT user as the agent who did something: the login as id, the real name, the email when RT has one. */
function agentOf(user: {
	id: string;
	Name?: string | undefined;
	RealName?: string | undefined;
	EmailAddress?: string | undefined;
}) {
	const email = user.EmailAddress?.trim() ?? '';
	return {id: user.id, name: user.RealName?.trim() || user.Name || user.id, email: email === '' ? null : email};
}
