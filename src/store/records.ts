import type {StatementSync} from 'node:sqlite';
import type {InteractionRecord} from '../domain/records.js';
import type {Database} from './database.js';
import {enqueueForTeamStore} from './team-queue.js';

/** What `csr log list|export` and stats filter records by. Every field narrows; absent means any. */
export type RecordQuery = {
	readonly ticketId?: string | undefined;
	/** Matched case-insensitively. */
	readonly customerEmail?: string | undefined;
	readonly actions?: readonly string[] | undefined;
	readonly outcomes?: readonly string[] | undefined;
	/** ISO 8601 UTC (toISOString form), inclusive. */
	readonly since?: string | undefined;
	/** ISO 8601 UTC (toISOString form), exclusive: windows are half-open. */
	readonly until?: string | undefined;
	/** Matched case-insensitively (ASCII). */
	readonly agent?: string | undefined;
	readonly limit?: number | undefined;
	/** newest (default) for listings, oldest for exports. */
	readonly order?: 'newest' | 'oldest' | undefined;
};

const statements = new WeakMap<Database, Map<string, StatementSync>>();

/** Prepared once per connection: imports insert thousands of rows with the same statement. */
export function cachedStatement(db: Database, sql: string): StatementSync {
	let byText = statements.get(db);
	if (byText === undefined) {
		byText = new Map();
		statements.set(db, byText);
	}
	let statement = byText.get(sql);
	if (statement === undefined) {
		statement = db.prepare(sql);
		byText.set(sql, statement);
	}
	return statement;
}

/** The key customer lookups and purges match on: the email lower-cased (JavaScript rules, not SQL's ASCII-only lower). */
export function customerKeyOf(email: string | null): string | null {
	return email === null ? null : email.trim().toLowerCase();
}

/** Portable SQL (both dialects); the values come from recordParams. */
export const insertRecordSql = `INSERT INTO records (id, at, agent, profile, provider, ticket_id, customer_email, customer_name, channel,
	action, template, status, outcome, duration_sec, summary, follow_up_at, customer_key)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO NOTHING`;

/**
 * Writes one interaction record. Idempotent on id: a record already there is left as it is (imports re-run safely).
 * Synchronous so callers can put it in the same transaction as the journal entry it belongs to.
 */
export function insertRecord(db: Database, record: InteractionRecord): boolean {
	if (enqueueForTeamStore(db, 'record', record.id, customerKeyOf(record.customer.email), record)) return true;
	return Number(cachedStatement(db, insertRecordSql).run(...recordParams(record)).changes) > 0;
}

/** The values of insertRecordSql, in order. */
export function recordParams(record: InteractionRecord): (string | number | null)[] {
	return [
		record.id,
		record.at,
		record.agent,
		record.profile,
		record.provider,
		record.ticketId,
		record.customer.email,
		record.customer.name,
		record.channel,
		record.action,
		record.template,
		record.status,
		record.outcome,
		record.durationSec,
		record.summary,
		record.followUpAt,
		customerKeyOf(record.customer.email),
	];
}

/** Every column of a record, in toRecordFromArray's order. */
export const recordColumns = `id, at, agent, profile, provider, ticket_id, customer_email, customer_name, channel, action, template,
	status, outcome, duration_sec, summary, follow_up_at`;

type Row = Record<string, unknown>;

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** A row back to the domain shape; the database holds only what insertRecord wrote, so no re-validation. */
export function toRecord(row: Row): InteractionRecord {
	return {
		id: String(row['id']),
		at: String(row['at']),
		agent: text(row['agent']),
		profile: text(row['profile']),
		provider: text(row['provider']),
		ticketId: text(row['ticket_id']),
		customer: {email: text(row['customer_email']), name: text(row['customer_name'])},
		channel: text(row['channel']) as InteractionRecord['channel'],
		action: String(row['action']),
		template: text(row['template']),
		status: text(row['status']),
		outcome: text(row['outcome']) as InteractionRecord['outcome'],
		durationSec: row['duration_sec'] === null || row['duration_sec'] === undefined ? null : Number(row['duration_sec']),
		summary: text(row['summary']),
		followUpAt: text(row['follow_up_at']),
	};
}

/** Portable SQL (no SQLite-only functions) for a query; parameters in order. */
export function recordQuerySql(query: RecordQuery): {sql: string; params: (string | number)[]} {
	const where: string[] = [];
	const params: (string | number)[] = [];
	if (query.ticketId !== undefined) {
		where.push('ticket_id = ?');
		params.push(query.ticketId);
	}
	if (query.customerEmail !== undefined) {
		where.push('customer_key = ?');
		params.push(customerKeyOf(query.customerEmail) ?? '');
	}
	if (query.actions !== undefined && query.actions.length > 0) {
		where.push(`action IN (${query.actions.map(() => '?').join(', ')})`);
		params.push(...query.actions);
	}
	if (query.outcomes !== undefined && query.outcomes.length > 0) {
		where.push(`outcome IN (${query.outcomes.map(() => '?').join(', ')})`);
		params.push(...query.outcomes);
	}
	if (query.since !== undefined) {
		where.push('at >= ?');
		params.push(query.since);
	}
	if (query.until !== undefined) {
		where.push('at < ?');
		params.push(query.until);
	}
	if (query.agent !== undefined) {
		where.push('lower(agent) = ?');
		params.push(query.agent.toLowerCase());
	}
	const direction = query.order === 'oldest' ? 'ASC' : 'DESC';
	let sql = `SELECT ${recordColumns} FROM records${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY at ${direction}, id ${direction}`;
	if (query.limit !== undefined) {
		sql += ' LIMIT ?';
		params.push(query.limit);
	}
	return {sql, params};
}

export function selectRecords(db: Database, query: RecordQuery): InteractionRecord[] {
	const {sql, params} = recordQuerySql(query);
	return cachedStatement(db, sql)
		.all(...params)
		.map(toRecord);
}

/**
 * Every matching record, one row at a time (constant memory for exports of millions). Uses its own statement, so
 * two iterations can run side by side; breaking out of the loop resets it.
 */
export function* iterateRecords(db: Database, query: RecordQuery): Generator<InteractionRecord> {
	const {sql, params} = recordQuerySql(query);
	const statement = db.prepare(sql);
	// Arrays, not objects with 16 named keys: an export of millions allocates (and collects) far less.
	statement.setReturnArrays(true);
	for (const row of statement.iterate(...params)) yield toRecordFromArray(row as unknown as readonly unknown[]);
}

/** A row selected as an array (in `recordColumns` order) to the domain shape. */
export function toRecordFromArray(row: readonly unknown[]): InteractionRecord {
	return {
		id: String(row[0]),
		at: String(row[1]),
		agent: text(row[2]),
		profile: text(row[3]),
		provider: text(row[4]),
		ticketId: text(row[5]),
		customer: {email: text(row[6]), name: text(row[7])},
		channel: text(row[8]) as InteractionRecord['channel'],
		action: String(row[9]),
		template: text(row[10]),
		status: text(row[11]),
		outcome: text(row[12]) as InteractionRecord['outcome'],
		durationSec: row[13] === null || row[13] === undefined ? null : Number(row[13]),
		summary: text(row[14]),
		followUpAt: text(row[15]),
	};
}

/** Records whose id is `idOrPrefix` or starts with it (at most `limit`), exact match first. */
export function selectRecordsByIdPrefix(db: Database, idOrPrefix: string, limit: number): InteractionRecord[] {
	const exact = cachedStatement(db, `SELECT ${recordColumns} FROM records WHERE id = ?`).get(idOrPrefix);
	if (exact !== undefined) return [toRecord(exact)];
	return cachedStatement(db, `SELECT ${recordColumns} FROM records WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?`)
		.all(`${escapeLike(idOrPrefix)}%`, limit)
		.map(toRecord);
}

export function escapeLike(value: string): string {
	return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** The customer of a ticket's most recent record that has one (so a follow-up can be purged with its customer). */
export function selectTicketCustomer(db: Database, ticketId: string): {email: string; name: string | null} | null {
	const row = cachedStatement(
		db,
		'SELECT customer_email, customer_name FROM records WHERE ticket_id = ? AND customer_email IS NOT NULL ORDER BY at DESC LIMIT 1',
	).get(ticketId);
	return row === undefined ? null : {email: String(row['customer_email']), name: text(row['customer_name'])};
}

/** Deletes a customer's records (by customer key); returns how many. Call inside a transaction with the follow-ups. */
export function deleteCustomerRecords(db: Database, customerKey: string): number {
	return Number(cachedStatement(db, 'DELETE FROM records WHERE customer_key = ?').run(customerKey).changes);
}

export function countCustomerRecords(db: Database, customerKey: string): number {
	const row = cachedStatement(db, 'SELECT COUNT(*) AS n FROM records WHERE customer_key = ?').get(customerKey);
	return Number(row?.['n'] ?? 0);
}
