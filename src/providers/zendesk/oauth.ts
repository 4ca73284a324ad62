import {createHash, randomBytes} from 'node:crypto';
import {once} from 'node:events';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {AuthError, CsrError, ProviderError} from '../../errors.js';
import {staticCredentials} from '../http/auth.js';
import type {Clock} from '../http/clock.js';
import {createHttpClient, type HttpClient} from '../http/http-client.js';
import {type OAuthTokenResponse, oauthTokenResponse} from './schemas.js';

/** What csr stores in the profile (`profiles[name].oauth`). */
export type StoredOAuthTokens = {
	accessToken: string;
	refreshToken: string | null;
	expiresAt: string | null;
	clientId: string;
};

export const defaultScopes = 'read write';

const base64url = (bytes: Buffer): string => bytes.toString('base64url');

/** PKCE (RFC 7636): a random verifier and its S256 challenge. */
export function createPkce(): {verifier: string; challenge: string} {
	const verifier = base64url(randomBytes(32));
	return {verifier, challenge: base64url(createHash('sha256').update(verifier).digest())};
}

/** Zendesk's authorization page for the code flow with PKCE. */
export function authorizeUrl(input: {
	baseUrl: string;
	clientId: string;
	redirectUri: string;
	scopes: string;
	state: string;
	challenge: string;
}): string {
	const url = new URL('/oauth/authorizations/new', input.baseUrl);
	url.search = new URLSearchParams({
		response_type: 'code',
		client_id: input.clientId,
		redirect_uri: input.redirectUri,
		scope: input.scopes,
		state: input.state,
		code_challenge: input.challenge,
		code_challenge_method: 'S256',
	}).toString();
	return url.toString();
}

export function toStoredTokens(
	response: OAuthTokenResponse,
	clientId: string,
	now: Date,
	previousRefreshToken: string | null = null,
): StoredOAuthTokens {
	return {
		accessToken: response.access_token,
		// Zendesk rotates refresh tokens: a refresh returns a new pair and deletes the old one.
		refreshToken: response.refresh_token ?? previousRefreshToken,
		expiresAt: response.expires_in == null ? null : new Date(now.getTime() + response.expires_in * 1000).toISOString(),
		clientId,
	};
}

/** POST /oauth/tokens without credentials; a refusal is an AuthError telling the agent to sign in again. */
export async function requestTokens(
	http: HttpClient,
	body: Record<string, string>,
	signal?: AbortSignal,
): Promise<OAuthTokenResponse> {
	try {
		return await http.json(
			{method: 'POST', path: '/oauth/tokens', json: body, anonymous: true, signal},
			oauthTokenResponse,
		);
	} catch (error) {
		if (error instanceof ProviderError && (error.kind === 'invalid' || error.kind === 'permanent')) {
			throw new AuthError(
				`Zendesk refused the OAuth ${body['grant_type']} request: ${error.message}`,
				'Run `csr auth login` again.',
			);
		}
		throw error;
	}
}

export type LoopbackLoginOptions = {
	readonly baseUrl: string;
	readonly clientId: string;
	readonly clientSecret?: string | undefined;
	readonly scopes?: string | undefined;
	/** 0 = any free port. Zendesk checks the redirect URL against the OAuth client's list, so a fixed port helps. */
	readonly port?: number | undefined;
	/** Shows the authorization URL to the agent (stderr). */
	readonly announce: (url: string, redirectUri: string) => void;
	readonly now: () => Date;
	readonly timeoutMs?: number | undefined;
	readonly signal?: AbortSignal | undefined;
	readonly clock?: Clock | undefined;
	readonly log?: ((line: string) => void) | undefined;
};

const donePage = (message: string): string =>
	`<!doctype html><meta charset="utf-8"><title>csr</title><p>${message}</p><p>You can close this window.</p>`;

/**
 * `csr auth login`: authorization code flow with PKCE and a loopback redirect on 127.0.0.1. Waits for the browser to
 * come back with the code, checks `state`, and exchanges the code at /oauth/tokens.
 */
export async function loginWithLoopback(options: LoopbackLoginOptions): Promise<StoredOAuthTokens> {
	const pkce = createPkce();
	const state = base64url(randomBytes(16));
	const scopes = options.scopes ?? defaultScopes;
	let settle: {resolve: (code: string) => void; reject: (error: Error) => void} | undefined;
	const codeArrived = new Promise<string>((resolve, reject) => {
		settle = {resolve, reject};
	});
	const server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		if (url.pathname !== '/callback') {
			response.writeHead(404).end();
			return;
		}
		if (url.searchParams.get('state') !== state) {
			// Not our flow (or forged): refuse and keep waiting for the real redirect.
			response.writeHead(400, {'content-type': 'text/html; charset=utf-8'}).end(donePage('Unknown sign-in attempt.'));
			return;
		}
		const error = url.searchParams.get('error');
		const code = url.searchParams.get('code');
		if (error !== null || code === null) {
			response.writeHead(400, {'content-type': 'text/html; charset=utf-8'}).end(donePage('Sign-in was not completed.'));
			settle?.reject(
				new AuthError(
					`Zendesk did not authorise csr (${error ?? 'no code'}${url.searchParams.get('error_description') ? `: ${url.searchParams.get('error_description')}` : ''})`,
					'Run `csr auth login` again and approve the request.',
				),
			);
			return;
		}
		response.writeHead(200, {'content-type': 'text/html; charset=utf-8'}).end(donePage('csr is signed in.'));
		settle?.resolve(code);
	});
	server.listen(options.port ?? 0, '127.0.0.1');
	await once(server, 'listening');
	const {port} = server.address() as AddressInfo;
	const redirectUri = `http://127.0.0.1:${port}/callback`;
	const timeoutMs = options.timeoutMs ?? 5 * 60_000;
	const timer = setTimeout(
		() =>
			settle?.reject(
				new AuthError(
					`no sign-in arrived within ${Math.round(timeoutMs / 60_000)} minutes`,
					'Run `csr auth login` again.',
				),
			),
		timeoutMs,
	);
	const onAbort = (): void => settle?.reject(new DOMException('The operation was aborted', 'AbortError'));
	options.signal?.addEventListener('abort', onAbort, {once: true});
	try {
		options.announce(
			authorizeUrl({
				baseUrl: options.baseUrl,
				clientId: options.clientId,
				redirectUri,
				scopes,
				state,
				challenge: pkce.challenge,
			}),
			redirectUri,
		);
		const code = await codeArrived;
		const http = createHttpClient({
			baseUrl: options.baseUrl,
			provider: 'Zendesk',
			credentials: staticCredentials(null),
			authHint: 'Run `csr auth login` again.',
			clock: options.clock,
			log: options.log,
		});
		try {
			const body: Record<string, string> = {
				grant_type: 'authorization_code',
				code,
				client_id: options.clientId,
				redirect_uri: redirectUri,
				scope: scopes,
				code_verifier: pkce.verifier,
			};
			if (options.clientSecret) body['client_secret'] = options.clientSecret;
			const tokens = await requestTokens(http, body, options.signal);
			return toStoredTokens(tokens, options.clientId, options.now());
		} finally {
			await http.close();
		}
	} catch (error) {
		if (error instanceof CsrError || (error instanceof Error && error.name === 'AbortError')) throw error;
		throw new AuthError(`the sign-in failed: ${error instanceof Error ? error.message : String(error)}`);
	} finally {
		clearTimeout(timer);
		options.signal?.removeEventListener('abort', onAbort);
		server.closeAllConnections();
		server.close();
	}
}

/** Best effort: revokes the current OAuth access token (`DELETE /api/v2/oauth/tokens/current.json`). */
export async function revokeCurrentToken(baseUrl: string, accessToken: string, signal?: AbortSignal): Promise<boolean> {
	const http = createHttpClient({
		baseUrl,
		provider: 'Zendesk',
		credentials: staticCredentials({scheme: 'bearer', token: accessToken}),
		authHint: '',
		retry: {maxAttempts: 1, maxRateLimitRetries: 0},
	});
	try {
		await http.send({method: 'DELETE', path: '/api/v2/oauth/tokens/current.json', signal});
		return true;
	} catch (error) {
		if (error instanceof Error && error.name === 'AbortError') throw error;
		return false;
	} finally {
		await http.close();
	}
}
