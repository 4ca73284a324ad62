import {describe, expect, it} from 'vitest';
import type {InteractionRecord} from '../../src/domain/records.js';
import type {RecordStore} from '../../src/store/record-store.js';
import {aFollowUp, aRecord} from '../unit/records/fixtures.js';

const ids = (items: readonly {id: string}[]) => items.map((item) => item.id);

/**
 * What every RecordStore must do, whatever holds it: run against the local SQLite store
 * (tests/unit/records/record-store-contract.test.ts) and against a real PostgreSQL team store
 * (tests/integration/pg-team-store.test.ts). Each test gets an empty store from `open`.
 */
export function describeRecordStoreContract(name: string, open: () => Promise<RecordStore>): void {
	describe(`${name}: the RecordStore contract`, () => {
		it('round-trips every field, nulls included', async () => {
			const store = await open();
			const record = aRecord({template: 'refund', status: 'solved', followUpAt: '2026-11-22T00:00:00.000Z'});
			expect(await store.addRecord(record)).toBe(true);
			const nulls = aRecord({
				id: 'r2',
				agent: null,
				ticketId: null,
				customer: {email: null, name: null},
				channel: null,
				outcome: null,
				durationSec: null,
				summary: 'emoji 🙂 and ünïcode',
			});
			await store.addRecord(nulls);
			expect((await store.findRecords('r1', 5))[0]).toEqual(record);
			expect((await store.findRecords('r2', 5))[0]).toEqual(nulls);
		});

		it('filters by ticket, customer (any case), action, outcome, agent and a half-open time window', async () => {
			const store = await open();
			await store.importBatch([
				aRecord({id: 'a', at: '2026-11-01T00:00:00.000Z'}),
				aRecord({
					id: 'b',
					at: '2026-11-10T00:00:00.000Z',
					ticketId: '7',
					customer: {email: 'Bo@Example.COM', name: null},
				}),
				aRecord({id: 'c', at: '2026-11-15T00:00:00.000Z', action: 'reply', outcome: null, agent: 'Other@Example.com'}),
				aRecord({id: 'd', at: '2026-11-20T00:00:00.000Z', outcome: 'no-answer'}),
			]);
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

		it('finds by a unique id prefix, an exact id first, and treats % and _ literally', async () => {
			const store = await open();
			await store.importBatch([aRecord({id: 'abcd1234'}), aRecord({id: 'abcd5678'}), aRecord({id: 'abc'})]);
			expect(ids(await store.findRecords('abcd1', 5))).toEqual(['abcd1234']);
			expect(ids(await store.findRecords('abcd', 5))).toEqual(['abcd1234', 'abcd5678']);
			expect(ids(await store.findRecords('abc', 5))).toEqual(['abc']);
			expect(ids(await store.findRecords('a%', 5))).toEqual([]);
			expect(ids(await store.findRecords('ab_d', 5))).toEqual([]);
		});

		it('iterates every record in pages, oldest first', async () => {
			const store = await open();
			await store.importBatch(
				Array.from({length: 25}, (_, index) =>
					aRecord({
						id: `r${String(index).padStart(2, '0')}`,
						at: `2026-11-${String(index + 1).padStart(2, '0')}T00:00:00.000Z`,
					}),
				),
			);
			const sizes: number[] = [];
			const seen: string[] = [];
			for await (const page of store.iterateRecords({order: 'oldest'}, 10)) {
				sizes.push(page.length);
				seen.push(...ids(page));
			}
			expect(sizes).toEqual([10, 10, 5]);
			expect(seen[0]).toBe('r00');
			expect(new Set(seen).size).toBe(25);
		});

		it('imports a batch idempotently and all-or-nothing', async () => {
			const store = await open();
			expect(await store.importBatch([aRecord({id: 'x'}), aRecord({id: 'y'})])).toEqual({imported: 2, present: 0});
			expect(await store.importBatch([aRecord({id: 'y'}), aRecord({id: 'z'})])).toEqual({imported: 1, present: 1});
			// A row the database refuses (action is NOT NULL) takes the whole batch with it.
			const broken = {...aRecord({id: 'w'}), action: null} as unknown as InteractionRecord;
			await expect(store.importBatch([aRecord({id: 'v'}), broken])).rejects.toThrow();
			expect(ids(await store.listRecords({order: 'oldest'})).sort()).toEqual(['x', 'y', 'z']);
		});

		it('writes a record with its follow-up, and finds the customer of a ticket', async () => {
			const store = await open();
			await store.addRecord(aRecord(), aFollowUp());
			expect(await store.listFollowUps({})).toEqual([aFollowUp()]);
			expect(await store.customerOfTicket('42')).toEqual({email: 'ann@example.com', name: 'Ann Berg'});
			expect(await store.customerOfTicket('nope')).toBeNull();
		});

		it('lists, completes and reschedules follow-ups, and narrows to one assignee', async () => {
			const store = await open();
			await store.addFollowUp(aFollowUp({id: 'f1', dueAt: '2026-11-21T10:00:00.000Z'}));
			await store.addFollowUp(aFollowUp({id: 'f2', dueAt: '2026-11-19T10:00:00.000Z', assignee: 'Bo@Team.test'}));
			await store.addFollowUp(aFollowUp({id: 'f3', dueAt: '2026-11-25T10:00:00.000Z'}));
			expect(ids(await store.listFollowUps({}))).toEqual(['f2', 'f1', 'f3']);
			expect(ids(await store.listFollowUps({assignee: 'bo@team.test'}))).toEqual(['f2']);
			expect(ids(await store.listFollowUps({dueBefore: '2026-11-22T00:00:00.000Z'}))).toEqual(['f2', 'f1']);
			expect(await store.countFollowUpsDueBefore('2026-11-22T00:00:00.000Z')).toBe(2);
			expect(await store.countFollowUpsDueBefore('2026-11-22T00:00:00.000Z', 'bo@team.test')).toBe(1);
			expect(await store.completeFollowUp('f2', '2026-11-20T12:00:00.000Z')).toBe(true);
			expect(await store.completeFollowUp('f2', '2026-11-20T13:00:00.000Z')).toBe(false);
			expect(await store.rescheduleFollowUp('f1', '2026-11-30T00:00:00.000Z')).toBe(true);
			expect(await store.rescheduleFollowUp('f2', '2026-11-30T00:00:00.000Z')).toBe(false);
			expect(ids(await store.listFollowUps({}))).toEqual(['f3', 'f1']);
			expect((await store.findFollowUps('f2', 5))[0]?.doneAt).toBe('2026-11-20T12:00:00.000Z');
		});

		it("purges exactly one customer's records and follow-ups, matching the email in any case", async () => {
			const store = await open();
			await store.importBatch([
				aRecord({id: 'a', customer: {email: 'X@Example.com', name: 'X'}}),
				aRecord({id: 'b', customer: {email: 'x@example.com', name: 'X'}}),
				aRecord({id: 'c', customer: {email: 'other@example.com', name: 'O'}}),
			]);
			await store.addFollowUp(aFollowUp({id: 'f1', customerEmail: 'x@EXAMPLE.com'}));
			await store.addFollowUp(aFollowUp({id: 'f2', customerEmail: 'other@example.com'}));
			expect(await store.countCustomer('x@example.com')).toEqual({records: 2, followUps: 1});
			expect(await store.purgeCustomer('X@EXAMPLE.COM')).toMatchObject({records: 2, followUps: 1});
			expect(await store.countCustomer('x@example.com')).toEqual({records: 0, followUps: 0});
			expect(ids(await store.listRecords({}))).toEqual(['c']);
			expect(ids(await store.listFollowUps({state: 'all'}))).toEqual(['f2']);
		});
	});
}
