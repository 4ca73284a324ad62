import {afterEach, describe, expect, it} from 'vitest';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';
import {aTicket, createMemoryHelpDesk} from '../support/memory-help-desk.js';

const now = new Date('2026-11-20T12:00:00Z');
const contexts: TestContext[] = [];

afterEach(() => {
	for (const context of contexts.splice(0)) context.cleanup();
});

function setup(options: {tty?: boolean; home?: string; at?: Date} = {}) {
	const context = createTestContext({
		tty: options.tty,
		home: options.home,
		now: options.at ?? now,
		helpDesk: createMemoryHelpDesk([aTicket({id: '42'})]),
	});
	if (options.home === undefined) contexts.push(context);
	return context;
}

async function addFollowUp(context: TestContext, args: string[]): Promise<string> {
	const result = await runCsr(['followup', 'add', ...args], context);
	expect(result.stderr).toBe('');
	expect(result.exitCode).toBe(0);
	return result.stdout.trim();
}

async function list(context: TestContext, args: string[] = []): Promise<Record<string, unknown>[]> {
	const result = await runCsr(['followup', 'list', ...args, '--json'], context);
	expect(result.exitCode).toBe(0);
	return JSON.parse(result.stdout) as Record<string, unknown>[];
}

const notes = (followUps: Record<string, unknown>[]) => followUps.map((followUp) => followUp['note']);

describe('csr followup add', () => {
	it('adds a follow-up due --in a span or --at a date, and prints its id', async () => {
		const context = setup();
		const id = await addFollowUp(context, ['42', '--in', '3d', '--note', 'check the refund']);
		expect(id).toMatch(/^[0-9a-f-]{36}$/);
		await addFollowUp(context, ['#43', '--at', '2026-12-01T09:30']);
		expect(await list(context)).toEqual([
			{
				id,
				ticketId: '42',
				customerEmail: null,
				dueAt: '2026-11-23T12:00:00.000Z',
				note: 'check the refund',
				createdAt: '2026-11-20T12:00:00.000Z',
				doneAt: null,
				profile: 'demo',
				agent: 'you@demo.csr',
				assignee: 'you@demo.csr',
			},
			expect.objectContaining({ticketId: '43', dueAt: '2026-12-01T09:30:00.000Z', note: null}),
		]);
	});

	it("takes the customer from the ticket's latest record, so a purge finds the follow-up", async () => {
		const context = setup();
		await runCsr(
			['log', 'add', '--ticket', '42', '--customer', 'ann@example.com', '--type', 'call', '--summary', 'x'],
			context,
		);
		await addFollowUp(context, ['42', '--in', '1d']);
		expect((await list(context))[0]?.['customerEmail']).toBe('ann@example.com');
	});

	it.each([
		[['42'], 'csr: give exactly one of --in and --at\n'],
		[['42', '--in', '1d', '--at', '2026-12-01'], 'csr: give exactly one of --in and --at\n'],
		[['42', '--in', '3'], 'csr: invalid --in "3": expected 30m, 24h, 3d, 2w or combinations like 1d12h\n'],
		[['42', '--at', '2026-02-30'], 'csr: invalid --at "2026-02-30": expected '],
		[['4 2', '--in', '1d'], 'csr: invalid ticket id "4 2"\n'],
	])('exits 2 on %j', async (args, message) => {
		const context = setup();
		const result = await runCsr(['followup', 'add', ...args], context);
		expect(result.exitCode).toBe(2);
		expect(result.stderr.startsWith(message)).toBe(true);
		expect(await list(context, ['--all'])).toEqual([]);
	});
});

describe('csr followup list, done and snooze', () => {
	async function seed(context: TestContext) {
		const earlier = setup({home: context.home, at: new Date('2026-11-10T12:00:00Z')});
		await addFollowUp(earlier, ['1', '--in', '2d', '--note', 'overdue']); // 2026-11-12 12:00
		await addFollowUp(context, ['2', '--at', '2026-11-20T18:00', '--note', 'later today']);
		await addFollowUp(context, ['3', '--in', '3d', '--note', 'upcoming']);
	}

	it('lists open follow-ups soonest first; --due is today (UTC) with overdue ones; --overdue only what has passed', async () => {
		const context = setup();
		await seed(context);
		expect(notes(await list(context))).toEqual(['overdue', 'later today', 'upcoming']);
		expect(notes(await list(context, ['--due']))).toEqual(['overdue', 'later today']);
		expect(notes(await list(context, ['--overdue']))).toEqual(['overdue']);
		const table = await runCsr(['followup', 'list'], context);
		expect(table.stdout).toMatch(/^ID\s+DUE \(UTC\)\s+STATE\s+TICKET\s+CUSTOMER\s+NOTE\n/);
		expect(table.stdout).toMatch(/2026-11-12 12:00\s+overdue\s+1\s+-\s+overdue\n/);
		expect(table.stdout).toMatch(/2026-11-20 18:00\s+today\s+2/);
		expect(table.stdout).toMatch(/2026-11-23 12:00\s+upcoming\s+3/);
	});

	it('marks one done by id prefix, and says so when it already was', async () => {
		const context = setup();
		await seed(context);
		const [first] = await list(context);
		const id = String(first?.['id']);
		const done = await runCsr(['followup', 'done', id.slice(0, 6)], context);
		expect(done).toEqual({exitCode: 0, stdout: '', stderr: `follow-up ${id} done\n`});
		expect(notes(await list(context))).toEqual(['later today', 'upcoming']);
		expect(await list(context, ['--done'])).toEqual([
			expect.objectContaining({id, doneAt: '2026-11-20T12:00:00.000Z'}),
		]);
		const again = await runCsr(['followup', 'done', id], context);
		expect(again.exitCode).toBe(0);
		expect(again.stderr).toBe(`follow-up ${id} was already done (2026-11-20 12:00 UTC)\n`);
		const missing = await runCsr(['followup', 'done', 'zzzzzz'], context);
		expect(missing.exitCode).toBe(1);
		expect(missing.stderr).toContain('no follow-up with id "zzzzzz"');
	});

	it('snoozes an open follow-up from now, and refuses a done one', async () => {
		const context = setup();
		await seed(context);
		const [first] = await list(context);
		const id = String(first?.['id']);
		const snoozed = await runCsr(['followup', 'snooze', id, '--in', '1d'], context);
		expect(snoozed).toEqual({exitCode: 0, stdout: '', stderr: `follow-up ${id} now due 2026-11-21 12:00 UTC\n`});
		expect(notes(await list(context))).toEqual(['later today', 'overdue', 'upcoming']);
		await runCsr(['followup', 'done', id], context);
		const refused = await runCsr(['followup', 'snooze', id, '--in', '1d'], context);
		expect(refused.exitCode).toBe(1);
		expect(refused.stderr).toContain('is already done');
	});
});

describe('csr queue hint', () => {
	it('says how many follow-ups are due on a TTY, and nothing in a pipe or with --quiet', async () => {
		const context = setup({tty: true});
		await addFollowUp(setup({home: context.home, at: new Date('2026-11-01T00:00:00Z')}), ['42', '--in', '1d']);
		await addFollowUp(context, ['42', '--at', '2026-11-20T20:00']);
		await addFollowUp(context, ['42', '--in', '2d']);
		const onTty = await runCsr(['queue'], context);
		expect(onTty.exitCode).toBe(0);
		expect(onTty.stderr).toBe('2 follow-ups due: csr followup list --due\n');
		expect((await runCsr(['queue', '--quiet'], context)).stderr).toBe('');
		const piped = setup({home: context.home});
		expect((await runCsr(['queue'], piped)).stderr).toBe('');
	});

	it('says nothing when no follow-up is due', async () => {
		const context = setup({tty: true});
		await addFollowUp(context, ['42', '--in', '2d']);
		expect((await runCsr(['queue'], context)).stderr).toBe('');
	});
});

describe('csr followup without a team store', () => {
	it('refuses --to (no colleague could see it) with exit code 2, and --mine lists what this agent made', async () => {
		const context = setup();
		const refused = await runCsr(['followup', 'add', '42', '--in', '1d', '--to', 'bob@example.com'], context);
		expect(refused.exitCode).toBe(2);
		expect(refused.stderr).toContain('--to needs a team store');
		await addFollowUp(context, ['42', '--in', '1d']);
		expect(await list(context, ['--mine'])).toMatchObject([{agent: 'you@demo.csr', assignee: 'you@demo.csr'}]);
		expect((await runCsr(['followup', 'list', '--mine', '--team'], context)).exitCode).toBe(2);
	});

	it('prints a team store URL set in the config without its password', async () => {
		const context = setup();
		await runCsr(['config', 'set', 'store.url', 'postgres://alice:s3cret@db.example/csr'], context);
		const got = await runCsr(['config', 'get', 'store.url'], context);
		expect(got.stdout).toBe('postgres://alice:***@db.example/csr\n');
		const all = await runCsr(['config', 'get', '--json'], context);
		expect(all.stdout).not.toContain('s3cret');
		const bad = await runCsr(['config', 'set', 'store.url', 'mysql://db.example/csr'], context);
		expect(bad.exitCode).toBe(2);
	});
});
