import type {Pool, PoolClient} from 'pg';
import type {FollowUp, InteractionRecord} from '../domain/records.js';
import {followUpParams, insertFollowUpSql} from './followups.js';
import {toPgParams, toPgSql} from './pg-client.js';
import type {RecordQuery} from './record-store.js';
import {insertRecordSql, recordParams, recordQuerySql, toRecordFromArray} from './records.js';
import type {PendingRow} from './team-queue.js';

/**
 * After a purge, VACUUM removes the deleted rows from the table files (they would otherwise stay until autovacuum
 * gets there). It needs the table owner (or MAINTAIN): agents without it get `vacuumed: false` and the owner's
 * routine autovacuum does it later.
 */
export async function vacuum(pool: Pool): Promise<boolean> {
	try {
		await pool.query('VACUUM records, followups');
		return true;
	} catch {
		return false;
	}
}

const rowsPerInsert = 1000;

/** One INSERT … SELECT FROM unnest(one array per column): the cheapest batch insert node-postgres can send. */
const insertRecordsSql = (() => {
	const head = insertRecordSql.slice(0, insertRecordSql.indexOf('VALUES'));
	const types = recordParams({
		id: '',
		at: '',
		agent: null,
		profile: null,
		provider: null,
		ticketId: null,
		customer: {email: null, name: null},
		channel: null,
		action: '',
		template: null,
		status: null,
		outcome: null,
		durationSec: 0,
		summary: null,
		followUpAt: null,
	}).map((value) => (typeof value === 'number' ? 'int' : 'text'));
	const arrays = types.map((type, index) => `$${index + 1}::${type}[]`).join(', ');
	return `${head}SELECT * FROM unnest(${arrays}) ON CONFLICT (id) DO NOTHING`;
})();

/** Batch inserts, ON CONFLICT DO NOTHING; returns how many rows were new. */
export async function insertRecords(client: PoolClient, records: readonly InteractionRecord[]): Promise<number> {
	let inserted = 0;
	for (let start = 0; start < records.length; start += 5 * rowsPerInsert) {
		const chunk = records.slice(start, start + 5 * rowsPerInsert).map(recordParams);
		const width = chunk[0]?.length ?? 0;
		const columns = Array.from({length: width}, (_, index) => chunk.map((row) => row[index]));
		inserted += (await client.query(insertRecordsSql, columns.map(toPgParams))).rowCount ?? 0;
	}
	return inserted;
}

async function insertRows(client: PoolClient, singleRowSql: string, rows: readonly unknown[][]): Promise<number> {
	if (rows.length === 0) return 0;
	const [head, tail] = singleRowSql.split(/VALUES\s*\([^)]*\)/);
	const width = rows[0]?.length ?? 0;
	const values = rows.map(
		(_, row) => `(${Array.from({length: width}, (_unused, column) => `$${row * width + column + 1}`).join(', ')})`,
	);
	const result = await client.query(`${head}VALUES ${values.join(', ')}${tail}`, toPgParams(rows.flat()));
	return result.rowCount ?? 0;
}

/** Follow-ups in batches, ON CONFLICT DO NOTHING; returns how many were new. */
export async function insertFollowUps(client: PoolClient, followUps: readonly FollowUp[]): Promise<number> {
	let inserted = 0;
	for (let start = 0; start < followUps.length; start += rowsPerInsert) {
		const rows = followUps.slice(start, start + rowsPerInsert).map(followUpParams);
		inserted += await insertRows(client, insertFollowUpSql, rows);
	}
	return inserted;
}

export async function applyPending(client: PoolClient, rows: readonly PendingRow[]): Promise<void> {
	const records: InteractionRecord[] = [];
	const followUps: unknown[][] = [];
	for (const row of rows) {
		if (row.kind === 'record') records.push(JSON.parse(row.payload) as InteractionRecord);
		else followUps.push(followUpParams(JSON.parse(row.payload) as FollowUp));
	}
	await insertRecords(client, records);
	for (let start = 0; start < followUps.length; start += rowsPerInsert) {
		await insertRows(client, insertFollowUpSql, followUps.slice(start, start + rowsPerInsert));
	}
}

/** A server-side cursor (pg-cursor) on its own connection: constant memory for exports of millions. */
export async function* iterateTeamRecords(
	ready: () => Promise<Pool>,
	push: () => Promise<unknown>,
	recordQuery: RecordQuery,
	pageSize: number,
	asStoreError: (error: unknown, doing: string) => Error,
): AsyncGenerator<InteractionRecord[]> {
	await push();
	let client: PoolClient;
	try {
		client = await (await ready()).connect();
	} catch (error) {
		throw asStoreError(error, 'the export');
	}
	const {default: Cursor} = await import('pg-cursor');
	const {sql, params} = recordQuerySql(recordQuery);
	const cursor = client.query(new Cursor(toPgSql(sql), params, {rowMode: 'array'}));
	let broken = false;
	try {
		for (;;) {
			let rows: unknown[][];
			try {
				rows = (await cursor.read(pageSize)) as unknown[][];
			} catch (error) {
				broken = true;
				throw asStoreError(error, 'the export');
			}
			if (rows.length === 0) break;
			yield rows.map(toRecordFromArray);
		}
	} finally {
		await cursor.close().catch(() => {
			broken = true;
		});
		client.release(broken);
	}
}
