import {ProviderError} from '../../errors.js';
import type {ExportPage, SatisfactionRating, SurveyResponse, TicketFacts} from '../help-desk.js';
import type {ZendeskApi} from './api.js';
import {decodeCursor, encodeCursor, exportCursor, pageCursorLifetimeMs} from './cursor.js';
import {withThreads} from './kpi-threads.js';
import {toSatisfactionRating, toTicketFacts} from './map.js';
import {fetchTickets} from './queue.js';
import {
	incrementalTicketsResponse,
	satisfactionRatingsResponse,
	ticketMetricsResponse,
	type ZendeskMetricSet,
} from './schemas.js';

/**
 * Plain agents may not use incremental export (403). They can list ticket metrics (`/api/v2/ticket_metrics`, newest
 * first, agents allowed), and each page of 100 metrics costs one more request for its tickets (`show_many`). Being
 * newest first, every pass reads the whole list; a cursor only continues a pass (see pageCursorLifetimeMs).
 */
async function metricsPage(
	api: ZendeskApi,
	cursor: {after: string; issuedAt: number} | null,
	signal?: AbortSignal,
): Promise<ExportPage<TicketFacts>> {
	const now = api.setup.now();
	const continues = cursor !== null && now.getTime() - cursor.issuedAt < pageCursorLifetimeMs;
	const page = await api.get(
		'/api/v2/ticket_metrics.json',
		{'page[size]': 100, 'page[after]': continues ? cursor.after : undefined},
		ticketMetricsResponse,
		signal,
	);
	const metrics = new Map(page.ticket_metrics.map((metric) => [metric.ticket_id, metric]));
	const tickets = await fetchTickets(api, [...metrics.keys()].map(String), signal);
	const next = page.meta?.has_more ? page.meta.after_cursor : null;
	const facts = tickets.map((ticket) => toTicketFacts(ticket, metrics.get(ticket.id), api.directory, api.origin, now));
	return {
		// Each ticket's thread: next reply, who replied (the metrics have counts, not authors).
		items: await withThreads(api, facts, signal),
		nextCursor: next ? encodeCursor({kind: 'metrics', after: next, issuedAt: now.getTime()}) : null,
	};
}

/**
 * Tickets changed since the cursor with their metrics. Admins: incremental export with `include=metric_sets`
 * (1,000 a page). At the end of the stream the cursor is null; to pick up later changes, call again with the last
 * cursor you passed in (its page is re-read; facts are keyed by ticket id).
 */
export async function exportTicketFacts(
	api: ZendeskApi,
	cursor: string | null,
	signal?: AbortSignal,
): Promise<ExportPage<TicketFacts>> {
	const decoded = cursor === null ? null : decodeCursor(cursor, exportCursor);
	if (decoded?.kind === 'metrics') return metricsPage(api, decoded, signal);
	if (decoded !== null && decoded.kind !== 'incremental')
		throw new ProviderError('this cursor is not a ticket export cursor');
	if (decoded === null && api.incrementalForbidden) return metricsPage(api, null, signal);
	const response = await api.http.send({
		method: 'GET',
		path: '/api/v2/incremental/tickets/cursor.json',
		query: {
			...(decoded === null ? {start_time: 0} : {cursor: decoded.cursor}),
			include: 'metric_sets,users,groups,organizations,slas',
			exclude_deleted: true,
		},
		allowStatuses: [403],
		signal,
	});
	if (response.status === 403) {
		api.incrementalForbidden = true;
		api.setup.log?.('zendesk: incremental export needs an admin; using ticket metrics instead');
		return metricsPage(api, null, signal);
	}
	const parsed = incrementalTicketsResponse.safeParse(response.body);
	if (!parsed.success) {
		throw new ProviderError(`Zendesk sent an unexpected response for GET ${response.path}`, {kind: 'permanent'});
	}
	const body = parsed.data;
	api.directory.absorb(body);
	await api.loadCustomStatuses(signal);
	const metrics = new Map<number, ZendeskMetricSet>(
		(body.metric_sets ?? []).map((metric) => [metric.ticket_id, metric]),
	);
	const now = api.setup.now();
	const items: TicketFacts[] = [];
	for (const ticket of body.tickets) {
		if (ticket.status === 'deleted') continue;
		items.push(
			toTicketFacts({...ticket, status: ticket.status}, metrics.get(ticket.id), api.directory, api.origin, now),
		);
	}
	return {
		items: await withThreads(api, items, signal),
		nextCursor:
			body.end_of_stream || !body.after_cursor ? null : encodeCursor({kind: 'incremental', cursor: body.after_cursor}),
	};
}

/**
 * CSAT ratings (`/api/v2/satisfaction_ratings`, cursor pages). Zendesk allows this to admins only (403 → AuthError).
 * A stale cursor does not continue its pass; a new pass asks for the ratings since the newest one seen.
 */
export async function exportSatisfaction(
	api: ZendeskApi,
	cursor: string | null,
	signal?: AbortSignal,
): Promise<ExportPage<SatisfactionRating>> {
	const decoded = cursor === null ? null : decodeCursor(cursor, exportCursor);
	if (decoded !== null && decoded.kind !== 'ratings') throw new ProviderError('this cursor is not a ratings cursor');
	const now = api.setup.now().getTime();
	const continues = decoded !== null && now - decoded.issuedAt < pageCursorLifetimeMs;
	const since = decoded?.since ?? null;
	const page = await api.get(
		'/api/v2/satisfaction_ratings.json',
		{
			'page[size]': 100,
			'page[after]': continues ? decoded.after : undefined,
			start_time: !continues && since !== null ? since : undefined,
		},
		satisfactionRatingsResponse,
		signal,
	);
	const newest = page.satisfaction_ratings.reduce(
		(latest, rating) => Math.max(latest, Math.floor(Date.parse(rating.created_at) / 1000)),
		since ?? 0,
	);
	const next = page.meta?.has_more ? page.meta.after_cursor : null;
	return {
		items: page.satisfaction_ratings.flatMap((rating) => toSatisfactionRating(rating) ?? []),
		nextCursor: next ? encodeCursor({kind: 'ratings', after: next, issuedAt: now, since: newest || null}) : null,
	};
}

/** Zendesk Support API v2 has no NPS or CES surveys today: always an empty, final page. */
export async function exportSurveys(): Promise<ExportPage<SurveyResponse>> {
	return {items: [], nextCursor: null};
}
