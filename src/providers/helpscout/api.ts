import * as z from 'zod';
import {ProviderError, UsageError} from '../../errors.js';
import type {ProviderSetup} from '../help-desk.js';
import {createClientCredentials} from '../http/client-credentials.js';
import {type Clock, systemClock} from '../http/clock.js';
import {describeErrorBody, type ErrorDescription} from '../http/errors.js';
import {createHttpClient, type HttpClient, type HttpRequest, type HttpResponse} from '../http/http-client.js';
import {mapLimited as mapWithLimit} from '../http/map-limited.js';
import type {RetryPolicy} from '../http/retry.js';
import {type DeskNaming, numericTicketId, ticketNotFoundOn} from '../http/ticket-ids.js';
import type {QueryValue} from '../http/url.js';
import {type HsMailbox, type HsUser, halPage, hsMailbox, hsUser} from './schemas.js';

export type HelpScoutOptions = {
	readonly clock?: Clock | undefined;
	readonly timeouts?: {readonly connectMs?: number; readonly readMs?: number} | undefined;
	readonly retry?: Partial<RetryPolicy> | undefined;
	readonly concurrency?: number | undefined;
};

/** Help Scout's own API host; `--url` only exists for proxies and tests. */
export const defaultHelpScoutUrl = 'https://api.helpscout.net';

export const helpScoutAuthHint =
	'Check $CSR_TOKEN: it must be CLIENT_ID:CLIENT_SECRET of a Help Scout app (Your Profile → My Apps), whose owner is an active user.';

export const tokenPath = '/v2/oauth2/token';

export type HelpScoutApi = {
	readonly origin: string;
	readonly setup: ProviderSetup;
	readonly http: HttpClient;
	request<Schema extends z.ZodType>(request: HttpRequest, schema: Schema): Promise<z.output<Schema>>;
	get<Schema extends z.ZodType>(
		path: string,
		query: Record<string, QueryValue>,
		schema: Schema,
		signal?: AbortSignal,
	): Promise<z.output<Schema>>;
	/** A write that answers 201/204 without a body; the new resource's id is in `Resource-ID`. */
	write(request: HttpRequest): Promise<HttpResponse>;
	/** Every item of a HAL list, page by page. */
	all<Item extends z.ZodType>(
		path: string,
		key: string,
		item: Item,
		query: Record<string, QueryValue>,
		signal?: AbortSignal,
	): Promise<z.output<Item>[]>;
	/** The agent csr works as: the profile email's user, else the app's owner (`/v2/users/me`); cached. */
	me(signal?: AbortSignal): Promise<HsUser>;
	users(signal?: AbortSignal): Promise<HsUser[]>;
	mailboxes(signal?: AbortSignal): Promise<HsMailbox[]>;
	mapLimited<T, R>(items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]>;
	close(): Promise<void>;
};

/** Help Scout's vnd.error shape: `{logRef, message, _embedded: {errors: [{path, message}]}}`. */
export function describeHelpScoutError(body: unknown): ErrorDescription {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) return describeErrorBody(body);
	const record = body as Record<string, unknown>;
	const message = typeof record['message'] === 'string' ? record['message'].trim() : '';
	const embedded = record['_embedded'] as Record<string, unknown> | undefined;
	const details: string[] = [];
	for (const item of Array.isArray(embedded?.['errors']) ? (embedded['errors'] as unknown[]) : []) {
		if (item === null || typeof item !== 'object') continue;
		const entry = item as Record<string, unknown>;
		const text = typeof entry['message'] === 'string' ? entry['message'] : null;
		if (text === null) continue;
		details.push(typeof entry['path'] === 'string' && entry['path'] !== '' ? `${entry['path']}: ${text}` : text);
	}
	const logRef = typeof record['logRef'] === 'string' ? ` (log reference ${record['logRef']})` : '';
	if (message === '' && details.length === 0) return describeErrorBody(body);
	return {summary: message === '' ? null : `${message}${logRef}`, details};
}

function parse<Schema extends z.ZodType>(response: HttpResponse, schema: Schema, method: string): z.output<Schema> {
	const parsed = schema.safeParse(response.body);
	if (!parsed.success) {
		throw new ProviderError(
			`Help Scout sent an unexpected response for ${method} ${response.path}:\n${z.prettifyError(parsed.error)}`,
			{kind: 'permanent', status: response.status},
		);
	}
	return parsed.data;
}

function cached<T>(load: (signal?: AbortSignal) => Promise<T>): (signal?: AbortSignal) => Promise<T> {
	let pending: Promise<T> | undefined;
	return (signal) => {
		if (pending === undefined) {
			pending = load(signal);
			pending.catch(() => {
				pending = undefined;
			});
		}
		return pending;
	};
}

/** Help Scout serves at most this many pages of a list to csr (a runaway `next` link stops here). */
const maxPages = 500;

export function createHelpScoutApi(setup: ProviderSetup, options: HelpScoutOptions = {}): HelpScoutApi {
	const baseUrl = setup.baseUrl ?? defaultHelpScoutUrl;
	const clock = options.clock ?? systemClock;
	const common = {
		baseUrl,
		provider: 'Help Scout',
		authHint: helpScoutAuthHint,
		timeouts: options.timeouts,
		retry: options.retry,
		clock,
		log: setup.log,
		userAgent: 'csr (+https://github.com/csr)',
		describeError: describeHelpScoutError,
		// Per-minute quota for the whole account, X-RateLimit-*-Minute; past it 429 with X-RateLimit-Retry-After.
		rateLimitHeaders: {
			remaining: ['x-ratelimit-remaining-minute'],
			limit: ['x-ratelimit-limit-minute'],
			// No reset time on normal answers (the window is a minute); on a 429 the wait it asks for is when the quota
			// comes back.
			reset: ['x-ratelimit-retry-after'],
			retryAfter: ['x-ratelimit-retry-after'],
			defaultWindowSec: 60,
		},
		// Writes (POST, PUT, PATCH, DELETE) count as two requests.
		requestCost: (method: string) => (method === 'GET' || method === 'HEAD' ? 1 : 2),
	};
	let tokenHttp: HttpClient | undefined;
	const tokenClient = () => {
		tokenHttp ??= createHttpClient({
			...common,
			credentials: {current: async () => null, secrets: () => [], describe: () => 'none'},
		});
		return tokenHttp;
	};
	const credentials = createClientCredentials({
		provider: 'Help Scout',
		setup,
		tokenPath,
		tokenClient,
		hint: helpScoutAuthHint,
	});
	const http = createHttpClient({...common, credentials});
	const concurrency = Math.max(1, options.concurrency ?? 4);

	async function request<Schema extends z.ZodType>(req: HttpRequest, schema: Schema): Promise<z.output<Schema>> {
		return parse(await http.send(req), schema, req.method);
	}
	const get = <Schema extends z.ZodType>(
		path: string,
		query: Record<string, QueryValue>,
		schema: Schema,
		signal?: AbortSignal,
	) => request({method: 'GET', path, query, signal}, schema);

	async function all<Item extends z.ZodType>(
		path: string,
		key: string,
		item: Item,
		query: Record<string, QueryValue>,
		signal?: AbortSignal,
	): Promise<z.output<Item>[]> {
		const schema = halPage(key, item);
		const items: z.output<Item>[] = [];
		for (let page = 1; page <= maxPages; page++) {
			const body = await get(path, {...query, page}, schema, signal);
			const batch = (body._embedded?.[key] ?? []) as z.output<Item>[];
			items.push(...batch);
			const pages = body.page?.totalPages ?? 1;
			if (batch.length === 0 || page >= pages) break;
		}
		return items;
	}

	const mapLimited = <T, R>(items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]> =>
		mapWithLimit(items, concurrency, task);

	const users = cached((signal) => all('/v2/users', 'users', hsUser, {}, signal));

	return {
		origin: http.origin,
		setup,
		http,
		request,
		get,
		write: (req) => http.send(req),
		all,
		// The token acts as the app's owner. With --email on the profile, csr works as that Help Scout user: "me" in
		// the queue, and the author (`user`) of replies and notes.
		me: cached(async (signal) => {
			const email = setup.email?.trim().toLowerCase();
			if (email) {
				const found = (await users(signal)).find((user) => user.email?.toLowerCase() === email);
				if (found === undefined) {
					throw new UsageError(
						`no Help Scout user has the profile email ${setup.email}`,
						'Fix it with `csr profile add … --email`, or leave it out to work as the app owner.',
					);
				}
				return found;
			}
			return get('/v2/users/me', {}, hsUser, signal);
		}),
		users,
		mailboxes: cached((signal) => all('/v2/mailboxes', 'mailboxes', hsMailbox, {}, signal)),
		mapLimited,
		close: async () => {
			await http.close();
			await tokenHttp?.close();
		},
	};
}

const naming: DeskNaming = {desk: 'Help Scout', noun: 'conversation'};

/** Help Scout conversation ids are numbers; anything else cannot name one (and must never reach a URL path). */
export function conversationNumber(ticketId: string): number {
	return numericTicketId(naming, ticketId);
}

export function conversationNotFound(ticketId: string, error: unknown): unknown {
	return ticketNotFoundOn(naming, ticketId, error);
}
