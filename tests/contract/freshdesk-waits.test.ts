import {afterEach, describe, expect, it} from 'vitest';
import {toCachedTicket} from '../../src/services/sync.js';
import type {FakeConversation} from '../support/fake-freshdesk.js';
import {createVirtualClock} from '../support/fake-server.js';
import {freshdeskOnFake} from './freshdesk-setup.js';

// Freshdesk: next reply and requester wait from the ticket's conversations (the list has no thread), by hand.

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
	await Promise.all(closers.splice(0).map((close) => close()));
});

const hour = 3_600_000;

describe('Freshdesk ticket facts from the conversations', () => {
	it('exports the public thread, and csr measures next reply and requester wait from it', async () => {
		const clock = createVirtualClock();
		// Ticket 1 resolved; its requester and its agent (the fake's responder) write this thread.
		const result = await freshdeskOnFake({clock, tickets: 3, statusFor: (id) => (id === 1 ? 4 : 2)});
		closers.push(result.close);
		const {fake, desk} = result;
		const raw = fake.tickets.get(1);
		const template = fake.conversations.get(1)?.[0];
		if (raw === undefined || template === undefined || raw.responder_id === null) throw new Error('fixture changed');
		const created = Date.parse(raw.created_at);
		const at = (hours: number) => new Date(created + hours * hour).toISOString().replace(/\.\d{3}Z$/, 'Z');
		const message = (id: number, hours: number, by: 'agent' | 'customer', isPrivate = false): FakeConversation => ({
			...template,
			id,
			incoming: by === 'customer',
			private: isPrivate,
			user_id: by === 'agent' ? (raw.responder_id as number) : raw.requester_id,
			source: isPrivate ? 2 : 0,
			created_at: at(hours),
		});
		fake.conversations.set(1, [
			message(901, 1, 'agent'), // first reply after 60 min
			message(902, 2, 'customer'),
			message(903, 3, 'agent', true), // a private note answers nobody
			message(904, 5, 'agent'), // next reply: 2h → 5h = 180 min
			message(905, 6, 'customer'),
			message(906, 6.5, 'agent'), // next reply: 30 min
		]);
		raw.stats.first_responded_at = at(1);
		raw.stats.resolved_at = at(10);

		const page = await desk.exportTicketFacts(null);
		const facts = page.items.find((item) => item.ticket.id === '1');
		// The description (the customer's, at creation) and the five public conversations; not the note.
		expect(facts?.publicMessages?.map((m) => [m.at, m.agent === null ? 'customer' : 'agent'])).toEqual([
			[new Date(created).toISOString(), 'customer'],
			[new Date(created + hour).toISOString(), 'agent'],
			[new Date(created + 2 * hour).toISOString(), 'customer'],
			[new Date(created + 5 * hour).toISOString(), 'agent'],
			[new Date(created + 6 * hour).toISOString(), 'customer'],
			[new Date(created + 6.5 * hour).toISOString(), 'agent'],
		]);
		expect(facts?.publicMessages?.[1]?.agent?.id).toBe(String(raw.responder_id));
		if (facts === undefined) throw new Error('ticket 1 not exported');
		const cached = toCachedTicket(facts);
		// Next replies 180 and 30: the ticket's mean is 105. Requester wait 60 + 180 + 30 = 270 (the solve at 10h
		// waits for nobody: the last message was the agent's).
		expect(cached.nextReplyMinutes).toBe(105);
		expect(cached.requesterWaitMinutes).toBe(270);
		expect(cached.firstReplyBy).not.toBeNull();
		expect(cached.replies).toHaveLength(3);
		// Resolved: credited to the assignee, as Freshdesk's reports do.
		expect(facts.solvedBy?.id).toBe(String(raw.responder_id));
		expect(page.items.find((item) => item.ticket.id === '2')?.solvedBy).toBeNull();
		// One request per ticket for its conversations.
		const threads = fake.requests.filter((request) =>
			/^\/api\/v2\/tickets\/\d+\/conversations$/.test(request.pathname),
		);
		expect(threads.map((request) => request.pathname).sort()).toEqual([
			'/api/v2/tickets/1/conversations',
			'/api/v2/tickets/2/conversations',
			'/api/v2/tickets/3/conversations',
		]);
	});

	it('reads no thread for a ticket unchanged for more than 90 days: a first sync of years of history stays affordable', async () => {
		const clock = createVirtualClock();
		const result = await freshdeskOnFake({clock, tickets: 3, statusFor: () => 4});
		closers.push(result.close);
		const {fake, desk} = result;
		const old = fake.tickets.get(2);
		if (old === undefined) throw new Error('fixture changed');
		old.updated_at = new Date(clock.now() - 91 * 24 * hour).toISOString().replace(/\.\d{3}Z$/, 'Z');
		const page = await desk.exportTicketFacts(null);
		expect(page.items.find((item) => item.ticket.id === '2')?.publicMessages).toBeUndefined();
		expect(page.items.find((item) => item.ticket.id === '1')?.publicMessages).toBeDefined();
		const threads = fake.requests
			.map((request) => request.pathname)
			.filter((path) => /^\/api\/v2\/tickets\/\d+\/conversations$/.test(path))
			.sort();
		expect(threads).toEqual(['/api/v2/tickets/1/conversations', '/api/v2/tickets/3/conversations']);
	});
});
