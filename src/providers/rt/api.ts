import type * as z from 'zod';
import {AuthError, ProviderError} from '../../errors.js';
import type {ProviderSetup} from '../help-desk.js';
import type {CredentialSource, Credentials} from '../http/auth.js';
import {describeCredentials} from '../http/auth.js';
import type {Clock} from '../http/clock.js';
import {describeErrorBody, type ErrorDescription} from '../http/errors.js';
import {createHttpClient, type HttpClient, type HttpRequest, type HttpResponse} from '../http/http-client.js';
import type {RetryPolicy} from '../http/retry.js';
import {type DeskNaming, numericTicketId} from '../http/ticket-ids.js';
import type {QueryValue} from '../http/url.js';
import {type RtTicket, type RtUser, rtCollection, rtCustomField, rtTicketPage, rtUser, rtUserPage} from './schemas.js';
import {idsSql, ticketFields} from './ticket-sql.js';

/** Seams for tests and tuning; production uses the defaults. */
export type RtOptions = {
	readonly clock?: Clock | undefined;
	readonly timeouts?: {readonly connectMs?: number; readonly readMs?: number} | undefined;
	readonly retry?: Partial<RetryPolicy> | undefined;
	/** Parallel requests when one call needs many (history of each ticket for KPI facts). */
	readonly concurrency?: number | undefined;
};

export const rtAuthHint =
	"Check $CSR_TOKEN: an RT auth token (RT: Logged in as → Settings → Auth Tokens), or with a profile --user that user's password.";

/** REST2 lives below the RT base URL (which includes RT's WebPath, e.g. https://rt.example.com/rt). */
export const rest2 = '/REST/2.0';
/** REST2 serves at most 100 items a page (more is silently capped). */
export const maxPerPage = 100;

export type RtApi = {
	readonly http: HttpClient;
	/** The RT web base URL without a trailing slash: ticket and attachment links start here. */
	readonly webBase: string;
	readonly setup: ProviderSetup;
	readonly concurrency: number;
	get<Schema extends z.ZodType>(
		path: string,
		query: Record<string, QueryValue>,
		schema: Schema,
		signal?: AbortSignal,
	): Promise<z.output<Schema>>;
	send(request: HttpRequest): Promise<HttpResponse>;
	/** Every page of a REST2 collection (pages until `count < per_page`: `total` is null for non-admins). */
	all<Item extends z.ZodType>(
		path: string,
		query: Record<string, QueryValue>,
		item: Item,
		signal?: AbortSignal,
		method?: 'GET' | 'POST',
		json?: unknown,
	): Promise<z.output<Item>[]>;
	/** The signed-in user (from the token's user id, or the profile's --user); AuthError unless privileged. Cached. */
	me(signal?: AbortSignal): Promise<RtUser>;
	/** A user by login, email or id; cached. Others' records are summaries (Name, EmailAddress, RealName, Privileged). */
	user(idOrName: string, signal?: AbortSignal): Promise<RtUser | null>;
	/** The login of the user with this email address, or null; cached. */
	loginForEmail(email: string, signal?: AbortSignal): Promise<string | null>;
	/** Whether a custom field holds a single value (MaxValues 1); cached. */
	isSingleValueField(fieldId: string, signal?: AbortSignal): Promise<boolean>;
	/** Tickets by id, in one search request per 100 (with requestors, owner and queue expanded); missing ids left out. */
	ticketsById(ids: readonly string[], signal?: AbortSignal): Promise<RtTicket[]>;
	/** Closes the connections; calling it again is harmless. */
	close(): Promise<void>;
};

/** RT error messages carry Perl file names ("… at /usr/share/request-tracker5/lib/RT/Tickets.pm line 3187."). */
export function describeRtError(body: unknown): ErrorDescription {
	const description = describeErrorBody(body);
	const summary = description.summary?.replace(/\s+at \/\S+ line \d+\.?/g, '').trim() ?? null;
	return {...description, summary: summary === '' ? null : summary};
}

/**
 * What an RT profile sends. The secret is $CSR_TOKEN_<PROFILE>, $CSR_TOKEN or the stored token:
 * - an RT auth token (`1-<user id>-<32 hex>`): `Authorization: token …` (RT::Authen::Token, built into RT 5);
 * - anything else, with a profile `user`: basic auth, that user and the secret as the password (RT's REST2 checks
 *   basic credentials against the password only, not against auth tokens);
 * - no secret: every request fails with AuthError before anything is sent.
 */
export function rtCredentials(setup: ProviderSetup): CredentialSource {
	const token = setup.token?.trim() ?? '';
	if (token === '') {
		return {
			current: async () => {
				throw new AuthError(
					`no token for the RT profile "${setup.profileName}"`,
					`Set $CSR_TOKEN_${setup.profileName.toUpperCase().replace(/[^A-Z0-9]/g, '_')} or $CSR_TOKEN to an RT auth token, or store one with \`csr profile add … --token-stdin\`.`,
				);
			},
			secrets: () => [],
			describe: () => 'no credentials',
		};
	}
	const useBasic = tokenUserId(token) === null && setup.user !== null && setup.user !== '';
	const credentials: Credentials = useBasic
		? {scheme: 'basic', username: setup.user ?? '', password: token}
		: {scheme: 'header', name: 'authorization', value: `token ${token}`};
	const basic = Buffer.from(`${setup.user ?? ''}:${token}`, 'utf8').toString('base64');
	return {
		current: async () => credentials,
		secrets: () => [token, `token ${token}`, basic, `Basic ${basic}`],
		describe: () => (credentials.scheme === 'basic' ? describeCredentials(credentials) : 'RT auth token'),
	};
}

/** RT auth tokens read `1-<user id>-<32 hex>`: the user id says who is signed in (RT 5.0 has no /user/me). */
export function tokenUserId(token: string | null): string | null {
	const match = token === null ? null : /^1-(\d+)-[0-9a-f]{32}$/i.exec(token.trim());
	return match?.[1] ?? null;
}

const naming: DeskNaming = {desk: 'RT'};

/** RT ticket ids are numbers; anything else names no ticket (and never reaches a URL path). */
export function ticketNumber(ticketId: string): number {
	return numericTicketId(naming, ticketId);
}

export function notFound(ticketId: string): ProviderError {
	return new ProviderError(`RT has no ticket ${ticketId} (or you may not see it)`, {kind: 'not-found', status: 404});
}

/** Runs `task` over `items` with at most `limit` in flight, keeping the order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await task(items[index] as T);
		}
	};
	await Promise.all(Array.from({length: Math.max(1, Math.min(limit, items.length))}, worker));
	return results;
}

export function createRtApi(setup: ProviderSetup, options: RtOptions = {}): RtApi {
	if (setup.baseUrl === null) {
		throw new AuthError(`the RT profile "${setup.profileName}" has no URL`, 'Add it with `csr profile add … --url`.');
	}
	const http = createHttpClient({
		baseUrl: setup.baseUrl,
		provider: 'RT',
		credentials: rtCredentials(setup),
		authHint: rtAuthHint,
		timeouts: options.timeouts,
		retry: options.retry,
		clock: options.clock,
		log: setup.log,
		describeError: describeRtError,
		// Never browser-like: RT answers a "Mozilla" user agent (or a Cookie) with a 302 to its login page, not 401.
		userAgent: 'csr',
	});
	const webBase = setup.baseUrl.replace(/[?#].*$/, '').replace(/\/+$/, '');
	const users = new Map<string, Promise<RtUser | null>>();
	const logins = new Map<string, Promise<string | null>>();
	const singleValueFields = new Map<string, Promise<boolean>>();
	let me: Promise<RtUser> | undefined;
	let closing: Promise<void> | undefined;

	const get: RtApi['get'] = (path, query, schema, signal) =>
		http.json({method: 'GET', path: `${rest2}${path}`, query, signal}, schema);

	const api: RtApi = {
		http,
		webBase,
		setup,
		concurrency: options.concurrency ?? 4,
		get,
		send: (request) => http.send({...request, path: `${rest2}${request.path}`}),
		async all(path, query, item, signal, method = 'GET', json = undefined) {
			const schema = rtCollection(item);
			const items: z.output<typeof item>[] = [];
			for (let page = 1; ; page++) {
				const body = await http.json(
					{method, path: `${rest2}${path}`, query: {...query, page, per_page: maxPerPage}, json, signal},
					schema,
				);
				items.push(...body.items);
				if (body.count < body.per_page || body.items.length === 0) return items;
			}
		},
		me(signal) {
			me ??= (async () => {
				const tokenUser = tokenUserId(setup.token);
				const login = setup.user || tokenUser;
				if (!login) {
					// Make a bad token fail as a bad token first.
					await http.send({method: 'GET', path: `${rest2}/rt`, signal});
					throw new AuthError(
						'csr cannot tell which RT user this token belongs to',
						'RT auth tokens look like 1-<user id>-<32 hex digits>; for a password, give the login with `csr profile add … --user NAME`.',
					);
				}
				const user = await get(`/user/${encodeURIComponent(login)}`, {}, rtUser, signal);
				if (setup.user && tokenUser !== null && user.id !== tokenUser) {
					throw new AuthError(
						`the RT auth token does not belong to the profile's user ${setup.user}`,
						"Use that user's token, or drop --user from the profile.",
					);
				}
				if (!user.Privileged) {
					throw new AuthError(
						`the RT user ${user.Name} is not privileged (not an agent)`,
						'Use the token of a privileged RT user (one who may work tickets).',
					);
				}
				if (user.Disabled) throw new AuthError(`the RT user ${user.Name} is disabled`, rtAuthHint);
				users.set(user.Name.toLowerCase(), Promise.resolve(user));
				return user;
			})();
			me.catch(() => {
				me = undefined;
			});
			return me;
		},
		user(idOrName, signal) {
			const key = idOrName.toLowerCase();
			let cached = users.get(key);
			if (cached === undefined) {
				cached = (async () => {
					const response = await http.send({
						method: 'GET',
						path: `${rest2}/user/${encodeURIComponent(idOrName)}`,
						allowStatuses: [403, 404],
						signal,
					});
					if (response.status >= 400) return null;
					const parsed = rtUser.safeParse(response.body);
					return parsed.success ? parsed.data : null;
				})();
				cached.catch(() => users.delete(key));
				users.set(key, cached);
			}
			return cached;
		},
		loginForEmail(email, signal) {
			const key = email.toLowerCase();
			let cached = logins.get(key);
			if (cached === undefined) {
				cached = (async () => {
					const page = await http.json(
						{
							method: 'POST',
							path: `${rest2}/users`,
							query: {fields: 'Name,EmailAddress,Disabled', per_page: 10},
							json: [{field: 'EmailAddress', operator: '=', value: email}],
							signal,
						},
						rtUserPage,
					);
					const match = page.items.find((user) => user.EmailAddress.toLowerCase() === key && user.Disabled !== 1);
					return match === undefined ? null : match.Name || match.id;
				})();
				cached.catch(() => logins.delete(key));
				logins.set(key, cached);
			}
			return cached;
		},
		isSingleValueField(fieldId, signal) {
			let cached = singleValueFields.get(fieldId);
			if (cached === undefined) {
				cached = get(`/customfield/${encodeURIComponent(fieldId)}`, {}, rtCustomField, signal).then(
					(field) => field.MaxValues === 1,
				);
				cached.catch(() => singleValueFields.delete(fieldId));
				singleValueFields.set(fieldId, cached);
			}
			return cached;
		},
		async ticketsById(ids, signal) {
			const tickets: RtTicket[] = [];
			for (let start = 0; start < ids.length; start += maxPerPage) {
				const sql = idsSql(ids.slice(start, start + maxPerPage));
				if (sql === null) continue;
				const page = await get('/tickets', {query: sql, per_page: maxPerPage, ...ticketFields}, rtTicketPage, signal);
				tickets.push(...page.items);
			}
			return tickets;
		},
		close() {
			closing ??= http.close();
			return closing;
		},
	};
	return api;
}
