import {createHash} from 'node:crypto';
import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {DatabaseSync} from 'node:sqlite';
import {afterEach, describe, expect, it} from 'vitest';
import {samplePdf, samplePng} from '../../src/providers/demo/sample-files.js';
import {createSandbox} from '../support/e2e.js';

let box: ReturnType<typeof createSandbox>;
afterEach(() => box.cleanup());

type Thread = {messages: {id: string; text: string; attachments: {name: string; size: number}[]}[]};

/** A fresh ticket (csr new), so the thread holds only what the test sends. */
async function openTicket(): Promise<string> {
	const created = await box.csr([
		'new',
		'--to',
		'ann@example.com',
		'--subject',
		'Return',
		'--body',
		'Hi Ann',
		'--json',
	]);
	expect(created.exitCode, created.stderr).toBe(0);
	return (JSON.parse(created.stdout) as {ticketId: string}[])[0]?.ticketId ?? '';
}

async function threadOf(id: string): Promise<Thread> {
	const shown = await box.csr(['show', id, '--json']);
	expect(shown.exitCode, shown.stderr).toBe(0);
	return JSON.parse(shown.stdout) as Thread;
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('csr reply --attach and csr show --save-attachments on the demo desk', () => {
	it('gives back identical bytes; the same reply again sends nothing; an existing file needs --force', async () => {
		box = createSandbox();
		const id = await openTicket();
		const label = join(box.home, 'label.pdf');
		const bytes = samplePdf('Return label RMA-2231');
		writeFileSync(label, bytes);
		const args = [
			'reply',
			id,
			'--body',
			'Your return label is attached.',
			'--attach',
			label,
			'--cc',
			'warehouse@example.com',
		];
		const sent = await box.csr(args);
		expect(sent.exitCode, sent.stderr).toBe(0);
		expect(sent.stdout).toMatch(/sent/);
		const again = await box.csr(args);
		expect(again.exitCode, again.stderr).toBe(0);
		expect(again.stdout).toMatch(/skipped.*already sent/);
		const withLabel = (await threadOf(id)).messages.filter((message) =>
			message.attachments.some((attachment) => attachment.name === 'label.pdf'),
		);
		expect(withLabel).toHaveLength(1);
		// Another file is another message: the journal's key holds the files' hashes.
		const other = join(box.home, 'other', 'label.pdf');
		mkdirSync(join(box.home, 'other'));
		writeFileSync(other, samplePdf('Return label RMA-9999'));
		const otherFile = await box.csr([...args.slice(0, 5), other, ...args.slice(6)]);
		expect(otherFile.stdout, otherFile.stderr).toMatch(/^sent/m);

		const dir = join(box.home, 'saved');
		const saved = await box.csr(['show', id, '--save-attachments', dir, '--json']);
		expect(saved.exitCode, saved.stderr).toBe(0);
		const listing = JSON.parse(saved.stdout) as {saved: {name: string; path: string}[]};
		const path = listing.saved.find((file) => file.name === 'label.pdf')?.path ?? '';
		expect(path).toBe(join(dir, 'label.pdf'));
		expect(sha(readFileSync(path))).toBe(sha(bytes));
		// The second label.pdf gets a name of its own.
		expect(listing.saved.map((file) => file.path)).toContain(join(dir, 'label (2).pdf'));

		const clash = await box.csr(['show', id, '--save-attachments', dir]);
		expect(clash.exitCode).toBe(1);
		expect(clash.stderr).toContain('label.pdf already exists');
		expect(clash.stderr).toContain('--force');
		const forced = await box.csr(['show', id, '--save-attachments', dir, '--force']);
		expect(forced.exitCode, forced.stderr).toBe(0);
		expect(forced.stdout).toContain(`saved ${join(dir, 'label.pdf')}`);
	});

	it('saves hostile names safely: no path traversal, no escape or newline, no hidden files, no overwrite', async () => {
		box = createSandbox();
		const id = await openTicket();
		const photo = join(box.home, 'photo.png');
		writeFileSync(photo, samplePng());
		const sent = await box.csr(['reply', id, '--body', 'photos', '--attach', photo, '--attach', photo]);
		expect(sent.exitCode, sent.stderr).toBe(0);
		// The desk lists them under names a hostile sender chose.
		const db = new DatabaseSync(join(box.home, 'data', 'demo.db'));
		const row = db
			.prepare('SELECT id, attachments FROM messages WHERE ticket_id = ? ORDER BY id DESC LIMIT 1')
			.get(Number(id));
		const listed = JSON.parse(String(row?.['attachments'])) as {name: string}[];
		const hostile = ['../../etc/passwd', '.bashrc\u001b[31m\nname.png'];
		db.prepare('UPDATE messages SET attachments = ? WHERE id = ?').run(
			JSON.stringify(listed.map((attachment, index) => ({...attachment, name: hostile[index]}))),
			Number(row?.['id']),
		);
		db.close();
		const dir = join(box.home, 'out');
		mkdirSync(dir);
		const saved = await box.csr(['show', id, '--save-attachments', dir, '--json']);
		expect(saved.exitCode, saved.stderr).toBe(0);
		const names = readdirSync(dir).sort();
		// Separators become _, leading dots go, the escape sequence and the line break become _.
		expect(names).toEqual(['_.._etc_passwd', 'bashrc__name.png']);
		for (const name of names) {
			expect(name).not.toMatch(/[/\\\u0000-\u001f]/);
			expect(name.startsWith('.')).toBe(false);
		}
		expect(readdirSync(box.home)).not.toContain('etc');
	});

	it('refuses a file over the desk limit before anything is sent (exit 2), and a bad --cc (exit 2)', async () => {
		box = createSandbox();
		const id = await openTicket();
		const before = (await threadOf(id)).messages.length;
		const big = join(box.home, 'big.zip');
		writeFileSync(big, Buffer.alloc(6 * 1024 * 1024, 1));
		const refused = await box.csr(['reply', id, '--body', 'too big', '--attach', big]);
		expect(refused.exitCode).toBe(2);
		expect(refused.stderr).toContain(
			'big.zip is 6.0 MB; profile demo (demo) takes files up to 5.0 MB. Nothing was sent.',
		);
		const badCc = await box.csr(['reply', id, '--body', 'x', '--cc', 'not-an-email']);
		expect(badCc.exitCode).toBe(2);
		expect(badCc.stderr).toContain('invalid --cc "not-an-email"');
		const missing = await box.csr(['reply', id, '--body', 'x', '--attach', join(box.home, 'nope.pdf')]);
		expect(missing.exitCode).toBe(2);
		expect(missing.stderr).toContain('ENOENT');
		expect((await threadOf(id)).messages.length).toBe(before);
	});

	it('a queued reply keeps its file: a changed file is not sent; the original goes out once', async () => {
		box = createSandbox();
		const id = await openTicket();
		const label = join(box.home, 'label.pdf');
		const bytes = samplePdf('Label for the outbox');
		writeFileSync(label, bytes);
		expect((await box.csr(['demo', 'outage', 'on'])).exitCode).toBe(0);
		const queued = await box.csr(['reply', id, '--body', 'Label attached', '--attach', label]);
		expect(queued.exitCode).toBe(75);
		expect((await box.csr(['demo', 'outage', 'off'])).exitCode).toBe(0);
		writeFileSync(label, samplePdf('Another label'));
		const changed = await box.csr(['outbox', 'retry']);
		expect(changed.exitCode).not.toBe(0);
		expect(changed.stdout + changed.stderr).toContain('changed since the message was planned');
		expect((await threadOf(id)).messages.some((message) => message.text.includes('Label attached'))).toBe(false);
		writeFileSync(label, bytes);
		const retried = await box.csr(['outbox', 'retry']);
		expect(retried.exitCode, retried.stderr).toBe(0);
		const withLabel = (await threadOf(id)).messages.filter((message) => message.text.includes('Label attached'));
		expect(withLabel.map((message) => message.attachments.map((attachment) => attachment.size))).toEqual([
			[bytes.length],
		]);
	});

	it('sends the files a template keeps beside it (front matter attachments)', async () => {
		box = createSandbox();
		const id = await openTicket();
		const templates = join(box.home, 'config', 'templates');
		mkdirSync(templates, {recursive: true});
		writeFileSync(join(templates, 'return-label.pdf'), samplePdf('Prepaid return label'));
		writeFileSync(
			join(templates, 'send-label.md'),
			'---\ntitle: Send the return label\nattachments: [return-label.pdf]\n---\nHi {{ ticket.requester.first_name }}, your label is attached.\n',
		);
		const sent = await box.csr(['reply', id, '--template', 'send-label']);
		expect(sent.exitCode, sent.stderr).toBe(0);
		const last = (await threadOf(id)).messages.at(-1);
		expect(last?.text).toContain('your label is attached');
		expect(last?.attachments.map((attachment) => attachment.name)).toEqual(['return-label.pdf']);
	});
});
