import {afterEach, describe, expect, it} from 'vitest';
import {staticCredentials} from '../../../src/providers/http/auth.js';
import {createHttpClient} from '../../../src/providers/http/http-client.js';
import {createVirtualClock, type FakeServer, startFakeServer} from '../../support/fake-server.js';

const servers: FakeServer[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('HTTP layer: form bodies and provider retry headers', () => {
	it('sends a form body url-encoded', async () => {
		const server = await startFakeServer(() => ({status: 200, json: {ok: true}}));
		servers.push(server);
		const http = createHttpClient({
			baseUrl: server.url,
			provider: 'Testdesk',
			credentials: staticCredentials(null),
			authHint: '',
			clock: createVirtualClock(),
		});
		await http.send({method: 'POST', path: '/token', form: {grant_type: 'client_credentials', client_secret: 'a&b=c'}});
		expect(server.requests[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(new URLSearchParams(server.requests[0]?.body).get('client_secret')).toBe('a&b=c');
		await http.close();
	});

	it('waits as long as a provider-specific retry header says after a 429', async () => {
		const clock = createVirtualClock();
		let calls = 0;
		const server = await startFakeServer(() =>
			++calls === 1
				? {status: 429, json: {message: 'API rate limit exceeded'}, headers: {'x-ratelimit-retry-after': '7'}}
				: {status: 200, json: {}},
		);
		servers.push(server);
		const http = createHttpClient({
			baseUrl: server.url,
			provider: 'Testdesk',
			credentials: staticCredentials(null),
			authHint: '',
			clock,
			rateLimitHeaders: {retryAfter: ['x-ratelimit-retry-after']},
		});
		await http.send({method: 'GET', path: '/a'});
		expect(clock.sleptMs()).toBe(7000);
		await http.close();
	});
});
