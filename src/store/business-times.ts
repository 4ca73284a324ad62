import {type Database, transaction} from './database.js';

/**
 * Business minutes in the KPI cache. A ticket row's `business_source` says where its business minutes come from:
 * `'desk'` (the desk's own, e.g. Zendesk's `.business` metrics, written by the sync and never recomputed), the
 * fingerprint of the csr schedule they were computed on, or NULL (csr has not computed them yet: the sync resets it
 * whenever it rewrites a row without desk business times).
 */

export const deskSource = 'desk';

/** What csr needs to measure a row on a schedule. Times as the cache stores them (toISOString). */
export type BusinessPendingRow = {
	readonly ticketId: string;
	readonly groupName: string | null;
	readonly createdAt: string;
	readonly firstReplyAt: string | null;
	/** Null unless the ticket counts as resolved (it has a calendar resolution time). */
	readonly solvedAt: string | null;
	/** The thread's waits (kpi/waits.ts encodeWaits); null when the desk exports no thread. */
	readonly waits: string | null;
};

export type BusinessTimes = {
	readonly ticketId: string;
	readonly firstReplyBusinessMinutes: number | null;
	readonly resolutionBusinessMinutes: number | null;
	readonly nextReplyBusinessMinutes: number | null;
	readonly requesterWaitBusinessMinutes: number | null;
};

/** Rows whose business minutes csr must (re)compute for schedule `fingerprint`: never computed, or on another one. */
export function readBusinessPending(db: Database, profile: string, fingerprint: string): BusinessPendingRow[] {
	// "Neither of the two" as ranges around them, so SQLite reads the (profile, business_source) index, not the table:
	// once every row is measured, this finds nothing without a scan.
	const [low, high] = [deskSource, fingerprint].sort();
	const rows = db
		.prepare(
			`SELECT ticket_id, group_name, created_at, first_reply_at, solved_at, resolution_minutes, waits FROM sync_tickets
			WHERE profile = ? AND (business_source IS NULL OR business_source < ? OR (business_source > ? AND business_source < ?)
				OR business_source > ?)`,
		)
		.all(profile, low ?? '', low ?? '', high ?? '', high ?? '');
	return rows.map((row) => ({
		ticketId: String(row['ticket_id']),
		groupName: row['group_name'] === null ? null : String(row['group_name']),
		createdAt: String(row['created_at']),
		firstReplyAt: row['first_reply_at'] === null ? null : String(row['first_reply_at']),
		solvedAt: row['resolution_minutes'] === null || row['solved_at'] === null ? null : String(row['solved_at']),
		waits: row['waits'] === null ? null : String(row['waits']),
	}));
}

/** Stores csr's business minutes for the rows given, marked with the schedule's fingerprint, in one transaction. */
export function writeBusinessTimes(
	db: Database,
	profile: string,
	fingerprint: string,
	times: readonly BusinessTimes[],
): void {
	const update = db.prepare(
		`UPDATE sync_tickets SET first_reply_business_minutes = ?, resolution_business_minutes = ?,
			next_reply_business_minutes = ?, requester_wait_business_minutes = ?, business_source = ?
		WHERE profile = ? AND ticket_id = ? AND (business_source IS NULL OR business_source <> ?)`,
	);
	transaction(db, () => {
		for (const row of times) {
			update.run(
				row.firstReplyBusinessMinutes,
				row.resolutionBusinessMinutes,
				row.nextReplyBusinessMinutes,
				row.requesterWaitBusinessMinutes,
				fingerprint,
				profile,
				row.ticketId,
				deskSource,
			);
		}
	});
}

/** Forgets csr-computed business minutes (the profile no longer has business hours); the desk's own stay. */
export function clearComputedBusinessTimes(db: Database, profile: string): number {
	const result = db
		.prepare(
			`UPDATE sync_tickets SET first_reply_business_minutes = NULL, resolution_business_minutes = NULL,
			next_reply_business_minutes = NULL, requester_wait_business_minutes = NULL, business_source = NULL WHERE profile = ? AND business_source IS NOT NULL AND business_source <> ?`,
		)
		.run(profile, deskSource);
	return Number(result.changes);
}

/** How many of the profile's cached tickets have business minutes from the desk and from csr, for --explain. */
export function countBusinessSources(db: Database, profile: string): {desk: number; csr: number} {
	const row = db
		.prepare(
			`SELECT COALESCE(SUM(business_source = ?), 0) AS desk,
				COALESCE(SUM(business_source IS NOT NULL AND business_source <> ?), 0) AS csr
			FROM sync_tickets WHERE profile = ?`,
		)
		.get(deskSource, deskSource, profile);
	return {desk: Number(row?.['desk'] ?? 0), csr: Number(row?.['csr'] ?? 0)};
}
