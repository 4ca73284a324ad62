import type {Database} from './database.js';
import type {TeamStoreTarget} from './pg-config.js';

/**
 * What waits on this machine for the team store. In team mode every new record and follow-up is written here
 * first (in the caller's SQLite transaction, next to its journal entry), then pushed; a row leaves the queue only
 * after the team store committed it. So a database that is down, slow or mid-restart loses nothing.
 */
export type PendingKind = 'record' | 'followup';

export type PendingRow = {
	readonly seq: number;
	readonly kind: PendingKind;
	readonly refId: string;
	readonly payload: string;
	readonly attempts: number;
	readonly lastError: string | null;
};

const targets = new WeakMap<Database, TeamStoreTarget>();

/**
 * From now on, records written through this database handle (by any command: log add, replies, updates) go to the
 * team store's queue instead of the local records table.
 */
export function routeToTeamStore(db: Database, target: TeamStoreTarget): void {
	targets.set(db, target);
}

export function teamStoreOf(db: Database): TeamStoreTarget | undefined {
	return targets.get(db);
}

/** Queues a write for the team store the handle is routed to; false (nothing written) when it is not routed. */
export function enqueueForTeamStore(
	db: Database,
	kind: PendingKind,
	refId: string,
	customerKey: string | null,
	payload: unknown,
	now: Date = new Date(),
): boolean {
	const target = targets.get(db);
	if (target === undefined) return false;
	db.prepare(
		'INSERT INTO team_pending (store, kind, ref_id, customer_key, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)',
	).run(target.key, kind, refId, customerKey, JSON.stringify(payload), now.toISOString());
	return true;
}

/** The oldest waiting rows for a store after `afterSeq`, in the order they were written. */
export function selectPending(db: Database, store: string, afterSeq: number, limit: number): PendingRow[] {
	return db
		.prepare(
			'SELECT seq, kind, ref_id, payload, attempts, last_error FROM team_pending WHERE store = ? AND seq > ? ORDER BY seq LIMIT ?',
		)
		.all(store, afterSeq, limit)
		.map((row) => ({
			seq: Number(row['seq']),
			kind: String(row['kind']) as PendingKind,
			refId: String(row['ref_id']),
			payload: String(row['payload']),
			attempts: Number(row['attempts']),
			lastError: row['last_error'] === null ? null : String(row['last_error']),
		}));
}

/** Removes rows the team store has committed. */
export function deletePending(db: Database, seqs: readonly number[]): void {
	const remove = db.prepare('DELETE FROM team_pending WHERE seq = ?');
	db.exec('BEGIN IMMEDIATE');
	try {
		for (const seq of seqs) remove.run(seq);
		db.exec('COMMIT');
	} catch (error) {
		if (db.isTransaction) db.exec('ROLLBACK');
		throw error;
	}
}

/** Counts a failed push against rows (what `csr store status` shows). */
export function notePushFailure(db: Database, seqs: readonly number[], reason: string): void {
	const note = db.prepare('UPDATE team_pending SET attempts = attempts + 1, last_error = ? WHERE seq = ?');
	for (const seq of seqs) note.run(reason, seq);
}

export type PendingSummary = {
	readonly store: string;
	readonly records: number;
	readonly followUps: number;
	readonly oldest: string | null;
	readonly lastError: string | null;
};

/** What waits, per team store. */
export function summarisePending(db: Database): PendingSummary[] {
	const rows = db
		.prepare(
			`SELECT store, kind, COUNT(*) AS n, MIN(created_at) AS oldest FROM team_pending GROUP BY store, kind ORDER BY store`,
		)
		.all();
	const byStore = new Map<string, {records: number; followUps: number; oldest: string | null}>();
	for (const row of rows) {
		const store = String(row['store']);
		const entry = byStore.get(store) ?? {records: 0, followUps: 0, oldest: null};
		const count = Number(row['n']);
		if (row['kind'] === 'record') entry.records += count;
		else entry.followUps += count;
		const oldest = String(row['oldest']);
		if (entry.oldest === null || oldest < entry.oldest) entry.oldest = oldest;
		byStore.set(store, entry);
	}
	return [...byStore].map(([store, entry]) => {
		const last = db
			.prepare(
				'SELECT last_error FROM team_pending WHERE store = ? AND last_error IS NOT NULL ORDER BY seq DESC LIMIT 1',
			)
			.get(store);
		return {store, ...entry, lastError: last === undefined ? null : String(last['last_error'])};
	});
}

/** Erases a customer's waiting records and follow-ups; returns how many of each went. */
export function deleteCustomerPending(db: Database, customerKey: string): {records: number; followUps: number} {
	const count = (kind: string) =>
		Number(db.prepare('DELETE FROM team_pending WHERE customer_key = ? AND kind = ?').run(customerKey, kind).changes);
	return {records: count('record'), followUps: count('followup')};
}

/** How many rows wait for a store. */
export function countPending(db: Database, store: string): number {
	const row = db.prepare('SELECT COUNT(*) AS n FROM team_pending WHERE store = ?').get(store);
	return Number(row?.['n'] ?? 0);
}
