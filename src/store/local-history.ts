import type {Pool} from 'pg';
import type {FollowUp, InteractionRecord} from '../domain/records.js';
import type {Database} from './database.js';
import {followUpColumns, toFollowUp} from './followups.js';
import {inTransaction} from './pg-client.js';
import {recordColumns, toRecord} from './records.js';
import {insertFollowUps, insertRecords} from './team-sql.js';

/**
 * This machine's history from before it used a team store: the records and follow-ups in the local SQLite tables
 * (in team mode new ones go through the queue to the team store, never there). `csr store push` shares them,
 * idempotent by id, so it can run again, on two machines at once, or after an interrupted run, without duplicates.
 */

export type HistoryCounts = {readonly records: number; readonly followUps: number};
export type HistoryPush = {
	/** New on the team store. */
	readonly pushed: HistoryCounts;
	/** Already there (an earlier push, an import, or the same id from another machine). */
	readonly present: HistoryCounts;
};

const page = 500;

type Table = 'records' | 'followups';

function localPage(db: Database, table: Table, afterId: string): (InteractionRecord | FollowUp)[] {
	const columns = table === 'records' ? recordColumns : followUpColumns;
	const rows = db.prepare(`SELECT ${columns} FROM ${table} WHERE id > ? ORDER BY id LIMIT ?`).all(afterId, page);
	return table === 'records' ? rows.map((row) => toRecord(row)) : rows.map((row) => toFollowUp(row));
}

async function* localPages(db: Database, table: Table): AsyncGenerator<(InteractionRecord | FollowUp)[]> {
	let afterId = '';
	for (;;) {
		const rows = localPage(db, table, afterId);
		if (rows.length === 0) return;
		yield rows;
		afterId = rows.at(-1)?.id ?? afterId;
	}
}

async function missingIds(pool: Pool, table: Table, ids: readonly string[]): Promise<number> {
	const found = await pool.query<{n: number}>(`SELECT COUNT(*)::int AS n FROM ${table} WHERE id = ANY($1::text[])`, [
		ids,
	]);
	return ids.length - Number(found.rows[0]?.n ?? 0);
}

/** How many of this machine's older records and follow-ups the team store does not have. */
export async function countLocalOnly(db: Database, pool: Pool): Promise<HistoryCounts> {
	const counts = {records: 0, followUps: 0};
	for (const table of ['records', 'followups'] as const) {
		for await (const rows of localPages(db, table)) {
			const missing = await missingIds(
				pool,
				table,
				rows.map((row) => row.id),
			);
			if (table === 'records') counts.records += missing;
			else counts.followUps += missing;
		}
	}
	return counts;
}

/** Sends this machine's older records and follow-ups, a page per transaction; what is there already is skipped. */
export async function pushLocalHistory(db: Database, pool: Pool): Promise<HistoryPush> {
	const pushed = {records: 0, followUps: 0};
	const present = {records: 0, followUps: 0};
	for await (const rows of localPages(db, 'records')) {
		const inserted = await inTransaction(pool, (client) => insertRecords(client, rows as InteractionRecord[]));
		pushed.records += inserted;
		present.records += rows.length - inserted;
	}
	for await (const rows of localPages(db, 'followups')) {
		const inserted = await inTransaction(pool, (client) => insertFollowUps(client, rows as FollowUp[]));
		pushed.followUps += inserted;
		present.followUps += rows.length - inserted;
	}
	return {pushed, present};
}
