import type {Channel, Priority, Ticket} from '../../domain/ticket.js';
import {UsageError} from '../../errors.js';
import type {TicketPage, TicketQuery} from '../help-desk.js';
import type {ZendeskApi} from './api.js';
import {decodeCursor, encodeCursor, queueCursor} from './cursor.js';
import {statusToZendesk, toTicket, viaForChannel} from './map.js';
import {searchResponse, ticketsResponse, viewsResponse, type ZendeskTicket} from './schemas.js';

/** Zendesk search returns at most 1,000 results per query (search API reference). */
export const searchCap = 1000;
const sideloadsForTickets = 'users,groups,organizations,slas';

const statusOrder = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
const priorityOrder = ['low', 'normal', 'high', 'urgent'] as const;

const quoted = (value: string): string => (/[\s"]/.test(value) ? `"${value.replace(/"/g, '')}"` : value);

/**
 * Search terms for a set of ordered values using only `<`, `>` and `:`: a contiguous range becomes one or two
 * comparisons (`status<solved`), anything else one `key:value` term each (Zendesk matches any of them).
 */
function rangeTerms(key: string, order: readonly string[], selected: readonly string[]): string[] {
	const indexes = [...new Set(selected.map((value) => order.indexOf(value)).filter((index) => index >= 0))].sort(
		(a, b) => a - b,
	);
	if (indexes.length === 0 || indexes.length === order.length) return [];
	const low = indexes[0] ?? 0;
	const high = indexes[indexes.length - 1] ?? 0;
	if (indexes.length === 1) return [`${key}:${order[low]}`];
	if (high - low + 1 !== indexes.length) return indexes.map((index) => `${key}:${order[index]}`);
	const terms: string[] = [];
	if (low > 0) terms.push(`${key}>${order[low - 1]}`);
	if (high < order.length - 1) terms.push(`${key}<${order[high + 1]}`);
	return terms;
}

/** TicketQuery → Zendesk search syntax: `type:ticket status<solved assignee:me tags:refund via:email …`. */
export function toSearchQuery(query: TicketQuery): string {
	const terms = ['type:ticket'];
	terms.push(
		...rangeTerms(
			'status',
			statusOrder,
			query.statuses.map((status) => statusToZendesk[status]),
		),
	);
	if (query.assignee === 'me') terms.push('assignee:me');
	else if (query.assignee === 'none') terms.push('assignee:none');
	else if (query.assignee !== 'any') terms.push(`assignee:${quoted(query.assignee.email)}`);
	if (query.group) terms.push(`group:${quoted(query.group)}`);
	if (query.priorities && query.priorities.length > 0)
		terms.push(...rangeTerms('priority', priorityOrder, query.priorities));
	const vias = (query.channels ?? []).map((channel) => viaForChannel[channel]);
	// Channels without a via name (social, review, other) are filtered here, not by Zendesk.
	if (vias.length > 0 && vias.every((via) => via !== null)) terms.push(...vias.map((via) => `via:${via}`));
	for (const tag of query.tags ?? []) terms.push(`tags:${quoted(tag)}`);
	const requester = query.requester?.trim();
	if (requester) terms.push(`requester:${quoted(requester)}`);
	// `csr queue --requester` also passes the address as free text for desks without the filter; Zendesk has it.
	if (query.search?.trim() && query.search.trim() !== requester) terms.push(query.search.trim());
	return terms.join(' ');
}

/** What Zendesk may match loosely, checked again on each ticket. */
function matchesFilters(ticket: Ticket, query: TicketQuery): boolean {
	if (query.statuses.length > 0 && !query.statuses.includes(ticket.status)) return false;
	if (query.priorities && query.priorities.length > 0) {
		if (ticket.priority === null || !query.priorities.includes(ticket.priority as Priority)) return false;
	}
	if (query.channels && query.channels.length > 0 && !query.channels.includes(ticket.channel as Channel)) return false;
	for (const tag of query.tags ?? []) if (!ticket.tags.includes(tag)) return false;
	const requester = query.requester?.trim().toLowerCase();
	if (requester && ticket.requester.email?.toLowerCase() !== requester) return false;
	return true;
}

const sortFor: Record<TicketQuery['sort'], {sort_by: string; sort_order: 'asc' | 'desc'}> = {
	urgency: {sort_by: 'created_at', sort_order: 'asc'},
	priority: {sort_by: 'priority', sort_order: 'desc'},
	updated: {sort_by: 'updated_at', sort_order: 'desc'},
	created: {sort_by: 'created_at', sort_order: 'desc'},
};

function mapTickets(api: ZendeskApi, raw: readonly ZendeskTicket[]): Ticket[] {
	return raw.map((ticket) => toTicket(ticket, api.directory, api.origin));
}

async function searchPage(api: ZendeskApi, query: TicketQuery, signal?: AbortSignal): Promise<TicketPage> {
	const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor, queueCursor);
	if (cursor !== null && cursor.kind !== 'search') throw new UsageError('this page cursor belongs to a view listing');
	const page = cursor?.page ?? 1;
	const perPage = cursor?.perPage ?? Math.min(100, Math.max(1, query.limit));
	const [, body] = await Promise.all([
		api.loadCustomStatuses(signal),
		api.get(
			'/api/v2/search.json',
			{
				query: toSearchQuery(query),
				page,
				per_page: perPage,
				...sortFor[query.sort],
				include: `tickets(${sideloadsForTickets})`,
			},
			searchResponse,
			signal,
		),
	]);
	api.directory.absorb(body);
	const raw = body.results.filter((result) => result.result_type === undefined || result.result_type === 'ticket');
	const tickets = mapTickets(api, raw).filter((ticket) => matchesFilters(ticket, query));
	const count = body.count ?? null;
	const reachedCap = page * perPage >= searchCap;
	const hasMore = body.next_page != null && raw.length > 0 && !reachedCap;
	return {
		tickets,
		nextCursor: hasMore ? encodeCursor({kind: 'search', page: page + 1, perPage}) : null,
		totalCount: count,
		cap:
			reachedCap && count !== null && count > searchCap
				? {
						limit: searchCap,
						hint: `Zendesk search stops at ${searchCap} of ${count} matches. Use --view ID or the export API (\`csr sync\`) for all of them, or narrow the filters.`,
					}
				: undefined,
	};
}

/** A view by id, or by its title among the agent's active views. */
async function resolveView(api: ZendeskApi, view: string, signal?: AbortSignal): Promise<number> {
	if (/^\d+$/.test(view.trim())) return Number(view.trim());
	const titles: {id: number; title: string}[] = [];
	for (let page = 1; page <= 20; page++) {
		const body = await api.get('/api/v2/views/active.json', {page, per_page: 100}, viewsResponse, signal);
		titles.push(...body.views);
		const exact = titles.find((candidate) => candidate.title.toLowerCase() === view.trim().toLowerCase());
		if (exact) return exact.id;
		if (!body.next_page || body.views.length === 0) break;
	}
	throw new UsageError(
		`no Zendesk view named "${view}"`,
		titles.length === 0
			? 'You have no active views.'
			: `Your views: ${titles
					.slice(0, 15)
					.map((candidate) => `${candidate.title} (${candidate.id})`)
					.join(', ')}`,
	);
}

async function viewPage(api: ZendeskApi, query: TicketQuery, signal?: AbortSignal): Promise<TicketPage> {
	const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor, queueCursor);
	if (cursor !== null && cursor.kind !== 'view') throw new UsageError('this page cursor belongs to a search listing');
	const viewId = cursor?.viewId ?? (await resolveView(api, query.view ?? '', signal));
	const [, body] = await Promise.all([
		api.loadCustomStatuses(signal),
		api.get(
			`/api/v2/views/${viewId}/tickets.json`,
			{
				'page[size]': Math.min(100, Math.max(1, query.limit)),
				'page[after]': cursor?.after,
				include: sideloadsForTickets,
			},
			ticketsResponse,
			signal,
		),
	]);
	api.directory.absorb(body);
	const after = body.meta?.has_more ? body.meta.after_cursor : null;
	// The view's own conditions decide what is in it; csr's filters are not applied on top.
	return {
		tickets: mapTickets(api, body.tickets),
		nextCursor: after ? encodeCursor({kind: 'view', viewId, after}) : null,
		totalCount: null,
	};
}

/** The queue: a Zendesk view when `view` is set, else a search built from the filters. One request a page. */
export function listTickets(api: ZendeskApi, query: TicketQuery, signal?: AbortSignal): Promise<TicketPage> {
	return query.view ? viewPage(api, query, signal) : searchPage(api, query, signal);
}

/** Current state of tickets, 100 per request (`show_many`); unknown ids are left out. */
export async function fetchTickets(
	api: ZendeskApi,
	ids: readonly string[],
	signal?: AbortSignal,
): Promise<ZendeskTicket[]> {
	const numeric = [...new Set(ids.filter((id) => /^\d{1,19}$/.test(id)))];
	const found: ZendeskTicket[] = [];
	for (let start = 0; start < numeric.length; start += 100) {
		const chunk = numeric.slice(start, start + 100);
		const body = await api.get(
			'/api/v2/tickets/show_many.json',
			{ids: chunk.join(','), include: sideloadsForTickets},
			ticketsResponse,
			signal,
		);
		api.directory.absorb(body);
		found.push(...body.tickets);
	}
	return found;
}

export async function getTickets(api: ZendeskApi, ids: readonly string[], signal?: AbortSignal): Promise<Ticket[]> {
	await api.loadCustomStatuses(signal);
	return mapTickets(api, await fetchTickets(api, ids, signal));
}
