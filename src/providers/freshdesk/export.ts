import * as z from 'zod';
import type {ExportPage, SatisfactionRating, TicketFacts} from '../help-desk.js';
import type {FreshdeskApi} from './api.js';
import {enrich} from './contacts.js';
import {exportThreads} from './kpi-threads.js';
import {toSatisfactionRating, toTicketFacts} from './map.js';
import {decodeCursor, encodeCursor} from './queue.js';
import {ratingList, ticketList} from './schemas.js';

/** Where an export continues: a time window start and the page within it. */
const exportCursor = z.object({
	kind: z.enum(['tickets', 'ratings']),
	since: z.string(),
	page: z.number().int().min(1),
});

/** "From the start": Freshdesk lists only the last 30 days unless given a date, so give an early one. */
const beginning = '2000-01-01T00:00:00Z';
const listMaxPages = 300;
const perPage = 100;

function cursorFor(raw: string | null, kind: 'tickets' | 'ratings'): {since: string; page: number} {
	if (raw === null) return {since: beginning, page: 1};
	const cursor = decodeCursor(raw, exportCursor);
	return cursor.kind === kind ? cursor : {since: beginning, page: 1};
}

/**
 * Tickets changed since the cursor, oldest change first, with `include=stats` for the KPI clock (there is no
 * incremental export in Freshdesk). A list stops after 300 pages, so the window then restarts at the last
 * `updated_at` seen (a ticket on the boundary may come twice; consumers keep the latest). Spam and deleted tickets are
 * not listed. The last page's cursor is a new window, never null, so a later sync picks up only what changed.
 */
export async function exportTicketFacts(
	api: FreshdeskApi,
	raw: string | null,
	signal?: AbortSignal,
): Promise<ExportPage<TicketFacts>> {
	const {since, page} = cursorFor(raw, 'tickets');
	const result = await api.page(
		'/api/v2/tickets',
		{
			updated_since: since,
			order_by: 'updated_at',
			order_type: 'asc',
			include: 'requester,stats',
			page,
			per_page: perPage,
		},
		ticketList,
		signal,
	);
	await enrich(api, result.items, signal);
	// The thread of each ticket: next reply, requester wait, who replied (the list has none of them).
	const threads = await exportThreads(api, result.items, signal);
	const items = result.items.map((ticket) => {
		const facts = toTicketFacts(ticket, api.directory, api.origin);
		const publicMessages = threads.get(ticket.id);
		if (publicMessages === undefined) return facts;
		// Who solved is not in the API; Freshdesk credits a resolution to the agent the ticket is assigned to.
		const solved = facts.solvedAt !== null && (facts.ticket.status === 'solved' || facts.ticket.status === 'closed');
		return {...facts, publicMessages, solvedBy: solved ? facts.ticket.assignee : null};
	});
	const last = result.items[result.items.length - 1];
	if (last === undefined) return {items, nextCursor: null};
	// More pages: the next one. At the end (or the 300-page wall): a new window from the last change seen, so the next
	// sync starts there; reading it again right away returns the same cursor, which tells the caller it is caught up.
	const nextCursor =
		result.hasNext && page < listMaxPages
			? encodeCursor({kind: 'tickets', since, page: page + 1})
			: encodeCursor({kind: 'tickets', since: last.updated_at, page: 1});
	return {items, nextCursor};
}

/**
 * Satisfaction ratings created since the cursor (`/api/v2/surveys/satisfaction_ratings?created_since=`). An account
 * without surveys (403 require_feature, 404) has none.
 */
export async function exportSatisfaction(
	api: FreshdeskApi,
	raw: string | null,
	signal?: AbortSignal,
): Promise<ExportPage<SatisfactionRating>> {
	const {since, page} = cursorFor(raw, 'ratings');
	const query = {created_since: since, page, per_page: perPage};
	const response = await api.getOrNull('/api/v2/surveys/satisfaction_ratings', query, ratingList, signal, [403, 404]);
	if (response === null) return {items: [], nextCursor: null};
	const items = response.map(toSatisfactionRating).filter((rating): rating is SatisfactionRating => rating !== null);
	// This endpoint's Link header is not documented: a full page means there may be more.
	const full = response.length >= perPage;
	const last = response.reduce<string | null>(
		(latest, rating) =>
			latest === null || Date.parse(rating.created_at) > Date.parse(latest) ? rating.created_at : latest,
		null,
	);
	if (last === null) return {items, nextCursor: null};
	const nextCursor =
		full && page < listMaxPages
			? encodeCursor({kind: 'ratings', since, page: page + 1})
			: encodeCursor({kind: 'ratings', since: last, page: 1});
	return {items, nextCursor};
}
