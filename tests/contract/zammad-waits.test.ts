import {afterEach, describe, expect, it} from 'vitest';
import {toCachedTicket} from '../../src/services/sync.js';
import {createVirtualClock} from '../support/fake-server.js';
import type {FakeZammadArticle} from '../support/fake-zammad.js';
import {zammadOnFake} from './zammad-setup.js';

// Zammad: next reply and requester wait from the ticket's articles (the ticket list has no thread), by hand.

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
	await Promise.all(closers.splice(0).map((close) => close()));
});

const hour = 3_600_000;
const articlePaths = (requests: readonly {pathname: string}[]) =>
	requests
		.map((request) => request.pathname)
		.filter((path) => /^\/api\/v1\/ticket_articles\/by_ticket\/\d+$/.test(path))
		.sort();

describe('Zammad ticket facts from the articles', () => {
	it('exports the public thread, and csr measures next reply and requester wait from it', async () => {
		const clock = createVirtualClock();
		// Ticket 1 is closed (state 4) and owned by the signed-in agent; its customer is David Bell (10).
		const result = await zammadOnFake({clock, tickets: 3, stateFor: (id) => (id === 1 ? 4 : 2)});
		closers.push(result.close);
		const {fake, desk} = result;
		const raw = fake.tickets.get(1);
		const template = fake.articles.get(1)?.[0];
		const emma = fake.users.get(4);
		if (raw === undefined || template === undefined || emma === undefined) throw new Error('fixture changed');
		const created = Date.parse(raw.created_at);
		const at = (hours: number) => new Date(created + hours * hour).toISOString();
		const article = (
			id: number,
			hours: number,
			sender: 'Agent' | 'Customer' | 'System',
			fields: Partial<FakeZammadArticle> = {},
		): FakeZammadArticle => ({
			...template,
			id,
			sender,
			internal: false,
			type: 'email',
			created_by_id: sender === 'Customer' ? raw.customer_id : sender === 'Agent' ? fake.me.id : 1,
			created_at: at(hours),
			...fields,
		});
		fake.articles.set(1, [
			article(900, 0, 'Customer'),
			article(901, 1, 'Agent'), // first reply after 60 min
			article(902, 2, 'Customer', {type: 'web'}),
			article(903, 3, 'Agent', {internal: true, type: 'note'}), // an internal note answers nobody
			article(904, 3.5, 'Agent', {type: 'note'}), // nor does a note the customer may see: not communication
			article(905, 4, 'System'), // an auto-reply answers nobody either
			article(906, 5, 'Agent', {type: 'phone', created_by_id: emma.id}), // next reply: 2h → 5h = 180 min
			article(907, 6, 'Customer'),
			article(908, 6.5, 'Agent'), // next reply: 30 min
		]);

		const page = await desk.exportTicketFacts(null);
		const facts = page.items.find((item) => item.ticket.id === '1');
		expect(facts?.publicMessages?.map((m) => [m.at, m.agent === null ? 'customer' : m.agent.email])).toEqual([
			[at(0), 'customer'],
			[at(1), fake.me.email],
			[at(2), 'customer'],
			[at(5), 'emma@example.com'],
			[at(6), 'customer'],
			[at(6.5), fake.me.email],
		]);
		expect(facts?.publicMessages?.[3]?.channel).toBe('phone');
		if (facts === undefined) throw new Error('ticket 1 not exported');
		const cached = toCachedTicket(facts);
		// Next replies 180 and 30: the ticket's mean is 105. Requester wait 60 + 180 + 30 = 270 (the close a day
		// later waits for nobody: the last message was the agent's).
		expect(cached.nextReplyMinutes).toBe(105);
		expect(cached.requesterWaitMinutes).toBe(270);
		expect(cached.firstReplyBy).toBe(fake.me.email.toLowerCase());
		expect(cached.replies?.map((reply) => reply.agentKey)).toEqual([
			fake.me.email.toLowerCase(),
			'emma@example.com',
			fake.me.email.toLowerCase(),
		]);
		// Closed: credited to the owner (Zammad keeps no "closed by" on the ticket).
		expect(facts.solvedBy?.id).toBe(String(fake.me.id));
		// Ticket 2 is open and owned by Emma: no solve to credit, and its thread is there.
		const open = page.items.find((item) => item.ticket.id === '2');
		expect(open?.solvedBy).toBeNull();
		expect(open?.publicMessages?.map((m) => m.agent?.name ?? 'customer')).toEqual(['customer', 'Emma Taylor']);
		// One request per ticket for its articles.
		expect(articlePaths(fake.requests)).toEqual([
			'/api/v1/ticket_articles/by_ticket/1',
			'/api/v1/ticket_articles/by_ticket/2',
			'/api/v1/ticket_articles/by_ticket/3',
		]);
	});

	it('reads no thread for a ticket unchanged for more than 90 days, and a thread it cannot read fails nothing', async () => {
		const clock = createVirtualClock();
		const result = await zammadOnFake({clock, tickets: 3, stateFor: () => 4});
		closers.push(result.close);
		const {fake, desk} = result;
		const old = fake.tickets.get(2);
		if (old === undefined) throw new Error('fixture changed');
		old.updated_at = new Date(clock.now() - 91 * 24 * hour).toISOString();
		// Ticket 3's articles are gone (404): that ticket keeps its facts without a thread.
		fake.articles.delete(3);
		const page = await desk.exportTicketFacts(null);
		expect(page.items.map((item) => item.ticket.id)).toEqual(['1', '2', '3']);
		expect(page.items.find((item) => item.ticket.id === '2')?.publicMessages).toBeUndefined();
		expect(page.items.find((item) => item.ticket.id === '3')?.publicMessages).toBeUndefined();
		expect(page.items.find((item) => item.ticket.id === '3')?.firstReplyAt).toBeNull();
		expect(page.items.find((item) => item.ticket.id === '1')?.publicMessages).toHaveLength(2);
		expect(articlePaths(fake.requests)).toEqual([
			'/api/v1/ticket_articles/by_ticket/1',
			'/api/v1/ticket_articles/by_ticket/3',
		]);
	});
});
