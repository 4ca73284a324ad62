import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';

const now = new Date('2026-11-20T12:00:00Z');
const contexts: TestContext[] = [];

afterEach(() => {
	for (const context of contexts.splice(0)) context.cleanup();
});

/** A context whose help desk must never be opened: the log commands work offline. */
function setup(options: {tty?: boolean; stdin?: string; home?: string; at?: Date; confirmAnswer?: boolean} = {}) {
	const base = createTestContext({
		tty: options.tty,
		stdin: options.stdin,
		home: options.home,
		now: options.at ?? now,
		confirmAnswer: options.confirmAnswer,
	});
	const context: TestContext = {
		...base,
		openHelpDesk: async () => {
			throw new Error('the help desk was opened');
		},
	};
	if (options.home === undefined) contexts.push(context);
	return context;
}

async function add(context: TestContext, args: string[]): Promise<string> {
	const result = await runCsr(['log', 'add', ...args], context);
	expect(result.stderr).toBe('');
	expect(result.exitCode).toBe(0);
	return result.stdout.trim();
}

async function json(context: TestContext, args: string[]): Promise<Record<string, unknown>[]> {
	const result = await runCsr([...args, '--json'], context);
	expect(result.exitCode).toBe(0);
	return JSON.parse(result.stdout) as Record<string, unknown>[];
}

describe('csr log add', () => {
	it('prints the new id and records the agent, profile and provider of the active profile, offline', async () => {
		const context = setup();
		await runCsr(
			[
				'profile',
				'add',
				'acme',
				'--provider',
				'zendesk',
				'--url',
				'https://acme.zendesk.com',
				'--email',
				'me@acme.com',
				'--use',
			],
			context,
		);
		const id = await add(context, [
			'--ticket',
			'42',
			'--type',
			'call',
			'--summary',
			'Explained the refund',
			'--duration',
			'7m',
			'--outcome',
			'resolved',
		]);
		expect(id).toMatch(/^[0-9a-f-]{36}$/);
		const [record] = await json(context, ['log', 'list']);
		expect(record).toEqual({
			id,
			at: '2026-11-20T12:00:00.000Z',
			agent: 'me@acme.com',
			profile: 'acme',
			provider: 'zendesk',
			ticketId: '42',
			customer: {email: null, name: null},
			channel: 'phone',
			action: 'call',
			template: null,
			status: null,
			outcome: 'resolved',
			durationSec: 420,
			summary: 'Explained the refund',
			followUpAt: null,
		});
	});

	it('derives channel and action from the type', async () => {
		const context = setup();
		const expected = {
			call: ['phone', 'call'],
			chat: ['chat', 'chat'],
			email: ['email', 'email'],
			visit: ['other', 'visit'],
			note: [null, 'log-note'],
		};
		for (const type of Object.keys(expected)) {
			await add(context, ['--customer', 'ann@example.com', '--type', type, '--summary', type]);
		}
		const records = await json(context, ['log', 'list']);
		const seen = Object.fromEntries(
			records.map((record) => [record['summary'], [record['channel'], record['action']]]),
		);
		expect(seen).toEqual(expected);
	});

	it.each([
		['1:30:00', 5400],
		['45s', 45],
		['1h30m', 5400],
		['90', 5400],
	])('reads --duration %s as %i seconds', async (duration, seconds) => {
		const context = setup();
		await add(context, ['--ticket', '1', '--type', 'chat', '--summary', 's', '--duration', duration]);
		expect((await json(context, ['log', 'list']))[0]?.['durationSec']).toBe(seconds);
	});

	it.each([
		[
			['--duration', '7 parsecs'],
			'csr: invalid --duration "7 parsecs": expected 45s, 7m, 1h30m, 1:30:00 (h:mm:ss), 7:30 (m:ss) or 90 (minutes)\n',
		],
		[['--type', 'fax'], 'csr: invalid --type "fax": expected one of call, chat, email, visit, note\n'],
		[
			['--outcome', 'maybe'],
			'csr: invalid --outcome "maybe": expected one of resolved, escalated, follow-up, no-answer\n',
		],
		[['--followup', 'someday'], 'csr: invalid --followup "someday": expected 30m, 24h'],
		[['--ticket', 'a b'], 'csr: invalid --ticket "a b"\n'],
	])('exits 2 on %j with the accepted forms', async (bad, message) => {
		const context = setup();
		const result = await runCsr(['log', 'add', '--ticket', '1', '--type', 'call', '--summary', 's', ...bad], context);
		expect(result.exitCode).toBe(2);
		expect(result.stderr.startsWith(message)).toBe(true);
		expect(result.stdout).toBe('');
		expect(await json(context, ['log', 'list'])).toEqual([]);
	});

	it('needs --customer when there is no ticket, and a summary', async () => {
		const context = setup();
		const noTicket = await runCsr(['log', 'add', '--type', 'call', '--summary', 'who?'], context);
		expect(noTicket.exitCode).toBe(2);
		expect(noTicket.stderr).toContain('a record without --ticket needs --customer EMAIL');
		const noSummary = await runCsr(['log', 'add', '--ticket', '1', '--type', 'call'], context);
		expect(noSummary.exitCode).toBe(2);
		expect(noSummary.stderr).toContain("required option '--summary <text>' not specified");
	});

	it('sets a follow-up with --followup, due from now, carrying the summary as its note', async () => {
		const context = setup();
		const id = await add(context, [
			'--customer',
			'Ann@Example.com',
			'--customer-name',
			'Ann',
			'--type',
			'call',
			'--summary',
			'No answer',
			'--outcome',
			'no-answer',
			'--followup',
			'2d',
		]);
		const [record] = await json(context, ['log', 'list']);
		expect(record).toMatchObject({
			id,
			followUpAt: '2026-11-22T12:00:00.000Z',
			customer: {email: 'Ann@Example.com', name: 'Ann'},
			ticketId: null,
		});
		expect(await json(context, ['followup', 'list'])).toEqual([
			expect.objectContaining({
				ticketId: null,
				customerEmail: 'Ann@Example.com',
				dueAt: '2026-11-22T12:00:00.000Z',
				note: 'No answer',
				doneAt: null,
			}),
		]);
	});
});

async function seed(context: TestContext) {
	const at = (iso: string) => setup({home: context.home, at: new Date(iso)});
	await add(at('2026-11-01T09:00:00Z'), [
		'--ticket',
		'7',
		'--customer',
		'bo@example.com',
		'--type',
		'email',
		'--summary',
		'first',
		'--outcome',
		'resolved',
	]);
	await add(at('2026-11-15T09:00:00Z'), [
		'--ticket',
		'8',
		'--customer',
		'Ann@Example.com',
		'--type',
		'note',
		'--summary',
		'second',
	]);
	await add(at('2026-11-19T09:00:00Z'), [
		'--ticket',
		'8',
		'--customer',
		'ann@example.com',
		'--type',
		'call',
		'--summary',
		'third',
		'--outcome',
		'no-answer',
	]);
}

const summaries = (records: Record<string, unknown>[]) => records.map((record) => record['summary']);

describe('csr log list', () => {
	it('lists newest first and filters by ticket, customer in any case, type, outcome, time and agent', async () => {
		const context = setup();
		await seed(context);
		expect(summaries(await json(context, ['log', 'list']))).toEqual(['third', 'second', 'first']);
		expect(summaries(await json(context, ['log', 'list', '--ticket', '7']))).toEqual(['first']);
		expect(summaries(await json(context, ['log', 'list', '--customer', 'ANN@example.com']))).toEqual([
			'third',
			'second',
		]);
		expect(summaries(await json(context, ['log', 'list', '--type', 'note']))).toEqual(['second']);
		expect(summaries(await json(context, ['log', 'list', '--type', 'call,email']))).toEqual(['third', 'first']);
		expect(summaries(await json(context, ['log', 'list', '--outcome', 'no-answer']))).toEqual(['third']);
		expect(summaries(await json(context, ['log', 'list', '--since', '7d']))).toEqual(['third', 'second']);
		expect(
			summaries(await json(context, ['log', 'list', '--since', '2026-11-01', '--until', '2026-11-15T09:00'])),
		).toEqual(['first']);
		expect(summaries(await json(context, ['log', 'list', '--agent', 'me']))).toHaveLength(3);
		expect(summaries(await json(context, ['log', 'list', '--agent', 'someone@else.com']))).toEqual([]);
		expect(summaries(await json(context, ['log', 'list', '--limit', '1']))).toEqual(['third']);
	});

	it('rejects a bad --since or --type with exit 2', async () => {
		const context = setup();
		const since = await runCsr(['log', 'list', '--since', 'last tuesday'], context);
		expect(since.exitCode).toBe(2);
		expect(since.stderr).toContain('invalid --since "last tuesday": expected 30m, 24h, 3d, 2w');
		const type = await runCsr(['log', 'list', '--type', 'fax'], context);
		expect(type.exitCode).toBe(2);
		expect(type.stderr).toContain('invalid --type "fax": expected one of call, chat, email, visit, note, reply');
	});

	it('prints a table whose text cannot drive the terminal, and says when there is more', async () => {
		const context = setup({tty: true});
		await add(context, [
			'--ticket',
			'9',
			'--customer',
			'x@example.com',
			'--type',
			'chat',
			'--summary',
			'evil \u001B]8;;https://evil.example\u0007link\u001B]8;;\u0007 \u202Eexe',
			'--duration',
			'90s',
		]);
		// An hour earlier, so the hostile record is the newest one and the one --limit 1 shows.
		const earlier = setup({home: context.home, at: new Date('2026-11-20T11:00:00Z')});
		await add(earlier, ['--ticket', '9', '--customer', 'x@example.com', '--type', 'chat', '--summary', 'plain']);
		const result = await runCsr(['log', 'list', '--limit', '1'], context);
		expect(result.exitCode).toBe(0);
		expect(result.stdout).toMatch(/^ID\s+AT \(UTC\)\s+ACTION\s+TICKET\s+CUSTOMER\s+OUTCOME\s+TIME\s+SUMMARY\n/);
		expect(result.stdout).toMatch(/2026-11-20 12:00\s+chat\s+9\s+x@example.com\s+-\s+1m30s\s+evil/);
		expect(result.stdout).not.toMatch(/[\u001B\u0007\u202E]/);
		expect(result.stdout).not.toContain('evil.example');
		expect(result.stderr).toBe('Showing the 1 newest records; use --limit or --all for more.\n');
		const csv = await runCsr(['log', 'list', '--format', 'csv'], context);
		expect(csv.stdout).not.toMatch(/[\u001B\u0007\u202E]/);
	});

	it('writes ndjson and CSV in the export shape', async () => {
		const context = setup();
		await seed(context);
		const ndjson = (await runCsr(['log', 'list', '--format', 'ndjson'], context)).stdout.trim().split('\n');
		expect(ndjson).toHaveLength(3);
		expect(Object.keys(JSON.parse(ndjson[0] ?? '{}'))).toEqual([
			'id',
			'at',
			'agent',
			'profile',
			'provider',
			'ticketId',
			'customer',
			'channel',
			'action',
			'template',
			'status',
			'outcome',
			'durationSec',
			'summary',
			'followUpAt',
		]);
		const csv = (await runCsr(['log', 'list', '--format', 'csv'], context)).stdout.split('\r\n');
		expect(csv[0]).toBe(
			'id,at,agent,profile,provider,ticket_id,customer_email,customer_name,channel,action,template,status,outcome,duration_sec,summary,follow_up_at',
		);
		expect(csv[1]).toMatch(
			/^[0-9a-f-]{36},2026-11-19T09:00:00.000Z,you@demo.csr,demo,demo,8,ann@example.com,,phone,call,,,no-answer,,third,$/,
		);
	});
});

describe('csr log show', () => {
	it('shows a record by id or unique prefix; unknown ids exit 1', async () => {
		const context = setup();
		const id = await add(context, [
			'--ticket',
			'42',
			'--customer',
			'ann@example.com',
			'--customer-name',
			'Ann Berg',
			'--type',
			'call',
			'--summary',
			'Line one\nLine two',
			'--duration',
			'7m',
		]);
		const shown = await runCsr(['log', 'show', id.slice(0, 8)], context);
		expect(shown.exitCode).toBe(0);
		expect(shown.stdout).toBe(
			`record ${id}\nat        2026-11-20 12:00 UTC\naction    call\nagent     you@demo.csr\nprofile   demo (demo)\nticket    42\ncustomer  Ann Berg <ann@example.com>\nchannel   phone\nduration  7m\n\nLine one\nLine two\n`,
		);
		expect(JSON.parse((await runCsr(['log', 'show', id, '--json'], context)).stdout)).toMatchObject({
			id,
			durationSec: 420,
		});
		const missing = await runCsr(['log', 'show', 'nope1234'], context);
		expect(missing.exitCode).toBe(1);
		expect(missing.stderr).toContain('no record with id "nope1234"');
	});
});

describe('csr log export and import', () => {
	it('exports oldest first as ndjson by default, or CSV, and refuses table or json', async () => {
		const context = setup();
		await seed(context);
		const ndjson = await runCsr(['log', 'export'], context);
		expect(
			ndjson.stdout
				.trim()
				.split('\n')
				.map((line) => JSON.parse(line).summary),
		).toEqual(['first', 'second', 'third']);
		const csv = await runCsr(['log', 'export', '--format', 'csv', '--customer', 'ann@example.com'], context);
		expect(csv.stdout.split('\r\n')).toHaveLength(4);
		const refused = await runCsr(['log', 'export', '--json'], context);
		expect(refused.exitCode).toBe(2);
		expect(refused.stderr).toContain('log export writes ndjson or csv, not json');
	});

	it('round-trips an export through import exactly, and a re-import adds nothing', async () => {
		const source = setup();
		await seed(source);
		await add(source, [
			'--ticket',
			'9',
			'--customer',
			'q@example.com',
			'--customer-name',
			'Quote "Q", Esq.',
			'--type',
			'visit',
			'--summary',
			'multi\r\nline, "quoted"',
			'--duration',
			'1:02:03',
			'--followup',
			'2026-12-01',
		]);
		for (const format of ['ndjson', 'csv']) {
			const exported = (await runCsr(['log', 'export', '--format', format], source)).stdout;
			const target = setup({stdin: exported});
			const first = await runCsr(['log', 'import', '-'], target);
			expect(first).toEqual({exitCode: 0, stdout: 'imported 4, already present 0\n', stderr: ''});
			expect((await runCsr(['log', 'export', '--format', format], target)).stdout).toBe(exported);
			const file = join(target.home, `records.${format}`);
			writeFileSync(file, exported);
			expect((await runCsr(['log', 'import', file], target)).stdout).toBe('imported 0, already present 4\n');
		}
	});

	it('names the bad line and writes nothing of its batch', async () => {
		const good = JSON.stringify({id: 'a1', at: '2026-11-20T10:00:00Z', action: 'call'});
		const bad = JSON.stringify({id: 'a2', at: 'not a time', action: 'call'});
		const context = setup({stdin: `${good}\n${bad}\n`});
		const result = await runCsr(['log', 'import', '-'], context);
		expect(result.exitCode).toBe(1);
		expect(result.stderr).toMatch(/^csr: line 2: at: expected an ISO 8601 date and time/);
		expect(result.stderr).toContain('Nothing from lines 1–2 was written');
		expect(await json(context, ['log', 'list'])).toEqual([]);
	});

	it('shows progress per committed batch on a TTY and clears it before the count', async () => {
		let input = '';
		for (let index = 0; index < 2500; index++) {
			input += `${JSON.stringify({id: `p${index}`, at: '2026-11-20T10:00:00Z', action: 'call'})}\n`;
		}
		const result = await runCsr(['log', 'import', '-'], setup({tty: true, stdin: input}));
		expect(result.exitCode).toBe(0);
		expect(result.stderr).toBe(
			'\rimported 1000 rows (1 batch)…\rimported 2000 rows (2 batches)…\rimported 2500 rows (3 batches)…\r\u001B[K',
		);
		expect(result.stdout).toBe('imported 2500, already present 0\n');
	});

	it('exits 2 for a file that is not there', async () => {
		const result = await runCsr(['log', 'import', '/nonexistent/records.ndjson'], setup());
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toBe('csr: cannot read /nonexistent/records.ndjson: no such file\n');
	});
});

describe('csr log purge', () => {
	it('refuses without a terminal and without --yes, touching nothing', async () => {
		const context = setup();
		await seed(context);
		const result = await runCsr(['log', 'purge', '--customer', 'ann@example.com'], context);
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toBe(
			'csr: refusing to erase the records of ann@example.com without confirmation\nThere is no terminal to ask on: add --yes.\n',
		);
		expect(await json(context, ['log', 'list'])).toHaveLength(3);
	});

	it('erases with --yes, matching the email in any case, and reports the count', async () => {
		const context = setup();
		await seed(context);
		await runCsr(['followup', 'add', '8', '--in', '1d'], context);
		const result = await runCsr(['log', 'purge', '--customer', 'ANN@example.COM', '--yes'], context);
		expect(result).toEqual({exitCode: 0, stdout: 'erased 2 records and 1 follow-up of ANN@example.COM\n', stderr: ''});
		expect(summaries(await json(context, ['log', 'list']))).toEqual(['first']);
		expect(await json(context, ['followup', 'list', '--all'])).toEqual([]);
	});

	it('asks on a terminal and erases nothing when the answer is no', async () => {
		const declined = setup({tty: true, confirmAnswer: false});
		await seed(declined);
		const no = await runCsr(['log', 'purge', '--customer', 'ann@example.com'], declined);
		expect(no.exitCode).toBe(1);
		expect(no.stderr).toBe('csr: nothing was erased\n');
		expect(await json(declined, ['log', 'list'])).toHaveLength(3);
		const accepted = setup({tty: true, confirmAnswer: true, home: declined.home});
		const yes = await runCsr(['log', 'purge', '--customer', 'ann@example.com'], accepted);
		expect(yes.stdout).toBe('erased 2 records and 0 follow-ups of ann@example.com\n');
	});
});
