import * as z from 'zod';
import {ProviderError, UsageError} from '../../errors.js';
import type {ExportPage, TicketFacts, TicketQuery} from '../help-desk.js';
import {encodeCursor, parseCursor} from '../http/cursor.js';
import {mapLimit, maxPerPage, type RtApi} from './api.js';
import {toTicket, toTicketFacts} from './map.js';
import {rtTicketPage} from './schemas.js';
import {fetchHistory} from './thread.js';
import {orderFor, ticketFields, toTicketSql} from './ticket-sql.js';

export {encodeCursor};

/** A cursor csr did not make for this listing: a usage error for the queue, "invalid" for an export (sync restarts). */
export function decodeCursor<Schema extends z.ZodType>(
	raw: string,
	schema: Schema,
	what: 'queue' | 'export',
): z.output<Schema> {
	const value = parseCursor(raw, schema);
	if (value !== undefined) return value;
	if (what === 'queue') throw new UsageError('invalid page cursor for this RT queue', 'Start again without a cursor.');
	throw new ProviderError('RT cannot continue an export from this cursor', {kind: 'invalid'});
}

const queueCursor = z.object({kind: z.literal('queue'), page: z.number().int().min(1)});
const exportCursor = z.object({kind: z.literal('facts'), page: z.number().int().min(1)});

/** A queue page: TicketSQL search, `page`/`per_page` paging, every field csr maps in the same request. */
export async function listTickets(api: RtApi, query: TicketQuery, signal?: AbortSignal) {
	if (query.view !== undefined && query.view !== '') {
		throw new UsageError('RT profiles have no views', 'Filter with --status, --group, --assignee, --tag or --search.');
	}
	const sql = toTicketSql(query);
	if (sql === null) return {tickets: [], nextCursor: null, totalCount: 0};
	const page = query.cursor === undefined ? 1 : decodeCursor(query.cursor, queueCursor, 'queue').page;
	const perPage = Math.max(1, Math.min(maxPerPage, query.limit));
	const {orderby, order} = orderFor(query.sort);
	const body = await api.get(
		'/tickets',
		{query: sql, page, per_page: perPage, orderby, order, ...ticketFields},
		rtTicketPage,
		signal,
	);
	const total = body.total ?? null;
	const more = total === null ? body.count === perPage : page * perPage < total;
	return {
		tickets: body.items.map((item) => toTicket(item, api.webBase)),
		nextCursor: more && body.items.length > 0 ? encodeCursor({kind: 'queue', page: page + 1}) : null,
		totalCount: total,
	};
}

/**
 * Every ticket ordered by LastUpdated (oldest change first), a page of 100 at a time, each with its transactions.
 * An update moves a ticket to the end of that order, so the stream's last page, read again later, holds every
 * ticket changed since: at the end nextCursor is null and the caller re-reads with the cursor it passed in.
 * No date arithmetic is involved, so RT's time zone settings do not matter.
 */
export async function exportTicketFacts(
	api: RtApi,
	cursor: string | null,
	signal?: AbortSignal,
): Promise<ExportPage<TicketFacts>> {
	const page = cursor === null ? 1 : decodeCursor(cursor, exportCursor, 'export').page;
	const body = await api.get(
		'/tickets',
		{
			query: 'id > 0',
			page,
			per_page: maxPerPage,
			orderby: ['LastUpdated', 'id'],
			order: ['ASC', 'ASC'],
			...ticketFields,
		},
		rtTicketPage,
		signal,
	);
	const now = api.setup.now();
	const items = await mapLimit(body.items, api.concurrency, async (raw) => {
		const history = await fetchHistory(api, raw.id, signal);
		return toTicketFacts({
			ticket: toTicket(raw, api.webBase),
			history,
			requestorIds: new Set(raw.Requestor.map((user) => user.id.toLowerCase())),
			now,
		});
	});
	const full = body.items.length === maxPerPage && body.count === maxPerPage;
	return {items, nextCursor: full ? encodeCursor({kind: 'facts', page: page + 1}) : null};
}
