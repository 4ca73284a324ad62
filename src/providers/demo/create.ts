import {transaction} from '../../store/database.js';
import type {CreatedTicket, NewTicket, WriteOptions} from '../help-desk.js';
import {storeMessageFiles} from './attachments.js';
import type {DeskBase} from './desk.js';
import {invalid, notFound, toTicket} from './map.js';

/** Key rows for ticket creation live in the idempotency table under ticket 0 (no ticket exists before). */
const creationKeyTicket = 0;

/**
 * New tickets opened by the agent: the requester (found by email or created as a customer), the ticket and the
 * agent's first message (public, or an internal note for a logged call) in one IMMEDIATE transaction; the idempotency key makes a retry return the same ticket.
 */
export function createDemoCreate(desk: DeskBase) {
	const {db, get, statement, nowMs, meRow, assertReachable, resolveGroup, resolveAgent, ticketRow} = desk;

	function priorTicket(key: string | undefined): number | null {
		if (key === undefined) return null;
		const row = get<{message_id: number | null}>(
			"SELECT message_id FROM idempotency WHERE ticket_id = ? AND key = ? AND kind = 'create'",
			creationKeyTicket,
			key,
		);
		return row?.message_id ?? null;
	}

	function requesterId(email: string, name: string | null): number {
		const found = get<{id: number}>(
			"SELECT id FROM users WHERE role = 'customer' AND email = ? COLLATE NOCASE ORDER BY id LIMIT 1",
			email,
		);
		if (found !== undefined) return found.id;
		const fallback = name ?? email.split('@')[0] ?? email;
		return Number(
			statement("INSERT INTO users (role, name, email, locale) VALUES ('customer', ?, ?, NULL)").run(fallback, email)
				.lastInsertRowid,
		);
	}

	function firstMessageId(ticketId: number): string {
		const row = get<{id: number}>('SELECT id FROM messages WHERE ticket_id = ? ORDER BY id LIMIT 1', ticketId);
		return String(row?.id ?? 0);
	}

	function createTicket(input: NewTicket, options: WriteOptions): CreatedTicket {
		assertReachable();
		if (input.subject.trim() === '') throw invalid('a new ticket needs a subject');
		if (input.body.trim() === '') throw invalid('a new ticket needs a first message');
		const id = transaction(db, () => {
			const prior = priorTicket(options.idempotencyKey);
			if (prior !== null) return prior;
			const atMs = nowMs();
			const group = input.group === undefined ? null : resolveGroup(input.group).id;
			const assignee =
				input.assignee === undefined
					? null
					: input.assignee === 'me'
						? (meRow?.id ?? null)
						: resolveAgent(input.assignee.email).id;
			const status = input.status ?? (assignee === null ? 'new' : 'open');
			const ticketId = Number(
				statement(
					`INSERT INTO tickets (subject, status, priority, channel, requester_id, assignee_id, group_id, created_ms,
						updated_ms, sla_due_ms, first_reply_due_ms) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, NULL, NULL)`,
				).run(
					input.subject,
					status,
					input.channel,
					requesterId(input.requester.email, input.requester.name),
					assignee,
					group,
					atMs,
					atMs,
				).lastInsertRowid,
			);
			const cc = (input.cc ?? []).length > 0 ? (input.cc ?? []).join(', ') : null;
			const messageId = Number(
				statement(
					`INSERT INTO messages (ticket_id, author_id, author_role, is_public, channel, created_ms, body, is_html,
						attachments, cc) VALUES (?, ?, 'agent', ?, ?, ?, ?, 0, NULL, ?)`,
				).run(ticketId, meRow?.id ?? 0, input.firstMessagePublic === false ? 0 : 1, input.channel, atMs, input.body, cc)
					.lastInsertRowid,
			);
			const files = input.attachments ?? [];
			if (files.length > 0)
				statement('UPDATE messages SET attachments = ? WHERE id = ?').run(
					JSON.stringify(storeMessageFiles(desk, ticketId, messageId, files)),
					messageId,
				);
			for (const tag of new Set((input.tags ?? []).map((tag) => tag.trim().toLowerCase()).filter(Boolean)))
				statement('INSERT INTO ticket_tags (ticket_id, tag) VALUES (?, ?)').run(ticketId, tag);
			if (options.idempotencyKey !== undefined)
				statement(
					"INSERT INTO idempotency (ticket_id, key, kind, message_id, created_ms) VALUES (?, ?, 'create', ?, ?)",
				).run(creationKeyTicket, options.idempotencyKey, ticketId, atMs);
			return ticketId;
		});
		const row = ticketRow(id);
		if (row === undefined) throw notFound(String(id));
		return {ticket: toTicket(row), messageId: firstMessageId(id)};
	}

	function findCreatedTicket(_requesterEmail: string, idempotencyKey: string): string | null {
		assertReachable();
		const id = priorTicket(idempotencyKey);
		return id === null ? null : String(id);
	}

	return {createTicket, findCreatedTicket};
}
