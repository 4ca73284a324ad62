import * as z from 'zod';
import {UsageError} from '../../errors.js';
import type {TicketPage, TicketQuery} from '../help-desk.js';
import {encodeCursor, parseCursor} from '../http/cursor.js';
import type {FreshdeskApi} from './api.js';
import {enrich} from './contacts.js';
import {matches} from './filter.js';
import {toTicket} from './map.js';
import {ticketList} from './schemas.js';

const requesterCursor = z.object({
	kind: z.literal('requester'),
	page: z.number().int().min(1),
	perPage: z.number().int(),
});

/** Freshdesk lists only the last 30 days' tickets unless `updated_since` says otherwise: a customer's whole history. */
const sinceTheStart = '2000-01-01T00:00:00Z';

/**
 * One customer's tickets (`csr queue --requester`, `csr customer`): `GET /api/v2/tickets?email=` (newest first, 100 a
 * page), as search cannot filter by requester. csr's other filters (status, channel, tags …) apply to each ticket.
 */
export async function requesterPage(api: FreshdeskApi, query: TicketQuery, signal?: AbortSignal): Promise<TicketPage> {
	const email = (query.requester ?? '').trim().toLowerCase();
	const cursor = query.cursor === undefined ? null : parseCursor(query.cursor, requesterCursor);
	if (cursor === undefined) throw new UsageError('invalid page cursor for this Freshdesk listing');
	const page = cursor?.page ?? 1;
	const perPage = cursor?.perPage ?? Math.min(100, Math.max(1, query.limit));
	const result = await api.page(
		'/api/v2/tickets',
		{
			email,
			include: 'requester,stats',
			updated_since: sinceTheStart,
			order_by: query.sort === 'updated' ? 'updated_at' : 'created_at',
			order_type: 'desc',
			page,
			per_page: perPage,
		},
		ticketList,
		signal,
	);
	// The address was also passed as free text for desks without a requester filter; here it is the filter.
	const filters = query.search?.trim().toLowerCase() === email ? {...query, search: undefined} : query;
	const chosen = result.items.filter((raw) => matches(toTicket(raw, api.directory, api.origin), raw, filters));
	await enrich(api, chosen, signal);
	const hasNext = result.hasNext && result.items.length > 0;
	return {
		tickets: chosen.map((raw) => toTicket(raw, api.directory, api.origin)),
		nextCursor: hasNext ? encodeCursor({kind: 'requester', page: page + 1, perPage}) : null,
		totalCount: null,
	};
}
