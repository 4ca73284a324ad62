import {afterEach, describe, expect, it} from 'vitest';
import {createSandbox} from '../support/e2e.js';

let box: ReturnType<typeof createSandbox>;
afterEach(() => box.cleanup());

type Message = {text: string; public: boolean};
type Thread = {ticket: {id: string; status: string}; messages: Message[]};

async function thread(id: string): Promise<Thread> {
	const shown = await box.csr(['show', id, '--json']);
	expect(shown.exitCode, shown.stderr).toBe(0);
	return JSON.parse(shown.stdout) as Thread;
}

async function twoOpenTickets(): Promise<[string, string]> {
	const listed = await box.csr(['queue', '--status', 'open', '--limit', '2', '--json']);
	expect(listed.exitCode, listed.stderr).toBe(0);
	const ids = (JSON.parse(listed.stdout) as {id: string}[]).map((ticket) => ticket.id);
	return [ids[0] ?? '', ids[1] ?? ''];
}

describe('csr merge on the demo desk (built bin)', () => {
	it('--dry-run changes nothing; --yes leaves A closed with a link to B; the same command again merges nothing', async () => {
		box = createSandbox();
		const [a, b] = await twoOpenTickets();
		const before = await thread(a);

		const dry = await box.csr(['merge', a, '--into', b, '--dry-run']);
		expect(dry.exitCode, dry.stderr).toBe(0);
		expect(dry.stdout).toContain(`Merge into #${b}`);
		expect(dry.stderr).toContain('dry run: nothing merged');
		expect(await thread(a)).toEqual(before);

		const refused = await box.csr(['merge', a, '--into', b]);
		expect(refused.exitCode).toBe(2);
		expect(refused.stderr).toContain('refusing to merge without --yes');

		const merged = await box.csr(['merge', a, '--into', b, '--yes', '--comment', 'Same order, one thread']);
		expect(merged.exitCode, merged.stderr).toBe(0);
		expect(merged.stdout).toContain(`merged #${a} into #${b}`);
		const source = await thread(a);
		expect(source.ticket.status).toBe('closed');
		expect(source.messages.at(-1)).toMatchObject({
			public: false,
			text: expect.stringContaining(`Merged into ticket #${b}`),
		});
		const target = await thread(b);
		expect(target.ticket.status).not.toBe('closed');
		const notes = target.messages.filter((message) => message.text.includes(`#${a} merged into this ticket`));
		expect(notes).toHaveLength(1);
		expect(notes[0]?.text).toContain('Same order, one thread');

		const again = await box.csr(['merge', a, '--into', b, '--yes', '--comment', 'Same order, one thread', '--json']);
		expect(again.exitCode, again.stderr).toBe(0);
		expect(JSON.parse(again.stdout)).toMatchObject({result: 'skipped', targetId: b, sourceIds: [a]});
		expect((await thread(b)).messages.filter((message) => message.text.includes(`#${a} merged`))).toHaveLength(1);

		const records = await box.csr(['log', 'list', '--json']);
		const merges = (JSON.parse(records.stdout) as {action: string; ticketId: string; summary: string}[]).filter(
			(record) => record.action === 'merge',
		);
		expect(merges).toEqual([
			expect.objectContaining({ticketId: a, summary: `merged into #${b}: Same order, one thread`}),
		]);
	});
});

describe('csr forward on the demo desk (built bin)', () => {
	it('records an internal note naming who it went to, once; --dry-run shows the text and sends nothing', async () => {
		box = createSandbox();
		const [id] = await twoOpenTickets();
		const dry = await box.csr(['forward', id, '--to', 'claims@carrier.example', '--last', '--dry-run']);
		expect(dry.exitCode, dry.stderr).toBe(0);
		expect(dry.stdout).toContain('---------- Forwarded message ----------');
		const before = await thread(id);

		// The note is the agent's text: a typo in a placeholder stops it (exit 2) with nothing sent; --raw sends as typed.
		const typo = await box.csr([
			'forward',
			id,
			'--to',
			'claims@carrier.example',
			'--note',
			'For {{ ticket.requester.firstname }}',
		]);
		expect(typo.exitCode).toBe(2);
		expect(typo.stderr).toContain('--note uses undefined variable ticket.requester.firstname');
		expect(await thread(id)).toEqual(before);
		const raw = await box.csr([
			'forward',
			id,
			'--to',
			'x@carrier.example',
			'--note',
			'{{ as typed }}',
			'--raw',
			'--dry-run',
		]);
		expect(raw.stdout).toContain('{{ as typed }}');

		const args = [
			'forward',
			id,
			'--to',
			'claims@carrier.example',
			'--to',
			'stock@warehouse.example',
			'--note',
			'Parcel damaged',
		];
		const sent = await box.csr(args);
		expect(sent.exitCode, sent.stderr).toBe(0);
		expect(sent.stdout).toContain('to claims@carrier.example, stock@warehouse.example; noted on the ticket');
		const after = await thread(id);
		const fresh = after.messages.slice(before.messages.length);
		expect(fresh).toEqual([
			expect.objectContaining({
				public: false,
				text: 'Forwarded to claims@carrier.example, stock@warehouse.example.\n\nParcel damaged',
			}),
		]);

		const again = await box.csr(args);
		expect(again.exitCode, again.stderr).toBe(0);
		expect(again.stdout).toContain('already forwarded');
		expect((await thread(id)).messages).toHaveLength(after.messages.length);
	});
});
