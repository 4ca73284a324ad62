import type {Pool} from 'pg';
import type {FollowUp, InteractionRecord} from '../domain/records.js';
import {erasedMarker} from './customer-traces.js';
import {type Database, transaction} from './database.js';
import {followUpColumns, followUpQuerySql, toFollowUp} from './followups.js';
import {
	describePgError,
	inTransaction,
	isUnreachable,
	poolFor,
	teamStoreError,
	toPgParams,
	toPgSql,
} from './pg-client.js';
import type {TeamStoreTarget} from './pg-config.js';
import {createSqliteRecordStore, type RecordStore} from './record-store.js';
import {customerKeyOf, escapeLike, recordColumns, recordQuerySql, selectTicketCustomer, toRecord} from './records.js';
import {
	countPending,
	deleteCustomerPending,
	deletePending,
	enqueueForTeamStore,
	notePushFailure,
	selectPending,
} from './team-queue.js';
import {checkTeamSchema} from './team-schema.js';
import {applyPending, insertRecords, iterateTeamRecords, vacuum} from './team-sql.js';

export type PushResult = {
	readonly pushed: number;
	readonly waiting: number;
	/** Why rows still wait (the team store unreachable, a privilege missing, …); null when none wait. */
	readonly problem: string | null;
};

/** The RecordStore of a team: PostgreSQL shared by every agent, with this machine's queue in front of it. */
export type TeamRecordStore = RecordStore & {
	readonly target: TeamStoreTarget;
	/** Sends what waits in this machine's queue; never throws (what stays is counted in `waiting`). */
	push(): Promise<PushResult>;
	/** The team store's pool, schema checked: for `csr store` and the tests. */
	ready(): Promise<Pool>;
};

export function isTeamRecordStore(store: RecordStore): store is TeamRecordStore {
	return 'target' in store && 'push' in store;
}

const pushBatch = 500;

/**
 * Writes go to the local queue first (one SQLite transaction), then are pushed: a record is never lost to an
 * unreachable database, and a push is idempotent by id (ON CONFLICT DO NOTHING), so two processes pushing the same
 * rows, or a push repeated after a crash, cannot make duplicates. Reads push first (an agent sees their own writes),
 * then ask the team store; they fail with a StoreError when it cannot be reached.
 */
export function createTeamRecordStore(
	db: Database,
	target: TeamStoreTarget,
	options: {onWarning?: (message: string) => void; now?: () => Date} = {},
): TeamRecordStore {
	const now = options.now ?? (() => new Date());
	let checked: Promise<Pool> | undefined;
	let hasWarned = false;
	const ready = (): Promise<Pool> => {
		checked ??= (async () => {
			const pool = await poolFor(target);
			await checkTeamSchema(pool, target);
			return pool;
		})();
		checked.catch(() => {
			checked = undefined;
		});
		return checked;
	};
	const query = async <T extends Record<string, unknown>>(sql: string, params: readonly unknown[], doing: string) => {
		try {
			const pool = await ready();
			return (await pool.query<T>(toPgSql(sql), toPgParams(params))).rows;
		} catch (error) {
			throw asStoreError(error, doing);
		}
	};
	const asStoreError = (error: unknown, doing: string) =>
		error instanceof Error && error.name === 'StoreError' ? error : teamStoreError(target, error, doing);

	const push = async (): Promise<PushResult> => {
		let pushed = 0;
		let afterSeq = 0;
		let problem: string | null = null;
		for (;;) {
			const rows = selectPending(db, target.key, afterSeq, pushBatch);
			if (rows.length === 0) break;
			afterSeq = rows.at(-1)?.seq ?? afterSeq;
			let pool: Pool | undefined;
			try {
				pool = await ready();
				const open = pool;
				await inTransaction(open, (client) => applyPending(client, rows));
				deletePending(
					db,
					rows.map((row) => row.seq),
				);
				pushed += rows.length;
				continue;
			} catch (error) {
				problem = describePgError(error);
				if (pool === undefined || isUnreachable(error) || rows.length === 1) {
					notePushFailure(
						db,
						rows.map((row) => row.seq),
						problem,
					);
					if (pool === undefined || isUnreachable(error)) break;
					continue;
				}
			}
			// A row the team store refuses (not a lost connection): push the rest one by one, so one bad row cannot
			// hold up the others; it stays in the queue with its error for `csr store status`.
			for (const row of rows) {
				try {
					await inTransaction(pool as Pool, (client) => applyPending(client, [row]));
					deletePending(db, [row.seq]);
					pushed += 1;
				} catch (error) {
					problem = describePgError(error);
					notePushFailure(db, [row.seq], problem);
					if (isUnreachable(error)) break;
				}
			}
		}
		const waiting = countPending(db, target.key);
		return {pushed, waiting, problem: waiting === 0 ? null : problem};
	};

	const pushAndWarn = async (): Promise<void> => {
		const result = await push();
		if (result.waiting > 0 && !hasWarned && options.onWarning !== undefined) {
			hasWarned = true;
			options.onWarning(
				`the team store ${target.key} did not take ${result.waiting === 1 ? 'the write' : `${result.waiting} writes`} (${result.problem ?? 'unknown'}); kept on this machine and pushed later (csr store status)`,
			);
		}
	};

	const enqueue = (record: InteractionRecord | null, followUp: FollowUp | undefined): void => {
		transaction(db, () => {
			if (record !== null) {
				enqueueForTeamStore(db, 'record', record.id, customerKeyOf(record.customer.email), record, now());
			}
			if (followUp !== undefined) {
				enqueueForTeamStore(db, 'followup', followUp.id, customerKeyOf(followUp.customerEmail), followUp, now());
			}
		});
	};

	const findFollowUps = async (idOrPrefix: string, limit: number): Promise<FollowUp[]> => {
		await push();
		const exact = await query(`SELECT ${followUpColumns} FROM followups WHERE id = ?`, [idOrPrefix], 'a lookup');
		if (exact.length > 0) return exact.map(toFollowUp);
		const rows = await query(
			`SELECT ${followUpColumns} FROM followups WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?`,
			[`${escapeLike(idOrPrefix)}%`, limit],
			'a lookup',
		);
		return rows.map(toFollowUp);
	};

	const updateFollowUp = async (sql: string, params: unknown[]): Promise<boolean> => {
		try {
			const pool = await ready();
			return ((await pool.query(toPgSql(sql), params)).rowCount ?? 0) > 0;
		} catch (error) {
			throw asStoreError(error, 'changing a follow-up');
		}
	};

	return {
		target,
		ready,
		push,
		addRecord: async (record, followUp) => {
			enqueue(record, followUp);
			await pushAndWarn();
			return true;
		},
		addFollowUp: async (followUp) => {
			enqueue(null, followUp);
			await pushAndWarn();
		},
		findRecords: async (idOrPrefix, limit) => {
			await push();
			const exact = await query(`SELECT ${recordColumns} FROM records WHERE id = ?`, [idOrPrefix], 'a lookup');
			if (exact.length > 0) return exact.map(toRecord);
			const rows = await query(
				`SELECT ${recordColumns} FROM records WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?`,
				[`${escapeLike(idOrPrefix)}%`, limit],
				'a lookup',
			);
			return rows.map(toRecord);
		},
		listRecords: async (recordQuery) => {
			await push();
			const {sql, params} = recordQuerySql(recordQuery);
			return (await query(sql, params, 'listing records')).map(toRecord);
		},
		iterateRecords: (recordQuery, pageSize = 1000) =>
			iterateTeamRecords(ready, push, recordQuery, pageSize, asStoreError),
		importBatch: async (records) => {
			try {
				const pool = await ready();
				const imported = await inTransaction(pool, (client) => insertRecords(client, records));
				return {imported, present: records.length - imported};
			} catch (error) {
				throw asStoreError(error, 'the import');
			}
		},
		customerOfTicket: async (ticketId) => {
			try {
				await push();
				const rows = await query(
					'SELECT customer_email, customer_name FROM records WHERE ticket_id = ? AND customer_email IS NOT NULL ORDER BY at DESC LIMIT 1',
					[ticketId],
					'a lookup',
				);
				const row = rows[0];
				if (row !== undefined) {
					return {
						email: String(row['customer_email']),
						name: row['customer_name'] === null ? null : String(row['customer_name']),
					};
				}
				return null;
			} catch {
				// Best effort (a follow-up made offline): what this machine knows.
				return selectTicketCustomer(db, ticketId);
			}
		},
		countCustomer: async (email) => {
			const key = customerKeyOf(email) ?? '';
			await push();
			const rows = await query(
				'SELECT (SELECT COUNT(*) FROM records WHERE customer_key = ?) AS records, (SELECT COUNT(*) FROM followups WHERE customer_key = ?) AS followups',
				[key, key],
				'counting',
			);
			const local = await createSqliteRecordStore(db).countCustomer(email);
			return {
				records: Number(rows[0]?.['records'] ?? 0) + local.records,
				followUps: Number(rows[0]?.['followups'] ?? 0) + local.followUps,
			};
		},
		purgeCustomer: async (email) => {
			const key = customerKeyOf(email) ?? '';
			// The queue first: a push by another process cannot bring back what was erased from the team store.
			const queued = transaction(db, () => deleteCustomerPending(db, key));
			let team: {records: number; followUps: number; vacuumed: boolean};
			let teamMentions = 0;
			try {
				const pool = await ready();
				const counts = await inTransaction(pool, async (client) => ({
					records: (await client.query('DELETE FROM records WHERE customer_key = $1', [key])).rowCount ?? 0,
					followUps: (await client.query('DELETE FROM followups WHERE customer_key = $1', [key])).rowCount ?? 0,
					mentions: await redactTeamMentions(client, key),
				}));
				team = {records: counts.records, followUps: counts.followUps, vacuumed: await vacuum(pool)};
				teamMentions = counts.mentions;
			} catch (error) {
				throw asStoreError(error, 'the purge');
			}
			const local = await createSqliteRecordStore(db).purgeCustomer(email);
			return {
				records: team.records + queued.records + local.records,
				followUps: team.followUps + queued.followUps + local.followUps,
				otherTraces: local.otherTraces,
				mentions: local.mentions + teamMentions,
				scrubbed: local.scrubbed,
				team,
			};
		},
		findFollowUps,
		listFollowUps: async (followUpQuery) => {
			await push();
			const {sql, params} = followUpQuerySql(followUpQuery);
			return (await query(sql, params, 'listing follow-ups')).map(toFollowUp);
		},
		completeFollowUp: (id, doneAt) =>
			updateFollowUp('UPDATE followups SET done_at = ? WHERE id = ? AND done_at IS NULL', [doneAt, id]),
		rescheduleFollowUp: (id, dueAt) =>
			updateFollowUp('UPDATE followups SET due_at = ? WHERE id = ? AND done_at IS NULL', [dueAt, id]),
		countFollowUpsDueBefore: async (before, assignee) => {
			const mine = assignee === undefined ? '' : ' AND lower(assignee) = ?';
			const params = assignee === undefined ? [before] : [before, assignee.toLowerCase()];
			const rows = await query(
				`SELECT COUNT(*) AS n FROM followups WHERE done_at IS NULL AND due_at < ?${mine}`,
				params,
				'counting follow-ups',
			);
			return Number(rows[0]?.['n'] ?? 0);
		},
	};
}

/**
 * Other customers' records and follow-ups whose text names the address (a colleague's note, a summary): the address
 * replaced with [erased], as the local purge does (store/customer-traces.ts). ILIKE narrows; JavaScript decides, with
 * full Unicode case folding.
 */
async function redactTeamMentions(
	client: {query(sql: string, values?: unknown[]): Promise<{rows: Record<string, unknown>[]; rowCount: number | null}>},
	key: string,
): Promise<number> {
	const at = key.lastIndexOf('@');
	if (at < 1) return 0;
	const like = `%${key.slice(at).replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
	const pattern = new RegExp(key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
	let changed = 0;
	for (const [table, column] of [
		['records', 'summary'],
		['records', 'customer_name'],
		['followups', 'note'],
	] as const) {
		const {rows} = await client.query(`SELECT id, ${column} AS text FROM ${table} WHERE ${column} ILIKE $1`, [like]);
		for (const row of rows) {
			const text = String(row['text']);
			const redacted = text.replace(pattern, erasedMarker);
			if (redacted === text) continue;
			changed +=
				(await client.query(`UPDATE ${table} SET ${column} = $1 WHERE id = $2`, [redacted, row['id']])).rowCount ?? 0;
		}
	}
	return changed;
}
