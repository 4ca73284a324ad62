import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
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
	it('opens a ticket with the files of --template send-label that csr show --save-attachments gives back identically', async () => {
		box = createSandbox();
		const templates = join(box.home, 'config', 'templates');
		mkdirSync(templates, {recursive: true});
		// Every byte value: a file mangled as text on the way would not come back identical.
		const label = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({length: 256}, (_, i) => i))]);
		writeFileSync(join(templates, 'return-label.pdf'), label);
		const photo = join(box.home, 'parcel.png');
		writeFileSync(photo, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
		writeFileSync(
			join(templates, 'send-label.md'),
			'---\ntitle: Send the return label\nattachments: [return-label.pdf]\n---\nHi, your label is attached.\n',
		);
		const args = ['new', '--to', 'label@example.com', '--subject', 'Your label', '--template', 'send-label'];
		const planned = await box.csr([...args, '--attach', photo, '--dry-run', '--json']);
		expect(planned.exitCode, planned.stderr).toBe(0);
		expect((JSON.parse(planned.stdout) as {attachments: unknown}[])[0]?.attachments).toEqual([
			{fileName: 'return-label.pdf', contentType: 'application/pdf', size: label.length},
			{fileName: 'parcel.png', contentType: 'image/png', size: 11},
		]);
		expect(await ticketsOf('label@example.com')).toEqual([]);

		const created = await box.csr([...args, '--attach', photo, '--json']);
		expect(created.exitCode, created.stderr).toBe(0);
		const [result] = JSON.parse(created.stdout) as {ticketId: string; result: string; attachments: unknown}[];
		expect(result?.result).toBe('sent');
		expect(result?.attachments).toEqual([
			{fileName: 'return-label.pdf', contentType: 'application/pdf', size: label.length},
			{fileName: 'parcel.png', contentType: 'image/png', size: 11},
		]);
		const id = result?.ticketId ?? '';
		const again = await box.csr([...args, '--attach', photo]);
		expect(again.exitCode, again.stderr).toBe(0);
		expect((await ticketsOf('label@example.com')).map((ticket) => ticket.id)).toEqual([id]);

		const dir = join(box.home, 'saved');
		const saved = await box.csr(['show', id, '--save-attachments', dir]);
		expect(saved.exitCode, saved.stderr).toBe(0);
		expect(readFileSync(join(dir, 'return-label.pdf')).equals(label)).toBe(true);
		expect(readFileSync(join(dir, 'parcel.png')).equals(readFileSync(photo))).toBe(true);
	});

	it('refuses a file over the desk limit before opening any ticket (exit 2)', async () => {
		box = createSandbox();
		const big = join(box.home, 'big.zip');
		writeFileSync(big, Buffer.alloc(6 * 1024 * 1024, 1));
		const refused = await box.csr([
			'new',
			'--to',
			'big@example.com',
			'--subject',
			'S',
			'--body',
			'Hi',
			'--attach',
			big,
		]);
		expect(refused.exitCode).toBe(2);
		expect(refused.stderr).toContain('big.zip is 6.0 MB');
		expect(refused.stderr).toContain('Nothing was sent');
		expect(await ticketsOf('big@example.com')).toEqual([]);
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

	it('fills --body placeholders per row of --var-file, never evaluates the rows, and sends --raw as typed', async () => {
		box = createSandbox();
		const dir = box.env['CSR_DATA_DIR'] ?? '';
		mkdirSync(dir, {recursive: true});
		const csv = join(dir, 'orders.csv');
		writeFileSync(csv, 'email,first_name,order\nann@example.com,Ann,1001\nbo@example.com,{{ 7 | times: 7 }},1002\n');
		const body = 'Hi {{ vars.first_name }}, order {{ vars.order }} ships today. {{ agent.name }}';
		const args = ['new', '--var-file', csv, '--subject', 'Your order', '--dry-run', '--json'];
		const planned = await box.csr([...args, '--body', body]);
		expect(planned.exitCode, planned.stderr).toBe(0);
		const bodies = (JSON.parse(planned.stdout) as {body: string}[]).map((item) => item.body);
		expect(bodies).toEqual([
			'Hi Ann, order 1001 ships today. Demo Agent',
			// A customer's row is data: its Liquid is shown, not run.
			'Hi {{ 7 | times: 7 }}, order 1002 ships today. Demo Agent',
		]);
		const raw = await box.csr([...args, '--body', body, '--raw']);
		expect((JSON.parse(raw.stdout) as {body: string}[])[0]?.body).toBe(body);
		const typo = await box.csr([...args, '--body', 'Hi {{ vars.firstname }}']);
		expect(typo.exitCode).toBe(2);
		expect(typo.stderr).toContain('--body needs variable firstname (line 1) for ann@example.com');
		expect(typo.stderr).toContain('Give it a firstname column in --var-file');
		expect(typo.stderr).toContain('--raw');
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
