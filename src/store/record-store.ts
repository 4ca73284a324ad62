import type {FollowUp, InteractionRecord} from '../domain/records.js';
import {deleteCustomerTraces} from './customer-traces.js';
import {type Database, transaction} from './database.js';
import {
	countCustomerFollowUps,
	countOpenFollowUpsDueBefore,
	deleteCustomerFollowUps,
	type FollowUpQuery,
	insertFollowUp,
	markFollowUpDone,
	rescheduleFollowUp,
	selectFollowUps,
	selectFollowUpsByIdPrefix,
} from './followups.js';
import {
	countCustomerRecords,
	customerKeyOf,
	deleteCustomerRecords,
	insertRecord,
	iterateRecords,
	type RecordQuery,
	selectRecords,
	selectRecordsByIdPrefix,
	selectTicketCustomer,
} from './records.js';

export type {FollowUpQuery} from './followups.js';
export type {RecordQuery} from './records.js';

export type ImportResult = {readonly imported: number; readonly present: number};

export type PurgeResult = {
	/** The customer's records, and those of their tickets that were written without a customer. */
	readonly records: number;
	readonly followUps: number;
	/** Journal items, outbox messages, drafts and unconfirmed delivery bodies of the customer's tickets. */
	readonly otherTraces: number;
	/** Other rows whose text named the address: the address replaced with [erased]. */
	readonly mentions: number;
	/** False when another process kept the write-ahead log from being emptied: traces may remain until it ends. */
	readonly scrubbed: boolean;
	/** With a team store: what was erased there (included in the totals above), and whether VACUUM ran after. */
	readonly team?: {readonly records: number; readonly followUps: number; readonly vacuumed: boolean} | undefined;
};

/**
 * The interaction log and follow-ups, whatever holds them: the local SQLite file (createSqliteRecordStore), or a
 * team's PostgreSQL behind this machine's queue (createTeamRecordStore). Same contract, same portable SQL.
 */
export interface RecordStore {
	/** Writes a record and, when given, the follow-up it set, atomically. False when a record with that id exists. */
	addRecord(record: InteractionRecord, followUp?: FollowUp): Promise<boolean>;
	/** The record with this id, or those whose id starts with it (at most `limit`). */
	findRecords(idOrPrefix: string, limit: number): Promise<InteractionRecord[]>;
	listRecords(query: RecordQuery): Promise<InteractionRecord[]>;
	/** Every matching record in pages of `pageSize`, in constant memory. */
	iterateRecords(query: RecordQuery, pageSize?: number): AsyncIterable<readonly InteractionRecord[]>;
	/** Writes a validated batch in one transaction: all of it or none. Idempotent on record id. */
	importBatch(records: readonly InteractionRecord[]): Promise<ImportResult>;
	/** The customer of a ticket, from its latest record that names one. */
	customerOfTicket(ticketId: string): Promise<{email: string; name: string | null} | null>;
	countCustomer(email: string): Promise<{records: number; followUps: number}>;
	/** Erases a customer's records and follow-ups (email matched case-insensitively) and every copy in the files. */
	purgeCustomer(email: string): Promise<PurgeResult>;
	addFollowUp(followUp: FollowUp): Promise<void>;
	findFollowUps(idOrPrefix: string, limit: number): Promise<FollowUp[]>;
	listFollowUps(query: FollowUpQuery): Promise<FollowUp[]>;
	/** False when the follow-up was already done. */
	completeFollowUp(id: string, doneAt: string): Promise<boolean>;
	/** False when the follow-up was already done. */
	rescheduleFollowUp(id: string, dueAt: string): Promise<boolean>;
	/** Open follow-ups due before `before`; only those for `assignee` when given. */
	countFollowUpsDueBefore(before: string, assignee?: string): Promise<number>;
}

/** The RecordStore over csr's SQLite database (`context.store()`). */
export function createSqliteRecordStore(db: Database): RecordStore {
	return {
		addRecord: async (record, followUp) =>
			transaction(db, () => {
				const inserted = insertRecord(db, record);
				if (inserted && followUp !== undefined) insertFollowUp(db, followUp);
				return inserted;
			}),
		findRecords: async (idOrPrefix, limit) => selectRecordsByIdPrefix(db, idOrPrefix, limit),
		listRecords: async (query) => selectRecords(db, query),
		iterateRecords: (query, pageSize = 1000) => pages(iterateRecords(db, query), pageSize),
		importBatch: async (records) =>
			transaction(db, () => {
				let imported = 0;
				for (const record of records) if (insertRecord(db, record)) imported += 1;
				return {imported, present: records.length - imported};
			}),
		customerOfTicket: async (ticketId) => selectTicketCustomer(db, ticketId),
		countCustomer: async (email) => {
			const key = customerKeyOf(email) ?? '';
			return {records: countCustomerRecords(db, key), followUps: countCustomerFollowUps(db, key)};
		},
		purgeCustomer: async (email) => {
			const key = customerKeyOf(email) ?? '';
			const counts = transaction(db, () => {
				// Traces first: they find the customer's tickets through the records still there.
				const traces = deleteCustomerTraces(db, key);
				return {
					records: deleteCustomerRecords(db, key) + traces.ticketRecords,
					followUps: deleteCustomerFollowUps(db, key) + traces.ticketFollowUps,
					otherTraces: traces.otherTraces,
					mentions: traces.mentions,
				};
			});
			return {...counts, scrubbed: scrubFreedData(db)};
		},
		addFollowUp: async (followUp) => {
			transaction(db, () => insertFollowUp(db, followUp));
		},
		findFollowUps: async (idOrPrefix, limit) => selectFollowUpsByIdPrefix(db, idOrPrefix, limit),
		listFollowUps: async (query) => selectFollowUps(db, query),
		completeFollowUp: async (id, doneAt) => transaction(db, () => markFollowUpDone(db, id, doneAt)),
		rescheduleFollowUp: async (id, dueAt) => transaction(db, () => rescheduleFollowUp(db, id, dueAt)),
		countFollowUpsDueBefore: async (before, assignee) => countOpenFollowUpsDueBefore(db, before, assignee),
	};
}

async function* pages<T>(rows: Iterable<T>, pageSize: number): AsyncGenerator<T[]> {
	let page: T[] = [];
	for (const row of rows) {
		page.push(row);
		if (page.length >= pageSize) {
			yield page;
			page = [];
		}
	}
	if (page.length > 0) yield page;
}

/**
 * After a delete of personal data: secure_delete zeroed the freed cells, but older copies of the pages still sit in
 * the write-ahead log, and index interior pages can keep divider keys. Checkpoint and truncate the WAL, rebuild the
 * file (VACUUM), and truncate the WAL again so neither file holds a byte of what was deleted.
 */
function scrubFreedData(db: Database): boolean {
	const first = checkpointTruncate(db);
	db.exec('VACUUM');
	const second = checkpointTruncate(db);
	return first && second;
}

function checkpointTruncate(db: Database): boolean {
	const row = db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get();
	return Number(row?.['busy'] ?? 0) === 0;
}
