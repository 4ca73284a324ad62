import {afterEach, describe, expect, it} from 'vitest';
import type {TicketQuery} from '../../src/providers/help-desk.js';
import {toSearchQuery} from '../../src/providers/zendesk/queue.js';
import {listQueue} from '../../src/services/queue.js';
import {createVirtualClock} from '../support/fake-server.js';
import {fixture} from './fake-zendesk.js';
import {zendeskOnFake} from './zendesk-setup.js';

const query = (overrides: Partial<TicketQuery> = {}): TicketQuery => ({
	statuses: ['new', 'open', 'pending'],
	assignee: 'any',
	sort: 'urgency',
	limit: 50,
	...overrides,
});

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
	await close?.();
	close = undefined;
});

describe('Zendesk queue', () => {
	it('loads a 1,000-ticket queue (--all) in at most 11 requests, requester names resolved', async () => {
		const setup = await zendeskOnFake({
			clock: createVirtualClock(),
			tickets: 1000,
			statusFor: (id) => ['new', 'open', 'pending'][id % 3] ?? 'open',
		});
		close = setup.close;
		const result = await listQueue(setup.desk, query(), {all: true});
		expect(result.tickets).toHaveLength(1000);
		expect(result.cap).toBeNull();
		expect(result.tickets.every((ticket) => /^Customer \d+$/.test(ticket.requester.name))).toBe(true);
		expect(result.tickets.every((ticket) => ticket.requester.email?.endsWith('@example.org'))).toBe(true);
		expect(setup.fake.requests.length).toBeLessThanOrEqual(11);
		const searches = setup.fake.requests.filter((request) => request.pathname === '/api/v2/search.json');
		expect(searches).toHaveLength(10);
		expect(searches[0]?.query.get('include')).toBe('tickets(users,groups,organizations,slas)');
		expect(searches[0]?.query.get('per_page')).toBe('100');
	});

	it('stops at the 1,000-result search cap and says so instead of asking for page 11', async () => {
		const setup = await zendeskOnFake({clock: createVirtualClock(), tickets: 1500, statusFor: () => 'open'});
		close = setup.close;
		const result = await listQueue(setup.desk, query({statuses: ['open']}), {all: true});
		expect(result.tickets).toHaveLength(1000);
		expect(result.totalCount).toBe(1500);
		expect(result.cap?.limit).toBe(1000);
		expect(result.cap?.hint).toContain('--view');
		expect(setup.fake.requests.some((request) => request.query.get('page') === '11')).toBe(false);
	});

	it('builds the search from the filters', async () => {
		expect(toSearchQuery(query())).toBe('type:ticket status<hold');
		expect(toSearchQuery(query({statuses: ['new', 'open', 'pending', 'on-hold']}))).toBe('type:ticket status<solved');
		expect(toSearchQuery(query({statuses: ['on-hold']}))).toBe('type:ticket status:hold');
		expect(toSearchQuery(query({statuses: ['pending', 'on-hold', 'solved']}))).toBe(
			'type:ticket status>open status<closed',
		);
		expect(
			toSearchQuery(
				query({
					statuses: ['new', 'pending'],
					assignee: 'me',
					group: 'Tier 2',
					priorities: ['high', 'urgent'],
					channels: ['email'],
					tags: ['refund'],
					search: 'broken screen',
				}),
			),
		).toBe(
			'type:ticket status:new status:pending assignee:me group:"Tier 2" priority>normal via:email tags:refund broken screen',
		);
		expect(toSearchQuery(query({assignee: {email: 'dana@example.com'}, statuses: []}))).toBe(
			'type:ticket assignee:dana@example.com',
		);
	});

	it('filters on the server and checks again: assignee, tags, channel, priority', async () => {
		const setup = await zendeskOnFake({clock: createVirtualClock(), tickets: 60});
		close = setup.close;
		const mine = await setup.desk.listTickets(query({assignee: 'me', statuses: ['new', 'open', 'pending', 'on-hold']}));
		expect(mine.tickets.length).toBeGreaterThan(0);
		expect(mine.tickets.every((ticket) => ticket.assignee?.email === 'agent@example.com')).toBe(true);
		const tagged = await setup.desk.listTickets(
			query({tags: ['outage'], statuses: ['new', 'open', 'pending', 'on-hold', 'solved', 'closed']}),
		);
		expect(tagged.tickets.map((ticket) => ticket.id).sort()).toEqual(['10', '20', '30', '40', '50', '60']);
		const phone = await setup.desk.listTickets(
			query({channels: ['phone'], statuses: ['new', 'open', 'pending', 'on-hold', 'solved', 'closed']}),
		);
		expect(phone.tickets.length).toBeGreaterThan(0);
		expect(phone.tickets.every((ticket) => ticket.channel === 'phone')).toBe(true);
		const onHold = await setup.desk.listTickets(query({statuses: ['on-hold']}));
		expect(onHold.tickets.length).toBeGreaterThan(0);
		expect(onHold.tickets.every((ticket) => ticket.status === 'on-hold')).toBe(true);
	});

	it('maps sideloads, SLA, custom statuses and channels onto every ticket', async () => {
		const setup = await zendeskOnFake({clock: createVirtualClock(), tickets: 40});
		close = setup.close;
		const page = await setup.desk.listTickets(query({statuses: ['new', 'open', 'pending', 'on-hold'], limit: 100}));
		const byId = new Map(page.tickets.map((ticket) => [ticket.id, ticket]));
		expect(byId.get('2')?.group).toEqual({id: '211', name: 'DJs'});
		expect(byId.get('3')?.assignee).toEqual({id: '1001', name: 'Agent Smith', email: 'agent@example.com'});
		expect(byId.get('5')?.assignee?.name).toBe('Dana Admin');
		expect(byId.get('6')?.slaDueAt).toMatch(/^\d{4}-\d\d-\d\dT/);
		expect(byId.get('7')?.status).toBe('on-hold');
		expect(byId.get('9')?.statusLabel).toBe('Responding quickly');
		expect(byId.get('1')?.statusLabel).toBeUndefined();
		expect(byId.get('4')?.channel).toBe('phone');
		expect(byId.get('6')?.channel).toBe('social');
		expect(byId.get('3')?.channel).toBe('chat');
		expect(byId.get('2')?.url).toBe(`${setup.fake.url}/agent/tickets/2`);
		// One request for the page, one for the custom status labels.
		expect(setup.fake.requests.map((request) => request.pathname).sort()).toEqual([
			'/api/v2/custom_statuses.json',
			'/api/v2/search.json',
		]);
	});

	it('lists a view by name with cursor pages that do not overlap', async () => {
		const setup = await zendeskOnFake({clock: createVirtualClock(), tickets: 30});
		close = setup.close;
		const first = await setup.desk.listTickets(query({view: 'Unassigned tickets', limit: 10}));
		expect(first.tickets).toHaveLength(10);
		const second = await setup.desk.listTickets(
			query({view: 'Unassigned tickets', limit: 10, cursor: first.nextCursor ?? ''}),
		);
		const ids = [...first.tickets, ...second.tickets].map((ticket) => ticket.id);
		expect(new Set(ids).size).toBe(ids.length);
		const viewRequests = setup.fake.requests.filter((request) => request.pathname === '/api/v2/views/23/tickets.json');
		expect(viewRequests).toHaveLength(2);
		expect(viewRequests[1]?.query.get('page[after]')).toBeTruthy();
		expect(viewRequests[0]?.query.get('include')).toBe('users,groups,organizations,slas');
		// The name was resolved once; the second page came straight from the cursor.
		expect(setup.fake.requests.filter((request) => request.pathname === '/api/v2/views/active.json')).toHaveLength(1);
	});

	it('maps a recorded view page and follows its cursor on the profile host, not the host in links.next', async () => {
		const setup = await zendeskOnFake({clock: createVirtualClock()});
		close = setup.close;
		const recorded = fixture<{meta: {after_cursor: string}}>('view_tickets_cursor_page');
		setup.fake.intercept = (request) =>
			request.pathname.startsWith('/api/v2/views/6164074383386/') ? {status: 200, json: recorded} : undefined;
		const first = await setup.desk.listTickets(query({view: '6164074383386', limit: 1}));
		expect(first.tickets[0]).toMatchObject({
			id: '4029',
			subject: 'test',
			status: 'new',
			channel: 'api',
			priority: null,
		});
		expect(first.tickets[0]?.requester.id).toBe('6130907993114');
		await setup.desk.listTickets(query({view: '6164074383386', limit: 1, cursor: first.nextCursor ?? ''}));
		const last = setup.fake.requests.at(-1);
		expect(last?.query.get('page[after]')).toBe(recorded.meta.after_cursor);
	});

	it('names the views it knows when a view name does not match', async () => {
		const setup = await zendeskOnFake({clock: createVirtualClock()});
		close = setup.close;
		await expect(setup.desk.listTickets(query({view: 'Nope'}))).rejects.toThrow(/no Zendesk view named "Nope"/);
		await expect(setup.desk.listTickets(query({view: 'Nope'}))).rejects.toMatchObject({
			hint: expect.stringContaining('Unassigned tickets (23)'),
		});
	});
});
