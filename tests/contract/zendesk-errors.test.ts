import {afterEach, describe, expect, it} from 'vitest';
import {AuthError, ExitCode, ProviderError} from '../../src/errors.js';
import type {TicketQuery} from '../../src/providers/help-desk.js';
import {createZendeskHelpDesk} from '../../src/providers/zendesk/zendesk-help-desk.js';
import {listQueue} from '../../src/services/queue.js';
import {createVirtualClock, type FakeServer, startFakeServer} from '../support/fake-server.js';
import {errorBody, startFakeZendesk} from './fake-zendesk.js';
import {zendeskOnFake, zendeskSetup} from './zendesk-setup.js';

const query: TicketQuery = {statuses: ['new', 'open', 'pending'], assignee: 'any', sort: 'urgency', limit: 25};
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
	await Promise.all(closers.splice(0).map((close) => close()));
});

const failureOf = (promise: Promise<unknown>): Promise<unknown> =>
	promise.then(
		() => {
			throw new Error('expected a failure');
		},
		(error: unknown) => error,
	);

async function onFake(
	options: Parameters<typeof zendeskOnFake>[1] = {},
	seams: Parameters<typeof zendeskOnFake>[2] = {},
) {
	const clock = createVirtualClock();
	const setup = await zendeskOnFake({clock, tickets: 30}, options, seams);
	closers.push(setup.close);
	return {...setup, clock};
}

describe('Zendesk errors', () => {
	it('whoAmI with wrong credentials throws AuthError although /users/me answers 200', async () => {
		const {desk, fake} = await onFake({token: 'wrong-token'});
		const failure = await failureOf(desk.whoAmI());
		expect(failure).toBeInstanceOf(AuthError);
		expect((failure as AuthError).exitCode).toBe(ExitCode.auth);
		expect((failure as Error).message).toContain('anonymous user');
		expect((failure as AuthError).hint).toContain('csr auth login');
		expect(fake.requests[0]?.pathname).toBe('/api/v2/users/me.json');
	});

	it('whoAmI with good credentials names the agent', async () => {
		const {desk} = await onFake();
		expect(await desk.whoAmI()).toEqual({id: '1001', name: 'Agent Smith', email: 'agent@example.com'});
	});

	it('turns 401 and 403 into AuthError with a hint', async () => {
		const {desk, fake} = await onFake({token: 'wrong-token'});
		const unauthorized = await failureOf(desk.listTickets(query));
		expect(unauthorized).toBeInstanceOf(AuthError);
		expect((unauthorized as Error).message).toContain('GET /api/v2/');
		fake.intercept = () => ({status: 403, json: {error: {title: 'Forbidden', message: 'contact the account owner'}}});
		const forbidden = await failureOf(desk.getThread('2'));
		expect(forbidden).toBeInstanceOf(AuthError);
		expect((forbidden as AuthError).hint).toContain('role');
	});

	it('says not-found for a 404, and for an id Zendesk cannot have without asking', async () => {
		const {desk, fake} = await onFake();
		const missing = await failureOf(desk.getThread('4040'));
		expect((missing as ProviderError).kind).toBe('not-found');
		expect((missing as Error).message).toBe('Zendesk has no ticket 4040 (or you cannot see it)');
		const before = fake.requests.length;
		const odd = await failureOf(desk.getThread('../users/me'));
		expect((odd as ProviderError).kind).toBe('not-found');
		expect(fake.requests.length).toBe(before);
	});

	it('waits out a 429 with Retry-After and carries on', async () => {
		const {desk, fake, clock} = await onFake();
		let limited = 0;
		fake.intercept = (request) => {
			if (request.pathname !== '/api/v2/search.json' || limited > 0) return undefined;
			limited += 1;
			return {status: 429, headers: {'retry-after': '12'}, json: errorBody('429_incremental')};
		};
		const page = await desk.listTickets(query);
		expect(page.tickets.length).toBeGreaterThan(0);
		expect(clock.sleptMs()).toBe(12_000);
	});

	it('gives up on a 429 beyond its patience as a temporary failure', async () => {
		const {desk, fake} = await onFake({}, {retry: {patienceMs: 30_000}});
		fake.intercept = () => ({status: 429, headers: {'retry-after': '600'}, json: errorBody('429_view')});
		const failure = await failureOf(desk.listTickets(query));
		expect((failure as ProviderError).kind).toBe('temporary');
		expect((failure as Error).message).toContain('rate-limiting');
	});

	it('retries a 503 on a read, then reports it as temporary', async () => {
		const {desk, fake} = await onFake();
		fake.intercept = (request) =>
			request.pathname === '/api/v2/search.json' ? {status: 503, json: errorBody('500')} : undefined;
		const failure = await failureOf(desk.listTickets(query));
		expect((failure as ProviderError).kind).toBe('temporary');
		expect(fake.requests.filter((request) => request.pathname === '/api/v2/search.json')).toHaveLength(4);
	});

	it('reports a malformed body as a ProviderError, not a crash', async () => {
		const {desk, fake} = await onFake();
		fake.intercept = (request) =>
			request.pathname === '/api/v2/search.json' ? {status: 200, body: '{"results": [{"id": 1,'} : undefined;
		const failure = await failureOf(desk.listTickets(query));
		expect(failure).toBeInstanceOf(ProviderError);
		expect((failure as Error).message).toContain('not valid JSON');
		fake.intercept = (request) =>
			request.pathname === '/api/v2/search.json'
				? {status: 200, json: {results: [{id: 'x', status: 'open'}]}}
				: undefined;
		const wrong = await failureOf(desk.listTickets(query));
		expect(wrong).toBeInstanceOf(ProviderError);
		expect((wrong as Error).message).toMatch(/unexpected response for GET \/api\/v2\/search\.json:\n/);
	});

	it('times out a slow response', async () => {
		const {desk, fake} = await onFake({}, {timeouts: {readMs: 100}, retry: {maxAttempts: 2}});
		fake.intercept = (request) =>
			request.pathname === '/api/v2/tickets/2.json' ? {status: 200, hang: true} : undefined;
		const failure = await failureOf(desk.getThread('2'));
		expect((failure as ProviderError).kind).toBe('temporary');
		expect((failure as Error).message).toContain('timed out after 0.1s');
	});

	it('survives a dropped connection on a read', async () => {
		const {desk, fake} = await onFake();
		let dropped = false;
		fake.intercept = (request) => {
			if (request.pathname !== '/api/v2/search.json' || dropped) return undefined;
			dropped = true;
			return {status: 200, drop: true};
		};
		expect((await desk.listTickets(query)).tickets.length).toBeGreaterThan(0);
	});
});

describe('Zendesk credentials stay on the profile host', () => {
	it('never sends the token anywhere else, whatever links, attachments or redirects say', async () => {
		const elsewhere: FakeServer = await startFakeServer(() => ({status: 200, json: {}}));
		closers.push(elsewhere.close);
		const {desk, fake} = await onFake();
		fake.afterRoute = (_request, answer) => {
			const json = answer.json as Record<string, unknown> | undefined;
			if (json === undefined || typeof json !== 'object') return undefined;
			// Every absolute link and attachment URL the fake hands out points at the other host.
			const text = JSON.stringify(json)
				.replaceAll(fake.url, elsewhere.url)
				.replaceAll('https://company.zendesk.com', elsewhere.url);
			return {...answer, json: JSON.parse(text)};
		};
		await listQueue(desk, {...query, limit: 5}, {all: true});
		const thread = await desk.getThread('1');
		expect(thread.messages[0]?.attachments[0]?.url).toContain(elsewhere.url);
		const ticket = fake.tickets.get(2);
		await desk.sendMessage('2', {body: 'hello', public: true}, {expectedUpdatedAt: String(ticket?.updated_at)});
		await desk.sendBatch?.([{ticketId: '3', message: {body: 'bulk', public: true}, options: {}}]);
		await desk.exportTicketFacts(null);
		fake.intercept = (request) =>
			request.pathname === '/api/v2/groups.json'
				? {status: 302, headers: {location: `${elsewhere.url}/steal`}}
				: undefined;
		await expect(desk.listGroups()).rejects.toThrow(/redirected GET \/api\/v2\/groups\.json to another host/);
		expect(elsewhere.requests).toHaveLength(0);
		expect(fake.requests.length).toBeGreaterThan(5);
		expect(fake.requests.every((request) => request.headers.authorization === 'Bearer good-token')).toBe(true);
	});

	it('writes verbose HTTP lines without the token, as bearer and as basic auth', async () => {
		const clock = createVirtualClock();
		const fake = await startFakeZendesk({clock, tickets: 10, apiToken: 'api-token-123456'});
		closers.push(fake.close);
		for (const credentials of [
			{token: 'good-token', email: null},
			{token: 'api-token-123456', email: 'agent@example.com'},
		]) {
			const lines: string[] = [];
			const desk = createZendeskHelpDesk(
				zendeskSetup(fake.url, clock, {...credentials, log: (line) => lines.push(line)}),
				{clock},
			);
			await desk.whoAmI();
			await desk.listTickets(query);
			await desk.getThread('2');
			await desk.sendMessage('2', {body: 'x', public: false}, {});
			await desk.close();
			const log = lines.join('\n');
			expect(log).toContain('GET /api/v2/search.json');
			expect(log).toContain('← 200');
			expect(log).not.toContain(credentials.token);
			expect(log).not.toContain(Buffer.from(`agent@example.com/token:${credentials.token}`).toString('base64'));
		}
		const basic = fake.requests.find((request) => request.headers.authorization?.startsWith('Basic '));
		expect(basic).toBeDefined();
	});
});
