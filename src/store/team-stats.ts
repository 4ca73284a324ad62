import type {Database} from './database.js';
import {statement, valuesAtPositions} from './stats-keys.js';

/**
 * Per-agent figures from the desk's own threads and events, as the sync cached them (`sync_replies`, and the
 * `first_reply_by`, `solved_by` and `agent_touches` columns of `sync_tickets`): the whole team, not only whoever ran
 * csr. Window membership as in `csr stats`: replies by the time they were given, first reply by creation, solves by
 * the last solve (solved or closed now), ratings by the time they were given (credited to who solved the ticket,
 * else its assignee).
 */

export type CacheWindow = {readonly since: string; readonly until: string};

/** Count, sum and the sorted values at the 0-based positions the median and p90 need, of one agent's durations. */
export type TeamDurations = {readonly count: number; readonly sum: number; readonly at: ReadonlyMap<number, number>};

export type TeamRow = {
	readonly agent: string;
	readonly replies: number;
	readonly solved: number;
	/** The first replies this agent gave, on tickets created in the window. */
	readonly firstReply: TeamDurations;
	/** The tickets this agent solved in the window. */
	readonly resolution: TeamDurations;
	/** Solved tickets with at most one agent touch. */
	readonly oneTouch: number;
	readonly good: number;
	readonly bad: number;
};

type Mutable = {-readonly [K in keyof TeamRow]: TeamRow[K]};

const emptyDurations: TeamDurations = {count: 0, sum: 0, at: new Map()};

/** True when the desk gave reply authors for any cached ticket of the profile (else there is no team block). */
export function hasTeamData(db: Database, profile: string): boolean {
	const row = db
		.prepare(
			`SELECT EXISTS (SELECT 1 FROM sync_replies WHERE profile = ?)
				OR EXISTS (SELECT 1 FROM sync_tickets WHERE profile = ? AND solved_by IS NOT NULL) AS present`,
		)
		.get(profile, profile);
	return Number(row?.['present'] ?? 0) === 1;
}

/**
 * Per agent: count and sum from one GROUP BY over the agent-first covering index (sync_tickets_first_reply_by,
 * sync_tickets_solved_by: no sort), then only the sorted values at the positions the median and p90 need (type 7:
 * ⌊h⌋ and ⌊h⌋ + 1 for h = (n − 1)·p, as kpi/percentile.ts), each run of neighbouring positions one
 * `ORDER BY value LIMIT n OFFSET k` walk of the same index. A few rows per agent leave SQLite, and SQLite sorts nothing.
 */
function durationsByAgent(
	db: Database,
	agentColumn: string,
	valueColumn: string,
	where: string,
	params: readonly string[],
	fractions: readonly number[],
): Map<string, TeamDurations> {
	const filter = `${where} AND ${valueColumn} IS NOT NULL`;
	const totals = statement(
		db,
		`SELECT ${agentColumn} AS agent, COUNT(*) AS cnt, SUM(${valueColumn}) AS total FROM sync_tickets
			WHERE ${filter} AND ${agentColumn} IS NOT NULL GROUP BY ${agentColumn}`,
	).all(...params);
	const sql = (order: string) =>
		`SELECT ${valueColumn} AS value FROM sync_tickets WHERE ${agentColumn} = ? AND ${filter}
			ORDER BY ${valueColumn} ${order} LIMIT ? OFFSET ?`;
	const ascending = statement(db, sql('ASC'));
	const descending = statement(db, sql('DESC'));
	const result = new Map<string, TeamDurations>();
	for (const row of totals) {
		const agent = String(row['agent']);
		const count = Number(row['cnt']);
		const positions = fractions.flatMap((fraction) => {
			const lower = Math.floor((count - 1) * fraction);
			return [lower, lower + 1];
		});
		const at = valuesAtPositions(count, positions, (limit, offset, down) =>
			(down ? descending : ascending).all(agent, ...params, limit, offset).map((value) => Number(value['value'])),
		);
		result.set(agent, {count, sum: Number(row['total']), at});
	}
	return result;
}

/** Every agent with any activity in the window, sorted by agent key. A few rows per agent leave SQLite. */
export function readTeam(db: Database, profile: string, window: CacheWindow, fractions: readonly number[]): TeamRow[] {
	const rows = new Map<string, Mutable>();
	const of = (agent: string): Mutable => {
		let row = rows.get(agent);
		if (row === undefined) {
			row = {
				agent,
				replies: 0,
				solved: 0,
				firstReply: emptyDurations,
				resolution: emptyDurations,
				oneTouch: 0,
				good: 0,
				bad: 0,
			};
			rows.set(agent, row);
		}
		return row;
	};
	const {since, until} = window;
	for (const row of db
		.prepare(
			'SELECT agent_key, COUNT(*) AS n FROM sync_replies WHERE profile = ? AND at >= ? AND at < ? GROUP BY agent_key',
		)
		.all(profile, since, until)) {
		of(String(row['agent_key'])).replies = Number(row['n']);
	}
	const created = 'profile = ? AND created_at >= ? AND created_at < ?';
	const solvedIn = `profile = ? AND solved_at >= ? AND solved_at < ? AND status IN ('solved', 'closed')`;
	for (const [agent, durations] of durationsByAgent(
		db,
		'first_reply_by',
		'first_reply_minutes',
		created,
		[profile, since, until],
		fractions,
	)) {
		of(agent).firstReply = durations;
	}
	for (const [agent, durations] of durationsByAgent(
		db,
		'solved_by',
		'resolution_minutes',
		solvedIn,
		[profile, since, until],
		fractions,
	)) {
		of(agent).resolution = durations;
	}
	for (const row of db
		.prepare(
			`SELECT solved_by AS agent, COUNT(*) AS solved,
				SUM(CASE WHEN COALESCE(agent_touches, public_agent_replies) <= 1 THEN 1 ELSE 0 END) AS one_touch
			FROM sync_tickets WHERE ${solvedIn} AND solved_by IS NOT NULL GROUP BY solved_by`,
		)
		.all(profile, since, until)) {
		const agent = of(String(row['agent']));
		agent.solved = Number(row['solved']);
		agent.oneTouch = Number(row['one_touch']);
	}
	for (const row of db
		.prepare(
			`SELECT COALESCE(t.solved_by, t.agent_key) AS agent, r.score AS score, COUNT(*) AS n
			FROM sync_ratings r JOIN sync_tickets t ON t.profile = r.profile AND t.ticket_id = r.ticket_id
			WHERE r.profile = ? AND r.at >= ? AND r.at < ? AND r.score IN ('good', 'bad')
				AND COALESCE(t.solved_by, t.agent_key) IS NOT NULL
			GROUP BY agent, score`,
		)
		.all(profile, since, until)) {
		const agent = of(String(row['agent']));
		if (row['score'] === 'good') agent.good += Number(row['n']);
		else agent.bad += Number(row['n']);
	}
	return [...rows.values()].sort((a, b) => (a.agent < b.agent ? -1 : a.agent > b.agent ? 1 : 0));
}
