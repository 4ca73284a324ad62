import {afterEach, describe, expect, it} from 'vitest';
import {AuthError, ProviderError, UsageError} from '../../src/errors.js';
import {describeZammadError} from '../../src/providers/zammad/api.js';
import {priorityFromName, statusFromStateType, toTicketFacts} from '../../src/providers/zammad/map.js';
import {zammadTicket} from '../../src/providers/zammad/schemas.js';
import {createVirtualClock} from '../support/fake-server.js';
import {zammadError, zammadFixture} from '../support/fake-zammad.js';
import {zammadOnFake} from './zammad-setup.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
	await close?.();
	close = undefined;
});

const failureOf = (promise: Promise<unknown>): Promise<unknown> =>
	promise.then(
		() => {
			throw new Error('expected a failure');
		},
		(error: unknown) => error,
	);

describe('Zammad mapping', () => {
	it('maps states by state type, so renamed or added states still land right', () => {
		const states = zammadFixture<{name: string; state_type_id: number}[]>('ticket_states');
		expect(Object.fromEntries(states.map((state) => [state.name, statusFromStateType(state.state_type_id)]))).toEqual({
			new: 'new',
			open: 'open',
			'pending reminder': 'on-hold',
			closed: 'solved',
			merged: 'closed',
			removed: 'closed',
			'pending close': 'pending',
		});
	});

	it('reads priorities by their leading number', () => {
		const names = zammadFixture<{name: string}[]>('ticket_priorities').map((priority) => priority.name);
		expect(names.map(priorityFromName)).toEqual(['low', 'normal', 'high']);
		expect(priorityFromName('4 urgent')).toBe('urgent');
	});

	it('takes KPI facts from the ticket fields: business minutes, breaches (negative diff) and reopens', () => {
		const raw = zammadTicket.parse({
			...zammadFixture<Record<string, unknown>>('ticket_show'),
			first_response_at: '2021-06-01T13:57:17.935Z',
			first_response_in_min: 45,
			first_response_diff_in_min: -15,
			close_at: '2021-06-02T11:57:17.935Z',
			last_close_at: '2021-06-03T11:57:17.935Z',
			close_in_min: 300,
		});
		const lookup = {
			states: zammadFixture<{id: number; name: string; state_type_id: number}[]>('ticket_states'),
			priorities: [],
			groups: new Map(),
			user: () => undefined,
			origin: 'https://zammad.example.com',
		};
		const facts = toTicketFacts(raw, [], lookup);
		expect(facts).toMatchObject({
			firstReplyMinutes: 120,
			firstReplyBusinessMinutes: 45,
			solvedAt: '2021-06-03T11:57:17.935Z',
			fullResolutionBusinessMinutes: 300,
			reopens: 1,
			slaBreached: true,
		});
		expect(facts.ticket.url).toBe('https://zammad.example.com/#ticket/zoom/3');
	});
});

describe('Zammad errors and auth', () => {
	it("reads Zammad's {error, error_human} envelope", () => {
		expect(describeZammadError(zammadError('422_validation')).summary).toBe('Email address is invalid');
		expect(describeZammadError(zammadError('500')).summary).toBe(
			'Error ID a1B2c3D4: Please contact your administrator.',
		);
	});

	it('says what Zammad refused, and not-found for a missing ticket', async () => {
		const clock = createVirtualClock();
		const setup = await zammadOnFake({clock, tickets: 5});
		close = setup.close;
		const missing = await failureOf(setup.desk.getThread('999999'));
		expect(missing).toBeInstanceOf(ProviderError);
		expect((missing as ProviderError).message).toBe('Zammad has no ticket 999999 (or you cannot see it)');
		setup.fake.intercept = (request) =>
			request.method === 'PUT' ? {status: 422, json: zammadError('422_validation')} : undefined;
		const refused = await failureOf(setup.desk.updateTicket('2', {priority: 'low'}, {}));
		expect((refused as Error).message).toContain(
			'Zammad rejected PUT /api/v1/tickets/2 (422): Email address is invalid',
		);
		setup.fake.intercept = undefined;
		const group = await failureOf(setup.desk.updateTicket('2', {group: 'Nope'}, {}));
		expect(group).toBeInstanceOf(UsageError);
		expect((group as Error).message).toContain('no Zammad group named "Nope"');
	});

	it('uses basic auth when the profile names a user, and never logs the secret', async () => {
		const clock = createVirtualClock();
		const lines: string[] = [];
		const setup = await zammadOnFake(
			{clock, tickets: 3, basic: {login: 'chris@chrispresso.com', password: 'pa55-word-zz'}},
			{user: 'chris@chrispresso.com', token: 'pa55-word-zz', log: (line) => lines.push(line)},
		);
		close = setup.close;
		expect((await setup.desk.whoAmI()).name).toBe('Christopher Miller');
		expect(setup.fake.requests[0]?.headers.authorization).toMatch(/^Basic /);
		expect(lines.join('\n')).toContain('basic (chris@chrispresso.com)');
		expect(lines.join('\n')).not.toContain('pa55-word-zz');
	});

	it('exits as an auth failure with the fix on a wrong token', async () => {
		const clock = createVirtualClock();
		const setup = await zammadOnFake({clock, tickets: 3}, {token: 'wrong'});
		close = setup.close;
		const failure = await failureOf(setup.desk.whoAmI());
		expect(failure).toBeInstanceOf(AuthError);
		expect((failure as AuthError).hint).toContain('Token token=');
	});

	it('reads an overview as a view and names the overviews when one is unknown', async () => {
		const clock = createVirtualClock();
		const setup = await zammadOnFake({clock, tickets: 12});
		close = setup.close;
		const page = await setup.desk.listTickets({
			statuses: [],
			assignee: 'any',
			sort: 'urgency',
			limit: 2,
			view: 'all_unassigned',
		});
		expect(page.tickets.every((ticket) => ticket.assignee === null)).toBe(true);
		expect(page.nextCursor).not.toBeNull();
		const unknown = await failureOf(
			setup.desk.listTickets({statuses: [], assignee: 'any', sort: 'urgency', limit: 2, view: 'nope'}),
		);
		expect((unknown as UsageError).hint).toContain('all_unassigned (Unassigned & Open Tickets)');
	});

	it('keeps a reply that landed when the follow-up change fails: a warning, not a failed send', async () => {
		const clock = createVirtualClock();
		const setup = await zammadOnFake({clock, tickets: 5});
		close = setup.close;
		setup.fake.intercept = (request) =>
			request.method === 'PUT' ? {status: 422, json: zammadError('422_validation')} : undefined;
		const sent = await setup.desk.sendMessage(
			'2',
			{body: 'Hello there', public: true, changes: {status: 'solved'}},
			{},
		);
		expect(sent.warnings?.[0]).toContain('the ticket changes were not applied');
		expect(setup.fake.articles.get(2)?.some((article) => article.body.includes('Hello there'))).toBe(true);
	});

	it('filters csr closed as merged or removed tickets, and writes csr closed as Zammad closed', async () => {
		const clock = createVirtualClock();
		const setup = await zammadOnFake({clock, tickets: 10, stateFor: (id) => (id <= 3 ? 5 : 2)});
		close = setup.close;
		const query = {assignee: 'any', sort: 'urgency', limit: 50} as const;
		const closed = await setup.desk.listTickets({...query, statuses: ['closed']});
		expect(closed.tickets.map((ticket) => ticket.id)).toEqual(['1', '2', '3']);
		expect(closed.tickets.every((ticket) => ticket.status === 'closed')).toBe(true);
		const updated = await setup.desk.updateTicket('5', {status: 'closed'}, {});
		expect(setup.fake.tickets.get(5)?.state_id).toBe(4);
		expect(updated.status).toBe('solved');
	});

	it('shows a ticket without its tags when Zammad will not give them (best effort)', async () => {
		const clock = createVirtualClock();
		const setup = await zammadOnFake({clock, tickets: 5});
		close = setup.close;
		setup.fake.intercept = (request) =>
			request.pathname === '/api/v1/tags' ? {status: 403, json: zammadError('403')} : undefined;
		const thread = await setup.desk.getThread('1');
		expect(thread.ticket.tags).toEqual([]);
		expect(thread.messages.length).toBeGreaterThan(0);
	});

	it('does not show an empty queue when the search is not working (no Elasticsearch): it points to the overviews', async () => {
		const clock = createVirtualClock();
		const setup = await zammadOnFake({clock, tickets: 8, elasticsearch: false});
		close = setup.close;
		const failure = await failureOf(
			setup.desk.listTickets({statuses: ['new', 'open', 'pending'], assignee: 'any', sort: 'urgency', limit: 10}),
		);
		expect(failure).toBeInstanceOf(UsageError);
		expect((failure as UsageError).hint).toContain('--view all_open');
		// A filtered search may be empty for real: no check, no error.
		const mine = await setup.desk.listTickets({statuses: ['open'], assignee: 'me', sort: 'urgency', limit: 10});
		expect(mine.tickets).toEqual([]);
		const overview = await setup.desk.listTickets({
			statuses: [],
			assignee: 'any',
			sort: 'urgency',
			limit: 50,
			view: 'all_open',
		});
		expect(overview.tickets.length).toBeGreaterThan(0);
	});
});
