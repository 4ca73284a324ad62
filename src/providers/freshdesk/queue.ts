import * as z from 'zod';
import type {Ticket} from '../../domain/ticket.js';
import {ProviderError, UsageError} from '../../errors.js';
import type {TicketPage, TicketQuery} from '../help-desk.js';
import {encodeCursor, parseCursor} from '../http/cursor.js';
import {type FreshdeskApi, ticketNumber} from './api.js';
import {enrich} from './contacts.js';
import {matches, statusCodesFor} from './filter.js';
import {priorityToFreshdesk, toTicket} from './map.js';
import {requesterPage} from './requester.js';
import {type FreshdeskTicket, freshdeskTicket, searchResponse, ticketList} from './schemas.js';
import {isStatusListCursor, statusListPage, wantsStatusList} from './status-list.js';

/** Search ("filter tickets") serves 30 results a page, pages 1–10: at most 300 per query. */
export const searchPageSize = 30;
export const searchMaxPages = 10;
export const searchCap = searchPageSize * searchMaxPages;
/** Freshdesk's query must fit in 512 characters, quotes excluded. */
const maxQueryLength = 512;
/** Freshdesk lists stop after 300 pages. */
const listMaxPages = 300;

/** Freshdesk's own ticket lists (`GET /api/v2/tickets?filter=`), offered as views: it has no saved-view API. */
export const freshdeskViews = ['new_and_my_open', 'watching', 'spam', 'deleted'] as const;

const queueCursor = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('search'),
		page: z.number().int().min(1).max(searchMaxPages),
		/** Where in that search page the next csr page starts (csr pages can be smaller than Freshdesk's 30). */
		offset: z.number().int().min(0),
	}),
	z.object({
		kind: z.literal('list'),
		filter: z.enum(freshdeskViews),
		page: z.number().int().min(1),
		perPage: z.number().int(),
	}),
]);

export {encodeCursor};

export function decodeCursor<Schema extends z.ZodType>(raw: string, schema: Schema): z.output<Schema> {
	const value = parseCursor(raw, schema);
	if (value === undefined)
		throw new UsageError('invalid page cursor for this Freshdesk listing', 'Start again without a cursor.');
	return value;
}

/** One `(a OR b)` group; a single term needs no parentheses. */
const anyOf = (terms: readonly string[]): string => (terms.length === 1 ? (terms[0] ?? '') : `(${terms.join(' OR ')})`);

function quotedValue(tag: string): string {
	if (/['"\\]/.test(tag)) {
		throw new UsageError(`Freshdesk search cannot match the tag "${tag}": quotes are not allowed in it`);
	}
	return `'${tag}'`;
}

export type SearchTerms = {
	readonly statusCodes: readonly number[];
	/** null: unassigned; undefined: anyone. */
	readonly agentId?: number | null | undefined;
	readonly groupId?: number | undefined;
	readonly priorityCodes?: readonly number[] | undefined;
	readonly tags?: readonly string[] | undefined;
};

/**
 * Freshdesk's filter language: `"(status:2 OR status:3) AND agent_id:null AND tag:'refund'"`, wrapped in double quotes
 * (https://developers.freshdesk.com/api/#filter_tickets). Subject text and source are not searchable; csr filters
 * those itself.
 */
export function toSearchQuery(terms: SearchTerms): string {
	const parts: string[] = [];
	const statuses = [...new Set(terms.statusCodes)].sort((a, b) => a - b);
	if (statuses.length > 0) parts.push(anyOf(statuses.map((code) => `status:${code}`)));
	if (terms.agentId !== undefined) parts.push(`agent_id:${terms.agentId === null ? 'null' : terms.agentId}`);
	if (terms.groupId !== undefined) parts.push(`group_id:${terms.groupId}`);
	const priorities = [...new Set(terms.priorityCodes ?? [])].sort((a, b) => a - b);
	if (priorities.length > 0 && priorities.length < 4) parts.push(anyOf(priorities.map((code) => `priority:${code}`)));
	for (const tag of terms.tags ?? []) parts.push(`tag:${quotedValue(tag)}`);
	const query = parts.join(' AND ');
	if (query.length > maxQueryLength) {
		throw new UsageError(
			`the Freshdesk search query is ${query.length} characters; Freshdesk allows ${maxQueryLength}`,
			'Use fewer statuses, priorities or tags.',
		);
	}
	return `"${query}"`;
}

/** A group by id, or by name (any case) among the account's groups. */
export async function resolveGroupId(api: FreshdeskApi, group: string, signal?: AbortSignal): Promise<number> {
	const wanted = group.trim();
	const groups = await api.groups(signal);
	const byName = groups.find((candidate) => candidate.name.toLowerCase() === wanted.toLowerCase());
	if (byName) return byName.id;
	if (/^\d+$/.test(wanted)) return Number(wanted);
	throw new UsageError(
		`no Freshdesk group named "${group}"`,
		groups.length === 0
			? 'This account has no groups (or you may not list them).'
			: `Groups: ${groups
					.slice(0, 20)
					.map((candidate) => candidate.name)
					.join(', ')}`,
	);
}

export async function searchPage(api: FreshdeskApi, query: TicketQuery, signal?: AbortSignal): Promise<TicketPage> {
	const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor, queueCursor);
	if (cursor !== null && cursor.kind !== 'search') throw new UsageError('this page cursor belongs to a view listing');
	const page = cursor?.page ?? 1;
	const offset = cursor?.offset ?? 0;
	const codes = await statusCodesFor(api, query, signal);
	if (codes.length === 0) return {tickets: [], nextCursor: null, totalCount: 0};
	let agentId: number | null | undefined;
	if (query.assignee === 'me') agentId = (await api.me(signal)).id;
	else if (query.assignee === 'none') agentId = null;
	else if (query.assignee !== 'any') agentId = (await api.agentByEmail(query.assignee.email, signal)).id;
	const groupId = query.group ? await resolveGroupId(api, query.group, signal) : undefined;
	const body = await api.get(
		'/api/v2/search/tickets',
		{
			query: toSearchQuery({
				statusCodes: codes,
				agentId,
				groupId,
				priorityCodes: query.priorities?.map((priority) => priorityToFreshdesk[priority]),
				tags: query.tags,
			}),
			page,
		},
		searchResponse,
		signal,
	);
	// Filter first (no names needed), then fetch names only for the tickets this page returns.
	const limit = Math.max(1, query.limit);
	const chosen: FreshdeskTicket[] = [];
	let index = offset;
	for (; index < body.results.length && chosen.length < limit; index++) {
		const raw = body.results[index] as FreshdeskTicket;
		if (matches(toTicket(raw, api.directory, api.origin), raw, query)) chosen.push(raw);
	}
	await enrich(api, chosen, signal);
	const moreInPage = index < body.results.length;
	const moreAfterPage = body.results.length > 0 && (page - 1) * searchPageSize + body.results.length < body.total;
	const reachedCap = !moreInPage && moreAfterPage && page >= searchMaxPages;
	const next = moreInPage
		? {kind: 'search', page, offset: index}
		: moreAfterPage && !reachedCap
			? {kind: 'search', page: page + 1, offset: 0}
			: null;
	return {
		tickets: chosen.map((raw) => toTicket(raw, api.directory, api.origin)),
		nextCursor: next === null ? null : encodeCursor(next),
		totalCount: body.total,
		cap: reachedCap
			? {
					limit: searchCap,
					hint: `Freshdesk search stops at ${searchCap} of ${body.total} matches. Narrow the filters (--assignee, --group, --priority, --tag), or use csr sync for reports.`,
				}
			: undefined,
	};
}

const listOrder: Record<TicketQuery['sort'], {order_by: string; order_type: 'asc' | 'desc'}> = {
	urgency: {order_by: 'due_by', order_type: 'asc'},
	priority: {order_by: 'due_by', order_type: 'asc'},
	updated: {order_by: 'updated_at', order_type: 'desc'},
	created: {order_by: 'created_at', order_type: 'desc'},
};

/** One of Freshdesk's own lists (`filter=new_and_my_open` …): the list's own rules decide; csr's filters do not apply. */
async function viewPage(api: FreshdeskApi, query: TicketQuery, signal?: AbortSignal): Promise<TicketPage> {
	const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor, queueCursor);
	if (cursor !== null && cursor.kind !== 'list') throw new UsageError('this page cursor belongs to a search listing');
	const view = (query.view ?? '').trim().toLowerCase().replace(/-/g, '_');
	const filter = cursor?.filter ?? freshdeskViews.find((candidate) => candidate === view);
	if (filter === undefined) {
		throw new UsageError(
			`Freshdesk has no view "${query.view}"`,
			`Freshdesk's own lists: ${freshdeskViews.join(', ')}. Or save filters as a csr view in the profile.`,
		);
	}
	const page = cursor?.page ?? 1;
	const perPage = cursor?.perPage ?? Math.min(100, Math.max(1, query.limit));
	const result = await api.page(
		'/api/v2/tickets',
		{filter, include: 'requester,stats', page, per_page: perPage, ...listOrder[query.sort]},
		ticketList,
		signal,
	);
	await enrich(api, result.items, signal);
	const reachedCap = result.hasNext && page >= listMaxPages;
	return {
		tickets: result.items.map((raw) => toTicket(raw, api.directory, api.origin)),
		nextCursor: result.hasNext && !reachedCap ? encodeCursor({kind: 'list', filter, page: page + 1, perPage}) : null,
		totalCount: null,
		cap: reachedCap
			? {limit: listMaxPages * perPage, hint: `Freshdesk lists stop after ${listMaxPages} pages.`}
			: undefined,
	};
}

/**
 * The queue: one of Freshdesk's lists when `view` is set; one customer's tickets with `requester`; a big page of open and pending tickets (`--all`) from the
 * status-ordered ticket list, 100 a page; else a search built from the filters (30 a page).
 */
export async function listTickets(api: FreshdeskApi, query: TicketQuery, signal?: AbortSignal): Promise<TicketPage> {
	if (query.view) return viewPage(api, query, signal);
	if (query.requester?.trim()) return requesterPage(api, query, signal);
	if (isStatusListCursor(query.cursor) || (query.cursor === undefined && (await wantsStatusList(api, query, signal))))
		return statusListPage(api, query, searchPage, signal);
	return searchPage(api, query, signal);
}

/** One ticket with its requester (and more includes when asked); a 404 is null. */
export async function fetchTicket(
	api: FreshdeskApi,
	ticketId: string,
	include: string,
	signal?: AbortSignal,
): Promise<FreshdeskTicket | null> {
	try {
		return await api.get(`/api/v2/tickets/${ticketNumber(ticketId)}`, {include}, freshdeskTicket, signal);
	} catch (error) {
		if (error instanceof ProviderError && error.kind === 'not-found') return null;
		throw error;
	}
}

/** Current state of tickets: Freshdesk has no "show many", so one request each, a few at a time. */
export async function getTickets(api: FreshdeskApi, ids: readonly string[], signal?: AbortSignal): Promise<Ticket[]> {
	const numeric = [...new Set(ids.map((id) => id.trim()).filter((id) => /^\d{1,19}$/.test(id)))];
	const raw = (await api.mapLimited(numeric, (id) => fetchTicket(api, id, 'requester', signal))).filter(
		(ticket): ticket is FreshdeskTicket => ticket !== null,
	);
	await enrich(api, raw, signal, 'few');
	return raw.map((ticket) => toTicket(ticket, api.directory, api.origin));
}
