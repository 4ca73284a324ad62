import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {createSandbox} from '../support/e2e.js';

let box: ReturnType<typeof createSandbox>;
afterEach(() => box.cleanup());

type Row = {id: string; subject: string; status: string; requester: {email: string | null; name: string}};

async function ticketsOf(email: string): Promise<Row[]> {
	const listed = await box.csr([
		'queue',
		'--requester',
		email,
		'--status',
		'new,open,pending,on-hold,solved,closed',
		'--all',
		'--json',
	]);
	expect(listed.exitCode, listed.stderr).toBe(0);
	return JSON.parse(listed.stdout) as Row[];
}

describe('csr new on the demo desk', () => {
	it('refuses a template that comes with files, before opening any ticket, instead of dropping them', async () => {
		box = createSandbox();
		const templates = join(box.home, 'config', 'templates');
		mkdirSync(templates, {recursive: true});
		writeFileSync(join(templates, 'return-label.pdf'), '%PDF-1.4 label');
		writeFileSync(
			join(templates, 'send-label.md'),
			'---\ntitle: Send the return label\nattachments: [return-label.pdf]\n---\nHi, your label is attached.\n',
		);
		const result = await box.csr([
			'new',
			'--to',
			'label@example.com',
			'--subject',
			'Your label',
			'--template',
			'send-label',
		]);
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toContain('template send-label comes with 1 file (return-label.pdf)');
		expect(result.stderr).toContain('csr reply ID --template send-label');
		const listed = await box.csr(['queue', '--requester', 'label@example.com', '--ids']);
		expect(listed.stdout.trim()).toBe('');
	});

	it('opens one ticket that csr queue --requester lists; the same command again opens none', async () => {
		box = createSandbox();
		const created = await box.csr([
			'new',
			'--to',
			'ann@example.com',
			'--subject',
			'Your order',
			'--body',
			'Hi',
			'--json',
		]);
		expect(created.exitCode, created.stderr).toBe(0);
		const [result] = JSON.parse(created.stdout) as {ticketId: string; result: string}[];
		expect(result?.result).toBe('sent');
		const tickets = await ticketsOf('ann@example.com');
		expect(tickets.map((ticket) => ticket.id)).toEqual([result?.ticketId]);
		expect(tickets[0]?.subject).toBe('Your order');

		const thread = await box.csr(['show', result?.ticketId ?? '', '--json']);
		expect(thread.stdout).toContain('"Hi"');

		const again = await box.csr([
			'new',
			'--to',
			'ann@example.com',
			'--subject',
			'Your order',
			'--body',
			'Hi',
			'--json',
		]);
		expect(again.exitCode).toBe(0);
		expect((JSON.parse(again.stdout) as {result: string}[])[0]?.result).toBe('skipped');
		expect(await ticketsOf('ann@example.com')).toHaveLength(1);

		const log = JSON.parse((await box.csr(['log', 'list', '--json'])).stdout) as {ticketId: string; action: string}[];
		expect(log.filter((record) => record.action === 'create').map((record) => record.ticketId)).toEqual([
			result?.ticketId,
		]);
	});

	it('refuses a usage error before anything is created (no subject, bad email)', async () => {
		box = createSandbox();
		const noSubject = await box.csr(['new', '--to', 'ann@example.com', '--body', 'Hi']);
		expect(noSubject.exitCode).toBe(2);
		expect(noSubject.stderr).toContain('--subject');
		const badEmail = await box.csr(['new', '--to', '-', '--subject', 'S', '--body', 'Hi', '--yes'], {
			stdin: 'bob@example.com\nnot-an-email\n',
		});
		expect(badEmail.exitCode).toBe(2);
		expect(badEmail.stderr).toContain('not-an-email');
		expect(await ticketsOf('bob@example.com')).toHaveLength(0);
	});

	it('renders a template per row of --var-file and names the requester', async () => {
		box = createSandbox();
		const dir = box.env['CSR_DATA_DIR'] ?? '';
		mkdirSync(dir, {recursive: true});
		const csv = join(dir, 'customers.csv');
		writeFileSync(csv, 'email,name,status_url\ncy@example.com,Cy Twombly,https://status.example/1\n');
		const created = await box.csr([
			'new',
			'--var-file',
			csv,
			'--subject',
			'Outage',
			'--template',
			'outage-notice',
			'--json',
		]);
		expect(created.exitCode, created.stderr).toBe(0);
		const [result] = JSON.parse(created.stdout) as {ticketId: string}[];
		const thread = await box.csr(['show', result?.ticketId ?? '', '--json']);
		expect(thread.stdout).toContain('Hi Cy');
		expect(thread.stdout).toContain('https://status.example/1');
		const [ticket] = await ticketsOf('cy@example.com');
		expect(ticket?.status).toBe('on-hold');
	});

	it('after SIGKILL in the middle of 50 piped recipients, a re-run gives exactly 50 tickets', async () => {
		box = createSandbox({CSR_DEMO_LATENCY_MS: '20'});
		const emails = Array.from({length: 50}, (_, index) => `bulk${index}@example.com`);
		const args = [
			'new',
			'--to',
			'-',
			'--subject',
			'Outage',
			'--template',
			'outage-notice',
			'--yes',
			'--format',
			'ndjson',
		];
		expect(await box.killMidRun(args, {stdin: `${emails.join('\n')}\n`, afterLines: 10})).toBe('SIGKILL');
		const rerun = await box.csr(
			['new', '--to', '-', '--subject', 'Outage', '--template', 'outage-notice', '--yes', '--json'],
			{
				stdin: `${emails.join('\n')}\n`,
				env: {CSR_DEMO_LATENCY_MS: '0'},
			},
		);
		expect(rerun.exitCode, rerun.stderr).toBe(0);
		expect(rerun.stderr).toContain('continuing run');
		const results = JSON.parse(rerun.stdout) as {result: string}[];
		expect(results).toHaveLength(50);
		expect(results.filter((row) => row.result === 'skipped').length).toBeGreaterThanOrEqual(10);
		const listed = await box.csr(['queue', '--search', 'Outage', '--status', 'on-hold', '--all', '--json']);
		const perRequester = new Map<string, number>();
		for (const ticket of JSON.parse(listed.stdout) as Row[])
			if (ticket.subject === 'Outage' && ticket.requester.email?.startsWith('bulk'))
				perRequester.set(ticket.requester.email, (perRequester.get(ticket.requester.email) ?? 0) + 1);
		expect([...perRequester.keys()].sort()).toEqual([...emails].sort());
		expect([...perRequester.values()].every((count) => count === 1)).toBe(true);
	}, 120_000);
});
