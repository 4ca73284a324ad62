import type {Ticket} from '../../domain/ticket.js';
import {ConflictError, ProviderError, UsageError} from '../../errors.js';
import {collapseWhitespace} from '../../text/whitespace.js';
import type {OutgoingMessage, SendResult, TicketChanges, WriteOptions} from '../help-desk.js';
import {ticketNotFound, ticketNumber, type ZendeskApi} from './api.js';
import {uploadFiles} from './attachments.js';
import type {UpdateBudget} from './budget.js';
import {statusToZendesk, toMessage, toTicket} from './map.js';
import {updateResponse, type ZendeskComment, type ZendeskTicket} from './schemas.js';
import {fetchLatestComments, fetchTicket} from './thread.js';

const sameInstant = (a: string, b: string): boolean => Date.parse(a) === Date.parse(b);

/** Closed tickets take no changes at all (Zendesk answers 422 "closed prevents ticket update"): say so before sending. */
export function refuseClosed(ticketId: string, raw: ZendeskTicket): void {
	if (raw.status === 'closed') {
		throw new ProviderError(`ticket ${ticketId} is closed; Zendesk accepts no replies or changes to closed tickets`, {
			kind: 'invalid',
			hint: 'Create a follow-up ticket for the customer instead.',
		});
	}
}

/** TicketChanges → the fields of a Zendesk ticket update. Tags are always a delta (additional_tags/remove_tags). */
export async function toZendeskChanges(
	api: ZendeskApi,
	changes: TicketChanges | undefined,
	signal?: AbortSignal,
): Promise<Record<string, unknown>> {
	const fields: Record<string, unknown> = {};
	if (changes === undefined) return fields;
	if (changes.status !== undefined) fields['status'] = statusToZendesk[changes.status];
	if (changes.priority !== undefined) fields['priority'] = changes.priority;
	if (changes.assignee === 'me') fields['assignee_id'] = (await api.me(signal)).id;
	else if (changes.assignee === null) fields['assignee_id'] = null;
	else if (changes.assignee !== undefined) fields['assignee_email'] = changes.assignee.email;
	if (changes.group !== undefined) {
		const wanted = changes.group.trim();
		if (/^\d+$/.test(wanted)) fields['group_id'] = Number(wanted);
		else {
			const groups = await api.groups(signal);
			const group = groups.find((candidate) => candidate.name.toLowerCase() === wanted.toLowerCase());
			if (group === undefined) {
				throw new UsageError(
					`no Zendesk group named "${wanted}"`,
					`Groups: ${groups.map((candidate) => candidate.name).join(', ') || '(none)'}`,
				);
			}
			fields['group_id'] = group.id;
		}
	}
	if (changes.tags !== undefined) {
		if (changes.tags.add.length > 0) fields['additional_tags'] = [...changes.tags.add];
		if (changes.tags.remove.length > 0) fields['remove_tags'] = [...changes.tags.remove];
	}
	return fields;
}

function describeComment(comment: ZendeskComment, api: ZendeskApi): string {
	const message = toMessage(comment, api.directory, 'other');
	const who = message.author.role === 'customer' ? `${message.author.name} (customer)` : message.author.name;
	const firstLine = message.text.split('\n').find((line) => line.trim() !== '') ?? '';
	const excerpt = firstLine.length > 60 ? `${firstLine.slice(0, 59)}…` : firstLine;
	return `${who}${message.public ? '' : ' (internal note)'} at ${message.createdAt}: "${excerpt}"`;
}

/** A ConflictError that says what changed since `stamp`: new comments (who, when, first line) and the status now. */
export async function conflictSince(
	api: ZendeskApi,
	ticketId: string,
	stamp: string,
	current: ZendeskTicket | null,
	signal?: AbortSignal,
): Promise<ConflictError> {
	const latest = current ?? (await fetchTicket(api, ticketId, signal));
	const comments = (await fetchLatestComments(api, ticketId, signal))
		.filter((comment) => Date.parse(comment.created_at) > Date.parse(stamp))
		.reverse();
	const parts = [`ticket ${ticketId} changed since it was read (updated ${latest.updated_at})`];
	if (comments.length > 0) {
		parts.push(
			`${comments.length} new message${comments.length === 1 ? '' : 's'}: ${comments
				.slice(0, 3)
				.map((comment) => describeComment(comment, api))
				.join('; ')}${comments.length > 3 ? '; …' : ''}`,
		);
	} else parts.push('no new messages, but its fields changed');
	parts.push(`status is now ${toTicket(latest, api.directory, api.origin).status}`);
	return new ConflictError(parts.join('; '), `Nothing was sent. Read it again (\`csr show ${ticketId}\`), then retry.`);
}

/** After a conflict or an uncertain send: is our comment already on the ticket (sent since `stamp`)? */
async function findOwnComment(
	api: ZendeskApi,
	ticketId: string,
	message: OutgoingMessage,
	stamp: string,
	signal?: AbortSignal,
): Promise<ZendeskComment | undefined> {
	const wanted = collapseWhitespace(message.body);
	const since = Date.parse(stamp);
	return (await fetchLatestComments(api, ticketId, signal)).find(
		(comment) =>
			Date.parse(comment.created_at) >= since &&
			comment.public === message.public &&
			[comment.body, comment.plain_body].some(
				(body) => typeof body === 'string' && collapseWhitespace(body) === wanted,
			),
	);
}

type WriteEnv = {readonly api: ZendeskApi; readonly budget: UpdateBudget};

/** Re-reads the ticket: refuses closed tickets and stale reads (ConflictError, nothing sent) and a used-up budget. */
async function prepare(
	env: WriteEnv,
	ticketId: string,
	options: WriteOptions,
	signal?: AbortSignal,
): Promise<ZendeskTicket> {
	const current = await fetchTicket(env.api, ticketId, signal);
	refuseClosed(ticketId, current);
	if (options.expectedUpdatedAt !== undefined && !sameInstant(current.updated_at, options.expectedUpdatedAt)) {
		throw await conflictSince(env.api, ticketId, options.expectedUpdatedAt, current, signal);
	}
	env.budget.check(ticketId);
	return current;
}

/**
 * One ticket update with Zendesk's collision protection: `safe_update` with the `updated_stamp` the caller read (or,
 * without one, the stamp just re-read). That makes the PUT conditional, so repeating it after a timeout cannot apply
 * it twice: a repeat that finds the first one applied gets 409.
 */
async function put(
	env: WriteEnv,
	ticketId: string,
	fields: Record<string, unknown>,
	stamp: string,
	signal?: AbortSignal,
): Promise<{ticket: ZendeskTicket; commentId: number | null}> {
	try {
		const body = await env.api.request(
			{
				method: 'PUT',
				path: `/api/v2/tickets/${ticketNumber(ticketId)}.json`,
				json: {ticket: {...fields, safe_update: true, updated_stamp: stamp}},
				repeatable: true,
				signal,
			},
			updateResponse,
		);
		env.budget.record(ticketId);
		const comment = body.audit?.events.find((event) => event.type === 'Comment');
		return {ticket: body.ticket, commentId: comment?.id ?? null};
	} catch (error) {
		throw ticketNotFound(ticketId, error);
	}
}

export async function sendMessage(
	env: WriteEnv,
	ticketId: string,
	message: OutgoingMessage,
	options: WriteOptions,
	signal?: AbortSignal,
): Promise<SendResult> {
	const {api} = env;
	// `public` always explicit: omitted, Zendesk reuses the ticket's first setting (a customer email for email tickets).
	const files = message.attachments ?? [];
	const cc = message.public ? (message.cc ?? []) : [];
	const fields = {
		...(await toZendeskChanges(api, message.changes, signal)),
		...(cc.length > 0 ? {email_ccs: cc.map((email) => ({user_email: email, action: 'put'}))} : {}),
		comment: {
			body: message.body,
			public: message.public,
			...(files.length > 0 ? {uploads: await uploadFiles(api, files, signal)} : {}),
		},
	};
	for (let attempt = 1; ; attempt++) {
		let current: ZendeskTicket;
		try {
			current = await prepare(env, ticketId, options, signal);
		} catch (error) {
			// Changed since the read because an earlier attempt of this very reply got through (a send that timed out,
			// retried from the outbox): that is a delivery, not a conflict.
			if (!(error instanceof ConflictError) || options.expectedUpdatedAt === undefined) throw error;
			const own = await findOwnComment(api, ticketId, message, options.expectedUpdatedAt, signal);
			if (own === undefined) throw error;
			const latest = await fetchTicket(api, ticketId, signal);
			return {messageId: String(own.id), ticket: toTicket(latest, api.directory, api.origin)};
		}
		const stamp = options.expectedUpdatedAt ?? current.updated_at;
		try {
			const {ticket, commentId} = await put(env, ticketId, fields, stamp, signal);
			const messageId =
				commentId === null ? ((await findOwnComment(api, ticketId, message, stamp, signal))?.id ?? null) : commentId;
			return {
				messageId: messageId === null ? `ticket-${ticketId}@${ticket.updated_at}` : String(messageId),
				ticket: toTicket(ticket, api.directory, api.origin),
			};
		} catch (error) {
			if (!(error instanceof ConflictError)) throw error;
			// A repeat of our own PUT (after a timeout) also ends here: if our comment is there, it was delivered once.
			const own = await findOwnComment(api, ticketId, message, stamp, signal);
			if (own !== undefined) {
				const latest = await fetchTicket(api, ticketId, signal);
				return {messageId: String(own.id), ticket: toTicket(latest, api.directory, api.origin)};
			}
			// Without an expected stamp the caller asked for no drift check: the ticket changed between our read and
			// write, so read it again and try once more.
			if (options.expectedUpdatedAt === undefined && attempt < 2) continue;
			throw await conflictSince(api, ticketId, stamp, null, signal);
		}
	}
}

/** Whether a ticket already shows every requested change (a repeated update that found its first try applied). */
function showsChanges(raw: ZendeskTicket, fields: Record<string, unknown>): boolean {
	for (const [key, value] of Object.entries(fields)) {
		if (key === 'additional_tags' && !(value as string[]).every((tag) => raw.tags.includes(tag))) return false;
		if (key === 'remove_tags' && (value as string[]).some((tag) => raw.tags.includes(tag))) return false;
		if (key === 'status' && raw.status !== value) return false;
		if (key === 'priority' && raw.priority !== value) return false;
		if (key === 'group_id' && raw.group_id !== value) return false;
		if (key === 'assignee_id' && (raw.assignee_id ?? null) !== value) return false;
		if (key === 'assignee_email') return false;
	}
	return true;
}

export async function updateTicket(
	env: WriteEnv,
	ticketId: string,
	changes: TicketChanges,
	options: WriteOptions,
	signal?: AbortSignal,
): Promise<Ticket> {
	const {api} = env;
	const fields = await toZendeskChanges(api, changes, signal);
	for (let attempt = 1; ; attempt++) {
		const current = await prepare(env, ticketId, options, signal);
		if (Object.keys(fields).length === 0) return toTicket(current, api.directory, api.origin);
		const stamp = options.expectedUpdatedAt ?? current.updated_at;
		try {
			const {ticket} = await put(env, ticketId, fields, stamp, signal);
			return toTicket(ticket, api.directory, api.origin);
		} catch (error) {
			if (!(error instanceof ConflictError)) throw error;
			const latest = await fetchTicket(api, ticketId, signal);
			if (showsChanges(latest, fields)) return toTicket(latest, api.directory, api.origin);
			if (options.expectedUpdatedAt === undefined && attempt < 2) continue;
			throw await conflictSince(api, ticketId, stamp, latest, signal);
		}
	}
}
