import {AuthError} from '../../errors.js';
import type {ProviderSetup} from '../help-desk.js';
import {authorizationHeader, type CredentialSource, type Credentials} from '../http/auth.js';
import {describeErrorBody, type ErrorDescription} from '../http/errors.js';

export const freshdeskAuthHint =
	'Check $CSR_TOKEN: it must be your Freshdesk API key (Profile settings → View API key), sent as the user name with "X" as password.';

/** Freshdesk's error envelopes: `{description, errors: [{field, message, code}]}` (400) and `{code, message}`. */
export function describeFreshdeskError(body: unknown): ErrorDescription {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) return describeErrorBody(body);
	const record = body as Record<string, unknown>;
	const text = (value: unknown): string | null =>
		typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
	const details: string[] = [];
	for (const item of Array.isArray(record['errors']) ? record['errors'] : []) {
		if (item === null || typeof item !== 'object') continue;
		const entry = item as Record<string, unknown>;
		const message = text(entry['message']) ?? text(entry['code']);
		if (message === null) continue;
		const field = text(entry['field']);
		const code = text(entry['code']);
		details.push(`${field ? `${field}: ` : ''}${message}${code && code !== message ? ` (${code})` : ''}`);
	}
	const summary = text(record['description']) ?? text(record['message']);
	const code = text(record['code']);
	if (summary === null && details.length === 0) return describeErrorBody(body);
	return {
		summary: summary === null ? code : code && !summary.includes(code) ? `${summary} (${code})` : summary,
		details,
	};
}

/** The API key goes as the basic-auth user name with "X" as password; the key itself is the secret. */
export function freshdeskCredentials(setup: ProviderSetup): CredentialSource {
	const key = setup.token;
	if (key === null || key === '') {
		return {
			current: async () => {
				throw new AuthError(
					`no API key for the Freshdesk profile "${setup.profileName}"`,
					`Set $CSR_TOKEN, or store it with \`csr profile add ${setup.profileName} --provider freshdesk --url … --token-stdin\`.`,
				);
			},
			secrets: () => [],
			describe: () => 'no credentials',
		};
	}
	const credentials: Credentials = {scheme: 'basic', username: key, password: 'X'};
	const header = authorizationHeader(credentials).value;
	const from =
		setup.tokenSource === 'env-profile'
			? `$CSR_TOKEN_${setup.profileName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`
			: setup.tokenSource === 'env'
				? '$CSR_TOKEN'
				: 'the profile token';
	return {
		current: async () => credentials,
		secrets: () => [key, header, header.slice('Basic '.length)],
		// Never describeCredentials(): for Freshdesk the basic-auth user name *is* the secret.
		describe: () => `API key from ${from}`,
	};
}
