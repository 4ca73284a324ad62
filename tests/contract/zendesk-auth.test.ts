import {afterEach, describe, expect, it} from 'vitest';
import {AuthError} from '../../src/errors.js';
import type {OAuthTokens} from '../../src/providers/help-desk.js';
import {createZendeskHelpDesk} from '../../src/providers/zendesk/zendesk-help-desk.js';
import {createVirtualClock} from '../support/fake-server.js';
import {type FakeZendesk, startFakeZendesk} from './fake-zendesk.js';
import {zendeskSetup} from './zendesk-setup.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
	await Promise.all(closers.splice(0).map((close) => close()));
});

async function fakeZendesk(): Promise<{fake: FakeZendesk; clock: ReturnType<typeof createVirtualClock>}> {
	const clock = createVirtualClock();
	const fake = await startFakeZendesk({clock, tickets: 5, apiToken: 'api-token-abcdef'});
	closers.push(fake.close);
	return {fake, clock};
}

/** Plays the browser: approves csr at the authorization URL and follows the redirect back to the loopback server. */
async function approveInBrowser(fake: FakeZendesk, authorizeUrl: string, state?: string): Promise<Response> {
	const url = new URL(authorizeUrl);
	const code = fake.issueCode(url.searchParams.get('code_challenge') ?? '');
	const back = new URL(url.searchParams.get('redirect_uri') ?? '');
	back.searchParams.set('code', code);
	back.searchParams.set('state', state ?? url.searchParams.get('state') ?? '');
	return fetch(back);
}

describe('Zendesk credentials', () => {
	it('sends an API token as basic {email}/token:{token} when the profile has an email', async () => {
		const {fake, clock} = await fakeZendesk();
		const desk = createZendeskHelpDesk(
			zendeskSetup(fake.url, clock, {token: 'api-token-abcdef', email: 'agent@example.com'}),
			{clock},
		);
		closers.push(() => desk.close());
		expect((await desk.whoAmI()).name).toBe('Agent Smith');
		expect(fake.requests[0]?.headers.authorization).toBe(
			`Basic ${Buffer.from('agent@example.com/token:api-token-abcdef').toString('base64')}`,
		);
		expect(desk.authInfo()).toEqual({scheme: 'basic', from: '$CSR_TOKEN', expiresAt: null});
	});

	it('sends $CSR_TOKEN as a bearer token without an email, or when written bearer:TOKEN', async () => {
		const {fake, clock} = await fakeZendesk();
		for (const setup of [
			{token: 'good-token', email: null},
			{token: 'bearer:good-token', email: 'agent@example.com'},
		]) {
			const desk = createZendeskHelpDesk(zendeskSetup(fake.url, clock, setup), {clock});
			await desk.whoAmI();
			expect(desk.authInfo().scheme).toBe('bearer');
			await desk.close();
		}
		expect(fake.requests.map((request) => request.headers.authorization)).toEqual([
			'Bearer good-token',
			'Bearer good-token',
		]);
	});

	it('fails with AuthError (exit 4) and no request when there are no credentials', async () => {
		const {fake, clock} = await fakeZendesk();
		const desk = createZendeskHelpDesk(zendeskSetup(fake.url, clock, {token: null, tokenSource: null}), {clock});
		closers.push(() => desk.close());
		await expect(desk.whoAmI()).rejects.toBeInstanceOf(AuthError);
		expect(fake.requests).toHaveLength(0);
	});

	it('refreshes an expired OAuth token before use, stores the new pair, and uses it', async () => {
		const {fake, clock} = await fakeZendesk();
		// A first sign-in gives a refresh token the fake knows.
		const first = await (async () => {
			const desk = createZendeskHelpDesk(zendeskSetup(fake.url, clock, {token: null, tokenSource: null}), {clock});
			let announced = '';
			const signingIn = desk.signIn({clientId: 'csr_cli', announce: (url) => (announced = url)});
			while (announced === '') await new Promise((resolve) => setImmediate(resolve));
			await approveInBrowser(fake, announced);
			const tokens = await signingIn;
			await desk.close();
			return tokens;
		})();
		const saved: OAuthTokens[] = [];
		const expired = {...first, expiresAt: new Date(clock.now() - 1000).toISOString()};
		const desk = createZendeskHelpDesk(
			zendeskSetup(fake.url, clock, {
				token: expired.accessToken,
				tokenSource: 'oauth',
				oauth: expired,
				saveOAuth: (tokens) => {
					saved.push(tokens);
				},
			}),
			{clock},
		);
		closers.push(() => desk.close());
		await desk.whoAmI();
		expect(saved).toHaveLength(1);
		expect(saved[0]?.accessToken).toBe(fake.issuedTokens[1]?.access);
		expect(saved[0]?.refreshToken).toBe(fake.issuedTokens[1]?.refresh);
		const me = fake.requests.find((request) => request.pathname === '/api/v2/users/me.json');
		expect(me?.headers.authorization).toBe(`Bearer ${fake.issuedTokens[1]?.access}`);
		const refresh = fake.requests.find(
			(request) => request.pathname === '/oauth/tokens' && request.body.includes('refresh_token'),
		);
		expect(refresh?.headers.authorization).toBeUndefined();
	});

	it('refreshes once after a 401 and asks for a new sign-in when the refresh token is dead', async () => {
		const {fake, clock} = await fakeZendesk();
		const desk = createZendeskHelpDesk(
			zendeskSetup(fake.url, clock, {
				token: 'revoked-access',
				tokenSource: 'oauth',
				oauth: {accessToken: 'revoked-access', refreshToken: 'unknown-refresh', expiresAt: null, clientId: 'csr_cli'},
			}),
			{clock},
		);
		closers.push(() => desk.close());
		const failure = await desk.listGroups().catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(AuthError);
		expect((failure as AuthError).hint).toContain('csr auth login');
		expect(fake.requests.map((request) => request.pathname)).toEqual(['/api/v2/groups.json', '/oauth/tokens']);
	});
});

describe('OAuth sign-in with PKCE and a loopback redirect', () => {
	it('prints the authorize URL, takes the code from the redirect, and exchanges it with the verifier', async () => {
		const {fake, clock} = await fakeZendesk();
		const desk = createZendeskHelpDesk(zendeskSetup(fake.url, clock, {token: null, tokenSource: null}), {clock});
		closers.push(() => desk.close());
		let announced = '';
		const signingIn = desk.signIn({clientId: 'csr_cli', scopes: 'read write', announce: (url) => (announced = url)});
		while (announced === '') await new Promise((resolve) => setImmediate(resolve));
		const url = new URL(announced);
		expect(url.origin + url.pathname).toBe(`${fake.url}/oauth/authorizations/new`);
		expect(Object.fromEntries(url.searchParams)).toMatchObject({
			response_type: 'code',
			client_id: 'csr_cli',
			scope: 'read write',
			code_challenge_method: 'S256',
		});
		expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
		const forged = await approveInBrowser(fake, announced, 'forged-state');
		expect(forged.status).toBe(400);
		const page = await approveInBrowser(fake, announced);
		expect(await page.text()).toContain('csr is signed in');
		const tokens = await signingIn;
		expect(tokens).toEqual({
			accessToken: fake.issuedTokens[0]?.access,
			refreshToken: fake.issuedTokens[0]?.refresh,
			expiresAt: new Date(clock.now() + 1800 * 1000).toISOString(),
			clientId: 'csr_cli',
		});
		const exchange = JSON.parse(fake.requests.find((request) => request.pathname === '/oauth/tokens')?.body ?? '{}');
		expect(exchange).toMatchObject({grant_type: 'authorization_code', client_id: 'csr_cli'});
		expect(exchange.code_verifier).toMatch(/^[\w-]{43}$/);
	});

	it('reports a refused authorisation as AuthError', async () => {
		const {fake, clock} = await fakeZendesk();
		const desk = createZendeskHelpDesk(zendeskSetup(fake.url, clock, {token: null, tokenSource: null}), {clock});
		closers.push(() => desk.close());
		let announced = '';
		const signingIn = desk
			.signIn({clientId: 'csr_cli', announce: (url) => (announced = url)})
			.catch((error: unknown) => error);
		while (announced === '') await new Promise((resolve) => setImmediate(resolve));
		const url = new URL(announced);
		const back = new URL(url.searchParams.get('redirect_uri') ?? '');
		back.searchParams.set('error', 'access_denied');
		back.searchParams.set('state', url.searchParams.get('state') ?? '');
		await fetch(back);
		const failure = await signingIn;
		expect(failure).toBeInstanceOf(AuthError);
		expect((failure as Error).message).toContain('access_denied');
	});
});
