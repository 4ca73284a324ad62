import {afterEach, describe, expect, it} from 'vitest';
import {toCachedTicket} from '../../src/services/sync.js';
import type {FakeThread} from '../support/fake-helpscout.js';
import {createVirtualClock} from '../support/fake-server.js';
import {helpScoutOnFake} from './helpscout-setup.js';

// Help Scout: next reply and requester wait from each conversation's threads, read in full, by hand.

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
	await Promise.all(closers.splice(0).map((close) => close()));
});

const hour = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const threadPaths = (requests: readonly {pathname: string}[]) =>
	requests
		.map((request) => request.pathname)
		.filter((path) => /^\/v2\/conversations\/\d+\/threads$/.test(path))
		.sort();
const jane = {id: 17, type: 'user', first: 'Jane', last: 'Agent', email: 'jane@helpscout.example'};

describe('Help Scout conversation facts from the threads', () => {
	it('exports the public thread, and csr measures next reply and requester wait from it', async () => {
		const clock = createVirtualClock();
		// Conversation 1 is closed and assigned to the app owner (Mr Robot, 256); its customer is John Doe.
		const result = await helpScoutOnFake({
			clock,
			conversations: 3,
			statusFor: (id) => (id === 1 ? 'closed' : 'active'),
		});
		closers.push(result.close);
		const {fake, desk} = result;
		const conversation = fake.conversations.get(1);
		const [customerThread, replyThread] = fake.threads.get(1) ?? [];
		if (conversation === undefined || customerThread === undefined || replyThread === undefined)
			throw new Error('fixture changed');
		const created = Date.parse(conversation.createdAt);
		const at = (hours: number) => iso(created + hours * hour);
		const thread = (id: number, hours: number, type: string, fields: Partial<FakeThread> = {}): FakeThread => ({
			...(type === 'customer' ? customerThread : replyThread),
			id,
			type,
			createdAt: at(hours),
			...fields,
		});
		fake.threads.set(1, [
			thread(900, 0, 'customer'),
			thread(901, 1, 'reply'), // first reply after 60 min
			thread(902, 2, 'customer'),
			thread(903, 3, 'note'), // a note answers nobody
			thread(904, 3.5, 'lineitem'), // nor does a system event
			thread(905, 4, 'forwardparent'), // nor a forward to a third party
			thread(906, 4.5, 'reply', {state: 'draft'}), // nor an unsent draft
			thread(907, 5, 'reply', {createdBy: jane}), // next reply: 2h → 5h = 180 min
			thread(908, 6, 'customer'),
			thread(909, 6.5, 'phone'), // next reply: 30 min, on the phone
		]);
		// Closed by Jane, not by the assignee: Help Scout says who.
		conversation['closedBy'] = jane.id;

		const page = await desk.exportTicketFacts(null);
		const facts = page.items.find((item) => item.ticket.id === '1');
		const ms = (hours: number) => new Date(created + hours * hour).toISOString();
		expect(facts?.publicMessages?.map((m) => [m.at, m.agent === null ? 'customer' : m.agent.email])).toEqual([
			[ms(0), 'customer'],
			[ms(1), fake.me.email],
			[ms(2), 'customer'],
			[ms(5), jane.email],
			[ms(6), 'customer'],
			[ms(6.5), fake.me.email],
		]);
		expect(facts?.publicMessages?.[5]?.channel).toBe('phone');
		if (facts === undefined) throw new Error('conversation 1 not exported');
		const cached = toCachedTicket(facts);
		// Next replies 180 and 30: the conversation's mean is 105. Requester wait 60 + 180 + 30 = 270 (the close a day
		// later waits for nobody: the last message was the agent's).
		expect(cached.nextReplyMinutes).toBe(105);
		expect(cached.requesterWaitMinutes).toBe(270);
		expect(cached.firstReplyBy).toBe(fake.me.email.toLowerCase());
		expect(cached.replies?.map((reply) => reply.agentKey)).toEqual([
			fake.me.email.toLowerCase(),
			jane.email,
			fake.me.email.toLowerCase(),
		]);
		expect(facts.solvedBy).toEqual({id: '17', name: 'Jane Agent', email: jane.email});
		expect(cached.solvedBy).toBe(jane.email);
		// Conversation 2 is active: no solve to credit; its thread is the customer's message and Jane's reply.
		const open = page.items.find((item) => item.ticket.id === '2');
		expect(open?.solvedBy).toBeNull();
		expect(open?.publicMessages?.map((m) => m.agent?.name ?? 'customer')).toEqual(['customer', 'Jane Agent']);
		// One request per conversation for its threads.
		expect(threadPaths(fake.requests)).toEqual([
			'/v2/conversations/1/threads',
			'/v2/conversations/2/threads',
			'/v2/conversations/3/threads',
		]);
	});

	it('credits the assignee when Help Scout names no closer', async () => {
		const clock = createVirtualClock();
		const result = await helpScoutOnFake({clock, conversations: 2, statusFor: () => 'closed'});
		closers.push(result.close);
		const {fake, desk} = result;
		const conversation = fake.conversations.get(2);
		if (conversation === undefined) throw new Error('fixture changed');
		conversation['closedBy'] = 0;
		const page = await desk.exportTicketFacts(null);
		expect(page.items.find((item) => item.ticket.id === '2')?.solvedBy?.email).toBe(jane.email);
		expect(page.items.find((item) => item.ticket.id === '1')?.solvedBy?.email).toBe(fake.me.email);
		// Both closers are the assignees: the users list is not read for them.
		expect(fake.requests.some((request) => request.pathname === '/v2/users')).toBe(false);
	});

	it('reads no thread for a conversation unchanged for more than 90 days, and a thread it cannot read fails nothing', async () => {
		const clock = createVirtualClock();
		const result = await helpScoutOnFake({clock, conversations: 3, statusFor: () => 'closed'});
		closers.push(result.close);
		const {fake, desk} = result;
		// Conversation 2 last changed 100 days ago: created, its threads, the agent's change and the close.
		const old = fake.conversations.get(2);
		if (old === undefined) throw new Error('fixture changed');
		const shift = (value: unknown) => iso(Date.parse(String(value)) - 100 * 24 * hour);
		old.createdAt = shift(old.createdAt);
		old['userUpdatedAt'] = shift(old['userUpdatedAt']);
		old['closedAt'] = shift(old['closedAt']);
		old['customerWaitingSince'] = {time: old.createdAt, friendly: '', latestReplyFrom: 'customer'};
		for (const item of fake.threads.get(2) ?? []) item.createdAt = shift(item.createdAt);
		// Conversation 3's threads answer 500: that conversation keeps its facts without a thread.
		fake.intercept = (request) =>
			request.pathname === '/v2/conversations/3/threads' ? {status: 500, json: {message: 'boom'}} : undefined;
		const page = await desk.exportTicketFacts(null);
		expect(page.items.map((item) => item.ticket.id).sort()).toEqual(['1', '2', '3']);
		expect(page.items.find((item) => item.ticket.id === '2')?.publicMessages).toBeUndefined();
		expect(page.items.find((item) => item.ticket.id === '3')?.publicMessages).toBeUndefined();
		expect(page.items.find((item) => item.ticket.id === '1')?.publicMessages).toHaveLength(2);
		expect(threadPaths(fake.requests).filter((path) => path !== '/v2/conversations/3/threads')).toEqual([
			'/v2/conversations/1/threads',
		]);
	});
});
