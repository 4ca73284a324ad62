import {afterEach, describe, expect, it} from 'vitest';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';
import {aTicket, createMemoryHelpDesk} from '../support/memory-help-desk.js';

const now = new Date('2026-11-20T12:00:00Z');
const tickets = [
	aTicket({id: '7', subject: 'Refund for order 1001', priority: 'high'}),
	aTicket({id: '3', subject: 'Tracking, "again"', slaDueAt: '2026-11-20T11:00:00Z', tags: ['shipping']}),
	aTicket({id: '9', subject: 'Solved one', status: 'solved'}),
	aTicket({
		id: '4',
		subject: 'Hostile \u001B]8;;https://evil.example\u0007click\u001B]8;;\u0007 \u202Eexe',
		channel: 'chat',
	}),
];

let context: TestContext;
afterEach(() => context.cleanup());

function setup(tty = false) {
	context = createTestContext({tty, now, helpDesk: createMemoryHelpDesk(tickets)});
	return context;
}

describe('csr queue', () => {
	it('prints ids most urgent first for pipes', async () => {
		expect(await runCsr(['queue', '--ids'], setup())).toEqual({exitCode: 0, stdout: '3\n7\n4\n', stderr: ''});
	});

	it('prints exactly the PRODUCT.md ticket keys in --json', async () => {
		const {stdout, exitCode} = await runCsr(['queue', '--json'], setup());
		expect(exitCode).toBe(0);
		const parsed = JSON.parse(stdout) as Record<string, unknown>[];
		expect(parsed.map((ticket) => ticket['id'])).toEqual(['3', '7', '4']);
		expect(Object.keys(parsed[0] ?? {})).toEqual([
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
		]);
	});

	it('writes RFC 4180 CSV with a header and quoted fields', async () => {
		const {stdout} = await runCsr(['queue', '--format', 'csv'], setup());
		const lines = stdout.split('\r\n');
		expect(lines[0]).toMatch(/^id,subject,status,priority,channel,/);
		expect(lines[1]).toContain('"Tracking, ""again"""');
		expect(lines).toHaveLength(5);
	});

	it('filters by status, tag and channel', async () => {
		expect((await runCsr(['queue', '--status', 'solved', '--ids'], setup())).stdout).toBe('9\n');
		context.cleanup();
		expect((await runCsr(['queue', '--tag', 'shipping', '--ids'], setup())).stdout).toBe('3\n');
		context.cleanup();
		expect((await runCsr(['queue', '--channel', 'chat', '--ids'], setup())).stdout).toBe('4\n');
	});

	it('prints a table whose customer text cannot drive the terminal', async () => {
		const {stdout} = await runCsr(['queue'], setup());
		expect(stdout).toMatch(/^ID\s+STATUS\s+PRIO\s+SLA/);
		expect(stdout).toContain('Refund for order 1001');
		expect(stdout).toContain('-1h');
		expect(stdout).not.toMatch(/[\u001B\u0007\u202E]/);
		expect(stdout).not.toContain('evil.example');
	});

	it('rejects an unknown status with exit 2, the accepted values, and no stack trace', async () => {
		const result = await runCsr(['queue', '--status', 'bogus'], setup());
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toBe(
			'csr: invalid --status "bogus": expected one of new, open, pending, on-hold, solved, closed\n',
		);
	});

	it('treats an unknown flag as a usage error', async () => {
		const result = await runCsr(['queue', '--bogus'], setup());
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toContain("unknown option '--bogus'");
	});

	it('pages with --limit and says so on a TTY', async () => {
		const result = await runCsr(['queue', '--limit', '2'], setup(true));
		expect(result.stdout.trim().split('\n')).toHaveLength(3);
		expect(result.stderr).toContain('Showing 2 of 3; use --all');
	});

	it('says it stopped at the limit also when piped, in every format, unless --quiet', async () => {
		for (const format of [['--json'], ['--format', 'csv'], ['--format', 'ndjson'], ['--ids'], []]) {
			const result = await runCsr(['queue', '--limit', '2', ...format], setup());
			expect(result.stderr, format.join(' ')).toBe('Showing 2 of 3; use --all or --limit for more.\n');
		}
		expect((await runCsr(['queue', '--limit', '3', '--json'], setup())).stderr).toBe('');
		expect((await runCsr(['--quiet', 'queue', '--limit', '2', '--json'], setup())).stderr).toBe('');
	});

	it('refuses a --limit beyond any sane listing, pointing at --all', async () => {
		const result = await runCsr(['queue', '--limit', '99999999999'], setup());
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toContain('Use --all');
	});

	it('follows every page with --all', async () => {
		const many = Array.from({length: 250}, (_, index) => aTicket({id: String(index + 1)}));
		context = createTestContext({now, helpDesk: createMemoryHelpDesk(many)});
		const {stdout} = await runCsr(['queue', '--all', '--ids'], context);
		expect(stdout.trim().split('\n')).toHaveLength(250);
	});

	it('gives a pipe every matching id with --ids (not the first 50), and --limit still caps it, saying so', async () => {
		const many = Array.from({length: 120}, (_, index) => aTicket({id: String(index + 1)}));
		context = createTestContext({now, helpDesk: createMemoryHelpDesk(many)});
		const all = await runCsr(['queue', '--ids'], context);
		expect(all.stdout.trim().split('\n')).toHaveLength(120);
		expect(all.stderr).toBe('');
		const capped = await runCsr(['queue', '--ids', '--limit', '30'], context);
		expect(capped.stdout.trim().split('\n')).toHaveLength(30);
		expect(capped.stderr).toContain('Showing 30 of 120; use --all or --limit for more.');
		// The table is for people: still the first page.
		const table = await runCsr(['queue', '--json'], context);
		expect(JSON.parse(table.stdout)).toHaveLength(50);
	});
});
