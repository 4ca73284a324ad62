import {StoreError} from '../errors.js';
import type {Database} from './database.js';
import {teamStoreError, toPgParams, toPgSql} from './pg-client.js';
import type {ActivityAggregate} from './stats-answers.js';
import type {Dimension, Window} from './stats-keys.js';
import type {TeamRecordStore} from './team-record-store.js';

/**
 * `csr stats --source records` on a team store: the interaction log of every agent, aggregated by PostgreSQL per day,
 * channel and agent (a row's ticket kept only where the record names no channel, so the ticket's channel can come
 * from this machine's sync cache, as it does for the local log). The same shape `aggregateActivity` gives for SQLite.
 */
export type TeamActivityRow = {
	readonly day: string;
	readonly channel: string | null;
	readonly ticketId: string | null;
	readonly agent: string | null;
	readonly activity: ActivityAggregate;
};

type Actions = {replies: readonly string[]; notes: readonly string[]; calls: readonly string[]};

/** The desks this machine reset (`csr demo reset`): their older records leave the KPIs, as in the local log. */
function deskResets(db: Database): {provider: string; at: string}[] {
	return db
		.prepare('SELECT provider, at FROM desk_resets')
		.all()
		.map((row) => ({provider: String(row['provider']), at: String(row['at'])}));
}

/** Pushes what waits on this machine first, so the agent's own latest records count. StoreError when unreachable. */
export async function readTeamActivity(
	db: Database,
	store: TeamRecordStore,
	profile: string,
	window: Window,
	actions: Actions,
): Promise<TeamActivityRow[]> {
	await store.push();
	const resets = deskResets(db);
	const list = (values: readonly string[]) => (values.length === 0 ? `''` : values.map(() => '?').join(', '));
	const sql = `SELECT substr(at, 1, 10) AS day, channel, CASE WHEN channel IS NULL THEN ticket_id END AS ticket_id, agent,
			SUM(CASE WHEN action IN (${list(actions.replies)}) THEN 1 ELSE 0 END) AS replies,
			SUM(CASE WHEN action IN (${list(actions.notes)}) THEN 1 ELSE 0 END) AS notes,
			SUM(CASE WHEN action IN (${list(actions.calls)}) THEN 1 ELSE 0 END) AS calls,
			SUM(duration_sec) AS handle_sec, COUNT(*) AS records
		FROM records
		WHERE (profile = ? OR profile IS NULL) AND at >= ? AND at < ?
			${resets.map(() => 'AND NOT (provider IS NOT DISTINCT FROM ? AND at < ?)').join(' ')}
		GROUP BY 1, 2, 3, 4`;
	const params = [
		...actions.replies,
		...actions.notes,
		...actions.calls,
		profile,
		window.since,
		window.until,
		...resets.flatMap((reset) => [reset.provider, reset.at]),
	];
	let rows: Record<string, unknown>[];
	try {
		const pool = await store.ready();
		rows = (await pool.query(toPgSql(sql), toPgParams(params))).rows as Record<string, unknown>[];
	} catch (error) {
		throw error instanceof StoreError ? error : teamStoreError(store.target, error, 'reading the team log for stats');
	}
	return rows.map((row) => ({
		day: String(row['day']),
		channel: row['channel'] === null ? null : String(row['channel']),
		ticketId: row['ticket_id'] === null ? null : String(row['ticket_id']),
		agent: row['agent'] === null ? null : String(row['agent']),
		activity: {
			replies: Number(row['replies'] ?? 0),
			notes: Number(row['notes'] ?? 0),
			calls: Number(row['calls'] ?? 0),
			handleSec: row['handle_sec'] === null ? null : Number(row['handle_sec']),
			records: Number(row['records'] ?? 0),
		},
	}));
}

/** Monday of the ISO week of a `YYYY-MM-DD` day: SQLite's `date(d, '-6 days', 'weekday 1')`. */
export function mondayOf(day: string): string {
	const date = new Date(`${day}T00:00:00Z`);
	const back = (date.getUTCDay() + 6) % 7;
	return new Date(date.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

const add = (before: ActivityAggregate | undefined, more: ActivityAggregate): ActivityAggregate =>
	before === undefined
		? more
		: {
				replies: before.replies + more.replies,
				notes: before.notes + more.notes,
				calls: before.calls + more.calls,
				handleSec:
					before.handleSec === null && more.handleSec === null ? null : (before.handleSec ?? 0) + (more.handleSec ?? 0),
				records: before.records + more.records,
			};

/** The team's rows grouped by one dimension (not `group`: the log has no ticket groups), per agent as written. */
export function groupTeamActivity(
	db: Database,
	profile: string,
	rows: readonly TeamActivityRow[],
	dimension: Exclude<Dimension, 'group'>,
): Map<string, Map<string | null, ActivityAggregate>> {
	const channelOf = db.prepare('SELECT channel FROM sync_tickets WHERE profile = ? AND ticket_id = ?');
	const cache = new Map<string, string>();
	const ticketChannel = (ticketId: string | null): string => {
		if (ticketId === null) return 'other';
		let channel = cache.get(ticketId);
		if (channel === undefined) {
			const row = channelOf.get(profile, ticketId);
			channel = row === undefined || row['channel'] === null ? 'other' : String(row['channel']);
			cache.set(ticketId, channel);
		}
		return channel;
	};
	const byKey = new Map<string, Map<string | null, ActivityAggregate>>();
	for (const row of rows) {
		const key =
			dimension === 'channel'
				? (row.channel ?? ticketChannel(row.ticketId))
				: dimension === 'day'
					? row.day
					: dimension === 'week'
						? mondayOf(row.day)
						: '';
		let inner = byKey.get(key);
		if (inner === undefined) {
			inner = new Map();
			byKey.set(key, inner);
		}
		inner.set(row.agent, add(inner.get(row.agent), row.activity));
	}
	return byKey;
}
