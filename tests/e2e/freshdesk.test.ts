import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Ticket} from '../../src/domain/ticket.js';
import {compareByUrgency} from '../../src/domain/urgency.js';
import {createSandbox} from '../support/e2e.js';
import {type FakeFreshdesk, startFakeFreshdesk} from '../support/fake-freshdesk.js';
import {createVirtualClock} from '../support/fake-server.js';

// The built bin against the fake Freshdesk: a new user adds a Freshdesk profile and works the queue as on the demo
// desk. Needs `npm run build` first (npm test does it).

const apiKey = 'e2e-freshdesk-key-0123';
let fake: FakeFreshdesk;
let box: ReturnType<typeof createSandbox>;

beforeAll(async () => {
	// The fake's own clock starts now, so "the last 30 days" of its lists means what it says.
	fake = await startFakeFreshdesk({clock: createVirtualClock(Date.now()), apiKey, tickets: 40});
	box = createSandbox();
	const added = await box.csr(
		['profile', 'add', 'fd', '--provider', 'freshdesk', '--url', fake.url, '--token-stdin', '--use'],
		{
			stdin: apiKey,
		},
	);
	expect(added.exitCode, added.stderr).toBe(0);
});

afterAll(async () => {
	box.cleanup();
	await fake.close();
});

const writes = () =>
	fake.requests.filter((request) => request.method !== 'GET').map((request) => `${request.method} ${request.pathname}`);

describe('csr on a Freshdesk profile (built bin, fake Freshdesk)', () => {
	it('signs in with the stored API key', async () => {
		const result = await box.csr(['profile', 'test']);
		expect(result.exitCode, result.stderr).toBe(0);
		expect(result.stdout).toContain('signed in as Rachel');
	});

	it('lists the queue: open and pending tickets, most urgent first, as JSON and as ids', async () => {
		const json = await box.csr(['queue', '--json']);
		expect(json.exitCode, json.stderr).toBe(0);
		const tickets = JSON.parse(json.stdout) as Ticket[];
		expect(tickets.map((ticket) => ticket.id)).toEqual([...tickets].sort(compareByUrgency).map((ticket) => ticket.id));
		const expected = [...fake.tickets.values()].filter((ticket) => ticket.status === 2 || ticket.status === 3);
		expect(tickets).toHaveLength(expected.length);
		expect(new Set(tickets.map((ticket) => ticket.status))).toEqual(new Set(['open', 'pending']));
		expect(tickets.every((ticket) => ticket.requester.name !== '')).toBe(true);
		const search = fake.requests.find((request) => request.pathname === '/api/v2/search/tickets');
		expect(search?.query.get('query')).toBe('"(status:2 OR status:3)"');
		const ids = await box.csr(['queue', '--status', 'pending', '--ids']);
		expect(ids.exitCode).toBe(0);
		const pending = [...fake.tickets.values()]
			.filter((ticket) => ticket.status === 3)
			.map((ticket) => String(ticket.id));
		expect(ids.stdout.trim().split('\n').sort()).toEqual(pending.sort());
	});

	it('shows a ticket: header, customer, and the thread from the description on', async () => {
		const json = await box.csr(['show', '1', '--json']);
		expect(json.exitCode, json.stderr).toBe(0);
		const shown = JSON.parse(json.stdout) as {
			ticket: {subject: string};
			customer: {name: string; organization: {name: string} | null};
			messages: {text: string; public: boolean; author: {role: string}}[];
		};
		expect(shown.ticket.subject).toBe('This is a sample ticket');
		expect(shown.customer).toMatchObject({name: 'Dummyname', organization: {name: 'Acme Ltd'}});
		expect(shown.messages[0]?.text).toBe('This is a sample ticket, feel free to delete it.');
		expect(shown.messages.some((message) => !message.public)).toBe(true);
		const text = await box.csr(['show', '1']);
		expect(text.exitCode).toBe(0);
		expect(text.stdout).toContain('This is a sample ticket');
		expect(text.stdout).toContain('Checked with the warehouse.');
	});

	it('replies and notes through the right endpoints, once', async () => {
		const reply = await box.csr(['reply', '2', '--body', 'Your parcel left the warehouse today.', '--json']);
		expect(reply.exitCode, reply.stderr).toBe(0);
		const [result] = JSON.parse(reply.stdout) as {ticketId: string; result: string; messageId?: string}[];
		expect(result).toMatchObject({ticketId: '2', result: 'sent'});
		const note = await box.csr(['reply', '2', '--internal', '--body', 'Called the carrier.', '--json']);
		expect(note.exitCode, note.stderr).toBe(0);
		expect(writes()).toEqual(['POST /api/v2/tickets/2/reply', 'POST /api/v2/tickets/2/notes']);
		const thread = fake.conversations.get(2) ?? [];
		expect(thread.find((conversation) => conversation.body_text.includes('parcel left'))).toMatchObject({
			private: false,
			id: Number(result?.messageId),
		});
		expect(thread.find((conversation) => conversation.body_text.includes('carrier'))?.private).toBe(true);
		const again = await box.csr(['reply', '2', '--body', 'Your parcel left the warehouse today.', '--json']);
		expect(JSON.parse(again.stdout)[0]).toMatchObject({result: 'skipped'});
		expect(writes()).toHaveLength(2);
	});

	it('sends a bulk reply with a status change: replies per ticket, one bulk_update job', async () => {
		const before = writes().length;
		const result = await box.csr(['reply', '-', '--body', 'We are on it.', '--status', 'pending', '--yes', '--json'], {
			stdin: '4\n8\n',
		});
		expect(result.exitCode, result.stderr).toBe(0);
		expect((JSON.parse(result.stdout) as {result: string}[]).map((item) => item.result)).toEqual(['sent', 'sent']);
		expect(writes().slice(before).sort()).toEqual(
			['POST /api/v2/tickets/4/reply', 'POST /api/v2/tickets/8/reply', 'POST /api/v2/tickets/bulk_update'].sort(),
		);
		expect(fake.tickets.get(4)?.status).toBe(3);
		expect(fake.tickets.get(8)?.status).toBe(3);
	});

	it('changes status and tags; tags are merged, never dropped', async () => {
		const status = await box.csr(['status', '6', 'solved']);
		expect(status.exitCode, status.stderr).toBe(0);
		expect(fake.tickets.get(6)?.status).toBe(4);
		const tag = await box.csr(['tag', '10', '+e2e', '-refund']);
		expect(tag.exitCode, tag.stderr).toBe(0);
		expect(fake.tickets.get(10)?.tags).toEqual(['billing', 'e2e']);
	});

	it('syncs KPI facts and ratings, then reports CSAT on Freshdesk’s scale', async () => {
		const sync = await box.csr(['sync']);
		expect(sync.exitCode, sync.stderr).toBe(0);
		const stats = await box.csr(['stats', '--json']);
		expect(stats.exitCode, stats.stderr).toBe(0);
		const report = JSON.parse(stats.stdout) as {tickets: {created: number}; csat: {good: number; bad: number}};
		expect(report.tickets.created).toBe(fake.tickets.size);
		// The fake's ratings are 103, -103, 100, 101, 103: above 100 is good, neutral counts as bad.
		expect(report.csat).toMatchObject({good: 3, bad: 2});
	});

	it('exits 4 on a wrong key and never prints it', async () => {
		const result = await box.csr(['queue'], {env: {CSR_TOKEN: 'wrong-key-987654'}});
		expect(result.exitCode).toBe(4);
		expect(result.stderr).toContain('401');
		expect(result.stderr + result.stdout).not.toContain('wrong-key-987654');
		const verbose = await box.csr(['queue', '--verbose'], {env: {CSR_TOKEN: 'wrong-key-987654'}});
		expect(verbose.stderr).toContain('http:');
		expect(verbose.stderr).not.toContain('wrong-key-987654');
		expect(verbose.stderr).not.toContain(Buffer.from('wrong-key-987654:X').toString('base64'));
	});
});
