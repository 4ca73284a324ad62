import * as z from 'zod';
import type {Ticket} from '../../domain/ticket.js';
import {ProviderError, UsageError} from '../../errors.js';
import type {TicketPage, TicketQuery} from '../help-desk.js';
import {encodeCursor, parseCursor} from '../http/cursor.js';
import {api as apiPath, ticketNumber, type ZammadApi} from './api.js';
import {type Lookup, nobody, priorityFromName, stateTypesFor, toTicket} from './map.js';
import {overviewList, overviewView, tagsResponse, type ZammadTicket, zammadTicket} from './schemas.js';

/** Search pages: Zammad serves up to 200 (`paginate_with(max: 200)`); csr asks for at most 100. */
const searchMax = 100;

const queueCursor = z.discriminatedUnion('kind', [
	z.object({kind: z.literal('search'), page: z.number().int().min(1), perPage: z.number().int().min(1)}),
	z.object({kind: z.literal('overview'), view: z.string(), offset: z.number().int().min(0)}),
]);

export {encodeCursor};

export function decodeCursor<Schema extends z.ZodType>(raw: string, schema: Schema): z.output<Schema> {
	const value = parseCursor(raw, schema);
	if (value === undefined)
		throw new UsageError('invalid page cursor for this Zammad listing', 'Start again without a cursor.');
	return value;
}

/** States, priorities, groups and the users the tickets point at, each loaded once per desk. */
export async function lookupFor(api: ZammadApi, raw: readonly ZammadTicket[], signal?: AbortSignal): Promise<Lookup> {
	const userIds = new Set<number>();
	for (const ticket of raw) {
		if (ticket.customer_id != null) userIds.add(ticket.customer_id);
		if (ticket.owner_id != null && ticket.owner_id !== nobody) userIds.add(ticket.owner_id);
	}
	const [states, priorities, groups] = await Promise.all([
		api.states(signal),
		api.priorities(signal),
		api.groups(signal).catch(() => []),
		api.mapLimited([...userIds], (id) => api.user(id, signal)),
	]);
	return {
		states,
		priorities,
		groups: new Map(groups.map((group) => [group.id, group.name])),
		user: (id) => api.knownUser(id),
		origin: api.webBase,
	};
}

/** Tags live apart from the ticket: `GET /api/v1/tags?object=Ticket&o_id=ID`. */
export async function tagsOf(api: ZammadApi, id: number, signal?: AbortSignal): Promise<string[]> {
	return (await api.get(`${apiPath}/tags`, {object: 'Ticket', o_id: id}, tagsResponse, signal)).tags;
}

/** Tags for showing a ticket: best effort, a lookup that fails shows none (and says so with --verbose). */
export async function tagsForDisplay(api: ZammadApi, id: number, signal?: AbortSignal): Promise<string[]> {
	try {
		return await tagsOf(api, id, signal);
	} catch (error) {
		if (signal?.aborted) throw error;
		api.setup.log?.(
			`zammad: could not read the tags of ticket ${id}: ${error instanceof Error ? error.message : String(error)}`,
		);
		return [];
	}
}

/** Tickets as csr's, with their tags (one request each, a few at a time). */
export async function mapTickets(
	api: ZammadApi,
	raw: readonly ZammadTicket[],
	signal?: AbortSignal,
): Promise<Ticket[]> {
	const [lookup, tags] = await Promise.all([
		lookupFor(api, raw, signal),
		api.mapLimited(raw, (ticket) => tagsForDisplay(api, ticket.id, signal)),
	]);
	return raw.map((ticket, index) => toTicket(ticket, tags[index] ?? [], lookup));
}

/** A search value: quoted when it is not a plain word (Elasticsearch query-string syntax). */
export function quoted(value: string): string {
	if (/^[\p{L}\p{N}_.@-]+$/u.test(value)) return value;
	return `"${value.replace(/["\\]/g, (character) => `\\${character}`)}"`;
}
const anyOf = (field: string, values: readonly string[]): string =>
	values.length === 1 ? `${field}:${values[0]}` : `${field}:(${values.join(' OR ')})`;

/**
 * Zammad's search (Elasticsearch query-string syntax): `state.name:(new OR open) AND owner_id:3 AND tags:refund`.
 * Unassigned is owner 1, the system user. Free text is matched by Zammad itself.
 */
export async function searchQuery(api: ZammadApi, query: TicketQuery, signal?: AbortSignal): Promise<string> {
	const parts: string[] = [];
	if (query.statuses.length > 0) {
		const types = new Set(query.statuses.flatMap((status) => stateTypesFor[status]));
		const names = (await api.states(signal))
			.filter((state) => types.has(state.state_type_id))
			.map((state) => state.name);
		if (names.length === 0) return '';
		parts.push(anyOf('state.name', names.map(quoted)));
	}
	if (query.assignee === 'me') parts.push(`owner_id:${(await api.me(signal)).id}`);
	else if (query.assignee === 'none') parts.push(`owner_id:${nobody}`);
	else if (query.assignee !== 'any')
		parts.push(`owner_id:${(await agentByEmail(api, query.assignee.email, signal)).id}`);
	if (query.group) parts.push(`group_id:${await resolveGroupId(api, query.group, signal)}`);
	if (query.priorities && query.priorities.length > 0 && query.priorities.length < 4) {
		const ids = (await api.priorities(signal))
			.filter((priority) => query.priorities?.includes(priorityFromName(priority.name) ?? 'normal'))
			.map((priority) => String(priority.id));
		parts.push(ids.length === 0 ? 'priority_id:0' : anyOf('priority_id', ids));
	}
	for (const tag of query.tags ?? []) parts.push(`tags:${quoted(tag)}`);
	const text = query.search?.trim();
	if (text) parts.push(`(${text.replace(/[()]/g, ' ')})`);
	return parts.length === 0 ? '*' : parts.join(' AND ');
}

export async function agentByEmail(api: ZammadApi, email: string, signal?: AbortSignal) {
	const wanted = email.trim().toLowerCase();
	const agents = await api.agents(signal);
	const agent = agents.find(
		(candidate) => candidate.email?.toLowerCase() === wanted || candidate.login?.toLowerCase() === wanted,
	);
	if (agent === undefined) {
		throw new UsageError(`no Zammad agent has the email ${email}`, 'See the agents with `csr assign --help`.');
	}
	return agent;
}

/** A group by name (any case) or id. */
export async function resolveGroupId(api: ZammadApi, group: string, signal?: AbortSignal): Promise<number> {
	const wanted = group.trim();
	const groups = await api.groups(signal);
	const byName = groups.find((candidate) => candidate.name.toLowerCase() === wanted.toLowerCase());
	if (byName) return byName.id;
	if (/^\d+$/.test(wanted) && groups.some((candidate) => candidate.id === Number(wanted))) return Number(wanted);
	throw new UsageError(
		`no Zammad group named "${group}"`,
		groups.length === 0 ? 'You can see no groups.' : `Groups: ${groups.map((candidate) => candidate.name).join(', ')}`,
	);
}

const sortFor: Record<TicketQuery['sort'], {sort_by: string; order_by: 'asc' | 'desc'}> = {
	urgency: {sort_by: 'escalation_at', order_by: 'asc'},
	priority: {sort_by: 'priority_id', order_by: 'desc'},
	updated: {sort_by: 'updated_at', order_by: 'desc'},
	created: {sort_by: 'created_at', order_by: 'desc'},
};

/**
 * Zammad's search needs Elasticsearch; without it a field search answers an empty list, not an error. When an
 * unfiltered search for open tickets finds none, csr asks the overviews (which work without it): if they hold open
 * tickets, the search is not working, and an empty queue would be a lie.
 */
async function checkSearchWorks(api: ZammadApi, query: TicketQuery, signal?: AbortSignal): Promise<void> {
	const unfiltered =
		query.assignee === 'any' &&
		!query.group &&
		!query.search?.trim() &&
		(query.tags ?? []).length === 0 &&
		(query.priorities ?? []).length === 0 &&
		(query.statuses.includes('open') || query.statuses.includes('new'));
	if (!unfiltered) return;
	const overviews = await api.get(`${apiPath}/ticket_overviews`, {}, overviewList, signal).catch((error: unknown) => {
		if (signal?.aborted) throw error;
		return [];
	});
	const open = overviews.find((overview) => overview.link === 'all_open') ?? null;
	if (open !== null && (open.count ?? 0) > 0) {
		throw new UsageError(
			`Zammad's search found no open tickets, but its overview "${open.name}" holds ${open.count}: this Zammad's search is not working (it needs Elasticsearch)`,
			'Read the queue from an overview instead: csr queue --view all_open (or my_assigned, all_unassigned).',
		);
	}
}

async function searchPage(api: ZammadApi, query: TicketQuery, signal?: AbortSignal): Promise<TicketPage> {
	const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor, queueCursor);
	if (cursor !== null && cursor.kind !== 'search') throw new UsageError('this page cursor belongs to an overview');
	const page = cursor?.page ?? 1;
	const perPage = cursor?.perPage ?? Math.min(searchMax, Math.max(1, query.limit));
	const text = await searchQuery(api, query, signal);
	if (text === '') return {tickets: [], nextCursor: null, totalCount: 0};
	const raw = await api.get(
		`${apiPath}/tickets/search`,
		{query: text, ...sortFor[query.sort], page, per_page: perPage, expand: true},
		z.array(zammadTicket),
		signal,
	);
	if (raw.length === 0 && page === 1) await checkSearchWorks(api, query, signal);
	return {
		tickets: await mapTickets(api, raw, signal),
		// Zammad gives no total by default: a full page means there may be more.
		nextCursor: raw.length >= perPage ? encodeCursor({kind: 'search', page: page + 1, perPage}) : null,
		totalCount: null,
	};
}

/**
 * An overview (the agent's queues in Zammad's sidebar: `my_assigned`, `all_unassigned`, `all_open`, …) by its link
 * or name. Zammad returns the whole overview (up to its 2000-ticket cap) in one answer; csr pages through it.
 * csr's filters do not apply: the overview's own conditions decide.
 */
async function overviewPage(api: ZammadApi, query: TicketQuery, signal?: AbortSignal): Promise<TicketPage> {
	const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor, queueCursor);
	if (cursor !== null && cursor.kind !== 'overview') throw new UsageError('this page cursor belongs to a search');
	let link = cursor?.view;
	if (link === undefined) {
		const wanted = (query.view ?? '').trim().toLowerCase();
		const overviews = await api.get(`${apiPath}/ticket_overviews`, {}, overviewList, signal);
		link = overviews.find(
			(overview) => overview.link.toLowerCase() === wanted || overview.name.toLowerCase() === wanted,
		)?.link;
		if (link === undefined) {
			throw new UsageError(
				`Zammad has no overview "${query.view}"`,
				overviews.length === 0
					? 'You can see no overviews.'
					: `Overviews: ${overviews.map((overview) => `${overview.link} (${overview.name})`).join(', ')}`,
			);
		}
	}
	const body = await api.get(`${apiPath}/ticket_overviews`, {view: link}, overviewView, signal);
	const order = body?.index?.tickets ?? [];
	const assets = body?.assets?.Ticket ?? {};
	const offset = cursor?.offset ?? 0;
	const limit = Math.max(1, query.limit);
	const slice = order.slice(offset, offset + limit).flatMap((stub) => {
		const parsed = zammadTicket.safeParse(assets[String(stub.id)]);
		return parsed.success ? [parsed.data] : [];
	});
	const next =
		offset + limit < order.length ? encodeCursor({kind: 'overview', view: link, offset: offset + limit}) : null;
	return {
		tickets: await mapTickets(api, slice, signal),
		nextCursor: next,
		totalCount: body?.index?.count ?? order.length,
	};
}

/** The queue: an overview when `view` is set, else a search built from the filters. */
export function listTickets(api: ZammadApi, query: TicketQuery, signal?: AbortSignal): Promise<TicketPage> {
	return query.view ? overviewPage(api, query, signal) : searchPage(api, query, signal);
}

/** One ticket; a 404 is null. */
export async function fetchTicket(
	api: ZammadApi,
	ticketId: string,
	signal?: AbortSignal,
): Promise<ZammadTicket | null> {
	try {
		return await api.get(`${apiPath}/tickets/${ticketNumber(ticketId)}`, {}, zammadTicket, signal);
	} catch (error) {
		if (error instanceof ProviderError && error.kind === 'not-found') return null;
		throw error;
	}
}

/** Current state of tickets: one request each (and one for the tags), a few at a time. */
export async function getTickets(api: ZammadApi, ids: readonly string[], signal?: AbortSignal): Promise<Ticket[]> {
	const numeric = [...new Set(ids.map((id) => id.trim()).filter((id) => /^\d{1,19}$/.test(id)))];
	const raw = (await api.mapLimited(numeric, (id) => fetchTicket(api, id, signal))).filter(
		(ticket): ticket is ZammadTicket => ticket !== null,
	);
	return mapTickets(api, raw, signal);
}
