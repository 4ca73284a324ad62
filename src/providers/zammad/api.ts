import * as z from 'zod';
import {AuthError, ProviderError, UsageError} from '../../errors.js';
import type {ProviderSetup} from '../help-desk.js';
import type {CredentialSource, Credentials} from '../http/auth.js';
import {authorizationHeader} from '../http/auth.js';
import {type Clock, systemClock} from '../http/clock.js';
import {describeErrorBody, type ErrorDescription} from '../http/errors.js';
import {createHttpClient, type HttpClient, type HttpRequest, type HttpResponse} from '../http/http-client.js';
import {mapLimited as mapWithLimit} from '../http/map-limited.js';
import type {RetryPolicy} from '../http/retry.js';
import {type DeskNaming, numericTicketId, ticketNotFoundOn} from '../http/ticket-ids.js';
import type {QueryValue} from '../http/url.js';
import {
	groupList,
	priorityList,
	stateList,
	type ZammadGroup,
	type ZammadPriority,
	type ZammadState,
	type ZammadUser,
	zammadOrganization,
	zammadUser,
} from './schemas.js';

/** Seams for tests and tuning; production uses the defaults. */
export type ZammadOptions = {
	readonly clock?: Clock | undefined;
	readonly timeouts?: {readonly connectMs?: number; readonly readMs?: number} | undefined;
	readonly retry?: Partial<RetryPolicy> | undefined;
	/** Requests a lookup runs at once. */
	readonly concurrency?: number | undefined;
};

export const zammadAuthHint =
	'Check $CSR_TOKEN: a Zammad access token (Profile → Token Access, permission ticket.agent), sent as `Token token=…`; with --user on the profile it is that user’s password (basic auth, if your Zammad allows it).';

export const api = '/api/v1';

export type ZammadApi = {
	readonly origin: string;
	/** The profile URL without a trailing slash: where Zammad's web pages are (it may sit below a path). */
	readonly webBase: string;
	readonly setup: ProviderSetup;
	readonly http: HttpClient;
	/** A request whose 2xx body must fit the schema. */
	request<Schema extends z.ZodType>(request: HttpRequest, schema: Schema): Promise<z.output<Schema>>;
	get<Schema extends z.ZodType>(
		path: string,
		query: Record<string, QueryValue>,
		schema: Schema,
		signal?: AbortSignal,
	): Promise<z.output<Schema>>;
	/** The signed-in user (`/users/me`), cached. */
	me(signal?: AbortSignal): Promise<ZammadUser>;
	/** A user by id, cached; null when Zammad will not show it. */
	user(id: number, signal?: AbortSignal): Promise<ZammadUser | null>;
	/** Users seen so far (sync lookup for mapping). */
	knownUser(id: number): ZammadUser | undefined;
	organization(id: number, signal?: AbortSignal): Promise<string | null>;
	states(signal?: AbortSignal): Promise<ZammadState[]>;
	priorities(signal?: AbortSignal): Promise<ZammadPriority[]>;
	groups(signal?: AbortSignal): Promise<ZammadGroup[]>;
	/** Agents: the members of the groups the signed-in user can see. */
	agents(signal?: AbortSignal): Promise<ZammadUser[]>;
	mapLimited<T, R>(items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]>;
	close(): Promise<void>;
};

/** Zammad's error envelope: `{"error": "...", "error_human": "..."}` (handles_errors.rb). */
export function describeZammadError(body: unknown): ErrorDescription {
	if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
		const record = body as Record<string, unknown>;
		const human = typeof record['error_human'] === 'string' ? record['error_human'].trim() : '';
		const error = typeof record['error'] === 'string' ? record['error'].trim() : '';
		const summary = human || error;
		if (summary !== '') return {summary: summary.slice(0, 300), details: []};
	}
	return describeErrorBody(body);
}

function tokenFrom(setup: ProviderSetup): string {
	if (setup.tokenSource === 'env-profile')
		return `$CSR_TOKEN_${setup.profileName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
	return setup.tokenSource === 'env' ? '$CSR_TOKEN' : 'the profile token';
}

/** `Authorization: Token token=…`, or basic auth with the profile's --user and the token as password. */
export function zammadCredentials(setup: ProviderSetup): CredentialSource {
	const token = setup.token;
	if (token === null || token === '') {
		return {
			current: async () => {
				throw new AuthError(
					`no token for the Zammad profile "${setup.profileName}"`,
					`Set $CSR_TOKEN, or store it with \`csr profile add ${setup.profileName} --provider zammad --url … --token-stdin\`.`,
				);
			},
			secrets: () => [],
			describe: () => 'no credentials',
		};
	}
	const credentials: Credentials =
		setup.user !== null && setup.user !== ''
			? {scheme: 'basic', username: setup.user, password: token}
			: {scheme: 'header', name: 'authorization', value: `Token token=${token}`};
	const header = authorizationHeader(credentials).value;
	return {
		current: async () => credentials,
		secrets: () => [token, header, header.replace(/^Basic /, '')],
		describe: () =>
			credentials.scheme === 'basic'
				? `basic (${setup.user}) from ${tokenFrom(setup)}`
				: `token from ${tokenFrom(setup)}`,
	};
}

/** Caches a promise until it fails, so a failed lookup is tried again next time. */
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

function parse<Schema extends z.ZodType>(response: HttpResponse, schema: Schema, method: string): z.output<Schema> {
	const parsed = schema.safeParse(response.body);
	if (!parsed.success) {
		throw new ProviderError(
			`Zammad sent an unexpected response for ${method} ${response.path}:\n${z.prettifyError(parsed.error)}`,
			{kind: 'permanent', status: response.status},
		);
	}
	return parsed.data;
}

export function createZammadApi(setup: ProviderSetup, options: ZammadOptions = {}): ZammadApi {
	if (setup.baseUrl === null) {
		throw new UsageError(
			`the Zammad profile "${setup.profileName}" has no URL`,
			'Add it with `csr profile add NAME --provider zammad --url https://zammad.example.com`.',
		);
	}
	const http = createHttpClient({
		baseUrl: setup.baseUrl,
		provider: 'Zammad',
		credentials: zammadCredentials(setup),
		authHint: zammadAuthHint,
		timeouts: options.timeouts,
		retry: options.retry,
		clock: options.clock ?? systemClock,
		log: setup.log,
		userAgent: 'csr (+https://github.com/csr)',
		// Zammad core has no API rate limit and sends no quota headers; a proxy's 429/503 are still waited out.
		describeError: describeZammadError,
	});
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

	const mapLimited = <T, R>(items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]> =>
		mapWithLimit(items, concurrency, task);

	const users = new Map<number, Promise<ZammadUser | null>>();
	const known = new Map<number, ZammadUser>();
	const organizations = new Map<number, Promise<string | null>>();

	function user(id: number, signal?: AbortSignal): Promise<ZammadUser | null> {
		let pending = users.get(id);
		if (pending === undefined) {
			pending = (async () => {
				const response = await http.send({
					method: 'GET',
					path: `${api}/users/${id}`,
					signal,
					allowStatuses: [403, 404],
				});
				if (response.status >= 400) return null;
				const found = parse(response, zammadUser, 'GET');
				known.set(found.id, found);
				return found;
			})();
			pending.catch(() => users.delete(id));
			users.set(id, pending);
		}
		return pending;
	}

	const me = cached(async (signal) => {
		const found = await get(`${api}/users/me`, {}, zammadUser, signal);
		known.set(found.id, found);
		users.set(found.id, Promise.resolve(found));
		return found;
	});
	const states = cached((signal) => get(`${api}/ticket_states`, {}, stateList, signal));
	const priorities = cached((signal) => get(`${api}/ticket_priorities`, {}, priorityList, signal));
	const groups = cached((signal) => get(`${api}/groups`, {}, groupList, signal));
	const agents = cached(async (signal) => {
		const ids = new Set<number>();
		for (const group of await groups(signal)) for (const member of group.user_ids ?? []) ids.add(member);
		ids.add((await me(signal)).id);
		const found = await mapLimited(
			[...ids].sort((a, b) => a - b),
			(id) => user(id, signal),
		);
		return found.filter((candidate): candidate is ZammadUser => candidate !== null && candidate.active !== false);
	});

	return {
		origin: http.origin,
		webBase: setup.baseUrl.replace(/\/+$/, ''),
		setup,
		http,
		request,
		get,
		me,
		user,
		knownUser: (id) => known.get(id),
		organization(id, signal) {
			let pending = organizations.get(id);
			if (pending === undefined) {
				pending = (async () => {
					const response = await http.send({
						method: 'GET',
						path: `${api}/organizations/${id}`,
						signal,
						allowStatuses: [403, 404],
					});
					if (response.status >= 400) return null;
					return parse(response, zammadOrganization, 'GET').name ?? null;
				})();
				pending.catch(() => organizations.delete(id));
				organizations.set(id, pending);
			}
			return pending;
		},
		states,
		priorities,
		groups,
		agents,
		mapLimited,
		close: () => http.close(),
	};
}

const naming: DeskNaming = {desk: 'Zammad'};

/** Zammad ids are numbers; anything else cannot name a ticket (and must never reach a URL path). */
export function ticketNumber(ticketId: string): number {
	return numericTicketId(naming, ticketId);
}

/** A 404 on a ticket path, said in the agent's words. */
export function ticketNotFound(ticketId: string, error: unknown): unknown {
	return ticketNotFoundOn(naming, ticketId, error);
}
