import {afterEach, describe, expect, it} from 'vitest';
import {z} from 'zod';
import {AuthError, ConflictError, ExitCode, ProviderError, UsageError} from '../../../src/errors.js';
import {type CredentialSource, staticCredentials} from '../../../src/providers/http/auth.js';
import {createHttpClient, type HttpClientOptions} from '../../../src/providers/http/http-client.js';
import {createVirtualClock, type FakeServer, type Route, startFakeServer} from '../../support/fake-server.js';

const token = 's3cret-token-value';
const servers: FakeServer[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(route: Route): Promise<FakeServer> {
	const server = await startFakeServer(route);
	servers.push(server);
	return server;
}

function client(server: FakeServer, overrides: Partial<HttpClientOptions> = {}) {
	const clock = createVirtualClock();
	const lines: string[] = [];
	const http = createHttpClient({
		baseUrl: server.url,
		provider: 'Testdesk',
		credentials: staticCredentials({scheme: 'bearer', token}),
		authHint: 'Check $CSR_TOKEN.',
		clock,
		log: (line) => lines.push(line),
		timeouts: {connectMs: 1000, readMs: 150},
		...overrides,
	});
	return {http, clock, lines};
}

const failureOf = (promise: Promise<unknown>): Promise<unknown> =>
	promise.then(
		() => {
			throw new Error('expected a failure');
		},
		(error: unknown) => error,
	);

describe('createHttpClient', () => {
	it('sends the bearer token to the profile origin and validates the body', async () => {
		const server = await serve(() => ({status: 200, json: {user: {id: 7, name: 'Ana'}}}));
		const {http} = client(server);
		const body = await http.json(
			{method: 'GET', path: '/api/v2/users/me.json', query: {include: 'roles', ids: [1, 2]}},
			z.object({user: z.object({id: z.number(), name: z.string()})}),
		);
		expect(body.user.name).toBe('Ana');
		expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${token}`);
		expect(server.requests[0]?.path).toBe('/api/v2/users/me.json?include=roles&ids=1&ids=2');
		await http.close();
	});

	it('sends basic credentials as base64 user:password', async () => {
		const server = await serve(() => ({status: 200, json: {}}));
		const {http} = client(server, {
			credentials: staticCredentials({scheme: 'basic', username: 'agent@example.com/token', password: token}),
		});
		await http.send({method: 'GET', path: '/x'});
		const expected = Buffer.from(`agent@example.com/token:${token}`).toString('base64');
		expect(server.requests[0]?.headers.authorization).toBe(`Basic ${expected}`);
		await http.close();
	});

	it('never sends a request, or the token, to another origin', async () => {
		const elsewhere = await serve(() => ({status: 200, json: {}}));
		const server = await serve(() => ({status: 200, json: {}}));
		const {http} = client(server);
		const failure = await failureOf(http.send({method: 'GET', path: `${elsewhere.url}/attachments/crash.log`}));
		expect(failure).toBeInstanceOf(ProviderError);
		expect(String(failure)).toContain('only sends credentials to');
		expect(elsewhere.requests).toHaveLength(0);
		await http.close();
	});

	it('follows a same-origin redirect for a GET but never one to another host', async () => {
		const elsewhere = await serve(() => ({status: 200, json: {stolen: true}}));
		const server = await serve((request) => {
			if (request.pathname === '/moved') return {status: 301, headers: {location: '/here'}};
			if (request.pathname === '/here') return {status: 200, json: {ok: true}};
			return {status: 302, headers: {location: `${elsewhere.url}/steal`}};
		});
		const {http} = client(server);
		expect((await http.send({method: 'GET', path: '/moved'})).body).toEqual({ok: true});
		const failure = await failureOf(http.send({method: 'GET', path: '/away'}));
		expect(failure).toBeInstanceOf(ProviderError);
		expect(String(failure)).toContain('redirected GET /away to another host');
		expect(elsewhere.requests).toHaveLength(0);
		await http.close();
	});

	it('refuses a plain-http profile URL that is not loopback', () => {
		expect(() =>
			createHttpClient({
				baseUrl: 'http://acme.zendesk.com',
				provider: 'Testdesk',
				credentials: staticCredentials(null),
				authHint: '',
			}),
		).toThrow(UsageError);
	});

	it('turns 401 and 403 into AuthError (exit 4) citing the path, never the query or the token', async () => {
		const server = await serve((request) =>
			request.pathname === '/denied'
				? {status: 403, json: {error: {title: 'Forbidden', message: 'contact the account owner'}}}
				: {status: 401, json: {error: "Couldn't authenticate you"}},
		);
		const {http} = client(server);
		const unauthorized = await failureOf(
			http.send({method: 'GET', path: '/api/v2/tickets.json', query: {access_token: token}}),
		);
		expect(unauthorized).toBeInstanceOf(AuthError);
		expect((unauthorized as AuthError).exitCode).toBe(ExitCode.auth);
		expect((unauthorized as AuthError).hint).toContain('$CSR_TOKEN');
		expect((unauthorized as Error).message).toContain('GET /api/v2/tickets.json');
		expect((unauthorized as Error).message).not.toContain(token);
		expect((unauthorized as Error).message).not.toContain('access_token');
		expect((unauthorized as Error).message).not.toContain('127.0.0.1');
		const forbidden = await failureOf(http.send({method: 'GET', path: '/denied'}));
		expect(forbidden).toBeInstanceOf(AuthError);
		expect((forbidden as Error).message).toContain('contact the account owner');
		await http.close();
	});

	it('maps 404, 409 and 422 (with field details) to typed errors', async () => {
		const server = await serve((request) => {
			if (request.pathname === '/missing')
				return {status: 404, json: {error: 'RecordNotFound', description: 'Not found'}};
			if (request.pathname === '/conflict') return {status: 409, json: {error: 'UpdateConflict'}};
			return {
				status: 422,
				json: {
					error: 'RecordInvalid',
					description: 'Record validation errors',
					details: {status: [{description: 'closed prevents ticket update'}]},
				},
			};
		});
		const {http} = client(server);
		const missing = await failureOf(http.send({method: 'GET', path: '/missing'}));
		expect(missing).toBeInstanceOf(ProviderError);
		expect((missing as ProviderError).kind).toBe('not-found');
		const conflict = await failureOf(http.send({method: 'PUT', path: '/conflict', json: {}}));
		expect(conflict).toBeInstanceOf(ConflictError);
		const invalid = await failureOf(http.send({method: 'PUT', path: '/invalid', json: {}}));
		expect((invalid as ProviderError).kind).toBe('invalid');
		expect((invalid as Error).message).toContain('status: closed prevents ticket update');
		await http.close();
	});

	it('hands back statuses the caller asked to handle', async () => {
		const server = await serve(() => ({status: 403, json: {error: 'Forbidden'}}));
		const {http} = client(server);
		const response = await http.send({method: 'GET', path: '/incremental', allowStatuses: [403]});
		expect(response.status).toBe(403);
		await http.close();
	});

	it('waits exactly Retry-After on 429, then retries any method', async () => {
		let calls = 0;
		const server = await serve(() => {
			calls += 1;
			return calls === 1
				? {status: 429, headers: {'retry-after': '7'}, json: {errors: [{code: 'TooManyRequests'}]}}
				: {status: 200, json: {ok: true}};
		});
		const {http, clock} = client(server);
		const response = await http.send({method: 'PUT', path: '/api/v2/tickets/1.json', json: {ticket: {}}});
		expect(response.body).toEqual({ok: true});
		expect(server.requests).toHaveLength(2);
		expect(clock.sleptMs()).toBe(7000);
		await http.close();
	});

	it('gives up as temporary when Retry-After exceeds its patience', async () => {
		const server = await serve(() => ({status: 429, headers: {'retry-after': '3600'}, json: {}}));
		const {http} = client(server, {retry: {patienceMs: 60_000}});
		const failure = await failureOf(http.send({method: 'GET', path: '/slow-down'}));
		expect(failure).toBeInstanceOf(ProviderError);
		expect((failure as ProviderError).kind).toBe('temporary');
		expect(server.requests).toHaveLength(1);
		await http.close();
	});

	it('retries a GET on 503 with jittered backoff and reports temporary when it keeps failing', async () => {
		const server = await serve(() => ({status: 503, json: {error: 'unavailable'}}));
		const {http, clock} = client(server);
		const failure = await failureOf(http.send({method: 'GET', path: '/api/v2/search.json'}));
		expect((failure as ProviderError).kind).toBe('temporary');
		expect(server.requests).toHaveLength(4);
		expect(clock.sleptMs()).toBeGreaterThan(0);
		await http.close();
	});

	it('does not repeat a write after a 503 without Retry-After unless the write is repeatable', async () => {
		const server = await serve(() => ({status: 503, json: {error: 'unavailable'}}));
		const {http} = client(server);
		const failure = await failureOf(http.send({method: 'PUT', path: '/api/v2/tickets/1.json', json: {}}));
		expect((failure as ProviderError).kind).toBe('temporary');
		expect((failure as ProviderError).hint).toContain('may or may not have been applied');
		expect(server.requests).toHaveLength(1);
		await failureOf(http.send({method: 'PUT', path: '/api/v2/tickets/2.json', json: {}, repeatable: true}));
		expect(server.requests).toHaveLength(1 + 4);
		await http.close();
	});

	it('retries a 503 that carries Retry-After for a write too', async () => {
		let calls = 0;
		const server = await serve(() => {
			calls += 1;
			return calls === 1 ? {status: 503, headers: {'retry-after': '2'}, json: {}} : {status: 200, json: {done: 1}};
		});
		const {http} = client(server);
		expect((await http.send({method: 'PUT', path: '/w', json: {}})).body).toEqual({done: 1});
		expect(server.requests).toHaveLength(2);
		await http.close();
	});

	it('sends the idempotency header only where the provider honours it, and then retries the write', async () => {
		let calls = 0;
		const server = await serve((request) => {
			calls += 1;
			if (request.method === 'PUT') return {status: 500, json: {error: 'InternalServerError'}};
			return calls === 1 ? {status: 500, json: {error: 'InternalServerError'}} : {status: 201, json: {id: 1}};
		});
		const {http} = client(server, {
			idempotency: {
				header: 'Idempotency-Key',
				honoured: (method, path) => method === 'POST' && path === '/api/v2/tickets.json',
			},
		});
		await http.send({method: 'POST', path: '/api/v2/tickets.json', json: {}, idempotencyKey: 'key-1'});
		expect(server.requests.map((request) => request.headers['idempotency-key'])).toEqual(['key-1', 'key-1']);
		await failureOf(http.send({method: 'PUT', path: '/api/v2/tickets/1.json', json: {}, idempotencyKey: 'key-2'}));
		expect(server.requests[2]?.headers['idempotency-key']).toBeUndefined();
		await http.close();
	});

	it('turns a malformed body into a ProviderError, and a body of the wrong shape into one naming the field', async () => {
		const server = await serve((request) =>
			request.pathname === '/html'
				? {status: 200, body: '<html>maintenance</html>'}
				: {status: 200, json: {tickets: [{id: 'not-a-number'}]}},
		);
		const {http} = client(server);
		const malformed = await failureOf(http.send({method: 'GET', path: '/html'}));
		expect(malformed).toBeInstanceOf(ProviderError);
		expect((malformed as Error).message).toContain('not valid JSON');
		const wrong = await failureOf(
			http.json({method: 'GET', path: '/shape'}, z.object({tickets: z.array(z.object({id: z.number()}))})),
		);
		expect(wrong).toBeInstanceOf(ProviderError);
		expect((wrong as Error).message).toContain('tickets[0].id');
		await http.close();
	});

	it('times out a slow response, retrying a GET but not a write', async () => {
		const server = await serve(() => ({status: 200, hang: true}));
		const {http} = client(server, {retry: {maxAttempts: 2}});
		const failure = await failureOf(http.send({method: 'GET', path: '/slow'}));
		expect((failure as ProviderError).kind).toBe('temporary');
		expect((failure as Error).message).toContain('timed out');
		expect(server.requests).toHaveLength(2);
		await failureOf(http.send({method: 'PUT', path: '/slow-write', json: {}}));
		expect(server.requests).toHaveLength(3);
		await http.close();
	});

	it('retries a GET after a dropped connection; a write is reported as maybe applied', async () => {
		let calls = 0;
		const server = await serve((request) => {
			calls += 1;
			if (request.method === 'PUT') return {status: 200, drop: true};
			return calls === 1 ? {status: 200, drop: true} : {status: 200, json: {ok: true}};
		});
		const {http} = client(server);
		expect((await http.send({method: 'GET', path: '/flaky'})).body).toEqual({ok: true});
		const failure = await failureOf(http.send({method: 'PUT', path: '/write', json: {}}));
		expect((failure as ProviderError).kind).toBe('temporary');
		expect((failure as Error).message).toContain('connection was dropped');
		expect((failure as ProviderError).hint).toContain('may or may not have been applied');
		expect(server.requests.filter((request) => request.method === 'PUT')).toHaveLength(1);
		await http.close();
	});

	it('stops at once when the signal aborts', async () => {
		const server = await serve(() => ({status: 200, hang: true}));
		const {http} = client(server, {timeouts: {readMs: 10_000}});
		const controller = new AbortController();
		const pending = failureOf(http.send({method: 'GET', path: '/hang', signal: controller.signal}));
		setTimeout(() => controller.abort(), 20);
		const failure = await pending;
		expect((failure as Error).name).toBe('AbortError');
		await http.close();
	});

	it('refreshes credentials once after a 401 and retries', async () => {
		let current = 'old-token';
		const credentials: CredentialSource = {
			current: async () => ({scheme: 'bearer', token: current}),
			refreshAfterUnauthorized: async () => {
				current = 'new-token';
				return true;
			},
			secrets: () => [current],
			describe: () => 'bearer token',
		};
		const server = await serve((request) =>
			request.headers.authorization === 'Bearer new-token' ? {status: 200, json: {ok: 1}} : {status: 401, json: {}},
		);
		const {http} = client(server, {credentials});
		expect((await http.send({method: 'GET', path: '/me'})).body).toEqual({ok: 1});
		expect(server.requests).toHaveLength(2);
		await http.close();
	});

	it('writes verbose lines with the path and status but never a secret', async () => {
		const server = await serve(() => ({status: 200, json: {}}));
		const basic = {scheme: 'basic', username: 'agent@example.com/token', password: token} as const;
		const {http, lines} = client(server, {credentials: staticCredentials(basic)});
		await http.send({method: 'GET', path: '/oauth/authorize', query: {code: 'auth-code-123', state: 'visible'}});
		const log = lines.join('\n');
		expect(log).toContain('GET /oauth/authorize?code=[redacted]&state=visible');
		expect(log).toContain('← 200');
		expect(log).not.toContain(token);
		expect(log).not.toContain('auth-code-123');
		expect(log).not.toContain(Buffer.from(`agent@example.com/token:${token}`).toString('base64'));
		await http.close();
	});
});
