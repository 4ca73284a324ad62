import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Ticket} from '../../src/domain/ticket.js';
import {createSandbox} from '../support/e2e.js';
import {createVirtualClock} from '../support/fake-server.js';
import {type FakeZammad, startFakeZammad} from '../support/fake-zammad.js';

// The built bin against the fake Zammad: a new user adds a Zammad profile, works the queue, sends a 100-ticket bulk
// reply that is killed (SIGKILL) in the middle and hit by dropped connections, re-runs it, and reads the KPIs.
// Needs `npm run build` first (npm test does it).

const token = 'e2e-zammad-token-4242';
let fake: FakeZammad;
let box: ReturnType<typeof createSandbox>;

beforeAll(async () => {
	fake = await startFakeZammad({
		clock: createVirtualClock(Date.now()),
		token,
		tickets: 130,
		// Ticket 1..110 open or new, the rest closed: a bulk run over the 100 first.
		stateFor: (id) => (id > 110 ? 4 : id % 5 === 0 ? 1 : 2),
		writeDelayMs: 4,
	});
	box = createSandbox();
	const added = await box.csr(['profile', 'add', 'z', '--provider', 'zammad', '--url', fake.url, '--use']);
	expect(added.exitCode, added.stderr).toBe(0);
	expect(added.stderr).toContain('CSR_TOKEN_Z');
});

afterAll(async () => {
	box.cleanup();
	await fake.close();
});

const env = () => ({CSR_TOKEN_Z: token});
const writes = () =>
	fake.requests.filter((request) => request.method !== 'GET').map((request) => `${request.method} ${request.pathname}`);

describe('csr on a Zammad profile (built bin, fake Zammad)', () => {
	it('signs in with the token as `Token token=…`', async () => {
		const result = await box.csr(['profile', 'test'], {env: env()});
		expect(result.exitCode, result.stderr).toBe(0);
		expect(result.stdout).toContain('signed in as Christopher Miller <chris@chrispresso.com>');
		expect(fake.requests.at(-1)?.headers.authorization).toBe(`Token token=${token}`);
	});

	it('lists the queue by state type, with names for customers, owners and groups', async () => {
		const json = await box.csr(['queue', '--json', '--limit', '200'], {env: env()});
		expect(json.exitCode, json.stderr).toBe(0);
		const tickets = JSON.parse(json.stdout) as Ticket[];
		expect(tickets).toHaveLength(110);
		expect(new Set(tickets.map((ticket) => ticket.status))).toEqual(new Set(['new', 'open']));
		const first = tickets.find((ticket) => ticket.id === '1');
		expect(first).toMatchObject({
			subject: 'Order 787556',
			requester: {name: 'David Bell', email: 'david@example.com'},
			assignee: {name: 'Christopher Miller'},
			tags: ['billing', 'vip'],
		});
		const search = fake.requests.find((request) => request.pathname === '/api/v1/tickets/search');
		expect(search?.query.get('query')).toBe('state.name:(new OR open OR "pending close")');
		const mine = await box.csr(['queue', '--view', 'my_assigned', '--ids', '--limit', '200'], {env: env()});
		expect(mine.exitCode, mine.stderr).toBe(0);
		const expected = [...fake.tickets.values()]
			.filter((ticket) => ticket.owner_id === fake.me.id && ticket.id <= 110)
			.map((ticket) => String(ticket.id));
		expect(mine.stdout.trim().split('\n').sort()).toEqual(expected.sort());
		const unknown = await box.csr(['queue', '--view', 'nope'], {env: env()});
		expect(unknown.exitCode).toBe(2);
		expect(unknown.stderr).toContain('my_assigned');
	});

	it('shows the thread: HTML as text, notes internal, attachments listed, customer text sanitised', async () => {
		const json = await box.csr(['show', '1', '--json'], {env: env()});
		expect(json.exitCode, json.stderr).toBe(0);
		const shown = JSON.parse(json.stdout) as {
			customer: {name: string; organization: {name: string} | null};
			messages: {text: string; public: boolean; author: {role: string}; attachments: {name: string}[]}[];
		};
		expect(shown.customer).toMatchObject({name: 'David Bell', organization: {name: 'Bell Logistics'}});
		expect(shown.messages[0]?.text).toContain('1 x Café Kopi susu');
		expect(shown.messages[0]?.text).not.toContain('<br>');
		expect(shown.messages[0]?.attachments.map((attachment) => attachment.name)).toEqual(['receipt.pdf']);
		expect(shown.messages.map((message) => [message.author.role, message.public])).toEqual([
			['customer', true],
			['agent', true],
			['agent', false],
		]);
		// Ticket 4's customer has escape sequences in her name.
		const hostile = await box.csr(['show', '4'], {env: env()});
		expect(hostile.exitCode, hostile.stderr).toBe(0);
		expect(hostile.stdout).toContain('Mallory');
		expect(hostile.stdout).toContain('invoice');
		expect(hostile.stdout).toMatch(/Question \d.* about my order/);
		expect(hostile.stdout).not.toMatch(/[\u001b\u0007]/);
	});

	it('replies (email article to the customer) and notes (internal note article), once each', async () => {
		const before = writes().length;
		const reply = await box.csr(['reply', '2', '--body', 'Your parcel left the warehouse today.', '--json'], {
			env: env(),
		});
		expect(reply.exitCode, reply.stderr).toBe(0);
		const [result] = JSON.parse(reply.stdout) as {result: string; messageId?: string}[];
		expect(result?.result).toBe('sent');
		const note = await box.csr(['reply', '2', '--internal', '--body', 'Called the carrier.', '--json'], {env: env()});
		expect(note.exitCode, note.stderr).toBe(0);
		expect(writes().slice(before)).toEqual(['POST /api/v1/ticket_articles', 'POST /api/v1/ticket_articles']);
		const thread = fake.articles.get(2) ?? [];
		expect(thread.find((article) => article.body.includes('parcel left'))).toMatchObject({
			id: Number(result?.messageId),
			internal: false,
			type: 'email',
			to: 'anna@example.com',
		});
		expect(thread.find((article) => article.body.includes('carrier'))).toMatchObject({internal: true, type: 'note'});
		const again = await box.csr(['reply', '2', '--body', 'Your parcel left the warehouse today.', '--json'], {
			env: env(),
		});
		expect(JSON.parse(again.stdout)[0]).toMatchObject({result: 'skipped'});
	});

	it('changes state (pending with a pending time), owner, group and tags', async () => {
		expect((await box.csr(['status', '6', 'pending'], {env: env()})).exitCode).toBe(0);
		expect(fake.tickets.get(6)).toMatchObject({state_id: 7});
		expect(typeof fake.tickets.get(6)?.['pending_time']).toBe('string');
		const tag = await box.csr(['tag', '10', '+e2e', '-refund'], {env: env()});
		expect(tag.exitCode, tag.stderr).toBe(0);
		expect(fake.tags.get(10)).toEqual(['billing', 'e2e']);
	});

	it('a 100-ticket bulk reply killed with SIGKILL and hit by dropped connections: the re-run leaves exactly one reply each', async () => {
		const ids = (await box.csr(['queue', '--status', 'new,open', '--ids', '--limit', '100'], {env: env()})).stdout;
		const list = ids.trim().split('\n');
		expect(list).toHaveLength(100);
		const body = 'Update on the outage: service is restored. Kill-test marker 4711.';
		// Every 9th article is created but its answer never arrives (the connection drops): csr cannot know it landed.
		let posts = 0;
		fake.intercept = (request) => {
			if (request.method !== 'POST' || request.pathname !== '/api/v1/ticket_articles') return undefined;
			posts += 1;
			if (posts % 9 !== 0) return undefined;
			const sent = JSON.parse(request.body) as {ticket_id: number; body: string};
			fake.addArticle(sent.ticket_id, {userId: fake.me.id, body: sent.body, internal: false, sender: 'Agent'});
			return {status: 0, drop: true};
		};
		const args = ['reply', '-', '--body', body, '--yes', '--format', 'ndjson', '--concurrency', '2'];
		expect(await box.killMidRun(args, {stdin: ids, afterLines: 30, env: env()})).toBe('SIGKILL');
		fake.intercept = undefined;
		const rerun = await box.csr(['reply', '-', '--body', body, '--yes', '--json'], {stdin: ids, env: env()});
		const results = JSON.parse(rerun.stdout) as {ticketId: string; result: string}[];
		expect(results).toHaveLength(100);
		expect(
			results.every((row) => row.result === 'sent' || row.result === 'skipped'),
			rerun.stderr,
		).toBe(true);
		expect(rerun.exitCode, rerun.stderr).toBe(0);
		for (const id of list) {
			const replies = (fake.articles.get(Number(id)) ?? []).filter(
				(article) => article.sender === 'Agent' && !article.internal && article.body.includes('Kill-test marker 4711'),
			);
			expect(replies, `ticket ${id}`).toHaveLength(1);
		}
	});

	it('syncs and reports KPIs from Zammad’s ticket fields; CSAT is not available', async () => {
		const stats = await box.csr(['stats', '--json'], {env: env()});
		expect(stats.exitCode, stats.stderr).toBe(0);
		const report = JSON.parse(stats.stdout) as {
			tickets: {created: number};
			firstReplyMinutes: {median: number | null};
			csat: {score: number | null};
		};
		expect(report.tickets.created).toBe(fake.tickets.size);
		expect(report.firstReplyMinutes.median).not.toBeNull();
		expect(report.csat.score).toBeNull();
		const synced = await box.csr(['sync', '--json'], {env: env()});
		expect(synced.exitCode, synced.stderr).toBe(0);
	});

	it('exits 4 on a wrong token and never prints it', async () => {
		const result = await box.csr(['queue', '--verbose'], {env: {CSR_TOKEN_Z: 'wrong-token-987654'}});
		expect(result.exitCode).toBe(4);
		expect(result.stderr).toContain('Zammad did not accept the credentials (401');
		expect(result.stderr + result.stdout).not.toContain('wrong-token-987654');
	});
});
