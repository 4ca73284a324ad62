import type {Customer, Satisfaction, TicketSummary, TicketThread} from '../../domain/message.js';
import type {Channel, TicketStatus} from '../../domain/ticket.js';
import type {DeskBase} from './desk.js';
import {type GroupRow, iso, type MessageRow, toMessage, toTicket} from './map.js';

/** One ticket with its thread and its customer (organisation, last CSAT, recent tickets). */
export function createDemoThread(desk: DeskBase) {
	const {all, get, read, requireTicket} = desk;

	function getThread(ticketId: string, htmlToText: (html: string) => string): TicketThread {
		return read(() => {
			const row = requireTicket(ticketId);
			const messages = all<MessageRow>(
				`SELECT m.id, m.author_id, m.author_role, u.name, u.email, m.is_public, m.channel, m.created_ms, m.body,
					m.is_html, m.attachments
				FROM messages m JOIN users u ON u.id = m.author_id WHERE m.ticket_id = ? ORDER BY m.created_ms, m.id`,
				row.id,
			);
			const organization = get<GroupRow>(
				'SELECT o.id, o.name FROM users u JOIN organizations o ON o.id = u.organization_id WHERE u.id = ?',
				row.r_id,
			);
			const csat = get<{score: 'good' | 'bad'; comment: string | null; at_ms: number}>(
				`SELECT s.score, s.comment, s.at_ms FROM satisfaction s JOIN tickets t ON t.id = s.ticket_id
				WHERE t.requester_id = ? AND s.score IN ('good', 'bad') ORDER BY s.at_ms DESC, s.id DESC LIMIT 1`,
				row.r_id,
			);
			const recent = all<{
				id: number;
				subject: string;
				status: TicketStatus;
				channel: Channel;
				created_ms: number;
				updated_ms: number;
			}>(
				`SELECT id, subject, status, channel, created_ms, updated_ms FROM tickets
				WHERE requester_id = ? AND id <> ? ORDER BY created_ms DESC, id DESC LIMIT 5`,
				row.r_id,
				row.id,
			);
			const lastCsat: Satisfaction | null =
				csat === undefined ? null : {score: csat.score, comment: csat.comment, at: iso(csat.at_ms)};
			const recentTickets: TicketSummary[] = recent.map((ticket) => ({
				id: String(ticket.id),
				subject: ticket.subject,
				status: ticket.status,
				channel: ticket.channel,
				createdAt: iso(ticket.created_ms),
				updatedAt: iso(ticket.updated_ms),
			}));
			const customer: Customer = {
				id: String(row.r_id),
				name: row.r_name,
				email: row.r_email,
				locale: row.r_locale,
				organization: organization === undefined ? null : {id: String(organization.id), name: organization.name},
				lastCsat,
				recentTickets,
			};
			return {
				ticket: toTicket(row),
				customer,
				messages: messages.map((message) => toMessage(message, htmlToText)),
			};
		});
	}

	return {getThread};
}
