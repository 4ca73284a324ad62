import {deleteCachedCustomer} from './contact-cache.js';
import type {Database} from './database.js';
import {customerKeyOf} from './records.js';

/**
 * Erases what the reply machinery keeps about a customer besides records and follow-ups: planned and queued messages
 * (journal items, outbox), drafts and unconfirmed delivery bodies for their tickets, and the contacts cache. Matching is on the lower-cased
 * email computed in JavaScript, as for records (SQLite's lower() is ASCII-only). Returns how many rows went.
 */
export function deleteCustomerTraces(db: Database, key: string): number {
	const matches = (email: unknown) => typeof email === 'string' && customerKeyOf(email) === key;
	const tickets = new Set<string>();
	let removed = 0;
	for (const table of ['run_items', 'outbox'] as const) {
		const rows = db
			.prepare(`SELECT rowid AS row_id, ticket_id, customer_email FROM ${table} WHERE customer_email IS NOT NULL`)
			.all();
		const remove = db.prepare(`DELETE FROM ${table} WHERE rowid = ?`);
		for (const row of rows) {
			if (!matches(row['customer_email'])) continue;
			tickets.add(String(row['ticket_id']));
			removed += Number(remove.run(row['row_id'] as number).changes);
		}
	}
	for (const row of db.prepare('SELECT DISTINCT ticket_id FROM records WHERE customer_key = ?').all(key)) {
		tickets.add(String(row['ticket_id']));
	}
	const dropDrafts = db.prepare('DELETE FROM drafts WHERE ticket_id = ?');
	const dropBodies = db.prepare('UPDATE deliveries SET body = NULL WHERE ticket_id = ? AND body IS NOT NULL');
	for (const ticketId of tickets) {
		removed += Number(dropDrafts.run(ticketId).changes);
		removed += Number(dropBodies.run(ticketId).changes);
	}
	return removed + deleteCachedCustomer(db, key);
}
