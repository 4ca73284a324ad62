import type {Database} from './database.js';

/**
 * Series for `csr report`: duration distributions and the backlog per day, read from the KPI cache with the same
 * window membership as `csr stats` (first reply: created in the window; resolution: last solved in the window and
 * solved or closed now). One grouped scan each.
 */

export type CacheWindow = {readonly since: string; readonly until: string};

/** Bucket upper bounds in minutes (the last bucket is open-ended). */
export const durationBucketEdges = [60, 240, 480, 1440, 4320] as const;
export const durationBucketLabels = ['< 1 h', '1–4 h', '4–8 h', '8–24 h', '1–3 d', '≥ 3 d'] as const;

const bucketCase = (column: string) =>
	`CASE ${durationBucketEdges.map((edge, i) => `WHEN ${column} < ${edge} THEN ${i}`).join(' ')} ELSE ${durationBucketEdges.length} END`;

export type DurationColumn =
	| 'first_reply_minutes'
	| 'first_reply_business_minutes'
	| 'resolution_minutes'
	| 'resolution_business_minutes';

/** Tickets per bucket of `durationBucketEdges` for one duration column, in the window. */
export function durationHistogram(
	db: Database,
	profile: string,
	window: CacheWindow,
	column: DurationColumn,
): number[] {
	const isResolution = column.startsWith('resolution');
	const membership = isResolution
		? `solved_at >= ? AND solved_at < ? AND status IN ('solved', 'closed')`
		: 'created_at >= ? AND created_at < ?';
	const rows = db
		.prepare(
			`SELECT ${bucketCase(column)} AS bucket, COUNT(*) AS n FROM sync_tickets
			WHERE profile = ? AND ${membership} AND ${column} IS NOT NULL GROUP BY bucket`,
		)
		.all(profile, window.since, window.until);
	const counts = durationBucketLabels.map(() => 0);
	for (const row of rows) counts[Number(row['bucket'])] = Number(row['n']);
	return counts;
}

/**
 * Unsolved tickets at the end of each UTC day (`days`, `YYYY-MM-DD`, ascending; today's value is the backlog as of
 * the last sync). From the cache's current state: a ticket solved or closed now was open from its creation to its last
 * solve; a ticket unsolved now counts as open since its creation (the cache does not keep when it was reopened).
 */
export function backlogSeries(db: Database, profile: string, days: readonly string[]): number[] {
	if (days.length === 0) return [];
	const cumulative = (sql: string): number[] => {
		const perDay = new Map<string, number>();
		let before = 0;
		const first = days[0] as string;
		for (const row of db.prepare(sql).all(profile)) {
			const day = String(row['day']);
			if (day < first) before += Number(row['n']);
			else perDay.set(day, Number(row['n']));
		}
		let running = before;
		return days.map((day) => {
			running += perDay.get(day) ?? 0;
			return running;
		});
	};
	const created = cumulative(
		'SELECT substr(created_at, 1, 10) AS day, COUNT(*) AS n FROM sync_tickets WHERE profile = ? GROUP BY day',
	);
	const solved = cumulative(
		`SELECT substr(solved_at, 1, 10) AS day, COUNT(*) AS n FROM sync_tickets
		WHERE profile = ? AND solved_at IS NOT NULL AND status IN ('solved', 'closed') GROUP BY day`,
	);
	return days.map((_day, i) => (created[i] as number) - (solved[i] as number));
}
