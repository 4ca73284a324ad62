import type {DatabaseSync, StatementSync} from 'node:sqlite';
import type {Channel, Priority, TicketStatus} from '../../domain/ticket.js';

// Rows and the prepared statements that write them.

export type AttachmentRow = {name: string; size: number; contentType: string; url: string};

export type Writer = {
	user(row: {
		id: number;
		role: 'agent' | 'customer' | 'system';
		name: string;
		email: string | null;
		locale: string | null;
		phone?: string | null;
		timeZone?: string | null;
		organizationId: number | null;
		groupId: number | null;
	}): void;
	organization(id: number, name: string): void;
	group(id: number, name: string): void;
	ticket(row: {
		id: number;
		subject: string;
		status: TicketStatus;
		priority: Priority | null;
		channel: Channel;
		requesterId: number;
		assigneeId: number | null;
		groupId: number | null;
		createdMs: number;
		updatedMs: number;
		slaDueMs: number | null;
		firstReplyDueMs: number | null;
	}): void;
	tag(ticketId: number, tag: string): void;
	message(row: {
		ticketId: number;
		authorId: number;
		role: 'customer' | 'agent' | 'system';
		isPublic: boolean;
		channel: Channel;
		createdMs: number;
		body: string;
		isHtml: boolean;
		attachments: (messageId: number) => AttachmentRow[];
	}): number;
	event(
		ticketId: number,
		atMs: number,
		authorId: number | null,
		field: string,
		oldValue: string,
		newValue: string,
	): void;
	rating(
		ticketId: number,
		atMs: number,
		score: 'good' | 'bad' | 'offered',
		comment: string | null,
		channel: Channel,
	): void;
	survey(ticketId: number | null, atMs: number, kind: 'nps' | 'ces', score: number): void;
	messageCount(): number;
};

export function createWriter(db: DatabaseSync): Writer {
	const statements = {
		user: db.prepare(
			`INSERT INTO users (id, role, name, email, locale, phone, time_zone, organization_id, default_group_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		),
		organization: db.prepare('INSERT INTO organizations (id, name) VALUES (?, ?)'),
		group: db.prepare('INSERT INTO agent_groups (id, name) VALUES (?, ?)'),
		ticket: db.prepare(
			`INSERT INTO tickets (id, subject, status, priority, channel, requester_id, assignee_id, group_id, created_ms,
				updated_ms, sla_due_ms, first_reply_due_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		),
		tag: db.prepare('INSERT OR IGNORE INTO ticket_tags (ticket_id, tag) VALUES (?, ?)'),
		message: db.prepare(
			`INSERT INTO messages (id, ticket_id, author_id, author_role, is_public, channel, created_ms, body, is_html,
				attachments) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		),
		event: db.prepare(
			'INSERT INTO events (ticket_id, at_ms, author_id, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)',
		),
		rating: db.prepare('INSERT INTO satisfaction (ticket_id, at_ms, score, comment, channel) VALUES (?, ?, ?, ?, ?)'),
		survey: db.prepare('INSERT INTO surveys (ticket_id, at_ms, kind, score) VALUES (?, ?, ?, ?)'),
	} satisfies Record<string, StatementSync>;
	let nextMessageId = 1;
	return {
		user: (row) =>
			statements.user.run(
				row.id,
				row.role,
				row.name,
				row.email,
				row.locale,
				row.phone ?? null,
				row.timeZone ?? null,
				row.organizationId,
				row.groupId,
			),
		organization: (id, name) => statements.organization.run(id, name),
		group: (id, name) => statements.group.run(id, name),
		ticket: (row) =>
			statements.ticket.run(
				row.id,
				row.subject,
				row.status,
				row.priority,
				row.channel,
				row.requesterId,
				row.assigneeId,
				row.groupId,
				row.createdMs,
				row.updatedMs,
				row.slaDueMs,
				row.firstReplyDueMs,
			),
		tag: (ticketId, tag) => statements.tag.run(ticketId, tag),
		message: (row) => {
			const id = nextMessageId++;
			const attachments = row.attachments(id);
			statements.message.run(
				id,
				row.ticketId,
				row.authorId,
				row.role,
				row.isPublic ? 1 : 0,
				row.channel,
				row.createdMs,
				row.body,
				row.isHtml ? 1 : 0,
				attachments.length === 0 ? null : JSON.stringify(attachments),
			);
			return id;
		},
		event: (ticketId, atMs, authorId, field, oldValue, newValue) =>
			statements.event.run(ticketId, atMs, authorId, field, oldValue, newValue),
		rating: (ticketId, atMs, score, comment, channel) => statements.rating.run(ticketId, atMs, score, comment, channel),
		survey: (ticketId, atMs, kind, score) => statements.survey.run(ticketId, atMs, kind, score),
		messageCount: () => nextMessageId - 1,
	};
}
