import * as z from 'zod';
import {AuthError, ProviderError} from '../../errors.js';
import type {OAuthTokens, ProviderSetup} from '../help-desk.js';
import type {CredentialSource} from './auth.js';
import type {HttpClient} from './http-client.js';

/** Get a new access token this long before the stored one expires, so no request carries a token that dies in flight. */
const renewMarginMs = 60_000;

const tokenResponse = z.object({
	access_token: z.string().min(1),
	token_type: z.string().nullish(),
	expires_in: z.number().nullish(),
});

export type ClientCredentialsOptions = {
	/** For messages: "Help Scout". */
	readonly provider: string;
	readonly setup: ProviderSetup;
	/** The token endpoint, relative to the profile URL (`/v2/oauth2/token`). */
	readonly tokenPath: string;
	/** A client for the token endpoint; requests go without credentials. */
	readonly tokenClient: () => HttpClient;
	/** How to fix the client id and secret. */
	readonly hint: string;
};

/** `CLIENT_ID:CLIENT_SECRET` from the token variable; null when it is not in that form. */
export function splitClientCredentials(secret: string | null): {clientId: string; clientSecret: string} | null {
	if (secret === null) return null;
	const colon = secret.indexOf(':');
	if (colon <= 0 || colon === secret.length - 1) return null;
	return {clientId: secret.slice(0, colon).trim(), clientSecret: secret.slice(colon + 1).trim()};
}

/**
 * OAuth 2 client-credentials grant (RFC 6749 §4.4) as a credential source: the client id and secret from the profile's
 * token (`CLIENT_ID:CLIENT_SECRET`) buy an access token at the token endpoint (a form POST without credentials); it is
 * stored in the profile (the 0600 config) and reused until shortly before it expires, then a new one is fetched. A 401
 * fetches a new one once. The grant has no refresh token: renewing is asking again.
 */
export function createClientCredentials(options: ClientCredentialsOptions): CredentialSource {
	const {setup, provider} = options;
	const client = splitClientCredentials(setup.token);
	let tokens: OAuthTokens | null =
		setup.oauth !== null && (client === null || setup.oauth.clientId === client.clientId) ? {...setup.oauth} : null;
	const seen = new Set<string>(tokens === null ? [] : [tokens.accessToken]);
	let pending: Promise<OAuthTokens> | null = null;

	const expired = (candidate: OAuthTokens): boolean =>
		candidate.expiresAt !== null && setup.now().getTime() + renewMarginMs >= Date.parse(candidate.expiresAt);

	async function issue(signal?: AbortSignal): Promise<OAuthTokens> {
		if (client === null) {
			throw new AuthError(
				setup.token === null
					? `no client credentials for the ${provider} profile "${setup.profileName}"`
					: `the ${provider} token must be CLIENT_ID:CLIENT_SECRET`,
				options.hint,
			);
		}
		let response: z.output<typeof tokenResponse>;
		try {
			response = await options.tokenClient().json(
				{
					method: 'POST',
					path: options.tokenPath,
					form: {grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret},
					anonymous: true,
					signal,
				},
				tokenResponse,
			);
		} catch (error) {
			if (error instanceof AuthError || (error instanceof ProviderError && error.kind !== 'temporary')) {
				throw new AuthError(`${provider} refused the client credentials: ${error.message}`, options.hint);
			}
			throw error;
		}
		const issued: OAuthTokens = {
			accessToken: response.access_token,
			refreshToken: null,
			expiresAt:
				response.expires_in == null ? null : new Date(setup.now().getTime() + response.expires_in * 1000).toISOString(),
			clientId: client.clientId,
		};
		seen.add(issued.accessToken);
		tokens = issued;
		// Stored for the next run (the 0600 config); a failure to store only costs a token request next time.
		await Promise.resolve(setup.saveOAuth({...issued})).catch(() => undefined);
		setup.log?.(`${provider.toLowerCase()}: got a new OAuth access token`);
		return issued;
	}
	const issueOnce = (signal?: AbortSignal): Promise<OAuthTokens> => {
		pending ??= issue(signal).finally(() => {
			pending = null;
		});
		return pending;
	};

	return {
		async current(signal) {
			const usable = tokens !== null && !expired(tokens) ? tokens : await issueOnce(signal);
			return {scheme: 'bearer', token: usable.accessToken};
		},
		async refreshAfterUnauthorized(signal) {
			if (client === null) return false;
			await issueOnce(signal);
			return true;
		},
		secrets: () => [
			...(client === null ? [] : [client.clientSecret, setup.token ?? '']),
			...[...seen].flatMap((secret) => [secret, `Bearer ${secret}`]),
		],
		describe: () => `OAuth client credentials (client ${client?.clientId ?? 'unknown'})`,
	};
}
