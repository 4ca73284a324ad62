import type {FollowUp} from '../domain/records.js';
import type {Database} from './database.js';
import {cachedStatement, customerKeyOf, escapeLike} from './records.js';

export type FollowUpQuery = {
	/** open (default): not done yet; done; or all. */
	readonly state?: 'open' | 'done' | 'all' | undefined;
	/** Only follow-ups due before this ISO instant (exclusive). */
	readonly dueBefore?: string | undefined;
	readonly ticketId?: string | undefined;
	readonly customerEmail?: string | undefined;
	/** Only those for this agent (matched case-insensitively, ASCII). */
	readonly assignee?: string | undefined;
	readonly limit?: number | undefined;
};

const columns = 'id, ticket_id, customer_email, due_at, note, created_at, done_at, profile, agent, assignee';

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

export function toFollowUp(row: Record<string, unknown>): FollowUp {
	return {
		id: String(row['id']),
		ticketId: text(row['ticket_id']),
		customerEmail: text(row['customer_email']),
		dueAt: String(row['due_at']),
		note: text(row['note']),
		createdAt: String(row['created_at']),
		doneAt: text(row['done_at']),
		profile: text(row['profile']),
		agent: text(row['agent']),
		assignee: text(row['assignee']),
	};
}

/** Portable SQL (both dialects; `ON CONFLICT DO NOTHING` makes a re-push harmless). */
export const insertFollowUpSql = `INSERT INTO followups (id, ticket_id, customer_email, due_at, note, created_at, done_at,
	profile, customer_key, agent, assignee)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO NOTHING`;

/** The values of insertFollowUpSql, in order. */
export function followUpParams(followUp: FollowUp): (string | null)[] {
	return [
		followUp.id,
		followUp.ticketId,
		followUp.customerEmail,
		followUp.dueAt,
		followUp.note,
		followUp.createdAt,
		followUp.doneAt,
		followUp.profile,
		customerKeyOf(followUp.customerEmail),
		followUp.agent,
		followUp.assignee,
	];
}

export function insertFollowUp(db: Database, followUp: FollowUp): void {
	cachedStatement(db, insertFollowUpSql).run(...followUpParams(followUp));
}

/** Portable SQL for a query, soonest due first (done ones: most recently done first when listed alone). */
export function followUpQuerySql(query: FollowUpQuery): {sql: string; params: (string | number)[]} {
	const where: string[] = [];
	const params: (string | number)[] = [];
	const state = query.state ?? 'open';
	if (state === 'open') where.push('done_at IS NULL');
	if (state === 'done') where.push('done_at IS NOT NULL');
	if (query.dueBefore !== undefined) {
		where.push('due_at < ?');
		params.push(query.dueBefore);
	}
	if (query.ticketId !== undefined) {
		where.push('ticket_id = ?');
		params.push(query.ticketId);
	}
	if (query.customerEmail !== undefined) {
		where.push('customer_key = ?');
		params.push(customerKeyOf(query.customerEmail) ?? '');
	}
	if (query.assignee !== undefined) {
		where.push('lower(assignee) = ?');
		params.push(query.assignee.toLowerCase());
	}
	let sql = `SELECT ${columns} FROM followups${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}`;
	sql += state === 'done' ? ' ORDER BY done_at DESC, id' : ' ORDER BY due_at, id';
	if (query.limit !== undefined) {
		sql += ' LIMIT ?';
		params.push(query.limit);
	}
	return {sql, params};
}

export function selectFollowUps(db: Database, query: FollowUpQuery): FollowUp[] {
	const {sql, params} = followUpQuerySql(query);
	return cachedStatement(db, sql)
		.all(...params)
		.map(toFollowUp);
}

/** Every column of a follow-up, for queries of other stores. */
export const followUpColumns = columns;

/** Open follow-ups due before `before`: the one cheap query behind `csr queue`'s hint and the TUI's status bar. */
export function countOpenFollowUpsDueBefore(db: Database, before: string, assignee?: string): number {
	const sql = 'SELECT COUNT(*) AS n FROM followups WHERE done_at IS NULL AND due_at < ?';
	const row =
		assignee === undefined
			? cachedStatement(db, sql).get(before)
			: cachedStatement(db, `${sql} AND lower(assignee) = ?`).get(before, assignee.toLowerCase());
	return Number(row?.['n'] ?? 0);
}

/** Follow-ups whose id is `idOrPrefix` or starts with it (at most `limit`), exact match first. */
export function selectFollowUpsByIdPrefix(db: Database, idOrPrefix: string, limit: number): FollowUp[] {
	const exact = cachedStatement(db, `SELECT ${columns} FROM followups WHERE id = ?`).get(idOrPrefix);
	if (exact !== undefined) return [toFollowUp(exact)];
	return cachedStatement(db, `SELECT ${columns} FROM followups WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?`)
		.all(`${escapeLike(idOrPrefix)}%`, limit)
		.map(toFollowUp);
}

/** Marks an open follow-up done; false when it was already done (or is gone). */
export function markFollowUpDone(db: Database, id: string, doneAt: string): boolean {
	const result = cachedStatement(db, 'UPDATE followups SET done_at = ? WHERE id = ? AND done_at IS NULL').run(
		doneAt,
		id,
	);
	return Number(result.changes) > 0;
}

/** Moves an open follow-up's due time; false when it was already done (or is gone). */
export function rescheduleFollowUp(db: Database, id: string, dueAt: string): boolean {
	const result = cachedStatement(db, 'UPDATE followups SET due_at = ? WHERE id = ? AND done_at IS NULL').run(dueAt, id);
	return Number(result.changes) > 0;
}

export function deleteCustomerFollowUps(db: Database, customerKey: string): number {
	return Number(cachedStatement(db, 'DELETE FROM followups WHERE customer_key = ?').run(customerKey).changes);
}

export function countCustomerFollowUps(db: Database, customerKey: string): number {
	const row = cachedStatement(db, 'SELECT COUNT(*) AS n FROM followups WHERE customer_key = ?').get(customerKey);
	return Number(row?.['n'] ?? 0);
}
