import {readdirSync, readFileSync} from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {z} from 'zod';
import {Message} from '../../src/domain/message.js';
import {Ticket} from '../../src/domain/ticket.js';
import {AuthError, ProviderError} from '../../src/errors.js';
import type {HelpDesk, ProviderSetup, TicketQuery} from '../../src/providers/help-desk.js';
import {describeRtError, tokenUserId} from '../../src/providers/rt/api.js';
import {
	applyTagDelta,
	rtStatusesFor,
	toPriority,
	toStatus,
	toTicket,
	toTicketFacts,
} from '../../src/providers/rt/map.js';
import {createRtHelpDesk} from '../../src/providers/rt/rt-help-desk.js';
import {
	rtAttachmentPage,
	rtCollection,
	rtMessages,
	rtQueue,
	rtTicketPage,
	rtTransactionPage,
	rtUser,
	rtUserPage,
} from '../../src/providers/rt/schemas.js';
import {quote, toTicketSql} from '../../src/providers/rt/ticket-sql.js';
import {type FakeServer, type RecordedRequest, startFakeServer} from '../support/fake-server.js';

/*
 * The RT provider offline: its schemas against responses recorded from a real RT 5.0.3 (tests/fixtures/rt, made by
 * the capture script next to the shared RT recipe), and its requests and error handling against a fake RT that
 * answers with those recordings. The real-server suite is tests/integration/rt.test.ts.
 */
const fixtureDir = new URL('../fixtures/rt/', import.meta.url);
function fixture(prefix: string): unknown {
	const name = readdirSync(fixtureDir).find((file) => file.startsWith(`${prefix}-`));
	if (name === undefined) throw new Error(`no fixture ${prefix}`);
	return JSON.parse(readFileSync(new URL(name, fixtureDir), 'utf8'));
}

const token = `1-27-${'a1'.repeat(16)}`;

function setup(url: string, overrides: Partial<ProviderSetup> = {}): ProviderSetup {
	return {
		profileName: 'rt',
		baseUrl: url,
		email: null,
		user: null,
		token,
		tokenSource: 'env-profile',
		oauth: null,
		saveOAuth: () => {},
		dataDir: '/nonexistent',
		now: () => new Date('2026-11-23T12:00:00Z'),
		log: undefined,
		...overrides,
	};
}

const query = (overrides: Partial<TicketQuery> = {}): TicketQuery => ({
	statuses: ['new', 'open', 'pending'],
	assignee: 'any',
	sort: 'urgency',
	limit: 25,
	...overrides,
});

describe('RT REST2 schemas fit the recorded responses', () => {
	it.each([
		['064', rtTicketPage],
		['065', rtTicketPage],
		['066', rtTicketPage],
		['129', rtTicketPage],
		['075', rtTransactionPage],
		['094', rtTransactionPage],
		['117', rtAttachmentPage],
		['002', rtUser],
		['120', rtUser],
		['121', rtUser],
		['122', rtUserPage],
		['009', rtCollection(rtQueue)],
		['033', rtMessages],
		['035', rtMessages],
		['048', rtMessages],
	] as const)('fixture %s', (prefix, schema) => {
		const parsed = schema.safeParse(fixture(prefix));
		expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
	});

	it('reads every collection envelope, with total and pages null for non-admins', () => {
		const envelope = rtCollection(z.object({id: z.string()}));
		for (const prefix of ['062', '069', '073', '074']) {
			const parsed = envelope.parse(fixture(prefix));
			expect(parsed.items.length).toBe(parsed.count);
		}
		expect(envelope.parse(fixture('073')).total).toBeNull();
	});

	it('reads the loose forms: numbers as strings, "" for no custom fields, 1970 for unset dates, summaries without id', () => {
		const page = rtTicketPage.parse(fixture('065'));
		const first = page.items.find((item) => item.id === '1');
		expect(first).toMatchObject({Priority: 10, Due: null, Status: 'resolved'});
		expect(first?.Resolved).toMatch(/^2026-/);
		expect(rtTicketPage.parse({...page, items: [{...page.items[0], CustomFields: ''}]}).items[0]?.CustomFields).toEqual(
			[],
		);
		expect(rtUser.parse(fixture('120'))).toMatchObject({Name: 'soren@example.dk', Privileged: false});
		expect(rtUser.parse(fixture('002'))).toMatchObject({id: '27', Name: 'agent', Privileged: true});
	});
});

describe('RT mapping', () => {
	const webBase = 'https://rt.example.com/rt';

	it('maps search results to domain tickets', () => {
		const items = rtTicketPage.parse(fixture('065')).items;
		const tickets = items.map((item) => toTicket(item, webBase));
		for (const ticket of tickets) expect(() => Ticket.parse(ticket)).not.toThrow();
		expect(tickets.find((ticket) => ticket.id === '1')).toEqual({
			id: '1',
			subject: 'Fejl på faktura – æøå ÆØÅ',
			status: 'solved',
			priority: 'low',
			channel: 'email',
			requester: {id: 'soren@example.dk', name: 'Søren Ærø', email: 'soren@example.dk', locale: null},
			assignee: {id: 'agent', name: 'Alex Agent', email: null},
			group: {id: '3', name: 'Support'},
			tags: ['Category:Technical'],
			createdAt: '2026-11-22T20:36:04Z',
			updatedAt: expect.stringMatching(/^2026-11-22T/),
			slaDueAt: null,
			url: 'https://rt.example.com/rt/Ticket/Display.html?id=1',
		});
		expect(tickets.find((ticket) => ticket.id === '3')).toMatchObject({status: 'pending', assignee: null});
		expect(tickets.find((ticket) => ticket.id === '6')?.requester).toEqual({
			id: '',
			name: '(no requestor)',
			email: null,
			locale: null,
		});
	});

	it('maps statuses and priorities both ways', () => {
		expect(['new', 'open', 'stalled', 'resolved', 'rejected', 'deleted'].map((raw) => toStatus(raw).status)).toEqual([
			'new',
			'open',
			'pending',
			'solved',
			'closed',
			'closed',
		]);
		expect(toStatus('waiting-for-vendor')).toEqual({status: 'open', label: 'waiting-for-vendor'});
		expect(rtStatusesFor(['new', 'open', 'pending'])).toEqual(['new', 'open', 'stalled']);
		expect(rtStatusesFor(['on-hold'])).toEqual([]);
		expect(rtStatusesFor(['closed'])).toEqual(['rejected']);
		expect([0, 49, 50, 79, 80, 99, 100, 120, null].map(toPriority)).toEqual([
			'low',
			'low',
			'normal',
			'normal',
			'high',
			'high',
			'urgent',
			'urgent',
			null,
		]);
	});

	it('turns queue queries into TicketSQL, quoting what users type', () => {
		expect(toTicketSql(query())).toBe("(Status = 'new' OR Status = 'open' OR Status = 'stalled')");
		expect(
			toTicketSql(
				query({
					statuses: ['open'],
					assignee: {email: 'blake@csr.test'},
					group: 'Support',
					priorities: ['high', 'urgent'],
					tags: ['vip', 'Category:Billing'],
					search: "it's",
				}),
			),
		).toBe(
			"Status = 'open' AND Owner.EmailAddress = 'blake@csr.test' AND Queue = 'Support' AND " +
				'((Priority >= 80 AND Priority < 100) OR Priority >= 100) AND ' +
				"CF.{Tags} = 'vip' AND CF.{Category} = 'Billing' AND " +
				"(Subject LIKE 'it\\'s' OR Requestor.EmailAddress LIKE 'it\\'s' OR Requestor.RealName LIKE 'it\\'s')",
		);
		expect(toTicketSql(query({assignee: 'me'}))).toContain("Owner = '__CurrentUser__'");
		expect(toTicketSql(query({statuses: ['on-hold']}))).toBeNull();
		expect(toTicketSql(query({channels: ['chat']}))).toBeNull();
		expect(quote("a\\b'c")).toBe("'a\\\\b\\'c'");
	});

	it('applies a tag delta to custom fields, and refuses tags the ticket has no field for', () => {
		const fields = [
			{id: '2', name: 'Tags', values: ['vip', 'late']},
			{id: '3', name: 'Category', values: ['Billing']},
		];
		expect(applyTagDelta(fields, {add: ['parcel', 'Category:Shipping'], remove: ['late']}, (id) => id === '3')).toEqual(
			[
				{id: '2', name: 'Tags', values: ['vip', 'parcel']},
				{id: '3', name: 'Category', values: ['Shipping']},
			],
		);
		expect(() => applyTagDelta([], {add: ['x'], remove: []}, () => false)).toThrow(/no "Tags" custom field/);
		expect(() => applyTagDelta(fields, {add: ['Colour:Red'], remove: []}, () => false)).toThrow(/Colour/);
	});

	it('derives KPI facts from the transactions', () => {
		const raw = rtTicketPage.parse(fixture('065')).items.find((item) => item.id === '1');
		if (raw === undefined) throw new Error('fixture');
		const history = rtTransactionPage.parse(fixture('075')).items;
		const facts = toTicketFacts({
			ticket: toTicket(raw, webBase),
			history,
			requestorIds: new Set(['soren@example.dk']),
			now: new Date('2026-11-23T00:00:00Z'),
		});
		expect(facts).toMatchObject({
			firstReplyAt: '2026-11-22T20:36:07Z',
			firstReplyMinutes: 0,
			solvedAt: '2026-11-22T20:36:09Z',
			reopens: 0,
			publicAgentReplies: 1,
			slaBreached: null,
			firstReplyBusinessMinutes: null,
		});
		const reopened = toTicketFacts({
			ticket: toTicket(raw, webBase),
			history: [
				...history,
				{
					...history[0],
					id: '900',
					Type: 'Status',
					Created: '2026-11-22T21:00:00Z',
					OldValue: 'resolved',
					NewValue: 'open',
				},
			] as typeof history,
			requestorIds: new Set(['soren@example.dk']),
			now: new Date(),
		});
		expect(reopened.reopens).toBe(1);
		// Who did the work: the agent's reply (the Create is not a reply), and the agent resolved it.
		expect(facts.publicMessages?.filter((message) => message.agent !== null)).toEqual([
			{
				at: '2026-11-22T20:36:07Z',
				channel: facts.ticket.channel,
				agent: {id: 'agent', name: 'Alex Agent', email: 'agent@csr.test'},
			},
		]);
		expect(facts.publicMessages?.[0]?.agent).toBeNull();
		expect(facts.solvedBy).toEqual({id: 'agent', name: 'Alex Agent', email: 'agent@csr.test'});
		// A resolve by RT itself (a scrip) credits nobody.
		const bySystem = toTicketFacts({
			ticket: toTicket(raw, webBase),
			history: history.map((transaction) =>
				transaction.Type === 'Status'
					? {...transaction, Creator: {...transaction.Creator, id: 'RT_System'}}
					: transaction,
			) as typeof history,
			requestorIds: new Set(['soren@example.dk']),
			now: new Date(),
		});
		expect(bySystem.solvedBy).toBeNull();
	});

	it('reads the token user and keeps Perl paths out of error messages', () => {
		expect(tokenUserId(token)).toBe('27');
		expect(tokenUserId('not-a-token')).toBeNull();
		expect(describeRtError(fixture('070')).summary).toBe("Wrong query, expecting a VALUE in 'Status=>=<--here='x'");
	});
});

describe('RT provider against a fake RT answering with recordings', () => {
	let server: FakeServer;
	let desk: HelpDesk;
	afterEach(async () => {
		await desk?.close();
		await server?.close();
	});

	const rawSearch = fixture('065') as {items: {id: string}[]};

	/** GET /tickets by `id = N OR …`, history and attachments of ticket 1, users, and POST /attachments by id. */
	function recordedRt(request: RecordedRequest) {
		const path = request.pathname.replace(/^\/rt/, '');
		if (path === '/REST/2.0/tickets' && request.method === 'GET') {
			const sql = request.query.get('query') ?? '';
			const ids = [...sql.matchAll(/id = (\d+)/g)].map((match) => match[1]);
			const items = sql.startsWith('Requestor.Name')
				? []
				: ids.length > 0
					? rawSearch.items.filter((item) => ids.includes(item.id))
					: rawSearch.items;
			return {status: 200, json: {count: items.length, page: 1, per_page: 20, total: items.length, items}};
		}
		if (path === '/REST/2.0/ticket/1/history') return {status: 200, json: fixture('075')};
		if (path === '/REST/2.0/ticket/1/attachments') return {status: 200, json: fixture('117')};
		if (path === '/REST/2.0/attachments' && request.method === 'POST') {
			const wanted = (JSON.parse(request.body) as {value: number[]}[])[0]?.value.map(String) ?? [];
			const items = (fixture('117') as {items: {id: string}[]}).items.filter((item) => wanted.includes(item.id));
			return {status: 200, json: {count: items.length, page: 1, per_page: 100, total: null, items}};
		}
		if (path === '/REST/2.0/user/27' || path === '/REST/2.0/user/agent') return {status: 200, json: fixture('002')};
		if (path.startsWith('/REST/2.0/user/')) return {status: 200, json: fixture('120')};
		if (path === '/REST/2.0/ticket/1/correspond' || path === '/REST/2.0/ticket/1/comment') {
			return {status: 201, json: fixture('033'), headers: {location: '/REST/2.0/transaction/777'}};
		}
		return undefined;
	}

	it('sends the token header, paths below the profile URL, and reads the thread of a ticket', async () => {
		server = await startFakeServer(recordedRt);
		desk = createRtHelpDesk(setup(`${server.url}/rt/`));
		expect(await desk.whoAmI()).toEqual({id: 'agent', name: 'Alex Agent', email: 'agent@csr.test'});
		const thread = await desk.getThread('1');
		for (const message of thread.messages) expect(() => Message.parse(message)).not.toThrow();
		expect(thread.messages.map((message) => [message.id, message.author.role, message.public])).toEqual([
			['39', 'agent', true],
			['107', 'agent', true],
			['110', 'agent', false],
		]);
		expect(thread.messages[0]?.text).toContain('Min faktura nr. 4711 er forkert');
		expect(thread.messages[2]?.text).toBe('Intern note: kunden er VIP, tjek ordre 4711.');
		expect(thread.ticket.url).toBe(`${server.url}/rt/Ticket/Display.html?id=1`);
		expect(thread.customer).toMatchObject({id: 'soren@example.dk', recentTickets: [], lastCsat: null});
		for (const request of server.requests) {
			expect(request.pathname).toMatch(/^\/rt\/REST\/2\.0\//);
			expect(request.headers['authorization']).toBe(`token ${token}`);
			expect(request.headers['user-agent']).not.toMatch(/Mozilla/);
		}
		// Content only for the three message bodies, in one request.
		const contents = server.requests.filter(
			(request) => request.pathname.endsWith('/attachments') && request.method === 'POST',
		);
		expect(contents).toHaveLength(1);
		expect(JSON.parse(contents[0]?.body ?? '')).toEqual([{field: 'id', operator: 'IN', value: [1, 44, 48]}]);
	});

	it('pages the queue with page/per_page and says when there is more', async () => {
		// Page 1 of 5 (two tickets with fields, from a recorded search), then a page past the end as RT sends it.
		const firstPage = {
			...rawSearch,
			count: 2,
			page: 1,
			per_page: 2,
			pages: 3,
			total: 5,
			items: rawSearch.items.slice(0, 2),
		};
		server = await startFakeServer((request) =>
			request.pathname === '/REST/2.0/tickets'
				? {status: 200, json: request.query.get('page') === '2' ? fixture('064') : firstPage}
				: undefined,
		);
		desk = createRtHelpDesk(setup(server.url));
		const first = await desk.listTickets(query({limit: 2}));
		expect(first.totalCount).toBe(5);
		expect(first.tickets.map((ticket) => ticket.id)).toEqual(['2', '1']);
		expect(first.nextCursor).not.toBeNull();
		const request = server.requests[0];
		expect(request?.query.get('per_page')).toBe('2');
		expect(request?.query.get('fields')).toContain('Requestor');
		expect(request?.query.get('fields[Requestor]')).toContain('Lang');
		const second = await desk.listTickets(query({limit: 2, cursor: first.nextCursor ?? undefined}));
		expect(server.requests[1]?.query.get('page')).toBe('2');
		expect(second.tickets).toEqual([]);
	});

	it('turns 401 into AuthError with no secret in the message or the verbose log', async () => {
		server = await startFakeServer(() => ({status: 401, json: fixture('005')}));
		const lines: string[] = [];
		for (const overrides of [{}, {user: 'agent', token: 'hunter2-password'}] as Partial<ProviderSetup>[]) {
			desk = createRtHelpDesk(setup(server.url, {...overrides, log: (line) => lines.push(line)}));
			const failure = await desk.listTickets(query()).catch((error: unknown) => error);
			expect(failure).toBeInstanceOf(AuthError);
			expect(String((failure as Error).message)).not.toContain(overrides.token ?? token);
			await desk.close();
		}
		expect(server.requests[1]?.headers['authorization']).toMatch(/^Basic /);
		expect(lines.join('\n')).not.toContain(token);
		expect(lines.join('\n')).not.toContain('hunter2-password');
	});

	it('reports a bad TicketSQL answer without Perl file names, and not-found for a missing ticket', async () => {
		server = await startFakeServer((request) =>
			request.pathname === '/REST/2.0/tickets' && request.query.get('query')?.includes('Subject')
				? {status: 400, json: fixture('070')}
				: request.pathname === '/REST/2.0/tickets'
					? {status: 200, json: fixture('129')}
					: undefined,
		);
		desk = createRtHelpDesk(setup(server.url));
		const failure = (await desk.listTickets(query({search: 'x'})).catch((error: unknown) => error)) as ProviderError;
		expect(failure).toBeInstanceOf(ProviderError);
		expect(failure.message).not.toContain('/usr/share');
		const missing = (await desk.getThread('999999').catch((error: unknown) => error)) as ProviderError;
		expect(missing.kind).toBe('not-found');
		expect(await desk.getTickets(['999999', 'abc'])).toEqual([]);
	});

	it('returns the transaction id from Location, and never throws once RT recorded the message', async () => {
		server = await startFakeServer((request) => {
			if (request.method === 'PUT') return {status: 500, body: ''};
			return recordedRt(request);
		});
		const lines: string[] = [];
		desk = createRtHelpDesk(setup(server.url, {log: (line) => lines.push(line)}));
		const sent = await desk.sendMessage('1', {body: 'Hej Søren', public: true, changes: {status: 'solved'}}, {});
		expect(sent.messageId).toBe('777');
		expect(sent.ticket.id).toBe('1');
		expect(sent.warnings?.[0]).toMatch(/^a change was not applied: RT failed on PUT/);
		const post = server.requests.find(
			(request) => request.method === 'POST' && request.pathname.endsWith('/correspond'),
		);
		expect(JSON.parse(post?.body ?? '')).toEqual({Content: 'Hej Søren', ContentType: 'text/plain'});
		expect(lines.join('\n')).toContain('the message was sent to ticket 1, but a change was not applied');
	});

	it('refuses before sending: an empty body, csr closed, an unknown ticket id, a ticket changed since it was read', async () => {
		server = await startFakeServer(recordedRt);
		desk = createRtHelpDesk(setup(server.url));
		const attempts = [
			() => desk.sendMessage('1', {body: ' \n', public: true}, {}),
			() => desk.sendMessage('1', {body: 'x', public: true, changes: {status: 'closed'}}, {}),
			() => desk.sendMessage('12x', {body: 'x', public: true}, {}),
			() => desk.sendMessage('999', {body: 'x', public: false}, {}),
			() => desk.sendMessage('1', {body: 'x', public: true}, {expectedUpdatedAt: '2001-01-01T00:00:00Z'}),
		];
		for (const attempt of attempts) {
			expect(await attempt().catch((error: unknown) => error)).toBeInstanceOf(ProviderError);
		}
		expect(
			server.requests.some((request) => request.method === 'POST' && /correspond|comment/.test(request.pathname)),
		).toBe(false);
	});
});
