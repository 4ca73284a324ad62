import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';
import {aTicket, createMemoryHelpDesk} from '../support/memory-help-desk.js';

let context: TestContext;
afterEach(() => context.cleanup());

function setup() {
	const desk = createMemoryHelpDesk([aTicket({id: '1'}), aTicket({id: '2'})]);
	context = createTestContext({helpDesk: desk});
	return desk;
}

describe('usage errors in csr words', () => {
	it.each([
		[['queu'], "csr: unknown command 'queu' (did you mean queue?)"],
		[['templates', 'lsit'], "csr: unknown command 'lsit' for 'csr templates' (did you mean list?)"],
		[['log', 'lsit'], "csr: unknown command 'lsit' (did you mean list?)"],
		[['outbox', 'retyr'], "csr: unknown command 'retyr' (did you mean retry?)"],
		[['help', 'queu'], "csr: unknown command 'queu' (did you mean queue?)"],
		[['xyzzy'], "csr: unknown command 'xyzzy'"],
	])('csr %j: exit 2 with a suggestion', async (argv, message) => {
		setup();
		const result = await runCsr(argv, context);
		expect(result.exitCode).toBe(2);
		expect(result.stderr.split('\n')[0]).toBe(message);
		expect(result.stderr).not.toContain('too many arguments');
	});

	it('csr help, csr help queue and csr help log list print the help, exit 0', async () => {
		setup();
		const top = await runCsr(['help'], context);
		expect(top.exitCode).toBe(0);
		expect(top.stdout).toContain('Usage: csr [options] [command]');
		const queue = await runCsr(['help', 'queue'], context);
		expect(queue.exitCode).toBe(0);
		expect(queue.stdout).toContain('Usage: csr queue [options]');
		const nested = await runCsr(['help', 'log', 'list'], context);
		expect(nested.stdout).toContain('Usage: csr log list [options]');
	});

	it('ids a desk cannot have are exit 2 before anything is sent or journaled', async () => {
		const desk = setup();
		expect((await runCsr(['show', 'abc'], context)).exitCode).toBe(2);
		expect((await runCsr(['show', '0'], context)).exitCode).toBe(2);
		const fromStdin = createTestContext({helpDesk: desk, stdin: '1\n-5\n', home: context.home});
		const bad = await runCsr(['reply', '-', '--body', 'Hi', '--yes'], fromStdin);
		expect(bad.exitCode).toBe(2);
		expect(bad.stderr).toContain('invalid ticket id "-5"');
		expect(desk.sent).toHaveLength(0);
		const journal = await runCsr(['log', 'list', '--json'], context);
		expect(JSON.parse(journal.stdout)).toEqual([]);
	});

	it('--dry-run exits 1 when a real run would fail for any ticket, saying why per ticket', async () => {
		const desk = createMemoryHelpDesk([aTicket({id: '1'}), aTicket({id: '2', status: 'closed'})]);
		context = createTestContext({helpDesk: desk});
		const result = await runCsr(['reply', '1', '2', '3', '--body', 'Hello', '--dry-run'], context);
		expect(result.exitCode).toBe(1);
		expect(result.stdout).toContain('── #1 · public reply');
		expect(result.stdout).toContain('failed   #2  ticket 2 is closed');
		expect(result.stdout).toContain('failed   #3  ticket 3 not found');
		expect(result.stderr).toContain('a real run would fail for 2 tickets');
		const json = await runCsr(['reply', '1', '2', '--body', 'Hello', '--dry-run', '--json'], context);
		expect(json.exitCode).toBe(1);
		expect((JSON.parse(json.stdout) as {result: string}[]).map((row) => row.result)).toEqual(['failed', 'dry-run']);
		expect((await runCsr(['reply', '1', '--body', 'Hello', '--dry-run'], context)).exitCode).toBe(0);
		expect(desk.sent).toHaveLength(0);
	});

	it('config set with a bad value answers in csr words', async () => {
		setup();
		const result = await runCsr(['config', 'set', 'reply.concurrency', 'abc'], context);
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toBe(
			'csr: invalid value "abc" for reply.concurrency: expected a whole number from 1 to 16\nFor example: csr config set reply.concurrency 4\n',
		);
	});

	it('a file where the data directory should be gets the path and the fix, not a Node error', async () => {
		setup();
		const file = join(context.home, 'not-a-dir');
		writeFileSync(file, 'x');
		const broken = createTestContext({env: {CSR_DATA_DIR: file}, home: context.home});
		const result = await runCsr(['log', 'list'], broken);
		expect(result.exitCode).toBe(1);
		expect(result.stderr).toBe(
			`csr: the data directory ${file} is not a directory (a file is in its place)\nMove that file away, or point $CSR_DATA_DIR at a directory.\n`,
		);
		const damagedDir = join(context.home, 'damaged');
		mkdirSync(damagedDir);
		writeFileSync(join(damagedDir, 'csr.db'), 'garbage that is not SQLite, long enough to have a header.........');
		const damaged = await runCsr(
			['log', 'list'],
			createTestContext({env: {CSR_DATA_DIR: damagedDir}, home: context.home}),
		);
		expect(damaged.exitCode).toBe(1);
		expect(damaged.stderr).toContain(`csr: the local database ${join(damagedDir, 'csr.db')} is damaged`);
		expect(damaged.stderr).toContain('Move it aside');
	});
});
