import * as z from 'zod';
import {UsageError} from '../../errors.js';
import type {TicketPage, TicketQuery} from '../help-desk.js';
import {encodeCursor, parseCursor} from '../http/cursor.js';
import type {FreshdeskApi} from './api.js';
import {enrich} from './contacts.js';
import {matches, statusCodesFor} from './filter.js';
import {statusCodes, toTicket} from './map.js';
import {type FreshdeskTicket, ticketList} from './schemas.js';

// Freshdesk's search serves 30 tickets a page; its ticket list serves 100 but filters on nothing csr needs. Ordered by
// status (`order_by=status`, ascending), though, the list gives every Open (2) ticket, then every Pending (3) one, before
// any resolved or closed: so a whole queue of open and pending tickets comes 100 a page, and the listing stops at the
// first resolved ticket. Custom statuses (on-hold, numbers above 5) sort after closed; those come from the search.

/** `updated_since` far back: without it Freshdesk lists only tickets created in the last 30 days. */
const listSince = '2000-01-01T00:00:00Z';
const listPageSize = 100;
/** Freshdesk lists stop after 300 pages. */
const listMaxPages = 300;

const statusListCursor = z.object({
	kind: z.literal('status-list'),
	/** The next page of the status-ordered list; null once it reached a resolved ticket. */
	page: z.number().int().min(1).nullable(),
	/** The search cursor of the custom statuses, once the list is done ('' for its first page). */
	search: z.string().nullable(),
});

export function isStatusListCursor(cursor: string | undefined): boolean {
	return cursor !== undefined && parseCursor(cursor, statusListCursor) !== undefined;
}

/**
 * The status-ordered list pays off for a whole queue (big pages, `--all`) of open and pending tickets not narrowed by
 * assignee, group or tag, which the search would narrow on Freshdesk's side.
 */
export async function wantsStatusList(api: FreshdeskApi, query: TicketQuery, signal?: AbortSignal): Promise<boolean> {
	if (query.limit < listPageSize || query.assignee !== 'any' || query.group || (query.tags?.length ?? 0) > 0) {
		return false;
	}
	const builtIn = (await statusCodesFor(api, query, signal)).filter((code) => code <= statusCodes.closed);
	return builtIn.length > 0 && builtIn.every((code) => code === statusCodes.open || code === statusCodes.pending);
}

type SearchPage = (api: FreshdeskApi, query: TicketQuery, signal?: AbortSignal) => Promise<TicketPage>;

export async function statusListPage(
	api: FreshdeskApi,
	query: TicketQuery,
	searchPage: SearchPage,
	signal?: AbortSignal,
): Promise<TicketPage> {
	const cursor =
		query.cursor === undefined
			? {kind: 'status-list' as const, page: 1, search: null}
			: parseCursor(query.cursor, statusListCursor);
	if (cursor === undefined) throw new UsageError('invalid page cursor for this Freshdesk listing');
	const wantsOnHold = query.statuses.includes('on-hold');
	if (cursor.page === null) {
		// The list is done: the custom statuses through the search, its cursor wrapped in ours.
		const page = await searchPage(
			api,
			{...query, statuses: ['on-hold'], cursor: cursor.search === '' ? undefined : (cursor.search ?? undefined)},
			signal,
		);
		return {
			...page,
			totalCount: null,
			nextCursor:
				page.nextCursor === null ? null : encodeCursor({kind: 'status-list', page: null, search: page.nextCursor}),
		};
	}
	const result = await api.page(
		'/api/v2/tickets',
		{
			updated_since: listSince,
			order_by: 'status',
			order_type: 'asc',
			per_page: listPageSize,
			page: cursor.page,
			include: 'requester',
		},
		ticketList,
		signal,
	);
	const chosen: FreshdeskTicket[] = result.items.filter(
		(raw) => raw.status <= statusCodes.pending && matches(toTicket(raw, api.directory, api.origin), raw, query),
	);
	await enrich(api, chosen, signal);
	const listDone = !result.hasNext || result.items.some((raw) => raw.status > statusCodes.pending);
	const reachedCap = !listDone && cursor.page >= listMaxPages;
	const next =
		!listDone && !reachedCap
			? {kind: 'status-list', page: cursor.page + 1, search: null}
			: wantsOnHold
				? {kind: 'status-list', page: null, search: ''}
				: null;
	// A caller stops at an empty page: go on to the next part instead of answering with none.
	if (chosen.length === 0 && next !== null)
		return statusListPage(api, {...query, cursor: encodeCursor(next)}, searchPage, signal);
	return {
		tickets: chosen.map((raw) => toTicket(raw, api.directory, api.origin)),
		nextCursor: next === null ? null : encodeCursor(next),
		totalCount: null,
		cap: reachedCap
			? {limit: listMaxPages * listPageSize, hint: `Freshdesk lists stop after ${listMaxPages} pages.`}
			: undefined,
	};
}
