import {type Database, transaction} from './database.js';

/**
 * Rows whose business minutes are the desk's own (`business_source = 'desk'`, Zendesk) are never measured by the
 * business pass, but the desk has no next reply: csr measures it from the thread's waits, and marks the row with the
 * schedule's fingerprint in `next_reply_business_source` (the sync clears it when it rewrites the row).
 */

export type DeskNextReplyRow = {readonly ticketId: string; readonly groupName: string | null; readonly waits: string};

/** Desk rows with a next reply whose business minutes were not measured on schedule `fingerprint`. */
export function readDeskNextReplyPending(db: Database, profile: string, fingerprint: string): DeskNextReplyRow[] {
	return db
		.prepare(
			`SELECT ticket_id, group_name, waits FROM sync_tickets WHERE business_source = 'desk' AND profile = ?
			AND next_reply_minutes IS NOT NULL AND waits IS NOT NULL
			AND (next_reply_business_source IS NULL OR next_reply_business_source <> ?)`,
		)
		.all(profile, fingerprint)
		.map((row) => ({
			ticketId: String(row['ticket_id']),
			groupName: row['group_name'] === null ? null : String(row['group_name']),
			waits: String(row['waits']),
		}));
}

export function writeDeskNextReplies(
	db: Database,
	profile: string,
	fingerprint: string,
	rows: readonly {readonly ticketId: string; readonly minutes: number | null}[],
): void {
	const update = db.prepare(
		`UPDATE sync_tickets SET next_reply_business_minutes = ?, next_reply_business_source = ?
		WHERE profile = ? AND ticket_id = ? AND business_source = 'desk'`,
	);
	transaction(db, () => {
		for (const row of rows) update.run(row.minutes, fingerprint, profile, row.ticketId);
	});
}

/** The profile has no business hours any more: csr's next-reply business minutes on desk rows go. */
export function clearDeskNextReplies(db: Database, profile: string): number {
	const result = db
		.prepare(
			`UPDATE sync_tickets SET next_reply_business_minutes = NULL, next_reply_business_source = NULL
			WHERE business_source = 'desk' AND profile = ? AND next_reply_business_source IS NOT NULL`,
		)
		.run(profile);
	return Number(result.changes);
}
