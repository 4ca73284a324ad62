import {Writable} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {writeRecordPages} from '../../../src/cli/output/records.js';
import type {InteractionRecord} from '../../../src/domain/records.js';
import {aRecord} from './fixtures.js';

const pageSize = 50;

/** Pages of records, noting how many bytes the sink still had queued each time the exporter asked for more. */
async function* pagesOf(total: number, onPull: () => void): AsyncGenerator<InteractionRecord[]> {
	for (let start = 0; start < total; start += pageSize) {
		onPull();
		yield Array.from({length: Math.min(pageSize, total - start)}, (_, index) =>
			aRecord({id: `r${start + index}`, summary: `record ${start + index} ${'x'.repeat(200)}`}),
		);
	}
}

/** A sink slower than the exporter: it takes one chunk per event-loop turn. */
function slowSink() {
	const chunks: Buffer[] = [];
	const stream = new Writable({
		highWaterMark: 16 * 1024,
		write(chunk: Buffer, _encoding, done) {
			chunks.push(chunk);
			setImmediate(done);
		},
	});
	return {stream, text: () => Buffer.concat(chunks).toString('utf8')};
}

describe('writeRecordPages', () => {
	it('waits for the sink to drain, so what is queued stays small however much is exported', async () => {
		const sink = slowSink();
		let maxQueued = 0;
		const pulls = () => {
			maxQueued = Math.max(maxQueued, sink.stream.writableLength);
		};
		const count = await writeRecordPages(sink.stream, pagesOf(20_000, pulls), 'ndjson');
		expect(count).toBe(20_000);
		const lines = sink.text().trimEnd().split('\n');
		expect(lines).toHaveLength(20_000);
		expect(JSON.parse(lines[19_999] ?? '').id).toBe('r19999');
		// About 5 MB went through; never more than one 64 KB chunk waited in the sink.
		expect(sink.text().length).toBeGreaterThan(4_000_000);
		expect(maxQueued).toBeLessThanOrEqual(65_536);
	});

	it('writes the CSV header once, then rows', async () => {
		const sink = slowSink();
		await writeRecordPages(
			sink.stream,
			pagesOf(120, () => {}),
			'csv',
		);
		const rows = sink.text().split('\r\n');
		expect(rows[0]).toBe(
			'id,at,agent,profile,provider,ticket_id,customer_email,customer_name,channel,action,template,status,outcome,duration_sec,summary,follow_up_at',
		);
		expect(rows.filter((row) => row.startsWith('id,'))).toHaveLength(1);
		expect(rows).toHaveLength(122);
	});

	it('stops quietly when the reader goes away (EPIPE), and fails on other write errors', async () => {
		let pulled = 0;
		const closed = new Writable({
			write(_chunk, _encoding, done) {
				done(Object.assign(new Error('write EPIPE'), {code: 'EPIPE'}));
			},
		});
		await expect(
			writeRecordPages(
				closed,
				pagesOf(20_000, () => (pulled += 1)),
				'ndjson',
			),
		).resolves.toBeGreaterThan(0);
		expect(pulled).toBeLessThan(400);
		const broken = new Writable({
			write(_chunk, _encoding, done) {
				done(Object.assign(new Error('no space left on device'), {code: 'ENOSPC'}));
			},
		});
		await expect(
			writeRecordPages(
				broken,
				pagesOf(20_000, () => {}),
				'ndjson',
			),
		).rejects.toThrow('no space left');
	});
});
