import type {Database} from './database.js';
import {noKey, num, statement} from './stats-keys.js';

// What csr dashboard reads from the KPI cache: the unsolved tickets now, and today's replies, solves and ratings.

const unsolvedList = `('new', 'open', 'pending', 'on-hold')`;

/** An unsolved ticket as the dashboard needs it. Times as the cache stores them (toISOString). */
export type UnsolvedTicket = {
	readonly ticketId: string;
	readonly status: string;
	/** The assignee's agent key, `(none)` when unassigned. */
	readonly agent: string;
	/** The group's name, `(none)` without one. */
	readonly group: string;
	readonly createdAt: string;
	readonly slaDueAt: string | null;
	readonly waitingSince: string | null;
	/** For csr's own SLA targets: the priority, and the first reply (calendar minutes) when there was one. */
	readonly priority: string | null;
	readonly firstReplyMinutes: number | null;
};

/** Every unsolved ticket of the profile in the cache (a live desk has hundreds, not the 100,000 of its history). */
export function readUnsolvedTickets(db: Database, profile: string): UnsolvedTicket[] {
	return statement(
		db,
		`SELECT ticket_id, status, agent_key, group_name, created_at, sla_due_at, waiting_since, priority,
			first_reply_minutes FROM sync_tickets
		WHERE profile = ? AND status IN ${unsolvedList} ORDER BY created_at, ticket_id`,
	)
		.all(profile)
		.map((row) => ({
			ticketId: String(row['ticket_id']),
			status: String(row['status']),
			agent: row['agent_key'] === null ? noKey : String(row['agent_key']),
			group: row['group_name'] === null ? noKey : String(row['group_name']),
			createdAt: String(row['created_at']),
			slaDueAt: row['sla_due_at'] === null ? null : String(row['sla_due_at']),
			waitingSince: row['waiting_since'] === null ? null : String(row['waiting_since']),
			priority: row['priority'] === null ? null : String(row['priority']),
			firstReplyMinutes: row['first_reply_minutes'] === null ? null : Number(row['first_reply_minutes']),
		}));
}

export type DayActivity = {
	/** Public agent replies per agent key in [since, until). */
	readonly replies: Map<string, number>;
	/** Tickets last solved in [since, until) and solved or closed now, per solver (`(none)`: the system, or unknown). */
	readonly solved: Map<string, number>;
	/** The same per group of the ticket (`(none)` without one). */
	readonly repliesByGroup: Map<string, number>;
	readonly solvedByGroup: Map<string, number>;
	readonly ratings: {readonly good: number; readonly bad: number};
};

/** `k` → `n` of a grouped count over [since, until) of the profile. */
function countsByKey(db: Database, sql: string, profile: string, since: string, until: string): Map<string, number> {
	return new Map(
		statement(db, sql)
			.all(profile, since, until)
			.map((row) => [String(row['k']), num(row['n'])]),
	);
}

/** Replies, solves and ratings in [since, until) (the dashboard's "today"). */
export function readDayActivity(db: Database, profile: string, since: string, until: string): DayActivity {
	const replies = countsByKey(
		db,
		'SELECT agent_key AS k, COUNT(*) AS n FROM sync_replies WHERE profile = ? AND at >= ? AND at < ? GROUP BY k',
		profile,
		since,
		until,
	);
	const solved = countsByKey(
		db,
		`SELECT COALESCE(solved_by, '${noKey}') AS k, COUNT(*) AS n FROM sync_tickets
			WHERE profile = ? AND solved_at >= ? AND solved_at < ? AND status IN ('solved', 'closed') GROUP BY k`,
		profile,
		since,
		until,
	);
	const repliesByGroup = countsByKey(
		db,
		`SELECT COALESCE(t.group_name, '${noKey}') AS k, COUNT(*) AS n FROM sync_replies r
			JOIN sync_tickets t ON t.profile = r.profile AND t.ticket_id = r.ticket_id
			WHERE r.profile = ? AND r.at >= ? AND r.at < ? GROUP BY k`,
		profile,
		since,
		until,
	);
	const solvedByGroup = countsByKey(
		db,
		`SELECT COALESCE(group_name, '${noKey}') AS k, COUNT(*) AS n FROM sync_tickets
			WHERE profile = ? AND solved_at >= ? AND solved_at < ? AND status IN ('solved', 'closed') GROUP BY k`,
		profile,
		since,
		until,
	);
	const rating = statement(
		db,
		`SELECT SUM(CASE WHEN score = 'good' THEN 1 ELSE 0 END) AS good, SUM(CASE WHEN score = 'bad' THEN 1 ELSE 0 END) AS bad
		FROM sync_ratings WHERE profile = ? AND at >= ? AND at < ?`,
	).get(profile, since, until);
	return {
		replies,
		solved,
		repliesByGroup,
		solvedByGroup,
		ratings: {good: num(rating?.['good']), bad: num(rating?.['bad'])},
	};
}
