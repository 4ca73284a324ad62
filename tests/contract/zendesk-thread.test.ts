import {afterEach, describe, expect, it} from 'vitest';
import {createVirtualClock} from '../support/fake-server.js';
import {fixture} from './fake-zendesk.js';
import {zendeskOnFake} from './zendesk-setup.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
	await close?.();
	close = undefined;
});

describe('Zendesk thread', () => {
	it('gives the ticket, the customer context and every message oldest first in three requests', async () => {
		const setup = await zendeskOnFake({clock: createVirtualClock(), tickets: 30});
		close = setup.close;
		const thread = await setup.desk.getThread('1');
		expect(thread.ticket).toMatchObject({id: '1', subject: 'Help, my printer is on fire!'});
		expect(thread.customer).toMatchObject({
			id: '2001',
			name: 'Customer 1',
			email: 'customer1@example.org',
			locale: 'da',
			organization: {id: '3001', name: 'Acme Ltd'},
		});
		expect(thread.messages.map((message) => [message.author.role, message.public])).toEqual([
			['customer', true],
			['agent', false],
		]);
		const [first, note] = thread.messages;
		// html_body rendered as text, no markup left.
		expect(first?.text).toBe('Hello, this is about order 1001.');
		expect(first?.author.name).toBe('Customer 1');
		expect(note?.author).toMatchObject({name: 'Agent Smith', role: 'agent'});
		expect(first?.attachments).toEqual([
			{
				name: 'crash.log',
				size: 2532,
				contentType: 'text/plain',
				url: 'https://company.zendesk.com/attachments/crash.log',
			},
		]);
		expect(setup.fake.requests).toHaveLength(4);
		expect(setup.fake.requests.map((request) => request.pathname).sort()).toEqual([
			'/api/v2/custom_statuses.json',
			'/api/v2/tickets/1.json',
			'/api/v2/tickets/1/comments.json',
			'/api/v2/users/2001/tickets/requested.json',
		]);
	});

	it('lists the requester’s other recent tickets and the last CSAT', async () => {
		const setup = await zendeskOnFake({clock: createVirtualClock(), tickets: 120});
		close = setup.close;
		// Customer 8 requested tickets 8, 58 and 108; ticket 8 was rated good.
		const thread = await setup.desk.getThread('58');
		expect(thread.customer.recentTickets.map((ticket) => ticket.id).sort()).toEqual(['108', '8']);
		expect(thread.customer.lastCsat).toMatchObject({score: 'good', comment: 'Quick and kind'});
	});

	it('follows comment pages and keeps them in order', async () => {
		const clock = createVirtualClock();
		const setup = await zendeskOnFake({clock, tickets: 3});
		close = setup.close;
		for (let index = 0; index < 230; index++) {
			clock.advance(1000);
			setup.fake.addComment(2, index % 2 === 0 ? 2002 : 1001, `message ${index}`, index % 3 !== 0);
		}
		const thread = await setup.desk.getThread('2');
		expect(thread.messages).toHaveLength(231);
		expect(thread.messages.at(-1)?.text).toBe('message 229');
		const times = thread.messages.map((message) => Date.parse(message.createdAt));
		expect(times).toEqual([...times].sort((a, b) => a - b));
		const pages = setup.fake.requests.filter((request) => request.pathname === '/api/v2/tickets/2/comments.json');
		expect(pages).toHaveLength(3);
		expect(pages.every((request) => request.query.get('include') === 'users')).toBe(true);
	});

	it('maps documented and recorded ticket shapes', async () => {
		const setup = await zendeskOnFake({clock: createVirtualClock()});
		close = setup.close;
		setup.fake.intercept = (request) => {
			if (request.pathname === '/api/v2/tickets/35436.json') return {status: 200, json: fixture('ticket_show.oas')};
			if (request.pathname === '/api/v2/tickets/2.json')
				return {status: 200, json: fixture('ticket_show_email_channel')};
			if (request.pathname.includes('/comments'))
				return {
					status: 200,
					json: {...fixture<Record<string, unknown>>('ticket_comments.oas'), meta: {has_more: false}},
				};
			if (request.pathname.includes('/tickets/requested'))
				return {status: 200, json: {tickets: [], meta: {has_more: false}}};
			return undefined;
		};
		const documented = await setup.desk.getThread('35436');
		expect(documented.ticket).toMatchObject({
			id: '35436',
			subject: 'Help, my printer is on fire!',
			status: 'open',
			priority: 'high',
			channel: 'web',
			tags: ['enterprise', 'other_tag'],
			group: {id: '98738', name: 'group 98738'},
			assignee: {id: '235323', name: 'agent 235323', email: null},
		});
		expect(documented.customer.lastCsat).toMatchObject({score: 'good', comment: 'Great support!'});
		expect(documented.messages[0]?.channel).toBe('web');
		const email = await setup.desk.getThread('2');
		expect(email.ticket).toMatchObject({status: 'solved', channel: 'email'});
		expect(email.ticket.requester).toMatchObject({name: 'Yosuke Tamura', email: 'nukosuke@lavabit.com'});
	});
});
