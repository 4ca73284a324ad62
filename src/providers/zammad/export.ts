import * as z from 'zod';
import type {ExportPage, TicketFacts} from '../help-desk.js';
import {api as apiPath, type ZammadApi} from './api.js';
import {withThreads} from './kpi-threads.js';
import {toTicketFacts} from './map.js';
import {decodeCursor, encodeCursor, lookupFor, tagsForDisplay} from './queue.js';
import {ticketList} from './schemas.js';

/** Where an export continues: the page of `GET /api/v1/tickets` (id order), the change time it keeps, the latest seen. */
const exportCursor = z.object({
	kind: z.literal('tickets'),
	since: z.string().nullable(),
	seen: z.string().nullable(),
	page: z.number().int().min(1),
});

/** Zammad's ticket list serves at most 100 a page (`paginate_with(max: 100)`). */
export const exportPageSize = 100;

const later = (a: string | null, b: string): string => (a === null || Date.parse(b) > Date.parse(a) ? b : a);

/**
 * Tickets with their KPI fields, read with the plain ticket list (`GET /api/v1/tickets?page=N&per_page=100`, id
 * order, works without Elasticsearch). Zammad's list has no "changed since" filter, so a later sync reads the list
 * again and keeps only tickets whose `updated_at` is after the last change the previous sync saw; pages without such
 * a ticket are read through, so a page is empty only at the end. The last page's cursor is the new starting point,
 * never null, so the next sync picks up only what changed. Each ticket changed within the thread horizon has its
 * public articles read for next reply, requester wait and per-agent replies (kpi-threads.ts).
 */
export async function exportTicketFacts(
	api: ZammadApi,
	raw: string | null,
	signal?: AbortSignal,
): Promise<ExportPage<TicketFacts>> {
	const cursor = raw === null ? null : decodeCursor(raw, exportCursor);
	const since = cursor?.since ?? null;
	let seen = cursor?.seen ?? since;
	for (let page = cursor?.page ?? 1; ; page++) {
		const tickets = await api.get(
			`${apiPath}/tickets`,
			{page, per_page: exportPageSize, expand: true},
			ticketList,
			signal,
		);
		for (const ticket of tickets) seen = later(seen, ticket.updated_at);
		const changed =
			since === null ? tickets : tickets.filter((ticket) => Date.parse(ticket.updated_at) > Date.parse(since));
		const more = tickets.length >= exportPageSize;
		if (changed.length === 0 && more) continue;
		const [lookup, tags] = await Promise.all([
			lookupFor(api, changed, signal),
			api.mapLimited(changed, (ticket) => tagsForDisplay(api, ticket.id, signal)),
		]);
		const items = await withThreads(
			api,
			changed.map((ticket, index) => toTicketFacts(ticket, tags[index] ?? [], lookup)),
			lookup,
			signal,
		);
		const nextCursor = more
			? encodeCursor({kind: 'tickets', since, seen, page: page + 1})
			: encodeCursor({kind: 'tickets', since: seen, seen, page: 1});
		return {items, nextCursor};
	}
}
