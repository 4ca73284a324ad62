import * as z from 'zod';
import {ProviderError, UsageError} from '../../errors.js';
import {memoryContactCache} from '../../store/contact-cache.js';
import type {CachedContact, ContactCache, ProviderSetup} from '../help-desk.js';
import {type Clock, systemClock} from '../http/clock.js';
import {createHttpClient, type HttpClient, type HttpRequest, type HttpResponse} from '../http/http-client.js';
import {mapLimited as mapWithLimit} from '../http/map-limited.js';
import type {RetryPolicy} from '../http/retry.js';
import {type DeskNaming, numericTicketId, ticketNotFoundOn} from '../http/ticket-ids.js';
import type {QueryValue} from '../http/url.js';
import {describeFreshdeskError, freshdeskAuthHint, freshdeskCredentials} from './auth.js';
import {createDirectory, type Directory} from './map.js';
import {
	agentList,
	type FreshdeskAgent,
	type FreshdeskContact,
	type FreshdeskGroup,
	freshdeskAgent,
	freshdeskContact,
	groupList,
	ticketFieldList,
} from './schemas.js';
import {factsFromFields, fieldFacts, noFieldFacts} from './ticket-fields.js';

/** Seams for tests and tuning; production uses the defaults. */
export type FreshdeskOptions = {
	/** Pacing, backoff, Retry-After and job polling run on this clock (tests: a virtual one, no real sleeps). */
	readonly clock?: Clock | undefined;
	readonly timeouts?: {readonly connectMs?: number; readonly readMs?: number} | undefined;
	readonly retry?: Partial<RetryPolicy> | undefined;
	/** First wait between polls of a bulk_update job; it doubles up to 5 s. */
	readonly jobPollIntervalMs?: number | undefined;
	/** Longest csr waits for a bulk_update job. */
	readonly jobTimeoutMs?: number | undefined;
	/** Requests a batch or a lookup runs at once (the pacer still keeps them within the quota). */
	readonly concurrency?: number | undefined;
};

export {describeFreshdeskError, freshdeskAuthHint, freshdeskCredentials};

export type Page<T> = {readonly items: T; readonly hasNext: boolean};

export type FreshdeskApi = {
	readonly origin: string;
	readonly directory: Directory;
	/** Contacts and directory lists kept between runs (the profile's cache in csr.db, or memory). */
	readonly cache: ContactCache;
	/** This desk's contacts listings (contacts.ts) by budget, once started. */
	readonly contactsRefresh: Map<'page' | 'complete', Promise<void>>;
	readonly setup: ProviderSetup;
	readonly clock: Clock;
	readonly options: FreshdeskOptions;
	/** A request whose 2xx body must fit the schema. 409 (Freshdesk: "conflicting state") is a permanent refusal. */
	request<Schema extends z.ZodType>(request: HttpRequest, schema: Schema): Promise<z.output<Schema>>;
	get<Schema extends z.ZodType>(
		path: string,
		query: Record<string, QueryValue>,
		schema: Schema,
		signal?: AbortSignal,
	): Promise<z.output<Schema>>;
	/** A GET that answers null for the given error statuses (a feature the account or role does not have). */
	getOrNull<Schema extends z.ZodType>(
		path: string,
		query: Record<string, QueryValue>,
		schema: Schema,
		signal: AbortSignal | undefined,
		statuses: readonly number[],
	): Promise<z.output<Schema> | null>;
	/** One page of a paginated list: `hasNext` from the `Link: <…>; rel="next"` header. */
	page<Schema extends z.ZodType>(
		path: string,
		query: Record<string, QueryValue>,
		schema: Schema,
		signal?: AbortSignal,
	): Promise<Page<z.output<Schema>>>;
	/** The signed-in agent (`/api/v2/agents/me`), cached. */
	me(signal?: AbortSignal): Promise<FreshdeskAgent>;
	/** A file's bytes (an attachment_url: credentials on the account's host only). */
	download(url: string, signal?: AbortSignal): Promise<Uint8Array>;
	/** Every agent, loaded once (empty when the role may not list them). */
	agents(signal?: AbortSignal): Promise<FreshdeskAgent[]>;
	/** An agent by email: from the loaded list, else `/api/v2/agents?email=`. UsageError when there is none. */
	agentByEmail(email: string, signal?: AbortSignal): Promise<FreshdeskAgent>;
	/** Every group, loaded once. */
	groups(signal?: AbortSignal): Promise<FreshdeskGroup[]>;
	/** A contact by id, cached; null when Freshdesk will not show it. */
	contact(id: number, signal?: AbortSignal): Promise<FreshdeskContact | null>;
	/** Agent labels of statuses (custom ones included) from `ticket_fields`, loaded once. */
	loadStatusLabels(signal?: AbortSignal): Promise<Map<number, string>>;
	/** Runs `task` over `items`, a few at a time. */
	mapLimited<T, R>(items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]>;
	close(): Promise<void>;
};

const nextLink = /<[^>]*>\s*;\s*rel="?next"?/i;

function parse<Schema extends z.ZodType>(response: HttpResponse, schema: Schema, method: string): z.output<Schema> {
	const parsed = schema.safeParse(response.body);
	if (!parsed.success) {
		throw new ProviderError(
			`Freshdesk sent an unexpected response for ${method} ${response.path}:\n${z.prettifyError(parsed.error)}`,
			{kind: 'permanent', status: response.status},
		);
	}
	return parsed.data;
}

/** How long cached agents, groups and status labels count before csr reads them again. */
export const directoryMaxAgeMs = 60 * 60_000;

/** A Freshdesk contact as the contacts cache keeps it: `language` is the customer's locale. */
export function toCachedContact(contact: FreshdeskContact): CachedContact {
	return {
		id: String(contact.id),
		name: contact.name ?? null,
		email: contact.email ?? null,
		locale: contact.language ?? null,
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

export function createFreshdeskApi(setup: ProviderSetup, options: FreshdeskOptions = {}): FreshdeskApi {
	if (setup.baseUrl === null) {
		throw new UsageError(
			`the Freshdesk profile "${setup.profileName}" has no URL`,
			'Add it with `csr profile add NAME --provider freshdesk --url https://yourcompany.freshdesk.com`.',
		);
	}
	const clock = options.clock ?? systemClock;
	const http: HttpClient = createHttpClient({
		baseUrl: setup.baseUrl,
		provider: 'Freshdesk',
		credentials: freshdeskCredentials(setup),
		authHint: freshdeskAuthHint,
		timeouts: options.timeouts,
		retry: options.retry,
		clock,
		log: setup.log,
		userAgent: 'csr (+https://github.com/csr)',
		// X-RateLimit-Total / X-RateLimit-Remaining are among the defaults; Freshdesk sends no reset time and its limits
		// are per minute, which is the default window.
		describeError: describeFreshdeskError,
	});
	const directory = createDirectory();
	const concurrency = Math.max(1, options.concurrency ?? 4);

	async function send(request: HttpRequest): Promise<HttpResponse> {
		const response = await http.send({...request, allowStatuses: [409, ...(request.allowStatuses ?? [])]});
		if (response.status === 409 && !(request.allowStatuses ?? []).includes(409)) {
			// Freshdesk's 409 is "inconsistent or conflicting state" (e.g. a duplicate), not a concurrent edit.
			const said = describeFreshdeskError(response.body);
			throw new ProviderError(
				`Freshdesk refused ${request.method} ${response.path} (409 conflicting state)${said.summary ? `: ${said.summary}` : ''}${said.details.map((line) => `\n  ${line}`).join('')}`,
				{kind: 'permanent', status: 409},
			);
		}
		return response;
	}

	async function request<Schema extends z.ZodType>(req: HttpRequest, schema: Schema): Promise<z.output<Schema>> {
		return parse(await send(req), schema, req.method);
	}

	const get = <Schema extends z.ZodType>(
		path: string,
		query: Record<string, QueryValue>,
		schema: Schema,
		signal?: AbortSignal,
	) => request({method: 'GET', path, query, signal}, schema);

	async function page<Schema extends z.ZodType>(
		path: string,
		query: Record<string, QueryValue>,
		schema: Schema,
		signal?: AbortSignal,
	): Promise<Page<z.output<Schema>>> {
		const response = await send({method: 'GET', path, query, signal});
		return {items: parse(response, schema, 'GET'), hasNext: nextLink.test(response.headers['link'] ?? '')};
	}

	/** Every page of a list; a 403 gives what was read so far when `forbiddenIsEmpty` (a role that may not list it). */
	async function all<T>(
		path: string,
		schema: z.ZodType<T[]>,
		signal: AbortSignal | undefined,
		forbiddenIsEmpty = false,
	): Promise<T[]> {
		const items: T[] = [];
		// Freshdesk serves at most 300 pages of a list.
		for (let number = 1; number <= 300; number++) {
			const response = await send({
				method: 'GET',
				path,
				query: {page: number, per_page: 100},
				signal,
				allowStatuses: forbiddenIsEmpty ? [403] : [],
			});
			if (response.status === 403) break;
			const batch = parse(response, schema, 'GET');
			items.push(...batch);
			if (!nextLink.test(response.headers['link'] ?? '') || batch.length === 0) break;
		}
		return items;
	}

	const mapLimited = <T, R>(items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]> =>
		mapWithLimit(items, concurrency, task);

	const absorbAgents = (agents: readonly FreshdeskAgent[]) => {
		for (const agent of agents) directory.agents.set(agent.id, agent);
	};

	const me = cached(async (signal) => {
		const agent = await get('/api/v2/agents/me', {}, freshdeskAgent, signal);
		absorbAgents([agent]);
		return agent;
	});

	const cache = setup.contacts ?? memoryContactCache(setup.now);

	/** A directory list from the cache while it is young, else from Freshdesk (then cached). */
	async function storedList<T>(name: string, schema: z.ZodType<T[]>, load: () => Promise<T[]>): Promise<T[]> {
		const stored = cache.getList(name, directoryMaxAgeMs);
		const parsed = stored === null ? null : schema.safeParse(JSON.parse(stored));
		if (parsed?.success) return parsed.data;
		const fresh = await load();
		cache.putList(name, JSON.stringify(fresh));
		return fresh;
	}

	const loadAgents = cached(async (signal) => {
		const agents = await storedList('agents', agentList, () => all('/api/v2/agents', agentList, signal, true));
		absorbAgents(agents);
		return agents;
	});

	const loadGroups = cached(async (signal) => {
		const groups = await storedList('groups', groupList, () => all('/api/v2/groups', groupList, signal));
		for (const group of groups) directory.groups.set(group.id, group.name);
		return groups;
	});

	const contacts = new Map<number, Promise<FreshdeskContact | null>>();

	/** Status labels, agent and group names from `ticket_fields` (ticket-fields.ts), one request an hour. */
	const loadStatusLabels = cached(async (signal) => {
		if (directory.statusLabels !== null) return directory.statusLabels;
		const [facts] = await storedList('ticket-fields', z.array(fieldFacts), async () => {
			const response = await send({method: 'GET', path: '/api/v2/ticket_fields', signal, allowStatuses: [403, 404]});
			const parsed = ticketFieldList.safeParse(response.body);
			return [response.status >= 400 || !parsed.success ? noFieldFacts : factsFromFields(parsed.data)];
		});
		const known = facts ?? noFieldFacts;
		// Names only where nothing better is known: an agent read from /agents also has an email.
		for (const [id, name] of known.agents) {
			if (!directory.agents.has(id)) directory.agents.set(id, {id, contact: {name, email: null}});
		}
		for (const [id, name] of known.groups) if (!directory.groups.has(id)) directory.groups.set(id, name);
		directory.statusLabels = new Map(known.statuses);
		return directory.statusLabels;
	});

	return {
		origin: http.origin,
		directory,
		cache,
		contactsRefresh: new Map(),
		setup,
		clock,
		options,
		request,
		get,
		download: (url, signal) => http.download(url, signal),
		async getOrNull(path, query, schema, signal, statuses) {
			const response = await send({method: 'GET', path, query, signal, allowStatuses: statuses});
			return response.status >= 400 ? null : parse(response, schema, 'GET');
		},
		page,
		me,
		agents: loadAgents,
		async agentByEmail(email, signal) {
			const wanted = email.trim().toLowerCase();
			const known = [...directory.agents.values()].find((agent) => agent.contact.email?.toLowerCase() === wanted);
			if (known) return known;
			const found = await get('/api/v2/agents', {email: wanted}, agentList, signal);
			absorbAgents(found);
			const agent = found.find((candidate) => candidate.contact.email?.toLowerCase() === wanted) ?? found[0];
			if (agent === undefined) {
				throw new UsageError(`no Freshdesk agent has the email ${email}`, 'See the agents with `csr assign --help`.');
			}
			return agent;
		},
		groups: loadGroups,
		contact(id, signal) {
			let pending = contacts.get(id);
			if (pending === undefined) {
				pending = (async () => {
					const response = await send({
						method: 'GET',
						path: `/api/v2/contacts/${id}`,
						signal,
						allowStatuses: [403, 404],
					});
					if (response.status >= 400) return null;
					const contact = parse(response, freshdeskContact, 'GET');
					directory.contacts.set(contact.id, contact);
					cache.put([toCachedContact(contact)]);
					return contact;
				})();
				pending.catch(() => contacts.delete(id));
				contacts.set(id, pending);
			}
			return pending;
		},
		loadStatusLabels,
		mapLimited,
		close: () => http.close(),
	};
}

const naming: DeskNaming = {desk: 'Freshdesk'};

/** Freshdesk ids are numbers; anything else cannot name a ticket (and must never reach a URL path). */
export function ticketNumber(ticketId: string): number {
	return numericTicketId(naming, ticketId);
}

/** A 404 on a ticket path, said in the agent's words. */
export function ticketNotFound(ticketId: string, error: unknown): unknown {
	return ticketNotFoundOn(naming, ticketId, error);
}
