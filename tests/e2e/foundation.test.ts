import {readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createSandbox} from '../support/e2e.js';

const ticketKeys = [
	'id',
	'subject',
	'status',
	'priority',
	'channel',
	'requester',
	'assignee',
	'group',
	'tags',
	'createdAt',
	'updatedAt',
	'slaDueAt',
	'url',
];
const box = createSandbox();
afterAll(() => box.cleanup());

/** A minimal RFC 4180 reader, independent of csr's writer. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let index = 0; index < text.length; index++) {
		const char = text[index];
		if (quoted) {
			if (char === '"' && text[index + 1] === '"') {
				field += '"';
				index++;
			} else if (char === '"') quoted = false;
			else field += char;
		} else if (char === '"') quoted = true;
		else if (char === ',') {
			row.push(field);
			field = '';
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && text[index + 1] === '\n') index++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += char;
	}
	if (field !== '' || row.length > 0) rows.push([...row, field]);
	return rows;
}

describe('a new user on the demo desk (built bin, fresh config and data directories)', () => {
	let queue: {id: string; subject: string}[];
	beforeAll(async () => {
		const result = await box.csr(['queue', '--json']);
		expect(result.exitCode).toBe(0);
		queue = JSON.parse(result.stdout);
	});

	it('lists at least 20 tickets with exactly the PRODUCT.md keys', () => {
		expect(queue.length).toBeGreaterThanOrEqual(20);
		for (const ticket of queue) expect(Object.keys(ticket)).toEqual(ticketKeys);
	});

	it('returns at least 120 tickets with --all', async () => {
		const result = await box.csr(['queue', '--all', '--json']);
		expect(JSON.parse(result.stdout).length).toBeGreaterThanOrEqual(120);
	});

	it('writes CSV that parses, with a header', async () => {
		const result = await box.csr(['queue', '--format', 'csv']);
		const rows = parseCsv(result.stdout);
		expect(rows[0]?.slice(0, 3)).toEqual(['id', 'subject', 'status']);
		expect(rows.length).toBe(queue.length + 1);
		for (const row of rows) expect(row).toHaveLength(rows[0]?.length ?? 0);
	});

	it('shows a ticket as JSON with author roles and public flags', async () => {
		const result = await box.csr(['show', queue[0]?.id ?? '1', '--json']);
		const thread = JSON.parse(result.stdout);
		expect(thread.ticket.id).toBe(queue[0]?.id);
		expect(thread.customer.recentTickets).toBeInstanceOf(Array);
		expect(thread.messages.length).toBeGreaterThan(0);
		for (const message of thread.messages) {
			expect(['customer', 'agent', 'system']).toContain(message.author.role);
			expect(typeof message.public).toBe('boolean');
		}
	});

	it('exits 2 with a one-line message and no stack trace for a bad status', async () => {
		const result = await box.csr(['queue', '--status', 'bogus']);
		expect(result.exitCode).toBe(2);
		expect(result.stderr.trim().split('\n')).toHaveLength(1);
		expect(result.stderr).toContain('bogus');
		expect(result.stderr).not.toMatch(/\n\s+at /);
		expect(result.stdout).toBe('');
	});

	it('keeps the config 0600 and never prints a token', async () => {
		const token = 'zd-e2e-secret-token-123';
		const add = await box.csr(
			['profile', 'add', 'acme', '--provider', 'zendesk', '--url', 'https://acme.zendesk.com', '--token-stdin'],
			{stdin: token},
		);
		expect(add.exitCode).toBe(0);
		const list = await box.csr(['profile', 'list', '--json']);
		const path = (await box.csr(['config', 'path'])).stdout.trim();
		expect(statSync(path).mode & 0o777).toBe(0o600);
		expect(readFileSync(path, 'utf8')).toContain(token);
		for (const output of [add.stdout, add.stderr, list.stdout, list.stderr]) expect(output).not.toContain(token);
	});

	it('keeps the data files 0600', () => {
		for (const file of ['demo.db', 'demo.db-wal']) {
			const path = join(box.env['CSR_DATA_DIR'] ?? '', file);
			try {
				expect(statSync(path).mode & 0o777).toBe(0o600);
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
			}
		}
	});

	it('never prints the hostile ticket raw, as a table or as JSON', async () => {
		const all = JSON.parse(
			(await box.csr(['queue', '--all', '--json', '--status', 'new,open,pending,on-hold,solved,closed'])).stdout,
		) as {id: string; subject: string}[];
		const hostile = all.find((ticket) => ticket.subject.includes('\u202E'));
		expect(hostile).toBeDefined();
		const json = (await box.csr(['show', hostile?.id ?? '', '--json'])).stdout;
		expect(json).toMatch(/\\u001b|\\u009b/);
		for (const output of [
			json,
			(await box.csr(['show', hostile?.id ?? ''])).stdout,
			(await box.csr(['queue', '--all'])).stdout,
		]) {
			expect(output).not.toMatch(/[\u001B\u0007\u009B\u202E]/);
		}
	});
});
