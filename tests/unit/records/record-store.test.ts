import {existsSync, mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {InteractionRecord} from '../../../src/domain/records.js';
import {type Database, openDatabase} from '../../../src/store/database.js';
import {createSqliteRecordStore, type RecordStore} from '../../../src/store/record-store.js';
import {insertRecord} from '../../../src/store/records.js';
import {aFollowUp, aRecord} from './fixtures.js';

let directory: string;
let db: Database;
let store: RecordStore;

beforeEach(() => {
	directory = mkdtempSync(join(tmpdir(), 'csr-store-'));
	db = openDatabase(join(directory, 'csr.db'));
	store = createSqliteRecordStore(db);
});

afterEach(() => {
	db.close();
	rmSync(directory, {recursive: true, force: true});
});

const ids = (records: readonly {id: string}[]) => records.map((record) => record.id);

describe('SQLite record store', () => {
	it('creates the database and its WAL with mode 0600', async () => {
		await store.addRecord(aRecord());
		expect(statSync(join(directory, 'csr.db')).mode & 0o777).toBe(0o600);
		expect(statSync(join(directory, 'csr.db-wal')).mode & 0o777).toBe(0o600);
	});

	it('keeps the first record with an id and says whether it wrote', async () => {
		expect(await store.addRecord(aRecord())).toBe(true);
		expect(await store.addRecord(aRecord({summary: 'changed'}))).toBe(false);
		expect((await store.listRecords({})).map((record) => record.summary)).toEqual(['Explained the refund']);
	});

	it('round-trips every field', async () => {
		const record = aRecord({template: 'refund', status: 'solved', followUpAt: '2026-11-22T00:00:00.000Z'});
		await store.addRecord(record);
		expect(await store.listRecords({})).toEqual([record]);
		const nulls = aRecord({
			id: 'r2',
			agent: null,
			ticketId: null,
			customer: {email: null, name: null},
			channel: null,
			outcome: null,
			durationSec: null,
			summary: null,
		});
		await store.addRecord(nulls);
		expect((await store.findRecords('r2', 5))[0]).toEqual(nulls);
	});

	it('filters by ticket, customer (any case), action, outcome, agent and a half-open time window', async () => {
		insertRecord(db, aRecord({id: 'a', at: '2026-11-01T00:00:00.000Z'}));
		insertRecord(
			db,
			aRecord({
				id: 'b',
				at: '2026-11-10T00:00:00.000Z',
				ticketId: '7',
				customer: {email: 'Bo@Example.COM', name: null},
			}),
		);
		insertRecord(
			db,
			aRecord({id: 'c', at: '2026-11-15T00:00:00.000Z', action: 'reply', outcome: null, agent: 'Other@Example.com'}),
		);
		insertRecord(db, aRecord({id: 'd', at: '2026-11-20T00:00:00.000Z', outcome: 'no-answer'}));
		expect(ids(await store.listRecords({}))).toEqual(['d', 'c', 'b', 'a']);
		expect(ids(await store.listRecords({order: 'oldest', limit: 2}))).toEqual(['a', 'b']);
		expect(ids(await store.listRecords({ticketId: '7'}))).toEqual(['b']);
		expect(ids(await store.listRecords({customerEmail: 'bo@example.com'}))).toEqual(['b']);
		expect(ids(await store.listRecords({actions: ['reply', 'visit']}))).toEqual(['c']);
		expect(ids(await store.listRecords({outcomes: ['no-answer', 'escalated']}))).toEqual(['d']);
		expect(ids(await store.listRecords({agent: 'other@example.com'}))).toEqual(['c']);
		expect(
			ids(await store.listRecords({since: '2026-11-10T00:00:00.000Z', until: '2026-11-20T00:00:00.000Z'})),
		).toEqual(['c', 'b']);
	});

	it('finds a record by a unique id prefix, and an exact id before a longer one', async () => {
		insertRecord(db, aRecord({id: 'abcd1234'}));
		insertRecord(db, aRecord({id: 'abcd5678'}));
		insertRecord(db, aRecord({id: 'abc'}));
		expect(ids(await store.findRecords('abcd1', 5))).toEqual(['abcd1234']);
		expect(ids(await store.findRecords('abcd', 5))).toEqual(['abcd1234', 'abcd5678']);
		expect(ids(await store.findRecords('abc', 5))).toEqual(['abc']);
		expect(ids(await store.findRecords('a%', 5))).toEqual([]);
	});

	it('iterates every record in pages, oldest first', async () => {
		for (let index = 0; index < 25; index++) {
			insertRecord(
				db,
				aRecord({
					id: `r${String(index).padStart(2, '0')}`,
					at: `2026-11-${String(index + 1).padStart(2, '0')}T00:00:00.000Z`,
				}),
			);
		}
		const sizes: number[] = [];
		const seen: string[] = [];
		for await (const page of store.iterateRecords({order: 'oldest'}, 10)) {
			sizes.push(page.length);
			seen.push(...ids(page));
		}
		expect(sizes).toEqual([10, 10, 5]);
		expect(seen[0]).toBe('r00');
		expect(seen).toHaveLength(25);
	});

	it('imports a batch idempotently and all-or-nothing', async () => {
		expect(await store.importBatch([aRecord({id: 'x'}), aRecord({id: 'y'})])).toEqual({imported: 2, present: 0});
		expect(await store.importBatch([aRecord({id: 'y'}), aRecord({id: 'z'})])).toEqual({imported: 1, present: 1});
		// A row the database refuses (action is NOT NULL) takes the whole batch with it.
		const broken = {...aRecord({id: 'w'}), action: null} as unknown as InteractionRecord;
		await expect(store.importBatch([aRecord({id: 'v'}), broken])).rejects.toThrow();
		expect(ids(await store.listRecords({order: 'oldest'})).sort()).toEqual(['x', 'y', 'z']);
	});

	it('writes a record and its follow-up together', async () => {
		await store.addRecord(aRecord(), aFollowUp());
		expect(await store.listFollowUps({})).toEqual([aFollowUp()]);
		// The record was already there: neither it nor a second follow-up is written.
		await store.addRecord(aRecord(), aFollowUp({id: 'f2'}));
		expect(ids(await store.listFollowUps({state: 'all'}))).toEqual(['f1']);
	});

	it('lists, completes and reschedules follow-ups', async () => {
		await store.addFollowUp(aFollowUp({id: 'f1', dueAt: '2026-11-21T10:00:00.000Z'}));
		await store.addFollowUp(aFollowUp({id: 'f2', dueAt: '2026-11-19T10:00:00.000Z'}));
		await store.addFollowUp(aFollowUp({id: 'f3', dueAt: '2026-11-25T10:00:00.000Z'}));
		expect(ids(await store.listFollowUps({}))).toEqual(['f2', 'f1', 'f3']);
		expect(ids(await store.listFollowUps({dueBefore: '2026-11-22T00:00:00.000Z'}))).toEqual(['f2', 'f1']);
		expect(await store.countFollowUpsDueBefore('2026-11-22T00:00:00.000Z')).toBe(2);
		expect(await store.completeFollowUp('f2', '2026-11-20T12:00:00.000Z')).toBe(true);
		expect(await store.completeFollowUp('f2', '2026-11-20T13:00:00.000Z')).toBe(false);
		expect(await store.countFollowUpsDueBefore('2026-11-22T00:00:00.000Z')).toBe(1);
		expect(await store.rescheduleFollowUp('f1', '2026-11-30T00:00:00.000Z')).toBe(true);
		expect(await store.rescheduleFollowUp('f2', '2026-11-30T00:00:00.000Z')).toBe(false);
		expect(ids(await store.listFollowUps({}))).toEqual(['f3', 'f1']);
		expect((await store.listFollowUps({state: 'done'}))[0]?.doneAt).toBe('2026-11-20T12:00:00.000Z');
	});

	it("purges exactly one customer's records and follow-ups, matching the email in any case", async () => {
		insertRecord(db, aRecord({id: 'a', customer: {email: 'X@Example.com', name: 'X'}}));
		insertRecord(db, aRecord({id: 'b', customer: {email: 'x@example.com', name: 'X'}}));
		insertRecord(db, aRecord({id: 'c', customer: {email: 'other@example.com', name: 'O'}}));
		await store.addFollowUp(aFollowUp({id: 'f1', customerEmail: 'x@EXAMPLE.com'}));
		await store.addFollowUp(aFollowUp({id: 'f2', customerEmail: 'other@example.com'}));
		expect(await store.countCustomer('x@example.com')).toEqual({records: 2, followUps: 1});
		expect(await store.purgeCustomer('X@EXAMPLE.COM')).toEqual({
			records: 2,
			followUps: 1,
			otherTraces: 0,
			mentions: 0,
			scrubbed: true,
		});
		expect(ids(await store.listRecords({}))).toEqual(['c']);
		expect(ids(await store.listFollowUps({state: 'all'}))).toEqual(['f2']);
	});

	it('leaves no byte of a purged customer in the database file or its WAL', async () => {
		const traces = ['x@example.com', 'X@Example.com', 'Xavier Exampleson', 'secret-summary-of-x'];
		const batch: InteractionRecord[] = [];
		for (let index = 0; index < 3000; index++) {
			const isX = index % 40 === 0;
			batch.push(
				aRecord({
					id: `r${index}`,
					at: new Date(Date.UTC(2026, 10, 1) + index * 60_000).toISOString(),
					customer: isX
						? {email: index % 80 === 0 ? 'x@example.com' : 'X@Example.com', name: 'Xavier Exampleson'}
						: {email: `c${index}@example.com`, name: `Customer ${index}`},
					summary: isX ? 'secret-summary-of-x' : 'ordinary',
				}),
			);
		}
		await store.importBatch(batch);
		await store.addFollowUp(aFollowUp({customerEmail: 'x@example.com', note: 'secret-summary-of-x'}));
		const files = () => [join(directory, 'csr.db'), join(directory, 'csr.db-wal')].filter((file) => existsSync(file));
		const found = () =>
			traces.filter((trace) => files().some((file) => readFileSync(file).includes(Buffer.from(trace, 'utf8'))));
		expect(found()).toEqual(traces);
		const result = await store.purgeCustomer('x@example.com');
		expect(result).toEqual({records: 75, followUps: 1, otherTraces: 0, mentions: 0, scrubbed: true});
		expect(found()).toEqual([]);
		expect(await store.listRecords({limit: 1_000_000})).toHaveLength(2925);
	});

	it('scrubs traces an earlier delete left behind, even when nothing is left to erase', async () => {
		// As if an older csr (or a crash between delete and scrub) had left freed pages holding the data.
		const batch = Array.from({length: 500}, (_, index) =>
			aRecord({
				id: `r${index}`,
				customer: {email: index % 2 ? 'x@example.com' : `c${index}@example.com`, name: null},
				summary: `note ${index} of the customer`,
			}),
		);
		await store.importBatch(batch);
		db.exec('PRAGMA secure_delete = OFF');
		db.exec("DELETE FROM records WHERE customer_key = 'x@example.com'");
		db.exec('PRAGMA secure_delete = ON');
		db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
		const inFile = () => readFileSync(join(directory, 'csr.db')).includes(Buffer.from('x@example.com'));
		expect(inFile()).toBe(true);
		expect(await store.purgeCustomer('x@example.com')).toEqual({
			records: 0,
			followUps: 0,
			otherTraces: 0,
			mentions: 0,
			scrubbed: true,
		});
		expect(inFile()).toBe(false);
		expect(readFileSync(join(directory, 'csr.db-wal'))).toHaveLength(0);
	});

	it("names a ticket's customer from its latest record", async () => {
		insertRecord(
			db,
			aRecord({id: 'a', at: '2026-11-01T00:00:00.000Z', customer: {email: 'old@example.com', name: null}}),
		);
		insertRecord(
			db,
			aRecord({id: 'b', at: '2026-11-02T00:00:00.000Z', customer: {email: 'new@example.com', name: 'New'}}),
		);
		insertRecord(db, aRecord({id: 'c', at: '2026-11-03T00:00:00.000Z', customer: {email: null, name: null}}));
		expect(await store.customerOfTicket('42')).toEqual({email: 'new@example.com', name: 'New'});
		expect(await store.customerOfTicket('nope')).toBeNull();
	});
});
