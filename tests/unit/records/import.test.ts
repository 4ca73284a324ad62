import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {formatRecords} from '../../../src/cli/output/records.js';
import type {InteractionRecord} from '../../../src/domain/records.js';
import {FailedError} from '../../../src/errors.js';
import {importRecords, type ParsedRow, parseImportedRow, readImportRows} from '../../../src/services/records.js';
import {type Database, openDatabase} from '../../../src/store/database.js';
import {createSqliteRecordStore, type RecordStore} from '../../../src/store/record-store.js';
import {toDisplayText} from '../../../src/text/display-text.js';
import {aRecord} from './fixtures.js';

let directory: string;
let db: Database;
let store: RecordStore;

beforeEach(() => {
	directory = mkdtempSync(join(tmpdir(), 'csr-import-'));
	db = openDatabase(join(directory, 'csr.db'));
	store = createSqliteRecordStore(db);
});

afterEach(() => {
	db.close();
	rmSync(directory, {recursive: true, force: true});
});

async function* text(value: string): AsyncGenerator<string> {
	yield value;
}

async function rowsOf(value: string): Promise<ParsedRow[]> {
	const rows: ParsedRow[] = [];
	for await (const row of readImportRows(text(value))) rows.push(row);
	return rows;
}

const ndjson = (records: readonly InteractionRecord[]) => formatRecords(records, 'ndjson', {columns: 100});
const csv = (records: readonly InteractionRecord[]) => formatRecords(records, 'csv', {columns: 100});

const many = (count: number) =>
	Array.from({length: count}, (_, index) =>
		aRecord({
			id: `id-${String(index).padStart(5, '0')}`,
			at: new Date(Date.UTC(2026, 10, 1) + index * 1000).toISOString(),
		}),
	);

async function exportAll(target: RecordStore, format: 'ndjson' | 'csv'): Promise<string> {
	return formatRecords(await target.listRecords({order: 'oldest'}), format, {columns: 100});
}

describe('parseImportedRow', () => {
	it('fills missing fields with null, reads empty strings as null and normalises times to UTC', () => {
		const row = parseImportedRow(3, {
			id: 'x',
			at: '2026-11-20T13:00:00+01:00',
			action: 'call',
			summary: '',
			customer: {email: 'a@b.c'},
		});
		expect(row.record).toEqual(
			aRecord({
				id: 'x',
				at: '2026-11-20T12:00:00.000Z',
				action: 'call',
				agent: null,
				profile: null,
				provider: null,
				ticketId: null,
				customer: {email: 'a@b.c', name: null},
				channel: null,
				outcome: null,
				durationSec: null,
				summary: null,
			}),
		);
	});

	it('names every bad field, and unknown fields', () => {
		const bad = parseImportedRow(7, {...aRecord(), at: 'yesterday', outcome: 'maybe', durationSec: -3});
		expect(bad.error).toMatch(/^at: expected an ISO 8601 date and time.*; outcome: .*; durationSec: /);
		expect(parseImportedRow(8, {...aRecord(), colour: 'red'}).error).toBe('unknown field colour');
		expect(parseImportedRow(9, [1, 2]).error).toMatch(/row: /);
	});
});

describe('readImportRows', () => {
	it('detects ndjson and csv from the content and numbers lines', async () => {
		const records = many(3);
		const fromJson = await rowsOf(`\n${ndjson(records)}`);
		expect(fromJson.map((row) => row.line)).toEqual([2, 3, 4]);
		expect(fromJson.map((row) => row.record)).toEqual(records);
		const fromCsv = await rowsOf(csv(records));
		expect(fromCsv.map((row) => row.line)).toEqual([2, 3, 4]);
		expect(fromCsv.map((row) => row.record)).toEqual(records);
	});

	it('reports broken JSON and a wrong field count as row errors, and a foreign CSV header as a format error', async () => {
		expect((await rowsOf('{"id": \n'))[0]?.error).toMatch(/^not valid JSON/);
		const [header = ''] = csv([]).split('\r\n');
		expect((await rowsOf(`${header}\r\na,b\r\n`))[0]?.error).toBe('2 fields, the header has 16');
		await expect(rowsOf('name,phone\r\nAnn,123\r\n')).rejects.toThrow(/line 1: the CSV header must name/);
	});

	it('accepts the columns in any order and leaves out optional ones', async () => {
		const rows = await rowsOf('action,at,id,customer_email\nvisit,2026-11-20T10:00:00Z,v1,ann@example.com\n');
		expect(rows[0]?.record).toMatchObject({
			id: 'v1',
			action: 'visit',
			customer: {email: 'ann@example.com', name: null},
			summary: null,
		});
	});
});

describe('importRecords', () => {
	it('round-trips an export, exactly in ndjson and neutralised in CSV, including awkward text and formulas', async () => {
		const awkward = [
			aRecord({
				id: 'q1',
				summary: 'She said "no", twice,\r\nthen hung up.\nLine 3',
				customer: {email: 'ö@example.com', name: 'Öz, "Ann"'},
			}),
			aRecord({
				id: 'q2',
				summary: '  padded  ',
				template: 'refund',
				status: 'solved',
				followUpAt: '2026-11-22T09:00:00.000Z',
			}),
			aRecord({
				id: 'q3',
				agent: null,
				ticketId: null,
				channel: null,
				outcome: null,
				durationSec: 0,
				summary: null,
				customer: {email: null, name: null},
			}),
			aRecord({id: 'q4', summary: 'bidi \u202E and C1 \u009B and emoji 🙂'}),
			aRecord({id: 'q5', summary: '=HYPERLINK("https://evil.example","x")', customer: {email: null, name: "'@Ann"}}),
		];
		// CSV is a spreadsheet and terminal surface: CRLF becomes LF and unsafe characters a visible marker.
		const neutralised = awkward.map((record) =>
			record.summary === null ? record : {...record, summary: toDisplayText(record.summary)},
		);
		await store.importBatch(awkward);
		for (const format of ['ndjson', 'csv'] as const) {
			const exported = await exportAll(store, format);
			const otherDb = openDatabase(join(directory, `${format}.db`));
			const other = createSqliteRecordStore(otherDb);
			const result = await importRecords(other, readImportRows(text(exported)));
			expect(result).toMatchObject({imported: 5, present: 0});
			expect(await exportAll(other, format)).toBe(exported);
			expect(await other.listRecords({order: 'oldest'})).toEqual(format === 'ndjson' ? awkward : neutralised);
			otherDb.close();
		}
	});

	it('writes in batches, reports each one after it is written, and adds nothing on a re-import', async () => {
		const input = ndjson(many(2500));
		const seen: number[] = [];
		const first = await importRecords(store, readImportRows(text(input)), {
			batchSize: 1000,
			onBatch: (progress) => seen.push(progress.rows),
		});
		expect(seen).toEqual([1000, 2000, 2500]);
		expect(first).toEqual({imported: 2500, present: 0, batches: 3, rows: 2500});
		const again = await importRecords(store, readImportRows(text(input)), {batchSize: 1000});
		expect(again).toEqual({imported: 0, present: 2500, batches: 3, rows: 2500});
		expect(await store.listRecords({})).toHaveLength(2500);
	});

	it('stops at a bad row before writing any of its batch, naming the line', async () => {
		const lines = ndjson(many(2500)).split('\n');
		lines[1499] = lines[1499]?.replace('"outcome":"resolved"', '"outcome":"perhaps"') ?? '';
		const failure = await importRecords(store, readImportRows(text(lines.join('\n'))), {batchSize: 1000}).catch(
			(error: unknown) => error,
		);
		expect(failure).toBeInstanceOf(FailedError);
		expect((failure as FailedError).message).toMatch(/^line 1500: outcome: /);
		expect((failure as FailedError).hint).toContain(
			'Nothing from lines 1001–2000 was written; 1000 rows before it were imported',
		);
		expect(await store.listRecords({})).toHaveLength(1000);
	});

	it('stops at a CSV format error without writing the rows of the unfinished batch', async () => {
		const body = csv(many(5));
		const broken = `${body}id-x,2026-11-20T00:00:00Z,"unterminated\r\n`;
		const failure = await importRecords(store, readImportRows(text(broken)), {batchSize: 1000}).catch(
			(error: unknown) => error,
		);
		expect((failure as Error).message).toBe('line 7: a quoted field is never closed');
		expect(await store.listRecords({})).toHaveLength(0);
	});
});
