import {describe, expect, it} from 'vitest';
import {decodeText, InputFormatError, readCsvRecords, readLines} from '../../../src/services/csv-reader.js';
import {csvRow} from '../../../src/text/csv.js';

async function* chunks(...parts: (string | Uint8Array)[]): AsyncGenerator<string | Uint8Array> {
	yield* parts;
}

async function records(...parts: string[]) {
	const found: {line: number; fields: string[]}[] = [];
	for await (const record of readCsvRecords(decodeText(chunks(...parts)))) found.push(record);
	return found;
}

/** Every way to cut `text` in two, so chunk boundaries fall inside quotes, doubled quotes and CRLFs. */
async function recordsAtEverySplit(text: string) {
	const results = [];
	for (let cut = 0; cut <= text.length; cut++) results.push(await records(text.slice(0, cut), text.slice(cut)));
	return results;
}

describe('readCsvRecords', () => {
	it('reads plain, quoted, doubled-quote and multi-line fields with CRLF or LF', async () => {
		const text = 'id,summary,n\r\n1,"Hello, ""world""",3\n2,"line one\r\nline two",\r\n3,,x';
		const expected = [
			{line: 1, fields: ['id', 'summary', 'n']},
			{line: 2, fields: ['1', 'Hello, "world"', '3']},
			{line: 3, fields: ['2', 'line one\r\nline two', '']},
			{line: 5, fields: ['3', '', 'x']},
		];
		for (const result of await recordsAtEverySplit(text)) expect(result).toEqual(expected);
	});

	it('reads back exactly what csvRow writes (line breaks as LF, as the writer normalises them)', async () => {
		const rows = [
			['a', 'b,c', 'd"e', ''],
			['multi\nline', '"quoted"', 'tab\there', 'crlf\ninside'],
			['ü ñ 漢字 🙂', ' lead and trail ', ',', '"'],
		];
		const text = rows.map((row) => csvRow(row)).join('');
		for (const result of await recordsAtEverySplit(text)) expect(result.map((record) => record.fields)).toEqual(rows);
	});

	it('skips blank lines but keeps a record of one empty quoted field', async () => {
		expect((await records('a\n\n\r\n""\nb\n')).map((record) => record.fields)).toEqual([['a'], [''], ['b']]);
	});

	it('drops a byte-order mark and decodes UTF-8 split inside a character', async () => {
		const bytes = new TextEncoder().encode('\uFEFFid\nü🙂\n');
		const parts = [bytes.slice(0, 2), bytes.slice(2, 6), bytes.slice(6, 9), bytes.slice(9)];
		const found = [];
		for await (const record of readCsvRecords(decodeText(chunks(...parts)))) found.push(record.fields);
		expect(found).toEqual([['id'], ['ü🙂']]);
	});

	it.each([
		['a,"never closed\nmore', 1, 'never closed'],
		['a,b\nc,d"e\n', 2, 'quote inside an unquoted field'],
		['a,"b"x\n', 1, 'after a closing quote'],
	])('reports %j as a format error at line %i', async (text, line, message) => {
		const failure = await records(text).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(InputFormatError);
		expect((failure as InputFormatError).line).toBe(line);
		expect((failure as Error).message).toContain(message);
	});
});

describe('readLines', () => {
	it('numbers LF and CRLF lines across chunks, including a last line without a newline', async () => {
		const found = [];
		for await (const line of readLines(decodeText(chunks('a\r', '\nb\n\nc')))) found.push(line);
		expect(found).toEqual([
			{line: 1, text: 'a'},
			{line: 2, text: 'b'},
			{line: 3, text: ''},
			{line: 4, text: 'c'},
		]);
	});
});
