import {deleteCachedCustomer} from './contact-cache.js';
import type {Database} from './database.js';
import {customerKeyOf} from './records.js';

export type TraceCounts = {
	/** Journal items, outbox messages, drafts and unconfirmed delivery bodies of the customer's tickets; contacts cache rows. */
	readonly otherTraces: number;
	/** Records and follow-ups of the customer's tickets that were written without a customer. */
	readonly ticketRecords: number;
	readonly ticketFollowUps: number;
	/** Texts elsewhere (other records, notes, drafts, outbox, journal) that named the address, now redacted. */
	readonly mentions: number;
};

/** What replaces the address where another row's text names it. */
export const erasedMarker = '[erased]';

// Free text that can name an address: [table, column]. Redacted in place, so other customers' rows stay.
const textColumns = [
	['records', 'summary'],
	['followups', 'note'],
	['drafts', 'body'],
	['outbox', 'body'],
	['outbox', 'last_error'],
	['run_items', 'body'],
	['run_items', 'reason'],
	['deliveries', 'body'],
	['runs', 'plan_json'],
	// CC addresses and attachment paths of planned and queued messages (migration 9).
	['outbox', 'extras_json'],
	['run_items', 'extras_json'],
	['saved_views', 'filter'],
] as const;

/**
 * Erases what csr keeps about a customer besides the records and follow-ups that name them: the records and
 * follow-ups of their tickets written without a customer, their planned and queued messages (journal items, outbox),
 * drafts and unconfirmed delivery bodies of their tickets, the contacts cache, and every mention of the address in
 * other rows' text.
 * Matching is on the lower-cased email computed in JavaScript, as for records (SQLite's lower() is ASCII-only).
 * Call inside the purge's transaction, before the customer's own records go (they name the tickets).
 */
export function deleteCustomerTraces(db: Database, key: string): TraceCounts {
	const matches = (email: unknown) => typeof email === 'string' && customerKeyOf(email) === key;
	// (profile, ticket) pairs: ticket 13 on one desk is not ticket 13 on another. A null profile matches any.
	const tickets = new Map<string, {profile: string | null; ticketId: string}>();
	const addTicket = (profile: unknown, ticketId: unknown) => {
		if (ticketId === null || ticketId === undefined) return;
		const entry = {
			profile: profile === null || profile === undefined ? null : String(profile),
			ticketId: String(ticketId),
		};
		tickets.set(`${entry.profile}\u0000${entry.ticketId}`, entry);
	};
	let otherTraces = 0;
	const journal = db
		.prepare(
			`SELECT run_items.rowid AS row_id, runs.profile AS profile, run_items.ticket_id AS ticket_id, run_items.customer_email AS customer_email
			FROM run_items JOIN runs ON runs.id = run_items.run_id WHERE run_items.customer_email IS NOT NULL`,
		)
		.all();
	const outbox = db
		.prepare('SELECT rowid AS row_id, profile, ticket_id, customer_email FROM outbox WHERE customer_email IS NOT NULL')
		.all();
	for (const [table, rows] of [
		['run_items', journal],
		['outbox', outbox],
	] as const) {
		const remove = db.prepare(`DELETE FROM ${table} WHERE rowid = ?`);
		for (const row of rows) {
			if (!matches(row['customer_email'])) continue;
			addTicket(row['profile'], row['ticket_id']);
			otherTraces += Number(remove.run(row['row_id'] as number).changes);
		}
	}
	for (const row of db.prepare('SELECT DISTINCT profile, ticket_id FROM records WHERE customer_key = ?').all(key))
		addTicket(row['profile'], row['ticket_id']);
	for (const row of db.prepare('SELECT DISTINCT profile, ticket_id FROM followups WHERE customer_key = ?').all(key))
		addTicket(row['profile'], row['ticket_id']);

	const sameTicket = '(ticket_id = ? AND (? IS NULL OR profile IS NULL OR profile = ?))';
	const dropDrafts = db.prepare(`DELETE FROM drafts WHERE ${sameTicket}`);
	const dropBodies = db.prepare(`UPDATE deliveries SET body = NULL WHERE ${sameTicket} AND body IS NOT NULL`);
	const dropRecords = db.prepare(`DELETE FROM records WHERE ${sameTicket} AND customer_key IS NULL`);
	const dropFollowUps = db.prepare(`DELETE FROM followups WHERE ${sameTicket} AND customer_key IS NULL`);
	let ticketRecords = 0;
	let ticketFollowUps = 0;
	for (const {profile, ticketId} of tickets.values()) {
		const args = [ticketId, profile, profile] as const;
		otherTraces += Number(dropDrafts.run(...args).changes);
		otherTraces += Number(dropBodies.run(...args).changes);
		ticketRecords += Number(dropRecords.run(...args).changes);
		ticketFollowUps += Number(dropFollowUps.run(...args).changes);
	}
	otherTraces += deleteCachedCustomer(db, key);
	return {otherTraces, ticketRecords, ticketFollowUps, mentions: redactMentions(db, key)};
}

/** Replaces the address (any letter case) in every free-text column with [erased]; returns how many texts changed. */
function redactMentions(db: Database, key: string): number {
	const at = key.lastIndexOf('@');
	if (at < 1) return 0;
	// LIKE narrows the scan (case-insensitive for ASCII); JavaScript decides, with full Unicode case folding.
	const domain = `%${key.slice(at).replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
	const pattern = new RegExp(key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
	let changed = 0;
	for (const [table, column] of textColumns) {
		const rows = db
			.prepare(`SELECT rowid AS row_id, ${column} AS text FROM ${table} WHERE ${column} LIKE ? ESCAPE '\\'`)
			.all(domain);
		const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE rowid = ?`);
		for (const row of rows) {
			const text = String(row['text']);
			const redacted = text.replace(pattern, erasedMarker);
			if (redacted !== text) changed += Number(update.run(redacted, row['row_id'] as number).changes);
		}
	}
	return changed;
}
