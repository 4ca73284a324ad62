import type {Priority, Ticket, TicketStatus} from '../../domain/ticket.js';
import {ConflictError} from '../../errors.js';
import {transaction} from '../../store/database.js';
import type {OutgoingMessage, SendResult, TicketChanges, WriteOptions} from '../help-desk.js';
import {storeMessageFiles} from './attachments.js';
import type {DeskBase} from './desk.js';
import {type AgentRow, type GroupRow, invalid, iso, notFound, type TicketRow, toTicket} from './map.js';
import {firstReplyDueMs, slaDueMs} from './schema.js';

/** Replies, notes and ticket changes: idempotent, drift-checked, one IMMEDIATE transaction each. */
export function createDemoWrites(desk: DeskBase) {
	const {
		db,
		statement,
		all,
		get,
		nowMs,
		meRow,
		assertReachable,
		ticketRow,
		parseId,
		requireTicket,
		resolveGroup,
		resolveAgent,
	} = desk;

	/** What changed on a ticket after `sinceMs`, for a conflict message a person can act on. */
	function describeChanges(row: TicketRow, sinceMs: number): string {
		const parts: string[] = [];
		const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
		const messages = all<{author_role: string; is_public: number; name: string; n: number}>(
			`SELECT m.author_role, m.is_public, u.name, count(*) AS n FROM messages m JOIN users u ON u.id = m.author_id
			WHERE m.ticket_id = ? AND m.created_ms > ? GROUP BY m.author_role, m.is_public, u.name ORDER BY min(m.created_ms)`,
			row.id,
			sinceMs,
		);
		for (const group of messages) {
			if (group.author_role === 'customer')
				parts.push(`${plural(group.n, 'new message', 'new messages')} from the customer`);
			else if (group.author_role === 'agent')
				parts.push(
					group.is_public === 1
						? `${plural(group.n, 'new reply', 'new replies')} from ${group.name}`
						: `${plural(group.n, 'new internal note', 'new internal notes')} from ${group.name}`,
				);
		}
		const events = all<{field: string; new_value: string | null}>(
			'SELECT field, new_value FROM events WHERE ticket_id = ? AND at_ms > ? ORDER BY at_ms, id',
			row.id,
			sinceMs,
		);
		const latest = new Map<string, string | null>();
		for (const event of events) latest.set(event.field, event.new_value);
		for (const [field, value] of latest) {
			if (field === 'status') parts.push(`status changed to ${value}`);
			else if (field === 'assignee') parts.push(value === null || value === '' ? 'unassigned' : `assigned to ${value}`);
			else if (field === 'group') parts.push(`moved to ${value}`);
			else if (field === 'priority') parts.push(`priority changed to ${value}`);
			else if (field === 'tags') parts.push(`tags changed (${value})`);
		}
		const detail = parts.length > 0 ? parts.join(', ') : `updated at ${iso(row.updated_ms)}`;
		return `ticket ${row.id} changed since you read it: ${detail}`;
	}

	function checkExpected(row: TicketRow, expectedUpdatedAt: string | undefined): void {
		if (expectedUpdatedAt === undefined) return;
		const expected = Date.parse(expectedUpdatedAt);
		if (Number.isNaN(expected)) throw invalid(`invalid expectedUpdatedAt "${expectedUpdatedAt}"`);
		if (expected !== row.updated_ms)
			throw new ConflictError(
				describeChanges(row, Math.min(expected, row.updated_ms)),
				`Read it again with \`csr show ${row.id}\`, then decide.`,
			);
	}

	function assertChangeable(row: TicketRow): void {
		if (row.status === 'closed')
			throw invalid(
				`ticket ${row.id} is closed; closed tickets cannot be changed`,
				'Ask the customer to write again: that opens a new ticket.',
			);
	}

	type Plan = {
		status?: TicketStatus;
		priority?: Priority;
		assignee?: AgentRow | null;
		group?: GroupRow;
		addTags: string[];
		removeTags: string[];
	};

	function normaliseTags(tags: readonly string[]): string[] {
		return tags.map((tag) => {
			const clean = tag.trim().toLowerCase();
			if (!/^[\p{L}\p{N}_\-:./]{1,80}$/u.test(clean))
				throw invalid(`invalid tag "${tag}": use letters, digits and _ - : . / without spaces`);
			return clean;
		});
	}

	function planChanges(row: TicketRow, changes: TicketChanges | undefined): Plan {
		const plan: Plan = {addTags: [], removeTags: []};
		if (changes === undefined) return plan;
		if (changes.status !== undefined) {
			if (changes.status === 'new' && row.status !== 'new')
				throw invalid(`ticket ${row.id} cannot go back to new`, 'Use open or pending instead.');
			plan.status = changes.status;
		}
		if (changes.priority !== undefined) plan.priority = changes.priority;
		if (changes.assignee !== undefined) {
			if (changes.assignee === null) plan.assignee = null;
			else if (changes.assignee === 'me') plan.assignee = meRow ?? null;
			else plan.assignee = resolveAgent(changes.assignee.email);
		}
		if (changes.group !== undefined) plan.group = resolveGroup(changes.group);
		if (changes.tags !== undefined) {
			plan.addTags = normaliseTags(changes.tags.add);
			plan.removeTags = normaliseTags(changes.tags.remove);
		}
		return plan;
	}

	/** A time after the ticket's last update: updatedAt strictly increases, so drift shows even within one millisecond. */
	function nextUpdate(row: TicketRow): number {
		return Math.max(nowMs(), row.updated_ms + 1);
	}

	function recordEvent(
		ticketId: number,
		atMs: number,
		field: string,
		oldValue: string | null,
		newValue: string | null,
	) {
		statement(
			'INSERT INTO events (ticket_id, at_ms, author_id, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)',
		).run(ticketId, atMs, meRow?.id ?? null, field, oldValue, newValue);
	}

	/**
	 * Applies a plan at `atMs` and returns whether anything changed. Any agent update opens a new ticket (as help desks
	 * do); a solved ticket always has an owner.
	 */
	function applyPlan(row: TicketRow, plan: Plan, atMs: number, isAgentUpdate: boolean): boolean {
		let status = plan.status ?? row.status;
		if (plan.status === undefined && row.status === 'new' && isAgentUpdate) status = 'open';
		let assigneeId = plan.assignee === undefined ? row.a_id : (plan.assignee?.id ?? null);
		if ((status === 'solved' || status === 'closed') && assigneeId === null) assigneeId = meRow?.id ?? null;
		let groupId = plan.group?.id ?? row.g_id;
		if (groupId === null && plan.assignee) groupId = plan.assignee.default_group_id;
		const priority = plan.priority ?? row.priority;
		let changed = false;
		if (status !== row.status) {
			recordEvent(row.id, atMs, 'status', row.status, status);
			changed = true;
		}
		if (assigneeId !== row.a_id) {
			const name =
				assigneeId === null
					? null
					: (get<{name: string}>('SELECT name FROM users WHERE id = ?', assigneeId)?.name ?? null);
			recordEvent(row.id, atMs, 'assignee', row.a_name, name);
			changed = true;
		}
		if (groupId !== row.g_id) {
			const name =
				groupId === null
					? null
					: (get<{name: string}>('SELECT name FROM agent_groups WHERE id = ?', groupId)?.name ?? null);
			recordEvent(row.id, atMs, 'group', row.g_name, name);
			changed = true;
		}
		if (priority !== row.priority) {
			recordEvent(row.id, atMs, 'priority', row.priority, priority);
			changed = true;
		}
		const current = new Set(row.tags === null || row.tags === '' ? [] : row.tags.split(' '));
		const added = plan.addTags.filter((tag) => !current.has(tag));
		const removed = plan.removeTags.filter((tag) => current.has(tag) && !plan.addTags.includes(tag));
		for (const tag of added)
			statement('INSERT OR IGNORE INTO ticket_tags (ticket_id, tag) VALUES (?, ?)').run(row.id, tag);
		for (const tag of removed) statement('DELETE FROM ticket_tags WHERE ticket_id = ? AND tag = ?').run(row.id, tag);
		if (added.length > 0 || removed.length > 0) {
			recordEvent(
				row.id,
				atMs,
				'tags',
				null,
				[...added.map((tag) => `+${tag}`), ...removed.map((tag) => `-${tag}`)].join(' '),
			);
			changed = true;
		}
		if (!changed && !isAgentUpdate) return false;
		const replies = get<{agent: number | null; customer: number | null}>(
			`SELECT max(CASE WHEN author_role = 'agent' THEN created_ms END) AS agent,
				max(CASE WHEN author_role = 'customer' THEN created_ms END) AS customer
			FROM messages WHERE ticket_id = ? AND is_public = 1`,
			row.id,
		);
		const lastAgentReplyMs = replies?.agent ?? null;
		const sla = slaDueMs({
			status,
			priority,
			createdMs: row.created_ms,
			lastAgentReplyMs,
			lastCustomerMessageMs: replies?.customer ?? null,
		});
		// Until the first reply, a new priority brings a new first-reply target.
		const firstDue = lastAgentReplyMs === null ? firstReplyDueMs(priority, row.created_ms) : row.first_reply_due_ms;
		statement(
			`UPDATE tickets SET status = ?, priority = ?, assignee_id = ?, group_id = ?, updated_ms = ?, sla_due_ms = ?,
				first_reply_due_ms = ? WHERE id = ?`,
		).run(status, priority, assigneeId, groupId, atMs, sla, firstDue, row.id);
		return true;
	}

	function priorWrite(ticketId: number, key: string | undefined, kind: 'message' | 'update') {
		if (key === undefined) return undefined;
		const prior = get<{kind: string; message_id: number | null}>(
			'SELECT kind, message_id FROM idempotency WHERE ticket_id = ? AND key = ?',
			ticketId,
			key,
		);
		if (prior !== undefined && prior.kind !== kind)
			throw invalid(`idempotency key "${key}" was already used for a different kind of write on ticket ${ticketId}`);
		return prior;
	}

	function rememberWrite(
		ticketId: number,
		key: string | undefined,
		kind: 'message' | 'update',
		messageId: number | null,
	) {
		if (key === undefined) return;
		statement('INSERT INTO idempotency (ticket_id, key, kind, message_id, created_ms) VALUES (?, ?, ?, ?, ?)').run(
			ticketId,
			key,
			kind,
			messageId,
			nowMs(),
		);
	}

	function sendMessage(ticketId: string, message: OutgoingMessage, options: WriteOptions): SendResult {
		assertReachable();
		if (message.body.trim() === '') throw invalid(`empty message for ticket ${ticketId}`);
		const messageId = transaction(db, () => {
			const row = requireTicket(ticketId);
			const prior = priorWrite(row.id, options.idempotencyKey, 'message');
			if (prior !== undefined) return prior.message_id ?? 0;
			checkExpected(row, options.expectedUpdatedAt);
			assertChangeable(row);
			const plan = planChanges(row, message.changes);
			const atMs = nextUpdate(row);
			const cc = message.public && (message.cc ?? []).length > 0 ? (message.cc ?? []).join(', ') : null;
			const result = statement(
				`INSERT INTO messages (ticket_id, author_id, author_role, is_public, channel, created_ms, body, is_html,
					attachments, cc) VALUES (?, ?, 'agent', ?, ?, ?, ?, 0, NULL, ?)`,
			).run(
				row.id,
				meRow?.id ?? 0,
				message.public ? 1 : 0,
				message.public ? row.channel : 'web',
				atMs,
				message.body,
				cc,
			);
			const id = Number(result.lastInsertRowid);
			const files = message.attachments ?? [];
			if (files.length > 0)
				statement('UPDATE messages SET attachments = ? WHERE id = ?').run(
					JSON.stringify(storeMessageFiles(desk, row.id, id, files)),
					id,
				);
			applyPlan(row, plan, atMs, true);
			rememberWrite(row.id, options.idempotencyKey, 'message', id);
			return id;
		});
		const ticket = ticketRow(Number(parseId(ticketId)));
		if (ticket === undefined) throw notFound(ticketId);
		return {messageId: String(messageId), ticket: toTicket(ticket)};
	}

	function updateTicket(ticketId: string, changes: TicketChanges, options: WriteOptions): Ticket {
		assertReachable();
		const row = transaction(db, () => {
			const current = requireTicket(ticketId);
			if (priorWrite(current.id, options.idempotencyKey, 'update') !== undefined) return current;
			checkExpected(current, options.expectedUpdatedAt);
			assertChangeable(current);
			const plan = planChanges(current, changes);
			applyPlan(current, plan, nextUpdate(current), false);
			rememberWrite(current.id, options.idempotencyKey, 'update', null);
			return current;
		});
		const ticket = ticketRow(row.id);
		if (ticket === undefined) throw notFound(ticketId);
		return toTicket(ticket);
	}

	function simulateCustomerReply(ticketId: string, text: string): {messageId: string} {
		return transaction(db, () => {
			const row = requireTicket(ticketId);
			assertChangeable(row);
			const atMs = nextUpdate(row);
			const result = statement(
				`INSERT INTO messages (ticket_id, author_id, author_role, is_public, channel, created_ms, body, is_html,
					attachments) VALUES (?, ?, 'customer', 1, ?, ?, ?, 0, NULL)`,
			).run(row.id, row.r_id, row.channel, atMs, text);
			const status: TicketStatus = row.status === 'new' ? 'new' : 'open';
			if (status !== row.status)
				statement(
					'INSERT INTO events (ticket_id, at_ms, author_id, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)',
				).run(row.id, atMs, row.r_id, 'status', row.status, status);
			const agent = get<{last: number | null}>(
				"SELECT max(created_ms) AS last FROM messages WHERE ticket_id = ? AND author_role = 'agent' AND is_public = 1",
				row.id,
			);
			const sla = slaDueMs({
				status,
				priority: row.priority,
				createdMs: row.created_ms,
				lastAgentReplyMs: agent?.last ?? null,
				lastCustomerMessageMs: atMs,
			});
			statement('UPDATE tickets SET status = ?, updated_ms = ?, sla_due_ms = ? WHERE id = ?').run(
				status,
				atMs,
				sla,
				row.id,
			);
			return {messageId: String(result.lastInsertRowid)};
		});
	}

	return {sendMessage, updateTicket, simulateCustomerReply};
}
