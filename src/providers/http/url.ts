import {ProviderError, UsageError} from '../../errors.js';

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
	return loopbackHosts.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** The profile's base URL: https, or http only on a loopback host (PRODUCT.md §2). No credentials in it. */
export function parseBaseUrl(raw: string, provider: string): URL {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new UsageError(`the ${provider} profile URL is not a valid URL`, 'Set it with `csr profile add`.');
	}
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
		throw new UsageError(
			`the ${provider} URL must use https:// (got ${url.protocol}//${url.host})`,
			'Only loopback hosts (127.0.0.1, ::1, localhost) may use http://.',
		);
	}
	if (url.username || url.password) {
		throw new UsageError('the profile URL must not contain credentials', 'Give the token with $CSR_TOKEN instead.');
	}
	url.search = '';
	url.hash = '';
	return url;
}

/**
 * The URL for a request: a path below the base URL, or an absolute URL that must be on the base URL's own origin.
 * Credentials only ever go to that origin, so a link to anywhere else (a pagination link, an attachment host, a
 * redirect) is refused before anything is sent.
 */
export function resolveRequestUrl(base: URL, pathOrUrl: string, query: Record<string, QueryValue> | undefined): URL {
	let url: URL;
	if (/^[a-z][a-z0-9+.-]*:/i.test(pathOrUrl)) {
		url = new URL(pathOrUrl);
		if (url.origin !== base.origin) {
			throw new ProviderError(
				`refused to send a request to ${url.protocol}//${url.host}: csr only sends credentials to ${base.origin}`,
				{kind: 'permanent', hint: 'Check the profile URL (`csr profile list`).'},
			);
		}
	} else {
		const prefix = base.pathname.replace(/\/+$/, '');
		const path = pathOrUrl.startsWith('/') ? pathOrUrl : `/${pathOrUrl}`;
		url = new URL(`${prefix}${path}`, base.origin);
	}
	for (const [key, value] of Object.entries(query ?? {})) {
		if (value === undefined || value === null) continue;
		if (Array.isArray(value)) for (const item of value) url.searchParams.append(key, String(item));
		else url.searchParams.set(key, String(value));
	}
	return url;
}

/** A path with the numbers taken out, to group rate limits by endpoint: /api/v2/tickets/:id/comments. */
export function routeKeyOf(pathname: string): string {
	return pathname.replace(/\/\d+(?=\/|\.json$|$)/g, '/:id').replace(/\.json$/, '');
}
