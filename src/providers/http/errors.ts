import {AuthError, ConflictError, type CsrError, ProviderError} from '../../errors.js';

export type ErrorDescription = {
	/** One line for the message, e.g. "RecordInvalid: Record validation errors". */
	readonly summary: string | null;
	/** "field: problem" lines (422 details). */
	readonly details: readonly string[];
};

const text = (value: unknown): string | null =>
	typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/**
 * Reads the common error envelopes: `{error, description, details: {field: [{description}]}}` (Zendesk),
 * `{error: {title, message}}`, `{errors: [{code, title}]}`, `{message, errors: [{field, message}]}` (Freshdesk),
 * `{message}`. Anything else gives no summary.
 */
export function describeErrorBody(body: unknown): ErrorDescription {
	if (typeof body === 'string') return {summary: text(body)?.slice(0, 200) ?? null, details: []};
	if (body === null || typeof body !== 'object') return {summary: null, details: []};
	const record = body as Record<string, unknown>;
	const parts: string[] = [];
	const details: string[] = [];
	const error = record['error'];
	if (typeof error === 'string') parts.push(error);
	else if (error !== null && typeof error === 'object') {
		const inner = error as Record<string, unknown>;
		for (const key of ['title', 'message']) {
			const value = text(inner[key]);
			if (value) parts.push(value);
		}
	}
	for (const key of ['description', 'message', 'error_description']) {
		const value = text(record[key]);
		if (value && !parts.includes(value)) parts.push(value);
	}
	if (Array.isArray(record['errors'])) {
		for (const item of record['errors']) {
			if (item === null || typeof item !== 'object') continue;
			const entry = item as Record<string, unknown>;
			const title = text(entry['title']) ?? text(entry['message']) ?? text(entry['code']);
			const field = text(entry['field']);
			if (title) (field ? details : parts).push(field ? `${field}: ${title}` : title);
		}
	}
	const fieldDetails = record['details'];
	if (fieldDetails !== null && typeof fieldDetails === 'object' && !Array.isArray(fieldDetails)) {
		for (const [field, problems] of Object.entries(fieldDetails as Record<string, unknown>)) {
			const list = Array.isArray(problems) ? problems : [problems];
			for (const problem of list) {
				const description =
					typeof problem === 'string'
						? problem
						: problem !== null && typeof problem === 'object'
							? (text((problem as Record<string, unknown>)['description']) ??
								text((problem as Record<string, unknown>)['error']))
							: null;
				if (description) details.push(`${field}: ${description}`);
			}
		}
	} else if (typeof fieldDetails === 'string' && text(fieldDetails)) details.push(fieldDetails.trim());
	return {summary: parts.length > 0 ? parts.join(': ').slice(0, 300) : null, details};
}

export type HttpErrorInput = {
	readonly provider: string;
	readonly status: number;
	readonly method: string;
	/** Path only: never the query, the host or headers. */
	readonly path: string;
	readonly description: ErrorDescription;
	readonly authHint: string;
};

/** Status → typed error: 401/403 AuthError (exit 4), 404 not-found, 409 ConflictError, 400/422 invalid, 5xx temporary. */
export function errorForStatus(input: HttpErrorInput): CsrError {
	const {provider, status, method, path, description, authHint} = input;
	const where = `${method} ${path}`;
	const said = description.summary ? `: ${description.summary}` : '';
	const details =
		description.details.length > 0 ? `\n${description.details.map((line) => `  ${line}`).join('\n')}` : '';
	if (status === 401) {
		return new AuthError(`${provider} did not accept the credentials (401 on ${where})`, authHint);
	}
	if (status === 403) {
		return new AuthError(
			`${provider} refused access (403 on ${where})${said}`,
			`Your role may not allow this, or the token lacks a scope. ${authHint}`,
			{forbidden: true},
		);
	}
	if (status === 404) {
		return new ProviderError(`${provider} found nothing at ${where} (404)${said}`, {kind: 'not-found', status});
	}
	if (status === 409) {
		return new ConflictError(
			`${provider} refused ${where}: it changed since it was read (409)${said}`,
			'Read it again and retry.',
		);
	}
	if (status === 400 || status === 422) {
		return new ProviderError(`${provider} rejected ${where} (${status})${said}${details}`, {kind: 'invalid', status});
	}
	if (status === 429) {
		return new ProviderError(`${provider} kept rate-limiting ${where} (429)`, {
			kind: 'temporary',
			status,
			hint: 'Try again in a minute.',
		});
	}
	if (status >= 500) {
		return new ProviderError(`${provider} failed on ${where} (${status})${said}`, {
			kind: 'temporary',
			status,
			hint: 'This is usually temporary; try again shortly.',
		});
	}
	return new ProviderError(`${provider} answered ${status} to ${where}${said}${details}`, {kind: 'permanent', status});
}
