import type {Database} from './database.js';

/**
 * When a desk's data was replaced wholesale (`csr demo reset`): the local log's records made on that kind of desk
 * before then describe tickets that no longer exist, so KPIs leave them out (the records themselves are kept).
 */
export function markDeskReset(db: Database, provider: string, at: Date): void {
	db.prepare(
		'INSERT INTO desk_resets (provider, at) VALUES (?, ?) ON CONFLICT (provider) DO UPDATE SET at = excluded.at',
	).run(provider, at.toISOString());
}

/** SQL condition on a `records` row alias: not made on a desk that was reset after it. */
export function recordsOfCurrentDesk(alias: string): string {
	return `NOT EXISTS (SELECT 1 FROM desk_resets dr WHERE dr.provider = ${alias}.provider AND ${alias}.at < dr.at)`;
}
