import type {SQLInputValue} from 'node:sqlite';
import type {AgentRef, Channel} from '../../domain/ticket.js';
import type {TicketFacts} from '../help-desk.js';

/** Who did the work on a page of demo tickets: the public thread (channel, agent or customer) and the last solver. */
export type TeamFacts = Required<Pick<TicketFacts, 'publicMessages' | 'solvedBy'>>;

type All = <T>(sql: string, ...params: SQLInputValue[]) => T[];
type Message = NonNullable<TicketFacts['publicMessages']>[number];

/** `ids` is a JSON array of ticket ids (json_each). Tickets without public messages or solves are not in the map. */
export function readTeamFacts(all: All, ids: string): Map<number, TeamFacts> {
	const facts = new Map<number, {publicMessages: Message[]; solvedBy: AgentRef | null}>();
	const of = (ticketId: number) => {
		let entry = facts.get(ticketId);
		if (entry === undefined) {
			entry = {publicMessages: [], solvedBy: null};
			facts.set(ticketId, entry);
		}
		return entry;
	};
	for (const message of all<{
		ticket_id: number;
		created_ms: number;
		channel: Channel;
		author_role: string;
		author_id: number;
		name: string | null;
		email: string | null;
	}>(
		`SELECT m.ticket_id, m.created_ms, m.channel, m.author_role, m.author_id, u.name, u.email
		FROM messages m LEFT JOIN users u ON u.id = m.author_id
		WHERE m.ticket_id IN (SELECT value FROM json_each(?)) AND m.is_public = 1 AND m.author_role IN ('agent', 'customer')
		ORDER BY m.ticket_id, m.created_ms, m.id`,
		ids,
	)) {
		of(message.ticket_id).publicMessages.push({
			at: new Date(message.created_ms).toISOString(),
			channel: message.channel,
			agent:
				message.author_role === 'agent'
					? {id: String(message.author_id), name: message.name ?? '', email: message.email}
					: null,
		});
	}
	for (const solve of all<{
		ticket_id: number;
		author_id: number | null;
		name: string | null;
		email: string | null;
		role: string | null;
	}>(
		`SELECT e.ticket_id, e.author_id, u.name, u.email, u.role FROM events e LEFT JOIN users u ON u.id = e.author_id
		WHERE e.field = 'status' AND e.ticket_id IN (SELECT value FROM json_each(?))
			AND (e.new_value = 'solved' OR (e.new_value = 'closed' AND e.old_value <> 'solved'))
		ORDER BY e.ticket_id, e.at_ms, e.id`,
		ids,
	)) {
		// The last solve wins (rows come oldest first); a solve by the system or a customer credits no agent.
		const isAgent = solve.author_id !== null && solve.role === 'agent';
		of(solve.ticket_id).solvedBy = isAgent
			? {id: String(solve.author_id), name: solve.name ?? '', email: solve.email}
			: null;
	}
	return facts;
}
