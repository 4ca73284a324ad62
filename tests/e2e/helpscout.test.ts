import {readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Ticket} from '../../src/domain/ticket.js';
import {createSandbox} from '../support/e2e.js';
import {type FakeHelpScout, startFakeHelpScout} from '../support/fake-helpscout.js';
import {createVirtualClock} from '../support/fake-server.js';

// The built bin against the fake Help Scout: a new user adds a Help Scout profile with an app's client credentials,
// works the queue, sends a 100-conversation bulk reply that is killed (SIGKILL) in the middle and hit by dropped
// connections, re-runs it, and reads the KPIs with happiness ratings. Needs `npm run build` first.

const client = {id: 'e2e-hs-client', secret: 'e2e-hs-secret-31337'};
const secret = `${client.id}:${client.secret}`;
let fake: FakeHelpScout;
let box: ReturnType<typeof createSandbox>;

beforeAll(async () => {
	fake = await startFakeHelpScout({
		clock: createVirtualClock(Date.now()),
		clientId: client.id,
		clientSecret: client.secret,
		conversations: 130,
		statusFor: (id) => (id > 110 ? 'closed' : id % 7 === 0 ? 'pending' : 'active'),
		writeDelayMs: 4,
	});
	box = createSandbox();
	const added = await box.csr(['profile', 'add', 'hs', '--provider', 'helpscout', '--url', fake.url, '--use']);
	expect(added.exitCode, added.stderr).toBe(0);
	expect(added.stderr).toContain('CLIENT_ID:CLIENT_SECRET');
});

afterAll(async () => {
	box.cleanup();
	await fake.close();
});

const env = () => ({CSR_TOKEN_HS: secret});

describe('csr on a Help Scout profile (built bin, fake Help Scout)', () => {
	it('gets an OAuth token with the client credentials, stores it 0600 and reuses it', async () => {
		const result = await box.csr(['profile', 'test'], {env: env()});
		expect(result.exitCode, result.stderr).toBe(0);
		expect(result.stdout).toContain('signed in as Mr Robot');
		const token = fake.requests.find((request) => request.pathname === '/v2/oauth2/token');
		expect(token?.body).toContain('grant_type=client_credentials');
		const configDir = box.env['CSR_CONFIG_DIR'] ?? '';
		const file = join(configDir, 'config.json');
		expect(statSync(file).mode & 0o777).toBe(0o600);
		const stored = readFileSync(file, 'utf8');
		expect(stored).toContain('hs-access-1');
		expect(stored).not.toContain(client.secret);
		expect((await box.csr(['profile', 'test'], {env: env()})).exitCode).toBe(0);
		expect(fake.stats.tokensIssued).toBe(1);
		// An expired or revoked token: one 401, a new token, and the command still works.
		fake.revokeTokens();
		const again = await box.csr(['profile', 'test'], {env: env()});
		expect(again.exitCode, again.stderr).toBe(0);
		expect(fake.stats.tokensIssued).toBe(2);
	});

	it('lists the queue: active and pending conversations with mailbox, assignee, customer and tags', async () => {
		const json = await box.csr(['queue', '--json', '--limit', '200'], {env: env()});
		expect(json.exitCode, json.stderr).toBe(0);
		const tickets = JSON.parse(json.stdout) as Ticket[];
		expect(tickets).toHaveLength(110);
		expect(new Set(tickets.map((ticket) => ticket.status))).toEqual(new Set(['open', 'pending']));
		expect(tickets.find((ticket) => ticket.id === '1')).toMatchObject({
			subject: 'Need Help',
			priority: null,
			requester: {name: 'John Doe', email: 'john.doe@example.com'},
			assignee: {name: 'Mr Robot'},
			group: {name: 'Billing'},
			tags: ['vip', 'billing'],
		});
		const mine = await box.csr(['queue', '--view', 'Mine', '--ids', '--limit', '200'], {env: env()});
		expect(mine.exitCode, mine.stderr).toBe(0);
		expect(mine.stdout.trim().split('\n').length).toBeGreaterThan(0);
		const unknown = await box.csr(['queue', '--view', 'nope'], {env: env()});
		expect(unknown.exitCode).toBe(2);
		expect(unknown.stderr).toContain('Unassigned (Support)');
	});

	it('shows a conversation: threads oldest first, notes internal, line items left out, customer text sanitised', async () => {
		const json = await box.csr(['show', '1', '--json'], {env: env()});
		expect(json.exitCode, json.stderr).toBe(0);
		const shown = JSON.parse(json.stdout) as {
			messages: {text: string; public: boolean; author: {role: string}; attachments: {name: string}[]}[];
		};
		expect(shown.messages.map((message) => [message.author.role, message.public])).toEqual([
			['customer', true],
			['agent', true],
			['agent', false],
		]);
		expect(shown.messages[0]?.attachments.map((attachment) => attachment.name)).toEqual(['screenshot.png']);
		const hostile = await box.csr(['show', '3'], {env: env()});
		expect(hostile.exitCode, hostile.stderr).toBe(0);
		expect(hostile.stdout).toContain('Mallory');
		expect(hostile.stdout).toContain('invoice');
		expect(hostile.stdout).toMatch(/Question \d.* about my order/);
		expect(hostile.stdout).not.toMatch(/[\u001b\u0007]/);
	});

	it('replies (with the customer id) and notes, once each; status, assignee and tags change', async () => {
		const reply = await box.csr(['reply', '2', '--body', 'Your parcel left the warehouse today.', '--json'], {
			env: env(),
		});
		expect(reply.exitCode, reply.stderr).toBe(0);
		const [result] = JSON.parse(reply.stdout) as {result: string; messageId?: string}[];
		expect(result?.result).toBe('sent');
		const posted = fake.requests.find((request) => request.pathname === '/v2/conversations/2/reply');
		expect(JSON.parse(posted?.body ?? '{}')).toMatchObject({customer: {id: 238605}});
		const sent = (fake.threads.get(2) ?? []).find((thread) => thread.body.includes('parcel left'));
		expect(sent).toMatchObject({type: 'reply', id: Number(result?.messageId)});
		const note = await box.csr(['reply', '2', '--internal', '--body', 'Called the carrier.'], {env: env()});
		expect(note.exitCode, note.stderr).toBe(0);
		expect((fake.threads.get(2) ?? []).find((thread) => thread.body.includes('carrier'))?.type).toBe('note');
		expect((await box.csr(['status', '4', 'pending'], {env: env()})).exitCode).toBe(0);
		expect(fake.conversations.get(4)?.status).toBe('pending');
		const tag = await box.csr(['tag', '4', '+e2e', '-refund'], {env: env()});
		expect(tag.exitCode, tag.stderr).toBe(0);
		expect(fake.conversations.get(4)?.tags.map((item) => item.tag)).toEqual(['billing', 'e2e']);
	});

	it('a 100-conversation bulk reply killed with SIGKILL and hit by dropped connections: exactly one reply each', async () => {
		const ids = (await box.csr(['queue', '--status', 'open,pending', '--ids', '--limit', '100'], {env: env()})).stdout;
		const list = ids.trim().split('\n');
		expect(list).toHaveLength(100);
		const body = 'Update on the outage: service is restored. Kill-test marker 4711.';
		let posts = 0;
		fake.intercept = (request) => {
			if (request.method !== 'POST' || !request.pathname.endsWith('/reply')) return undefined;
			posts += 1;
			if (posts % 9 !== 0) return undefined;
			const id = Number(request.pathname.split('/')[3]);
			const sent = JSON.parse(request.body) as {text: string};
			fake.addThread(id, {type: 'reply', body: sent.text, person: fake.me});
			return {status: 0, drop: true};
		};
		const args = ['reply', '-', '--body', body, '--yes', '--format', 'ndjson', '--concurrency', '2'];
		expect(await box.killMidRun(args, {stdin: ids, afterLines: 30, env: env()})).toBe('SIGKILL');
		fake.intercept = undefined;
		const rerun = await box.csr(['reply', '-', '--body', body, '--yes', '--json'], {stdin: ids, env: env()});
		const results = JSON.parse(rerun.stdout) as {result: string}[];
		expect(results).toHaveLength(100);
		expect(
			results.every((row) => row.result === 'sent' || row.result === 'skipped'),
			rerun.stderr,
		).toBe(true);
		expect(rerun.exitCode, rerun.stderr).toBe(0);
		for (const id of list) {
			const replies = (fake.threads.get(Number(id)) ?? []).filter(
				(thread) => thread.type === 'reply' && thread.body.includes('Kill-test marker 4711'),
			);
			expect(replies, `conversation ${id}`).toHaveLength(1);
		}
	});

	it('syncs and reports KPIs with CSAT from happiness ratings (Great good; Okay and Not Good bad)', async () => {
		const stats = await box.csr(['stats', '--json'], {env: env()});
		expect(stats.exitCode, stats.stderr).toBe(0);
		const report = JSON.parse(stats.stdout) as {tickets: {created: number}; csat: {good: number; bad: number}};
		expect(report.tickets.created).toBe(fake.conversations.size);
		// The fake's ratings are Great, Great, Not Good, Okay, Great.
		expect(report.csat).toMatchObject({good: 3, bad: 2});
	});

	it('exits 4 on wrong client credentials and never prints the secret', async () => {
		const result = await box.csr(['queue', '--verbose'], {env: {CSR_TOKEN_HS: 'other-client:wrong-secret-777'}});
		expect(result.exitCode).toBe(4);
		expect(result.stderr).toContain('Help Scout refused the client credentials');
		expect(result.stderr + result.stdout).not.toContain('wrong-secret-777');
	});
});
