import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {samplePdf, samplePng} from '../../src/providers/demo/sample-files.js';
import {createSandbox} from '../support/e2e.js';

let box: ReturnType<typeof createSandbox>;
afterEach(() => box.cleanup());

type Thread = {messages: {id: string; text: string; public: boolean; attachments: {name: string; size: number}[]}[]};

async function threadOf(id: string): Promise<Thread> {
	const shown = await box.csr(['show', id, '--json']);
	expect(shown.exitCode, shown.stderr).toBe(0);
	return JSON.parse(shown.stdout) as Thread;
}

/** A fresh ticket (csr new), so the thread holds only what the test sends. */
async function openTicket(): Promise<string> {
	const created = await box.csr([
		'new',
		'--to',
		'ann@example.com',
		'--subject',
		'Damaged',
		'--body',
		'Hi Ann',
		'--json',
	]);
	expect(created.exitCode, created.stderr).toBe(0);
	return (JSON.parse(created.stdout) as {ticketId: string}[])[0]?.ticketId ?? '';
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('csr forward --attach on the demo desk (built bin)', () => {
	it('sends the files with the forward once; show --save-attachments gives back the same bytes; a re-run sends nothing', async () => {
		box = createSandbox();
		const id = await openTicket();
		const files = join(box.home, 'files');
		mkdirSync(files);
		writeFileSync(join(files, 'invoice.pdf'), samplePdf('Invoice 1001'));
		writeFileSync(join(files, 'damage.png'), samplePng());
		const args = [
			'forward',
			id,
			'--to',
			'claims@carrier.example',
			'--note',
			'Parcel arrived damaged',
			'--attach',
			join(files, 'invoice.pdf'),
			'--attach',
			join(files, 'damage.png'),
		];

		const dry = await box.csr([...args, '--dry-run']);
		expect(dry.exitCode, dry.stderr).toBe(0);
		expect(dry.stdout).toMatch(/📎 invoice\.pdf \(.+, application\/pdf\)/);
		expect(dry.stdout).toMatch(/📎 damage\.png \(.+, image\/png\)/);
		const before = await threadOf(id);

		const sent = await box.csr([...args, '--json']);
		expect(sent.exitCode, sent.stderr).toBe(0);
		expect(JSON.parse(sent.stdout)).toMatchObject({
			result: 'forwarded',
			to: ['claims@carrier.example'],
			attachments: ['invoice.pdf', 'damage.png'],
		});
		const after = await threadOf(id);
		const fresh = after.messages.slice(before.messages.length);
		expect(fresh).toHaveLength(1);
		expect(fresh[0]).toMatchObject({
			public: false,
			text: expect.stringContaining('Forwarded to claims@carrier.example'),
		});
		expect(fresh[0]?.attachments.map((file) => file.name)).toEqual(['invoice.pdf', 'damage.png']);

		const out = join(box.home, 'saved');
		const saved = await box.csr(['show', id, '--save-attachments', out, '--json']);
		expect(saved.exitCode, saved.stderr).toBe(0);
		for (const name of ['invoice.pdf', 'damage.png'])
			expect(sha(readFileSync(join(out, name)))).toBe(sha(readFileSync(join(files, name))));

		const again = await box.csr(args);
		expect(again.exitCode, again.stderr).toBe(0);
		expect(again.stdout).toContain('already forwarded');
		expect((await threadOf(id)).messages).toHaveLength(after.messages.length);
	});

	it("refuses a file over the desk's limit, and a missing file, before anything is sent (exit 2)", async () => {
		box = createSandbox();
		const id = await openTicket();
		const big = join(box.home, 'video.mp4');
		writeFileSync(big, Buffer.alloc(6 * 1024 * 1024, 1));
		const before = await threadOf(id);

		const tooBig = await box.csr(['forward', id, '--to', 'claims@carrier.example', '--attach', big]);
		expect(tooBig.exitCode).toBe(2);
		expect(tooBig.stderr).toContain('video.mp4 is 6.0 MB; profile demo takes files up to 5.0 MB. Nothing was sent.');
		const missing = await box.csr([
			'forward',
			id,
			'--to',
			'claims@carrier.example',
			'--attach',
			join(box.home, 'nope.pdf'),
		]);
		expect(missing.exitCode).toBe(2);
		expect(missing.stderr).toContain('cannot read --attach');
		expect((await threadOf(id)).messages).toEqual(before.messages);
	});
});
