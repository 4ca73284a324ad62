const redacted = '[redacted]';

/** Query parameters whose values are secrets wherever they appear. */
const secretParameter =
	/^(access_token|refresh_token|id_token|token|api_token|apikey|api_key|key|password|passwd|secret|client_secret|code|code_verifier|signature|sig|auth|authorization)$/i;

/** Replaces the values of secret query parameters: `/oauth?code=abc` → `/oauth?code=[redacted]`. */
export function redactQuery(pathWithQuery: string): string {
	const index = pathWithQuery.indexOf('?');
	if (index < 0) return pathWithQuery;
	const query = pathWithQuery
		.slice(index + 1)
		.split('&')
		.map((pair) => {
			const equals = pair.indexOf('=');
			const name = equals < 0 ? pair : pair.slice(0, equals);
			let decoded = name;
			try {
				decoded = decodeURIComponent(name);
			} catch {
				// keep the raw name
			}
			return equals >= 0 && secretParameter.test(decoded) ? `${name}=${redacted}` : pair;
		})
		.join('&');
	return `${pathWithQuery.slice(0, index)}?${query}`;
}

/** Removes every occurrence of each secret (and its URL-encoded form) from a line of text. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
	let result = text;
	// Longest first, so a secret that contains another is removed whole.
	const sorted = [...new Set(secrets)].filter((secret) => secret.length >= 4).sort((a, b) => b.length - a.length);
	for (const secret of sorted) {
		for (const form of new Set([secret, encodeURIComponent(secret)])) {
			result = result.split(form).join(redacted);
		}
	}
	return result;
}

/** The path only: what error messages may cite (never the query, the host or headers). */
export function pathOnly(pathWithQuery: string): string {
	const index = pathWithQuery.indexOf('?');
	return index < 0 ? pathWithQuery : pathWithQuery.slice(0, index);
}
