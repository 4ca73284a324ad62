import {afterEach, describe, expect, it} from 'vitest';
import {AuthError, ConflictError, ProviderError, UsageError} from '../../src/errors.js';
import type {TicketQuery} from '../../src/providers/help-desk.js';
import {errorBody, type FakeFreshdesk, fixture, validationError} from '../support/fake-freshdesk.js';
import {createVirtualClock, type RecordedRequest, type VirtualClock} from '../support/fake-server.js';
import {freshdeskKey, freshdeskOnFake} from './freshdesk-setup.js';

// Freshdesk-specific behaviour against the fake built from tests/fixtures/freshdesk: auth, error envelopes,
// retries and pacing, pagination and the search cap, endpoints and bodies of writes, bulk jobs, exports.

const query = (overrides: Partial<TicketQuery> = {}): TicketQuery => ({
	statuses: ['new', 'open', 'pending'],
	assignee: 'any',
	sort: 'urgency',
	limit: 50,
	...overrides,
});

const failureOf = (promise: Promise<unknown>): Promise<unknown> =>
	promise.then(
		() => {
			throw new Error('expected a failure');
		},
		(error: unknown) => error,
	);

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
	await Promise.all(closers.splice(0).map((close) => close()));
});

async function onFake(
	options: {tickets?: number; ratePerMinute?: number; statusFor?: (id: number) => number} = {},
	setup: Parameters<typeof freshdeskOnFake>[1] = {},
) {
	const clock: VirtualClock = createVirtualClock();
	const result = await freshdeskOnFake({clock, ...options}, setup);
	closers.push(result.close);
	return {...result, clock};
}

const calls = (fake: FakeFreshdesk, method: string, path: string | RegExp): RecordedRequest[] =>
	fake.requests.filter(
		(request) =>
			request.method === method && (typeof path === 'string' ? request.pathname === path : path.test(request.pathname)),
	);

const searchQueries = (fake: FakeFreshdesk): string[] =>
	calls(fake, 'GET', '/api/v2/search/tickets').map((request) => request.query.get('query') ?? '');

describe('Freshdesk auth', () => {
	it('sends the API key as the basic-auth user with X as password, and whoAmI names the agent', async () => {
		const {desk, fake} = await onFake();
		const agent = await desk.whoAmI();
		expect(agent).toEqual({id: String(fake.me.id), name: fake.me.name, email: fake.me.email});
		expect(fake.requests[0]?.headers.authorization).toBe(
			`Basic ${Buffer.from(`${freshdeskKey}:X`).toString('base64')}`,
		);
		expect(fake.requests[0]?.pathname).toBe('/api/v2/agents/me');
	});

	it('turns 401 into an AuthError that holds no key, and never logs the key', async () => {
		const lines: string[] = [];
		const {desk} = await onFake({}, {token: 'wrong-key-123456', log: (line) => lines.push(line)});
		const failure = await failureOf(desk.whoAmI());
		expect(failure).toBeInstanceOf(AuthError);
		expect(String((failure as Error).message)).not.toContain('wrong-key-123456');
		expect(lines.length).toBeGreaterThan(0);
		const base64 = Buffer.from('wrong-key-123456:X').toString('base64');
		for (const line of lines) {
			expect(line).not.toContain('wrong-key-123456');
			expect(line).not.toContain(base64);
		}
	});

	it('says which profile lacks a key before sending anything', async () => {
		const {desk, fake} = await onFake({}, {token: null, tokenSource: null});
		const failure = await failureOf(desk.whoAmI());
		expect(failure).toBeInstanceOf(AuthError);
		expect((failure as Error).message).toContain('no API key');
		expect(fake.requests).toHaveLength(0);
	});

	it('turns 403 (access_denied) into an AuthError with Freshdesk’s message', async () => {
		const {desk, fake} = await onFake();
		fake.intercept = (request) =>
			request.pathname === '/api/v2/search/tickets' ? {status: 403, json: errorBody('403')} : undefined;
		const failure = await failureOf(desk.listTickets(query()));
		expect(failure).toBeInstanceOf(AuthError);
		expect((failure as Error).message).toContain('403');
		expect((failure as Error).message).toContain('You are not authorized to perform this action.');
	});
});

describe('Freshdesk errors', () => {
	it('reads the 400 validation envelope into an invalid ProviderError naming the field', async () => {
		const {desk, fake} = await onFake();
		fake.intercept = (request) =>
			request.method === 'PUT' ? {status: 400, json: errorBody('400_invalid_value')} : undefined;
		const failure = await failureOf(desk.updateTicket('1', {status: 'pending'}, {}));
		expect(failure).toBeInstanceOf(ProviderError);
		expect((failure as ProviderError).kind).toBe('invalid');
		expect((failure as Error).message).toContain('Validation failed');
		expect((failure as Error).message).toContain("status: It should be one of these values: '2,3,4,5' (invalid_value)");
	});

	it('gets the fake’s own validation: a missing body on a note', async () => {
		const {desk} = await onFake();
		const failure = await failureOf(desk.sendMessage('2', {body: '   ', public: false}, {}));
		expect((failure as ProviderError).kind).toBe('invalid');
		expect((failure as Error).message).toContain('body: Mandatory attribute missing (missing_field)');
	});

	it('treats 409 as a refused, conflicting state — not as “the ticket changed”', async () => {
		const {desk, fake} = await onFake();
		fake.intercept = (request) =>
			request.method === 'PUT'
				? {status: 409, json: {code: 'duplicate_value', message: 'It should be a unique value'}}
				: undefined;
		const failure = await failureOf(desk.updateTicket('1', {priority: 'urgent'}, {}));
		expect(failure).toBeInstanceOf(ProviderError);
		expect(failure).not.toBeInstanceOf(ConflictError);
		expect((failure as ProviderError).kind).toBe('permanent');
		expect((failure as Error).message).toContain('409 conflicting state');
		expect((failure as Error).message).toContain('It should be a unique value');
	});

	it('says not-found for a ticket id that is not a number, without a request', async () => {
		const {desk, fake} = await onFake();
		const failure = await failureOf(desk.getThread('../agents/me'));
		expect((failure as ProviderError).kind).toBe('not-found');
		expect(fake.requests).toHaveLength(0);
	});

	it('waits out a 429 as Retry-After says and retries once — no storm', async () => {
		const {desk, fake, clock} = await onFake();
		let rejected = 0;
		fake.intercept = (request) => {
			if (request.pathname !== '/api/v2/agents/me' || rejected > 0) return undefined;
			rejected += 1;
			return {status: 429, body: '', headers: {'retry-after': '7'}};
		};
		await desk.whoAmI();
		expect(calls(fake, 'GET', '/api/v2/agents/me')).toHaveLength(2);
		expect(clock.sleptMs()).toBeGreaterThanOrEqual(7000);
		expect(clock.sleptMs()).toBeLessThan(9000);
	});

	it('paces from X-RateLimit-Remaining so a long run stays inside the quota', async () => {
		const {desk, fake, clock} = await onFake({ratePerMinute: 10});
		for (let round = 0; round < 25; round++) expect(await desk.getTickets([String(1 + (round % 5))])).toHaveLength(1);
		expect(fake.stats.overQuota).toBe(0);
		// 25+ requests at 10 a minute cannot take less than two minutes.
		expect(clock.sleptMs()).toBeGreaterThanOrEqual(120_000);
	});

	it('retries a GET after a 500, but never repeats a reply that got a 500', async () => {
		const {desk, fake} = await onFake();
		let failed = 0;
		fake.intercept = (request) => {
			if (request.method === 'GET' && request.pathname === '/api/v2/tickets/3' && failed === 0) {
				failed += 1;
				return {status: 500, body: ''};
			}
			if (request.method === 'POST') return {status: 502, body: ''};
			return undefined;
		};
		expect(await desk.getTickets(['3'])).toHaveLength(1);
		expect(calls(fake, 'GET', '/api/v2/tickets/3')).toHaveLength(2);
		const failure = await failureOf(desk.sendMessage('3', {body: 'Hello', public: true}, {}));
		expect((failure as ProviderError).kind).toBe('temporary');
		expect(calls(fake, 'POST', '/api/v2/tickets/3/reply')).toHaveLength(1);
	});

	it('refuses a body that is not JSON, or JSON of the wrong shape, naming the field', async () => {
		const {desk, fake} = await onFake();
		fake.intercept = (request) =>
			request.pathname === '/api/v2/agents/me' ? {status: 200, body: '<html>maintenance</html>'} : undefined;
		const notJson = await failureOf(desk.whoAmI());
		expect(notJson).toBeInstanceOf(ProviderError);
		expect((notJson as Error).message).toContain('not valid JSON');
		fake.intercept = (request) =>
			request.pathname === '/api/v2/search/tickets' ? {status: 200, json: {total: 1, results: [{id: 'x'}]}} : undefined;
		const wrongShape = await failureOf(desk.listTickets(query()));
		expect(wrongShape).toBeInstanceOf(ProviderError);
		expect((wrongShape as Error).message).toContain('results[0].id');
	});
});

describe('Freshdesk queue', () => {
	it('asks the filter search for the default statuses exactly as Freshdesk wants it', async () => {
		const {desk, fake} = await onFake();
		await desk.listTickets(query());
		expect(searchQueries(fake)).toEqual(['"(status:2 OR status:3)"']);
	});

	it('builds assignee, group, priority and tag terms; names become ids', async () => {
		const {desk, fake} = await onFake();
		await desk.listTickets(query({assignee: 'me', group: 'billing', priorities: ['high', 'urgent'], tags: ['vip']}));
		await desk.listTickets(query({assignee: 'none', statuses: ['solved']}));
		await desk.listTickets(query({assignee: {email: 'sam@example.com'}, statuses: ['on-hold']}));
		expect(searchQueries(fake)).toEqual([
			`"(status:2 OR status:3) AND agent_id:${fake.me.id} AND group_id:11 AND (priority:3 OR priority:4) AND tag:'vip'"`,
			'"status:4 AND agent_id:null"',
			`"(status:6 OR status:7) AND agent_id:${fake.agents[1]?.id}"`,
		]);
	});

	it('maps custom statuses to on-hold with their label, and filters channels itself', async () => {
		const {desk} = await onFake();
		const onHold = await desk.listTickets(query({statuses: ['on-hold']}));
		expect(onHold.tickets.length).toBeGreaterThan(0);
		expect(new Set(onHold.tickets.map((ticket) => ticket.status))).toEqual(new Set(['on-hold']));
		expect(new Set(onHold.tickets.map((ticket) => ticket.statusLabel))).toEqual(
			new Set(['Waiting on Customer', 'Waiting on Third Party']),
		);
		const chat = await desk.listTickets(query({channels: ['chat'], statuses: ['open', 'pending', 'solved', 'closed']}));
		expect(chat.tickets.length).toBeGreaterThan(0);
		expect(chat.tickets.every((ticket) => ticket.channel === 'chat')).toBe(true);
	});

	it('pages through search results with cursors, each ticket once', async () => {
		const {desk, fake} = await onFake({tickets: 100, statusFor: (id) => (id % 2 === 0 ? 2 : 4)});
		const seen: string[] = [];
		let cursor: string | undefined;
		for (;;) {
			const page = await desk.listTickets(query({statuses: ['open'], limit: 20, cursor}));
			expect(page.totalCount).toBe(50);
			seen.push(...page.tickets.map((ticket) => ticket.id));
			if (page.nextCursor === null) break;
			cursor = page.nextCursor;
		}
		expect(seen).toHaveLength(50);
		expect(new Set(seen).size).toBe(50);
		const pages = calls(fake, 'GET', '/api/v2/search/tickets').map((request) => request.query.get('page'));
		expect(new Set(pages)).toEqual(new Set(['1', '2']));
	});

	it('reports the 300-result cap of the search instead of stopping silently', async () => {
		const {desk} = await onFake({tickets: 340, statusFor: () => 2});
		let cursor: string | undefined;
		let count = 0;
		let cap: {limit: number; hint: string} | undefined;
		for (let pages = 0; pages < 20; pages++) {
			// A search page (30): a whole-queue page of 100 reads the status-ordered list, which has no such cap.
			const page = await desk.listTickets(query({statuses: ['open'], limit: 30, cursor}));
			count += page.tickets.length;
			cap = page.cap ?? cap;
			if (page.nextCursor === null) break;
			cursor = page.nextCursor;
		}
		expect(count).toBe(300);
		expect(cap?.limit).toBe(300);
		expect(cap?.hint).toContain('300 of 340');
	});

	it('offers Freshdesk’s own lists as views, following the Link header', async () => {
		const {desk, fake} = await onFake({tickets: 60, statusFor: () => 2});
		const seen: string[] = [];
		let cursor: string | undefined;
		for (;;) {
			const page = await desk.listTickets(query({view: 'new_and_my_open', limit: 10, cursor}));
			seen.push(...page.tickets.map((ticket) => ticket.id));
			if (page.nextCursor === null) break;
			cursor = page.nextCursor;
		}
		const expected = [...fake.tickets.values()].filter(
			(ticket) =>
				(ticket.responder_id === null || ticket.responder_id === fake.me.id) &&
				Date.parse(ticket.created_at) >= Date.parse('2026-03-02T12:00:00Z') - 30 * 86_400_000,
		);
		expect(new Set(seen)).toEqual(new Set(expected.map((ticket) => String(ticket.id))));
		expect(seen).toHaveLength(expected.length);
		const list = calls(fake, 'GET', '/api/v2/tickets');
		expect(list[0]?.query.get('filter')).toBe('new_and_my_open');
		expect(list[0]?.query.get('include')).toBe('requester,stats');
		const failure = await failureOf(desk.listTickets(query({view: 'My unsolved'})));
		expect(failure).toBeInstanceOf(UsageError);
		expect((failure as UsageError).hint).toContain('new_and_my_open');
	});

	it('names requesters, agents and groups, looking each up once', async () => {
		const {desk, fake} = await onFake();
		const page = await desk.listTickets(query({limit: 30}));
		const first = page.tickets.find((ticket) => ticket.requester.id === '6012691534');
		expect(first?.requester).toEqual({
			id: '6012691534',
			name: 'Dummyname',
			email: 'dummyname@example.com',
			locale: 'en',
		});
		// A listing names agents and groups from the ticket fields (no /agents, no /groups); a read adds the agent's email.
		const assigned = page.tickets.find((ticket) => ticket.assignee?.id === String(fake.me.id));
		expect(assigned?.assignee).toMatchObject({id: String(fake.me.id), name: 'Rachel'});
		expect(page.tickets.some((ticket) => ticket.group?.name === 'Billing')).toBe(true);
		expect(calls(fake, 'GET', '/api/v2/agents')).toHaveLength(0);
		expect(calls(fake, 'GET', '/api/v2/groups')).toHaveLength(0);
		const thread = await desk.getThread(assigned?.id ?? '');
		expect(thread.ticket.assignee).toEqual({id: String(fake.me.id), name: 'Rachel', email: 'rachel@example.com'});
		const contactCalls = calls(fake, 'GET', /^\/api\/v2\/contacts\/\d+$/).map((request) => request.pathname);
		expect(new Set(contactCalls).size).toBe(contactCalls.length);
		await desk.listTickets(query({limit: 30}));
		expect(calls(fake, 'GET', /^\/api\/v2\/contacts\/\d+$/)).toHaveLength(contactCalls.length);
		expect(calls(fake, 'GET', '/api/v2/agents')).toHaveLength(1);
	});
});

describe('Freshdesk thread', () => {
	it('puts the description first, marks private notes internal and incoming messages the customer’s', async () => {
		const {desk, fake} = await onFake();
		const thread = await desk.getThread('1');
		const [description, ...rest] = thread.messages;
		expect(description).toMatchObject({
			id: '1-description',
			public: true,
			text: 'This is a sample ticket, feel free to delete it.',
			author: {role: 'customer', name: 'Dummyname'},
			attachments: [{name: 'attachment.txt', size: 44115, contentType: 'text/plain'}],
		});
		expect(rest.map((message) => [message.author.role, message.public])).toEqual([
			['agent', true],
			['customer', true],
			['agent', false],
		]);
		expect(rest[0]?.author.name).toBe('Rachel');
		expect(thread.customer).toMatchObject({
			id: '6012691534',
			organization: {id: '501', name: 'Acme Ltd'},
			locale: 'en',
		});
		expect(thread.customer.recentTickets.map((ticket) => ticket.id)).not.toContain('1');
		expect(thread.customer.recentTickets.length).toBeGreaterThan(0);
		expect(calls(fake, 'GET', '/api/v2/tickets/1')[0]?.query.get('include')).toBe('requester,company,stats');
	});

	it('reads every page of a long conversation', async () => {
		const {desk, fake} = await onFake();
		for (let index = 0; index < 150; index++) {
			fake.addConversation(2, {userId: fake.me.id, body: `update ${index}`, incoming: false, private: index % 2 === 0});
		}
		const thread = await desk.getThread('2');
		expect(thread.messages.filter((message) => message.text.startsWith('update '))).toHaveLength(150);
		expect(calls(fake, 'GET', '/api/v2/tickets/2/conversations').map((request) => request.query.get('page'))).toEqual([
			'1',
			'2',
		]);
	});

	it('shows the requester’s last CSAT on Freshdesk’s scale', async () => {
		const {desk, fake} = await onFake();
		const rated = fake.ratings[0];
		const thread = await desk.getThread(String(rated?.['ticket_id']));
		expect(thread.customer.lastCsat).not.toBeNull();
		expect(['good', 'bad']).toContain(thread.customer.lastCsat?.score);
	});
});

describe('Freshdesk writes', () => {
	it('sends a public reply to /reply and a note to /notes with private: true, as escaped HTML', async () => {
		const {desk, fake} = await onFake();
		await desk.sendMessage('2', {body: 'Hi <Anna> & co,\n\nline one\nline two', public: true}, {});
		await desk.sendMessage('2', {body: 'internal', public: false}, {});
		const [reply] = calls(fake, 'POST', '/api/v2/tickets/2/reply');
		const [note] = calls(fake, 'POST', '/api/v2/tickets/2/notes');
		expect(JSON.parse(reply?.body ?? '')).toEqual({
			body: '<p>Hi &lt;Anna&gt; &amp; co,</p><p>line one<br>line two</p>',
		});
		expect(JSON.parse(note?.body ?? '')).toEqual({body: '<p>internal</p>', private: true});
		const thread = await desk.getThread('2');
		expect(thread.messages.some((message) => message.text.includes('Hi <Anna> & co,'))).toBe(true);
	});

	it('replies first, then sets the status with a PUT (two calls, in that order)', async () => {
		const {desk, fake} = await onFake();
		const result = await desk.sendMessage('2', {body: 'Done', public: true, changes: {status: 'solved'}}, {});
		const writes = fake.requests
			.filter((request) => request.method !== 'GET')
			.map((request) => `${request.method} ${request.pathname}`);
		expect(writes).toEqual(['POST /api/v2/tickets/2/reply', 'PUT /api/v2/tickets/2']);
		expect(JSON.parse(calls(fake, 'PUT', '/api/v2/tickets/2')[0]?.body ?? '')).toEqual({status: 4});
		expect(result.ticket.status).toBe('solved');
	});

	it('keeps a sent reply a success when the status change after it fails', async () => {
		const lines: string[] = [];
		const {desk, fake} = await onFake({}, {log: (line) => lines.push(line)});
		fake.intercept = (request) =>
			request.method === 'PUT' ? validationError('status', 'nope', 'invalid_value') : undefined;
		const result = await desk.sendMessage('2', {body: 'Reply', public: true, changes: {status: 'solved'}}, {});
		expect(result.messageId).toMatch(/^\d+$/);
		expect(result.ticket.status).not.toBe('solved');
		expect(lines.some((line) => line.includes('changes were not applied'))).toBe(true);
		expect(result.warnings?.[0]).toMatch(/^the ticket changes were not applied/);
	});

	it('never fails a send after the message went out, even when names cannot be looked up', async () => {
		const {desk, fake} = await onFake();
		fake.intercept = (request) => (request.pathname === '/api/v2/agents' ? {status: 500, body: ''} : undefined);
		const result = await desk.sendMessage('2', {body: 'Sent anyway', public: true}, {});
		expect(result.messageId).toMatch(/^\d+$/);
		expect(result.ticket.assignee?.id).toBe(String(fake.agents[1]?.id));
		expect(calls(fake, 'POST', '/api/v2/tickets/2/reply')).toHaveLength(1);
	});

	it('refuses to write when the ticket moved since it was read (best-effort drift check)', async () => {
		const {desk, fake} = await onFake();
		const [ticket] = await desk.getTickets(['2']);
		fake.addConversation(2, {userId: 7000, body: 'Customer again', incoming: true, private: false});
		const failure = await failureOf(
			desk.sendMessage('2', {body: 'Late reply', public: true}, {expectedUpdatedAt: ticket?.updatedAt}),
		);
		expect(failure).toBeInstanceOf(ConflictError);
		expect(calls(fake, 'POST', '/api/v2/tickets/2/reply')).toHaveLength(0);
	});

	it('merges tags with the current list before the PUT, which replaces the whole list', async () => {
		const {desk, fake} = await onFake();
		expect(fake.tickets.get(4)?.tags).toEqual(['refund', 'billing']);
		const updated = await desk.updateTicket('4', {tags: {add: ['escalated', 'billing'], remove: ['refund']}}, {});
		expect(JSON.parse(calls(fake, 'PUT', '/api/v2/tickets/4')[0]?.body ?? '')).toEqual({
			tags: ['billing', 'escalated'],
		});
		expect(updated.tags).toEqual(['billing', 'escalated']);
		await desk.updateTicket('4', {tags: {add: ['billing'], remove: ['absent']}}, {});
		expect(calls(fake, 'PUT', '/api/v2/tickets/4')).toHaveLength(1);
	});

	it('maps priority, assignee by email and group by name to Freshdesk ids', async () => {
		const {desk, fake} = await onFake();
		expect(fake.tickets.get(6)).toMatchObject({priority: 3, responder_id: null, group_id: 11});
		const updated = await desk.updateTicket(
			'6',
			{priority: 'urgent', assignee: {email: 'sam@example.com'}, group: 'Tier 2'},
			{},
		);
		expect(JSON.parse(calls(fake, 'PUT', '/api/v2/tickets/6')[0]?.body ?? '')).toEqual({
			priority: 4,
			responder_id: fake.agents[1]?.id,
			group_id: 12,
		});
		expect(updated).toMatchObject({priority: 'urgent', assignee: {name: 'Sam Kingston'}, group: {name: 'Tier 2'}});
		await desk.updateTicket('6', {assignee: null}, {});
		expect(JSON.parse(calls(fake, 'PUT', '/api/v2/tickets/6')[1]?.body ?? '')).toEqual({responder_id: null});
		const unknownAgent = await failureOf(desk.updateTicket('6', {assignee: {email: 'nobody@example.com'}}, {}));
		expect(unknownAgent).toBeInstanceOf(UsageError);
		const unknownGroup = await failureOf(desk.updateTicket('6', {group: 'Nope'}, {}));
		expect((unknownGroup as UsageError).hint).toContain('Billing');
	});

	it('will not guess which custom status means on-hold', async () => {
		const {desk, fake} = await onFake();
		const failure = await failureOf(desk.updateTicket('2', {status: 'on-hold'}, {}));
		expect(failure).toBeInstanceOf(UsageError);
		expect((failure as UsageError).hint).toContain('Waiting on Customer (6)');
		expect(calls(fake, 'PUT', /./)).toHaveLength(0);
	});

	it('sends a batch: one reply per ticket, the shared status change in one bulk_update job', async () => {
		const {desk, fake} = await onFake();
		const ids = ['2', '4', '8'];
		const outcomes = await desk.sendBatch?.(
			ids.map((ticketId) => ({
				ticketId,
				message: {body: `Update for ${ticketId}`, public: true, changes: {status: 'pending'}},
				options: {},
			})),
		);
		expect(outcomes?.map((outcome) => outcome.ok)).toEqual([true, true, true]);
		expect(calls(fake, 'POST', /^\/api\/v2\/tickets\/\d+\/reply$/)).toHaveLength(3);
		const [bulk] = calls(fake, 'POST', '/api/v2/tickets/bulk_update');
		expect(JSON.parse(bulk?.body ?? '')).toEqual({bulk_action: {ids: [2, 4, 8], properties: {status: 3}}});
		expect(calls(fake, 'GET', /^\/api\/v2\/jobs\//).length).toBeGreaterThanOrEqual(2);
		expect(calls(fake, 'PUT', /./)).toHaveLength(0);
		for (const id of ids) expect(fake.tickets.get(Number(id))?.status).toBe(3);
	});

	it('puts tag changes of a batch ticket by ticket, and reports a failed reply for its ticket only', async () => {
		const {desk, fake} = await onFake();
		const outcomes = await desk.sendBatch?.([
			{ticketId: '2', message: {body: 'a', public: true, changes: {tags: {add: ['batch'], remove: []}}}, options: {}},
			{ticketId: '999', message: {body: 'b', public: true}, options: {}},
			{ticketId: '4', message: {body: 'c', public: false, changes: {tags: {add: ['batch'], remove: []}}}, options: {}},
		]);
		expect(outcomes?.map((outcome) => [outcome.ticketId, outcome.ok])).toEqual([
			['2', true],
			['999', false],
			['4', true],
		]);
		const failed = outcomes?.[1];
		expect(failed && !failed.ok && (failed.error as ProviderError).kind).toBe('not-found');
		expect(calls(fake, 'POST', '/api/v2/tickets/bulk_update')).toHaveLength(0);
		expect(fake.tickets.get(2)?.tags).toContain('batch');
		expect(fake.tickets.get(4)?.tags).toEqual(['refund', 'billing', 'batch']);
	});

	it('falls back to one PUT per ticket for tickets a bulk job did not update', async () => {
		const {desk, fake} = await onFake();
		fake.intercept = (request) => {
			if (!/^\/api\/v2\/jobs\//.test(request.pathname)) return undefined;
			return {
				status: 200,
				json: {
					status: 'PARTIAL',
					data: [
						{id: 2, success: true},
						{id: 4, success: false, error: {message: '...'}},
					],
				},
			};
		};
		await desk.sendBatch?.(
			['2', '4'].map((ticketId) => ({
				ticketId,
				message: {body: 'x', public: true, changes: {priority: 'high'}},
				options: {},
			})),
		);
		expect(calls(fake, 'PUT', /./).map((request) => request.pathname)).toEqual(['/api/v2/tickets/4']);
	});
});

describe('Freshdesk exports', () => {
	/** Reads an export the way csr sync does: until no cursor, an empty page, or a cursor that did not move. */
	async function drain<T extends {ticket?: {id: string}; id?: string}>(
		read: (cursor: string | null) => Promise<{items: readonly T[]; nextCursor: string | null}>,
		start: string | null,
	): Promise<{items: Map<string, T>; cursor: string | null; reads: number}> {
		const items = new Map<string, T>();
		let cursor = start;
		for (let reads = 1; reads < 50; reads++) {
			const page = await read(cursor);
			for (const item of page.items) items.set(item.ticket?.id ?? item.id ?? '', item);
			const done = page.nextCursor === null || page.items.length === 0 || page.nextCursor === cursor;
			cursor = page.nextCursor ?? cursor;
			if (done) return {items, cursor, reads};
		}
		throw new Error('the export never caught up');
	}

	it('exports ticket facts from stats, page by page, and resumes from the last change', async () => {
		const {desk, fake} = await onFake({tickets: 150});
		const initial = await drain((cursor) => desk.exportTicketFacts(cursor), null);
		const facts = [...initial.items.values()];
		expect(facts).toHaveLength(150);
		// Two pages of 100, then the caught-up check.
		expect(initial.reads).toBe(3);
		await desk.updateTicket('7', {priority: 'low'}, {});
		const second = await drain((cursor) => desk.exportTicketFacts(cursor), initial.cursor);
		expect([...second.items.keys()]).toContain('7');
		// Only what changed, plus the tickets that share the previous window's last updated_at (7 in this data).
		expect(second.items.size).toBeLessThanOrEqual(8);
		const list = calls(fake, 'GET', '/api/v2/tickets');
		expect(list[0]?.query.get('include')).toBe('requester,stats');
		expect(list[0]?.query.get('order_by')).toBe('updated_at');
		expect(list[0]?.query.get('updated_since')).toBeTruthy();
		const raw = fake.tickets.get(1);
		const first = facts.find((fact) => fact.ticket.id === '1');
		expect(first?.firstReplyAt).toBe(new Date(raw?.stats.first_responded_at ?? '').toISOString());
		expect(first?.firstReplyMinutes).toBe(
			Math.round((Date.parse(raw?.stats.first_responded_at ?? '') - Date.parse(raw?.created_at ?? '')) / 60_000),
		);
		expect(first?.firstReplyBusinessMinutes).toBeNull();
		const solved = facts.find((fact) => fact.ticket.status === 'solved');
		expect(solved?.solvedAt).not.toBeNull();
		expect(solved?.fullResolutionMinutes).toBeGreaterThan(0);
		const unanswered = facts.find((fact) => fact.firstReplyAt === null);
		expect(unanswered?.publicAgentReplies).toBe(0);
	});

	it('maps satisfaction ratings: above 100 good, neutral and negative bad', async () => {
		const {desk, fake} = await onFake();
		const page = await desk.exportSatisfaction(null);
		expect(page.nextCursor).not.toBeNull();
		const again = await desk.exportSatisfaction(page.nextCursor);
		expect(again.nextCursor).toBe(page.nextCursor);
		const byValue = new Map(
			fake.ratings.map((rating) => [
				String(rating['id']),
				(rating['ratings'] as Record<string, number>)['default_question'],
			]),
		);
		expect(page.items.map((rating) => [byValue.get(rating.id), rating.score])).toEqual([
			[103, 'good'],
			[-103, 'bad'],
			[100, 'bad'],
			[101, 'good'],
			[103, 'good'],
		]);
		expect(calls(fake, 'GET', '/api/v2/surveys/satisfaction_ratings')[0]?.query.get('created_since')).toBeTruthy();
		expect(await desk.exportSurveys(null)).toEqual({items: [], nextCursor: null});
	});

	it('has no ratings when the account has no surveys (403 require_feature)', async () => {
		const {desk, fake} = await onFake();
		fake.intercept = (request) =>
			request.pathname === '/api/v2/surveys/satisfaction_ratings'
				? {
						status: 403,
						json: {code: 'require_feature', message: 'The Surveys feature(s) is/are not supported in your plan.'},
					}
				: undefined;
		expect(await desk.exportSatisfaction(null)).toEqual({items: [], nextCursor: null});
	});

	it('lists groups and agents', async () => {
		const {desk} = await onFake();
		expect(await desk.listGroups()).toEqual([
			{id: '11', name: 'Billing'},
			{id: '12', name: 'Tier 2'},
		]);
		expect((await desk.listAgents()).map((agent) => agent.email)).toEqual(['rachel@example.com', 'sam@example.com']);
	});
});

describe('the fake follows the fixtures', () => {
	it('answers a reply with the fixture’s conversation shape', async () => {
		const {fake} = await onFake();
		const created = fake.addConversation(1, {userId: fake.me.id, body: 'x', incoming: false, private: false});
		expect(Object.keys(created).sort()).toEqual(Object.keys(fixture('reply_created')).sort());
	});
});
