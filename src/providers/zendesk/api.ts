import type * as z from 'zod';
import {AuthError, ProviderError, UsageError} from '../../errors.js';
import type {ProviderSetup} from '../help-desk.js';
import {staticCredentials} from '../http/auth.js';
import {type Clock, systemClock} from '../http/clock.js';
import {createHttpClient, type HttpClient, type HttpRequest} from '../http/http-client.js';
import {defaultRateLimitHeaders} from '../http/rate-limit.js';
import type {RetryPolicy} from '../http/retry.js';
import {type DeskNaming, numericTicketId, ticketNotFoundOn} from '../http/ticket-ids.js';
import type {QueryValue} from '../http/url.js';
import {createZendeskCredentials, zendeskAuthHint} from './credentials.js';
import {createDirectory, type Directory} from './directory.js';
import {customStatusesResponse, groupsResponse, meResponse, type ZendeskGroup, type ZendeskUser} from './schemas.js';

/** Seams for tests and tuning; production uses the defaults. */
export type ZendeskOptions = {
	/** Pacing, backoff, Retry-After and job polling run on this clock (tests: a virtual one, no real sleeps). */
	readonly clock?: Clock | undefined;
	readonly timeouts?: {readonly connectMs?: number; readonly readMs?: number} | undefined;
	readonly retry?: Partial<RetryPolicy> | undefined;
	/** First wait between job-status polls of update_many; it grows to 5 s. */
	readonly jobPollIntervalMs?: number | undefined;
	/** Longest csr waits for an update_many job. */
	readonly jobTimeoutMs?: number | undefined;
};

export type ZendeskApi = {
	readonly http: HttpClient;
	readonly origin: string;
	readonly directory: Directory;
	readonly setup: ProviderSetup;
	readonly clock: Clock;
	readonly options: ZendeskOptions;
	get<Schema extends z.ZodType>(
		path: string,
		query: Record<string, QueryValue>,
		schema: Schema,
		signal?: AbortSignal,
	): Promise<z.output<Schema>>;
	request<Schema extends z.ZodType>(request: HttpRequest, schema: Schema): Promise<z.output<Schema>>;
	/** The signed-in user; AuthError when Zendesk only sees an anonymous user. Cached. */
	me(signal?: AbortSignal): Promise<ZendeskUser & {id: number}>;
	/** Agent labels of custom statuses, loaded once (empty when the account has none or the role cannot read them). */
	loadCustomStatuses(signal?: AbortSignal): Promise<void>;
	/** Every group, loaded once. */
	groups(signal?: AbortSignal): Promise<ZendeskGroup[]>;
	/** Set once incremental export answered 403 (not an admin): KPI export uses the agent fallback from then on. */
	incrementalForbidden: boolean;
	/** Set once ticket audits answered 403 where comments did not (a token without the global read scope): KPI threads come from comments. */
	auditsForbidden: boolean;
	close(): Promise<void>;
};

/** Ticket creation is the only Zendesk write that honours Idempotency-Key (Ticketing API introduction, "Idempotency"). */
const honoursIdempotencyKey = (method: string, path: string): boolean =>
	method === 'POST' && /^\/api\/v2\/tickets(\.json)?$/.test(path);

export function createZendeskApi(setup: ProviderSetup, options: ZendeskOptions = {}): ZendeskApi {
	if (setup.baseUrl === null) {
		throw new UsageError(`the Zendesk profile "${setup.profileName}" has no URL`, 'Add it with `csr profile add`.');
	}
	const baseUrl = setup.baseUrl;
	const clock = options.clock ?? systemClock;
	const common = {
		baseUrl,
		provider: 'Zendesk',
		authHint: zendeskAuthHint,
		timeouts: options.timeouts,
		retry: options.retry,
		clock,
		log: setup.log,
		userAgent: 'csr (+https://github.com/csr)',
		rateLimitHeaders: {...defaultRateLimitHeaders, structuredPrefix: 'zendesk-ratelimit-'},
		idempotency: {header: 'Idempotency-Key', honoured: honoursIdempotencyKey},
	};
	let tokenClient: HttpClient | undefined;
	const credentials = createZendeskCredentials(setup, () => {
		tokenClient ??= createHttpClient({...common, credentials: staticCredentials(null)});
		return tokenClient;
	});
	const http = createHttpClient({...common, credentials});
	const directory = createDirectory();
	let me: Promise<ZendeskUser & {id: number}> | undefined;
	let groups: Promise<ZendeskGroup[]> | undefined;
	let customStatuses: Promise<void> | undefined;

	async function loadCustomStatuses(signal?: AbortSignal): Promise<void> {
		if (directory.customStatuses !== null) return;
		const response = await http.send({
			method: 'GET',
			path: '/api/v2/custom_statuses.json',
			signal,
			allowStatuses: [403, 404],
		});
		const parsed = customStatusesResponse.safeParse(response.body);
		if (response.status >= 400 || !parsed.success) {
			if (response.status < 400) {
				throw new ProviderError('Zendesk sent an unexpected response for GET /api/v2/custom_statuses.json');
			}
			directory.customStatuses = new Map();
			return;
		}
		directory.customStatuses = new Map(
			parsed.data.custom_statuses.map((status) => [
				status.id,
				{agentLabel: status.agent_label, isDefault: status.default === true},
			]),
		);
	}

	const api: ZendeskApi = {
		http,
		origin: http.origin,
		directory,
		setup,
		clock,
		options,
		incrementalForbidden: false,
		auditsForbidden: false,
		get: (path, query, schema, signal) => http.json({method: 'GET', path, query, signal}, schema),
		request: (request, schema) => http.json(request, schema),
		me(signal) {
			me ??= (async () => {
				const {user} = await api.get('/api/v2/users/me.json', {}, meResponse, signal);
				// Zendesk answers 200 with an "Anonymous user" to missing or wrong credentials.
				if (user.id === null || user.role == null || user.role === 'end-user') {
					throw new AuthError(
						'Zendesk did not accept the credentials: /api/v2/users/me answered for an anonymous user',
						`${zendeskAuthHint} An API token needs the agent's email in the profile.`,
					);
				}
				directory.absorb({users: [user]});
				return {...user, id: user.id};
			})();
			me.catch(() => {
				me = undefined;
			});
			return me;
		},
		loadCustomStatuses(signal) {
			customStatuses ??= loadCustomStatuses(signal);
			customStatuses.catch(() => {
				customStatuses = undefined;
			});
			return customStatuses;
		},
		groups(signal) {
			groups ??= (async () => {
				const all: ZendeskGroup[] = [];
				let after: string | undefined;
				for (;;) {
					const page = await api.get(
						'/api/v2/groups.json',
						{'page[size]': 100, 'page[after]': after},
						groupsResponse,
						signal,
					);
					all.push(...page.groups.filter((group) => group.deleted !== true));
					directory.absorb({groups: page.groups});
					if (!page.meta?.has_more || !page.meta.after_cursor) return all;
					after = page.meta.after_cursor;
				}
			})();
			groups.catch(() => {
				groups = undefined;
			});
			return groups;
		},
		async close() {
			await http.close();
			await tokenClient?.close();
		},
	};
	return api;
}

const naming: DeskNaming = {desk: 'Zendesk'};

/** Zendesk ids are numbers; anything else cannot name a ticket (and must never reach a URL path). */
export function ticketNumber(ticketId: string): number {
	return numericTicketId(naming, ticketId);
}

/** A 404 on a ticket path, said in the agent's words. */
export function ticketNotFound(ticketId: string, error: unknown): unknown {
	return ticketNotFoundOn(naming, ticketId, error);
}
