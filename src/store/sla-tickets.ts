import type {Database} from './database.js';
import {type Dimension, statement, ticketKey, type Window} from './stats-keys.js';

/** A ticket as csr's SLA targets judge it (kpi/sla.ts SlaTicket). Times in epoch ms; calendar minutes. */
export type SlaTicketRow = {
	readonly key: string;
	readonly priority: string | null;
	readonly group: string | null;
	readonly unsolved: boolean;
	readonly createdAt: number;
	readonly firstReplyMinutes: number | null;
	/** Null unless solved or closed now with a resolution time. */
	readonly resolutionMinutes: number | null;
};

/**
 * The tickets created in the window with what csr's SLA targets need (priority, group, first reply and resolution
 * in calendar minutes), keyed like csr stats' --by dimension. One row per ticket: only read when targets are set.
 */
export function readSlaTickets(db: Database, profile: string, window: Window, dimension: Dimension): SlaTicketRow[] {
	return statement(
		db,
		`SELECT ${ticketKey(dimension, 't.created_at')} AS k, t.priority, t.group_name, t.status, t.created_at,
			t.first_reply_minutes, t.resolution_minutes
		FROM sync_tickets t WHERE t.profile = ? AND t.created_at >= ? AND t.created_at < ?`,
	)
		.all(profile, window.since, window.until)
		.map((row) => {
			const status = String(row['status']);
			const solved = status === 'solved' || status === 'closed';
			const unsolved = ['new', 'open', 'pending', 'on-hold'].includes(status);
			const resolution = row['resolution_minutes'];
			return {
				key: String(row['k']),
				priority: row['priority'] === null ? null : String(row['priority']),
				group: row['group_name'] === null ? null : String(row['group_name']),
				unsolved,
				createdAt: Date.parse(String(row['created_at'])),
				firstReplyMinutes: row['first_reply_minutes'] === null ? null : Number(row['first_reply_minutes']),
				resolutionMinutes: solved && resolution !== null ? Number(resolution) : null,
			};
		});
}
