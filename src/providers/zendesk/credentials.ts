import {AuthError} from '../../errors.js';
import type {AuthInfo, ProviderSetup} from '../help-desk.js';
import {type CredentialSource, type Credentials, describeCredentials, secretsOf} from '../http/auth.js';
import type {HttpClient} from '../http/http-client.js';
import {requestTokens, type StoredOAuthTokens, toStoredTokens} from './oauth.js';

export const zendeskAuthHint = 'Check $CSR_TOKEN (or the profile token and email), or run `csr auth login`.';

/** Refresh this long before the access token expires, so a request never carries a token that dies in flight. */
const refreshMarginMs = 60_000;

/**
 * Which credentials a Zendesk profile sends (the rule `csr auth status` explains):
 * 1. A token from $CSR_TOKEN_<PROFILE>, $CSR_TOKEN or the profile (`--token-stdin`) is an API token sent as basic
 *    auth `{email}/token:{token}` when the profile has an email, else an OAuth access token sent as a bearer token.
 *    A token written as `bearer:TOKEN` is always a bearer token.
 * 2. Otherwise the OAuth tokens `csr auth login` stored: bearer, refreshed (and stored again) when they expire.
 * 3. Otherwise nothing: every call fails with AuthError.
 */
export function describeZendeskAuth(setup: ProviderSetup): AuthInfo {
	const token = setup.token;
	if (token !== null && setup.tokenSource !== 'oauth' && setup.tokenSource !== null) {
		const from =
			setup.tokenSource === 'env-profile'
				? `$CSR_TOKEN_${setup.profileName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`
				: setup.tokenSource === 'env'
					? '$CSR_TOKEN'
					: 'the profile token';
		if (/^bearer:/i.test(token)) return {scheme: 'bearer', from, expiresAt: null};
		return {scheme: setup.email ? 'basic' : 'bearer', from, expiresAt: null};
	}
	if (setup.oauth !== null) return {scheme: 'oauth', from: '`csr auth login`', expiresAt: setup.oauth.expiresAt};
	return {scheme: 'none', from: 'nowhere', expiresAt: null};
}

function staticFor(setup: ProviderSetup, token: string): Credentials {
	if (/^bearer:/i.test(token)) return {scheme: 'bearer', token: token.slice('bearer:'.length)};
	if (setup.email) return {scheme: 'basic', username: `${setup.email}/token`, password: token};
	return {scheme: 'bearer', token};
}

/** The credential source for the HTTP client; `tokenClient` (no credentials) is used for OAuth refreshes. */
export function createZendeskCredentials(setup: ProviderSetup, tokenClient: () => HttpClient): CredentialSource {
	const auth = describeZendeskAuth(setup);
	if (auth.scheme === 'basic' || auth.scheme === 'bearer') {
		const credentials = staticFor(setup, setup.token ?? '');
		return {
			current: async () => credentials,
			secrets: () => secretsOf(credentials),
			describe: () => `${describeCredentials(credentials)} from ${auth.from}`,
		};
	}
	if (auth.scheme === 'none' || setup.oauth === null) {
		return {
			current: async () => {
				throw new AuthError(
					`no credentials for Zendesk profile "${setup.profileName}"`,
					'Run `csr auth login`, or set $CSR_TOKEN (with the profile email for an API token).',
				);
			},
			secrets: () => [],
			describe: () => 'no credentials',
		};
	}
	let tokens: StoredOAuthTokens = {...setup.oauth};
	const seen = new Set<string>([tokens.accessToken, ...(tokens.refreshToken ? [tokens.refreshToken] : [])]);
	let refreshing: Promise<void> | null = null;

	async function refresh(signal?: AbortSignal): Promise<void> {
		if (tokens.refreshToken === null) {
			throw new AuthError('the Zendesk sign-in has expired', 'Run `csr auth login` again.');
		}
		const previous = tokens.refreshToken;
		const response = await requestTokens(
			tokenClient(),
			{grant_type: 'refresh_token', refresh_token: previous, client_id: tokens.clientId},
			signal,
		);
		tokens = toStoredTokens(response, tokens.clientId, setup.now(), previous);
		seen.add(tokens.accessToken);
		if (tokens.refreshToken) seen.add(tokens.refreshToken);
		await setup.saveOAuth({...tokens});
		setup.log?.('zendesk: refreshed the OAuth access token');
	}
	const refreshOnce = (signal?: AbortSignal): Promise<void> => {
		refreshing ??= refresh(signal).finally(() => {
			refreshing = null;
		});
		return refreshing;
	};

	return {
		async current(signal) {
			const expiresAt = tokens.expiresAt === null ? null : Date.parse(tokens.expiresAt);
			if (expiresAt !== null && setup.now().getTime() + refreshMarginMs >= expiresAt) await refreshOnce(signal);
			return {scheme: 'bearer', token: tokens.accessToken};
		},
		async refreshAfterUnauthorized(signal) {
			if (tokens.refreshToken === null) return false;
			await refreshOnce(signal);
			return true;
		},
		secrets: () => [...seen].flatMap((secret) => [secret, `Bearer ${secret}`]),
		describe: () => 'OAuth bearer token',
	};
}
