import {Agent, request as undiciRequest} from 'undici';
import * as z from 'zod';
import {ProviderError} from '../../errors.js';
import {authorizationHeader, type CredentialSource} from './auth.js';
import {type Clock, systemClock} from './clock.js';
import {downloadElsewhere} from './download.js';
import {describeErrorBody, type ErrorDescription, errorForStatus} from './errors.js';
import {encodeMultipart, type MultipartPart} from './multipart.js';
import {createRatePacer, defaultRateLimitHeaders, type RateLimitHeaderNames, readRateLimits} from './rate-limit.js';
import {redactQuery, redactSecrets} from './redact.js';
import {backoffMs, defaultRetryPolicy, parseRetryAfterMs, type RetryPolicy} from './retry.js';
import {parseBaseUrl, type QueryValue, resolveRequestUrl, routeKeyOf} from './url.js';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type HttpRequest = {
	readonly method: HttpMethod;
	/** A path below the profile URL (`/api/v2/tickets.json`) or an absolute URL on the same origin. */
	readonly path: string;
	readonly query?: Record<string, QueryValue> | undefined;
	/** Sent as JSON. */
	readonly json?: unknown;
	/** Sent as `application/x-www-form-urlencoded` (OAuth token requests); ignored when `json` is given. */
	readonly form?: Readonly<Record<string, string>> | undefined;
	/** Sent as multipart/form-data (files with a message); ignored when `json` or `form` is given. */
	readonly multipart?: readonly MultipartPart[] | undefined;
	/** Sent as they are (an upload), with this content type; ignored when another body is given. */
	readonly bytes?: {readonly contentType: string; readonly data: Uint8Array} | undefined;
	/** A 2xx body is handed back as bytes (a download), not parsed as JSON. */
	readonly binaryResponse?: boolean | undefined;
	/** Sent as the provider's idempotency header where it honours one for this request; such a request may be repeated. */
	readonly idempotencyKey?: string | undefined;
	/**
	 * The caller guarantees a repeat cannot apply twice (a conditional write, e.g. Zendesk `safe_update` with
	 * `updated_stamp`), so timeouts and 5xx may be retried like a GET.
	 */
	readonly repeatable?: boolean | undefined;
	/** Send no credentials (OAuth token exchange, public endpoints). */
	readonly anonymous?: boolean | undefined;
	/** Error statuses handed back to the caller instead of thrown (e.g. 403 to fall back to another endpoint). */
	readonly allowStatuses?: readonly number[] | undefined;
	readonly signal?: AbortSignal | undefined;
};

export type HttpResponse = {
	readonly status: number;
	readonly headers: Readonly<Record<string, string>>;
	/** Parsed JSON, the raw text when an error body is not JSON, or null when empty. */
	readonly body: unknown;
	/** The request path without the query, for messages. */
	readonly path: string;
	/** A binaryResponse request redirected to another host: where to fetch it without credentials. */
	readonly redirectTo?: string | undefined;
};

export type HttpClientOptions = {
	/** The profile URL: https, or http on a loopback host. */
	readonly baseUrl: string;
	/** For messages: "Zendesk". */
	readonly provider: string;
	readonly credentials: CredentialSource;
	/** Shown with 401/403: how to fix the credentials. */
	readonly authHint: string;
	readonly timeouts?: {readonly connectMs?: number; readonly readMs?: number} | undefined;
	readonly retry?: Partial<RetryPolicy> | undefined;
	readonly rateLimitHeaders?: Partial<RateLimitHeaderNames> | undefined;
	/** The provider's idempotency header and which requests it honours it on. */
	readonly idempotency?:
		| {readonly header: string; readonly honoured: (method: HttpMethod, path: string) => boolean}
		| undefined;
	readonly clock?: Clock | undefined;
	/** --verbose lines; every line is redacted before it is written. */
	readonly log?: ((line: string) => void) | undefined;
	/** Reads the provider's error envelope; defaults to describeErrorBody. */
	readonly describeError?: ((body: unknown) => ErrorDescription) | undefined;
	readonly userAgent?: string | undefined;
	/** What a request uses of the advertised quota; 1 when not given (Help Scout counts writes as 2). */
	readonly requestCost?: ((method: HttpMethod) => number) | undefined;
};

export type HttpClient = {
	/** The only origin credentials are sent to. */
	readonly origin: string;
	send(request: HttpRequest): Promise<HttpResponse>;
	/** send() and validate a 2xx body with zod; a body that does not fit is a ProviderError naming the fields. */
	json<Schema extends z.ZodType>(request: HttpRequest, schema: Schema): Promise<z.output<Schema>>;
	/**
	 * The bytes at a URL the desk gave (an attachment): with credentials on the profile's origin, without them
	 * anywhere else (https only; a redirect to another host is followed without credentials).
	 */
	download(url: string, signal?: AbortSignal): Promise<Uint8Array>;
	/** Requests sent so far (every attempt, retries included): --verbose prints it when the desk closes. */
	readonly requestCount: () => number;
	close(): Promise<void>;
};

const notSentCodes = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'UND_ERR_CONNECT_TIMEOUT',
]);
const timeoutCodes = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);
const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const serverErrorStatuses = new Set([500, 502, 503, 504]);

function codeOf(error: unknown): string {
	for (let current: unknown = error, depth = 0; current instanceof Error && depth < 4; depth++) {
		const code = (current as {code?: unknown}).code;
		if (typeof code === 'string') return code;
		current = current.cause;
	}
	return '';
}

function abortReason(signal: AbortSignal): Error {
	return signal.reason instanceof Error ? signal.reason : new DOMException('The operation was aborted', 'AbortError');
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(raw)) {
		if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return headers;
}

/**
 * The one HTTP layer for every remote provider (undici). Credentials only go to the profile's origin; GETs and
 * requests that are safe to repeat are retried with jittered backoff; 429 (and 503 with Retry-After) wait as told;
 * requests are paced from the advertised quota; every error becomes a typed CsrError citing the request path.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
	const base = parseBaseUrl(options.baseUrl, options.provider);
	const clock = options.clock ?? systemClock;
	const policy: RetryPolicy = {...defaultRetryPolicy, ...options.retry};
	const headerNames: RateLimitHeaderNames = {...defaultRateLimitHeaders, ...options.rateLimitHeaders};
	const pacer = createRatePacer(clock, {defaultWindowSec: headerNames.defaultWindowSec});
	const connectMs = options.timeouts?.connectMs ?? 10_000;
	const readMs = options.timeouts?.readMs ?? 30_000;
	const agent = new Agent({
		connect: {timeout: connectMs},
		headersTimeout: readMs + 1000,
		bodyTimeout: readMs + 1000,
	});
	const describe = options.describeError ?? describeErrorBody;
	const provider = options.provider;
	const log = (line: string): void => {
		if (options.log) options.log(redactSecrets(`http: ${line}`, options.credentials.secrets()));
	};

	let requests = 0;
	const fetchContext = (signal: AbortSignal | undefined) => ({
		agent,
		provider,
		log,
		signal,
		counted: () => {
			requests += 1;
		},
	});

	async function send(request: HttpRequest): Promise<HttpResponse> {
		const {method, signal} = request;
		let url = resolveRequestUrl(base, request.path, request.query);
		const path = url.pathname;
		const route = routeKeyOf(path);
		const idempotency = options.idempotency;
		const honoursKey = request.idempotencyKey !== undefined && idempotency?.honoured(method, path) === true;
		const safeToRepeat = method === 'GET' || method === 'HEAD' || honoursKey || request.repeatable === true;
		const started = clock.now();
		let failures = 0;
		let rateLimited = 0;
		let redirects = 0;
		let refreshed = false;

		/** Sleeps unless that would exceed the request's patience; false = give up. */
		const waitWithinPatience = async (ms: number): Promise<boolean> => {
			if (clock.now() + ms - started > policy.patienceMs) return false;
			await clock.sleep(ms, signal);
			return true;
		};

		for (;;) {
			signal?.throwIfAborted();
			const headers: Record<string, string> = {
				accept: 'application/json',
				'user-agent': options.userAgent ?? 'csr',
			};
			let body: string | Uint8Array | undefined;
			if (request.json !== undefined) {
				headers['content-type'] = 'application/json; charset=utf-8';
				body = JSON.stringify(request.json);
			} else if (request.form !== undefined) {
				headers['content-type'] = 'application/x-www-form-urlencoded';
				body = new URLSearchParams(request.form).toString();
			} else if (request.multipart !== undefined) {
				const encoded = encodeMultipart(request.multipart);
				headers['content-type'] = encoded.contentType;
				body = encoded.body;
			} else if (request.bytes !== undefined) {
				headers['content-type'] = request.bytes.contentType;
				body = request.bytes.data;
			}
			if (honoursKey && idempotency && request.idempotencyKey !== undefined) {
				headers[idempotency.header.toLowerCase()] = request.idempotencyKey;
			}
			if (request.anonymous !== true) {
				const credentials = await options.credentials.current(signal);
				if (credentials !== null) {
					const header = authorizationHeader(credentials);
					headers[header.name] = header.value;
				}
			}
			const shown = `${method} ${redactQuery(url.pathname + url.search)}`;
			await pacer.acquire(route, signal, options.requestCost?.(method) ?? 1);
			requests += 1;
			log(`→ ${shown}${request.anonymous === true ? '' : ` (${options.credentials.describe()})`}`);
			const sentAt = clock.now();
			let status: number;
			let responseHeaders: Record<string, string>;
			let text: string;
			let raw: Uint8Array | null = null;
			// undici's own read timeouts tick in whole seconds; this deadline is exact (and still a backstop remains).
			const deadline = new AbortController();
			const timer = setTimeout(() => deadline.abort(), readMs);
			try {
				const combined = signal === undefined ? deadline.signal : AbortSignal.any([signal, deadline.signal]);
				const response = await undiciRequest(url, {method, headers, body, dispatcher: agent, signal: combined});
				status = response.statusCode;
				responseHeaders = flattenHeaders(response.headers);
				if (request.binaryResponse === true && status < 300) {
					raw = new Uint8Array(await response.body.arrayBuffer());
					text = '';
				} else text = await response.body.text();
			} catch (error) {
				pacer.release(route, []);
				if (signal?.aborted) throw abortReason(signal);
				const code = deadline.signal.aborted ? 'UND_ERR_HEADERS_TIMEOUT' : codeOf(error);
				const notSent = notSentCodes.has(code);
				const isTimeout = timeoutCodes.has(code);
				const what = isTimeout
					? `timed out after ${Math.round((code === 'UND_ERR_CONNECT_TIMEOUT' ? connectMs : readMs) / 100) / 10}s`
					: notSent
						? `could not connect (${code})`
						: `the connection was dropped${code ? ` (${code})` : ''}`;
				log(`✗ ${shown}: ${what}`);
				failures += 1;
				if ((notSent || safeToRepeat) && failures < policy.maxAttempts) {
					if (await waitWithinPatience(backoffMs(failures, policy, clock.random))) continue;
				}
				throw new ProviderError(`${provider} did not answer ${method} ${path}: ${what}`, {
					kind: 'temporary',
					cause: error,
					hint:
						notSent || safeToRepeat
							? 'Check the network and try again.'
							: 'The change may or may not have been applied; check the ticket before sending it again.',
				});
			} finally {
				clearTimeout(timer);
			}
			pacer.release(route, readRateLimits(responseHeaders, headerNames, clock.now()));
			const quota = responseHeaders[headerNames.remaining.find((name) => name in responseHeaders) ?? ''];
			log(`← ${status} ${shown} in ${clock.now() - sentAt} ms${quota === undefined ? '' : ` (quota left ${quota})`}`);

			if (redirectStatuses.has(status)) {
				const location = responseHeaders['location'];
				const target = location === undefined ? null : new URL(location, url);
				if (target !== null && target.origin === base.origin && method === 'GET' && redirects < 3) {
					redirects += 1;
					url = target;
					continue;
				}
				if (target !== null && request.binaryResponse === true && method === 'GET')
					return {status, headers: responseHeaders, body: null, path, redirectTo: target.href};
				throw new ProviderError(
					target !== null && target.origin !== base.origin
						? `${provider} redirected ${method} ${path} to another host (${target.host}); csr does not follow it with credentials`
						: `${provider} redirected ${method} ${path} (${status}); csr does not follow that`,
					{kind: 'permanent', status, hint: 'Check the profile URL (`csr profile list`).'},
				);
			}

			const retryAfterMs = parseRetryAfterMs(
				responseHeaders['retry-after'] ??
					(headerNames.retryAfter ?? []).map((name) => responseHeaders[name]).find((value) => value !== undefined),
				clock.now(),
			);
			// 429, and 503 with Retry-After, mean "not processed, come back later": safe to repeat for any method.
			if (status === 429 || (status === 503 && retryAfterMs !== null)) {
				rateLimited += 1;
				const waitMs = retryAfterMs ?? backoffMs(rateLimited, policy, clock.random);
				pacer.pauseUntil(clock.now() + waitMs);
				if (rateLimited <= policy.maxRateLimitRetries) {
					log(`… ${status}: waiting ${Math.ceil(waitMs / 1000)}s before retrying ${method} ${path}`);
					if (await waitWithinPatience(waitMs)) continue;
				}
				throw new ProviderError(
					`${provider} is ${status === 429 ? 'rate-limiting' : 'unavailable for'} ${method} ${path} for longer than csr waits (${Math.ceil(waitMs / 1000)}s asked)`,
					{kind: 'temporary', status, hint: 'Nothing was applied; try again later.'},
				);
			}
			if (serverErrorStatuses.has(status) && safeToRepeat) {
				failures += 1;
				if (failures < policy.maxAttempts && (await waitWithinPatience(backoffMs(failures, policy, clock.random)))) {
					continue;
				}
			}
			if (status === 401 && !refreshed && request.anonymous !== true && options.credentials.refreshAfterUnauthorized) {
				refreshed = true;
				if (await options.credentials.refreshAfterUnauthorized(signal)) continue;
			}

			let parsed: unknown = null;
			if (text.trim() !== '') {
				try {
					parsed = JSON.parse(text);
				} catch (error) {
					if (status < 400) {
						throw new ProviderError(
							`${provider} sent a response csr could not read for ${method} ${path} (not valid JSON)`,
							{kind: 'permanent', status, cause: error},
						);
					}
					parsed = text;
				}
			}
			if (status >= 400 && !(request.allowStatuses ?? []).includes(status)) {
				if (status >= 500 && !safeToRepeat) {
					const said = describe(parsed).summary;
					throw new ProviderError(`${provider} failed on ${method} ${path} (${status})${said ? `: ${said}` : ''}`, {
						kind: 'temporary',
						status,
						hint: 'The change may or may not have been applied; check the ticket before sending it again.',
					});
				}
				throw errorForStatus({
					provider,
					status,
					method,
					path,
					description: describe(parsed),
					authHint: options.authHint,
				});
			}
			return {status, headers: responseHeaders, body: raw ?? parsed, path};
		}
	}

	return {
		origin: base.origin,
		send,
		async json(request, schema) {
			const response = await send({...request, allowStatuses: undefined});
			const parsed = schema.safeParse(response.body);
			if (!parsed.success) {
				throw new ProviderError(
					`${provider} sent an unexpected response for ${request.method} ${response.path}:\n${z.prettifyError(parsed.error)}`,
					{kind: 'permanent', status: response.status},
				);
			}
			return parsed.data;
		},
		async download(link, signal) {
			const target = new URL(link, base);
			if (target.origin !== base.origin) return downloadElsewhere(target, fetchContext(signal));
			const response = await send({method: 'GET', path: target.href, binaryResponse: true, signal});
			if (response.redirectTo !== undefined)
				return downloadElsewhere(new URL(response.redirectTo), fetchContext(signal));
			return response.body instanceof Uint8Array ? response.body : new Uint8Array();
		},
		requestCount: () => requests,
		close: async () => {
			log(`${requests} request${requests === 1 ? '' : 's'} to ${provider}`);
			await agent.close();
		},
	};
}
