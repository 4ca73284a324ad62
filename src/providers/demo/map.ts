import type {Attachment, Message} from '../../domain/message.js';
import type {Channel, Priority, Ticket, TicketStatus} from '../../domain/ticket.js';
import {ProviderError} from '../../errors.js';

// Rows of demo.db and how they become domain values.

export const ticketColumns = `t.id, t.subject, t.status, t.priority, t.channel, t.created_ms, t.updated_ms, t.sla_due_ms,
	t.first_reply_due_ms, r.id AS r_id, r.name AS r_name, r.email AS r_email, r.locale AS r_locale,
	a.id AS a_id, a.name AS a_name, a.email AS a_email, g.id AS g_id, g.name AS g_name,
	(SELECT group_concat(tag, ' ') FROM (SELECT tag FROM ticket_tags WHERE ticket_id = t.id ORDER BY tag)) AS tags`;
export const ticketJoins = `FROM tickets t JOIN users r ON r.id = t.requester_id LEFT JOIN users a ON a.id = t.assignee_id
	LEFT JOIN agent_groups g ON g.id = t.group_id`;

export type TicketRow = {
	id: number;
	subject: string;
	status: TicketStatus;
	priority: Priority | null;
	channel: Channel;
	created_ms: number;
	updated_ms: number;
	sla_due_ms: number | null;
	first_reply_due_ms: number | null;
	r_id: number;
	r_name: string;
	r_email: string | null;
	r_locale: string | null;
	a_id: number | null;
	a_name: string | null;
	a_email: string | null;
	g_id: number | null;
	g_name: string | null;
	tags: string | null;
};

export type MessageRow = {
	id: number;
	author_id: number;
	author_role: 'customer' | 'agent' | 'system';
	name: string;
	email: string | null;
	is_public: number;
	channel: Channel;
	created_ms: number;
	body: string;
	is_html: number;
	attachments: string | null;
};

export type AgentRow = {id: number; name: string; email: string; default_group_id: number | null};
export type GroupRow = {id: number; name: string};

export const iso = (ms: number): string => new Date(ms).toISOString();
export const unsolved = new Set<TicketStatus>(['new', 'open', 'pending', 'on-hold']);

export function toTicket(row: TicketRow): Ticket {
	return {
		id: String(row.id),
		subject: row.subject,
		status: row.status,
		priority: row.priority,
		channel: row.channel,
		requester: {id: String(row.r_id), name: row.r_name, email: row.r_email, locale: row.r_locale},
		assignee: row.a_id === null ? null : {id: String(row.a_id), name: row.a_name ?? '', email: row.a_email},
		group: row.g_id === null ? null : {id: String(row.g_id), name: row.g_name ?? ''},
		tags: row.tags === null || row.tags === '' ? [] : row.tags.split(' '),
		createdAt: iso(row.created_ms),
		updatedAt: iso(row.updated_ms),
		slaDueAt: row.sla_due_ms === null ? null : iso(row.sla_due_ms),
		url: `https://demo.csr/tickets/${row.id}`,
	};
}

export function notFound(ticketId: string): ProviderError {
	return new ProviderError(`ticket ${ticketId} not found in the demo desk`, {
		kind: 'not-found',
		status: 404,
		hint: 'List every ticket with `csr queue --status new,open,pending,on-hold,solved,closed`.',
	});
}

export function invalid(message: string, hint?: string): ProviderError {
	return new ProviderError(message, {kind: 'invalid', status: 422, ...(hint === undefined ? {} : {hint})});
}

/** Opaque page cursors: base64url JSON, tagged with what they page through so one cannot be used for another. */
export function encodeCursor(kind: string, position: Record<string, number>): string {
	return Buffer.from(JSON.stringify({k: kind, ...position})).toString('base64url');
}

export function decodeCursor(kind: string, cursor: string, keys: readonly string[]): Record<string, number> {
	try {
		const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
		if (value['k'] === kind && keys.every((key) => Number.isSafeInteger(value[key])))
			return value as Record<string, number>;
	} catch {
		// fall through to the error below
	}
	throw invalid(`invalid ${kind} cursor "${cursor}"`, 'Start again without a cursor.');
}

export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (character) => `\\${character}`);

export function toMessage(row: MessageRow, htmlToText: (html: string) => string): Message {
	let attachments: Attachment[] = [];
	if (row.attachments !== null) attachments = JSON.parse(row.attachments) as Attachment[];
	return {
		id: String(row.id),
		author: {id: String(row.author_id), name: row.name, email: row.email, role: row.author_role},
		public: row.is_public === 1,
		channel: row.channel,
		createdAt: iso(row.created_ms),
		text: row.is_html === 1 ? htmlToText(row.body) : row.body,
		attachments,
	};
}
