import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Ticket} from '../../src/domain/ticket.js';
import {createSandbox} from '../support/e2e.js';
import {type FakeFreshdesk, startFakeFreshdesk} from '../support/fake-freshdesk.js';
import {createVirtualClock} from '../support/fake-server.js';

// Issue 20's bar, as a user meets it: the built bin against a Freshdesk fake with 400 tickets (170 unresolved) and
// 155 contacts in seven languages. The whole queue in a few requests, each customer in their own language, the
// agent's own text with placeholders filled per customer, and still exactly once under dropped connections.

const apiKey = 'e2e-freshdesk-language-key';
let fake: FakeFreshdesk;
let box: ReturnType<typeof createSandbox>;

/** 400 tickets: 100 open, 50 pending, 20 in custom statuses (on-hold), 230 resolved or closed. */
const statusFor = (id: number): number => {
	const slot = id % 40;
	if (slot < 10) return 2;
	if (slot < 15) return 3;
	if (slot < 17) return slot === 15 ? 6 : 7;
	return slot % 2 === 0 ? 4 : 5;
};

/** The template locale csr picks for a Freshdesk `language`: the languages it ships, else English. */
const shipped = new Set(['en', 'da', 'sv', 'nb', 'de']);
const expectedLocale = (language: string): string => {
	const base = language.split('-')[0]?.toLowerCase() ?? 'en';
	return shipped.has(base) ? base : 'en';
};

const contactOf = (ticketId: string) => {
	const contact = fake.contacts.get(fake.tickets.get(Number(ticketId))?.requester_id ?? -1);
	if (contact === undefined) throw new Error(`no contact for ticket ${ticketId}`);
	return contact;
};

const openIds = (count: number, skip = 0): string[] =>
	[...fake.tickets.values()]
		.filter((ticket) => ticket.status === 2)
		.slice(skip, skip + count)
		.map((ticket) => String(ticket.id));

const agentReplies = (ticketId: string) =>
	(fake.conversations.get(Number(ticketId)) ?? []).filter(
		(conversation) => !conversation.incoming && !conversation.private && conversation.user_id === fake.me.id,
	);

beforeAll(async () => {
	fake = await startFakeFreshdesk({
		clock: createVirtualClock(Date.now()),
		apiKey,
		tickets: 400,
		contacts: 150,
		statusFor,
	});
	box = createSandbox();
	const added = await box.csr(
		['profile', 'add', 'fd', '--provider', 'freshdesk', '--url', fake.url, '--token-stdin', '--use'],
		{stdin: apiKey},
	);
	expect(added.exitCode, added.stderr).toBe(0);
});

afterAll(async () => {
	box.cleanup();
	await fake.close();
});

describe('Freshdesk: language, request counts and placeholders (built bin, 400-ticket fake)', () => {
	it('lists all 170 unresolved tickets in ≤ 5 requests on a warm cache, each customer with their language', async () => {
		const args = ['queue', '--all', '--status', 'open,pending,on-hold', '--json', '--verbose'];
		const cold = await box.csr(args);
		expect(cold.exitCode, cold.stderr).toBe(0);
		const before = fake.requests.length;
		const warm = await box.csr(args);
		expect(warm.exitCode, warm.stderr).toBe(0);
		const made = fake.requests.length - before;
		const tickets = JSON.parse(warm.stdout) as Ticket[];
		expect(tickets).toHaveLength(170);
		expect(made).toBeLessThanOrEqual(5);
		// --verbose says how many requests the command made.
		expect(warm.stderr).toContain(`${made} request${made === 1 ? '' : 's'} to Freshdesk`);
		for (const ticket of tickets) expect(ticket.requester.locale).toBe(contactOf(ticket.id).language);
		expect(new Set(tickets.map((ticket) => ticket.requester.locale)).size).toBeGreaterThanOrEqual(5);
	});

	it("picks each customer's own language in a dry run of delivery-delay on 20 tickets", async () => {
		const ids = openIds(20);
		const result = await box.csr(['reply', ...ids, '--template', 'delivery-delay', '--dry-run', '--json']);
		expect(result.exitCode, result.stderr).toBe(0);
		const rows = JSON.parse(result.stdout) as {ticketId: string; locale: string; body: string}[];
		expect(rows.map((row) => row.ticketId)).toEqual(ids);
		for (const row of rows)
			expect(row.locale, `ticket ${row.ticketId}`).toBe(expectedLocale(contactOf(row.ticketId).language));
		expect(new Set(rows.map((row) => row.locale))).toEqual(new Set(['da', 'en', 'sv', 'de', 'nb']));
		expect(fake.requests.some((request) => request.method !== 'GET')).toBe(false);
	});

	it('refuses a placeholder it does not know before sending anything (exit 2), and --raw sends it as typed', async () => {
		const ids = openIds(3, 40);
		const posts = fake.requests.filter((request) => request.method === 'POST').length;
		const typo = await box.csr(['reply', ...ids, '--body', 'Hi {{ ticket.requester.firstname }}', '--yes']);
		expect(typo.exitCode).toBe(2);
		expect(typo.stderr).toContain('ticket.requester.firstname');
		expect(typo.stderr).toContain('--raw');
		expect(fake.requests.filter((request) => request.method === 'POST').length).toBe(posts);
		const [one] = ids;
		const raw = await box.csr(['reply', one ?? '', '--body', 'Use {{ this }} literally', '--raw']);
		expect(raw.exitCode, raw.stderr).toBe(0);
		expect(agentReplies(one ?? '').at(-1)?.body_text).toBe('Use {{ this }} literally');
	});

	it('greets each customer by first name in a bulk --body reply, exactly once under dropped connections', async () => {
		const ids = openIds(20, 20);
		const dropped = new Set(ids.slice(0, 3));
		fake.intercept = (request) => {
			const id = /^\/api\/v2\/tickets\/(\d+)\/reply$/.exec(request.pathname)?.[1];
			if (request.method !== 'POST' || id === undefined || !dropped.has(id)) return undefined;
			dropped.delete(id);
			// Freshdesk applied the reply, then the connection dropped before the answer.
			const body = (JSON.parse(request.body) as {body: string}).body;
			const created = fake.addConversation(Number(id), {userId: fake.me.id, body: '', incoming: false, private: false});
			created.body = body;
			created.body_text = body.replace(/<[^>]+>/g, '');
			return {status: 0, drop: true};
		};
		const args = [
			'reply',
			...ids,
			'--body',
			'Hi {{ ticket.requester.first_name }}, your order is on its way.',
			'--yes',
		];
		const first = await box.csr(args);
		const again = await box.csr(args);
		fake.intercept = undefined;
		expect(dropped.size).toBe(0);
		// The three dropped replies went out, but csr cannot know: they wait in the outbox (exit 75), never resent blind.
		expect(first.exitCode, first.stderr).toBe(75);
		expect(first.stderr).toContain('17 sent, 3 queued');
		const retried = await box.csr(['outbox', 'retry']);
		expect(again.exitCode, again.stderr).toBe(0);
		expect(retried.exitCode, retried.stderr).toBe(0);
		for (const id of ids) {
			const replies = agentReplies(id).filter((reply) => reply.body_text.includes('your order is on its way'));
			const firstName = contactOf(id).name.split(' ')[0];
			expect(replies, `ticket ${id}`).toHaveLength(1);
			expect(replies[0]?.body_text).toContain(`Hi ${firstName}, your order is on its way.`);
			expect(replies[0]?.body).not.toContain('{{');
		}
	});
});
