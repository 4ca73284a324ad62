import * as z from 'zod';
import {AuthError} from '../../errors.js';
import type {ExportPage, SatisfactionRating, TicketFacts} from '../help-desk.js';
import type {HelpScoutApi} from './api.js';
import {withThreads} from './kpi-threads.js';
import {changedAt, toSatisfactionRating, toTicketFacts} from './map.js';
import {decodeCursor, encodeCursor, mailboxMap} from './queue.js';
import {conversationPage, ratingPage} from './schemas.js';

const exportCursor = z.object({
	kind: z.enum(['tickets', 'ratings']),
	since: z.string().nullable(),
	page: z.number().int().min(1),
});

/**
 * Conversations changed since the cursor with their threads (`status=all&modifiedSince=…&sortField=modifiedAt
 * &sortOrder=asc&embed=threads`), in Help Scout's pages. At the end the cursor becomes a new window from the last
 * change seen (never null), so the next sync reads only what changed; reading it again right away gives the same
 * cursor, which tells the caller it is caught up. Each conversation changed within the thread horizon has its threads
 * read in full for next reply, requester wait and per-agent replies (kpi-threads.ts).
 */
export async function exportTicketFacts(
	api: HelpScoutApi,
	raw: string | null,
	signal?: AbortSignal,
): Promise<ExportPage<TicketFacts>> {
	const cursor = raw === null ? null : decodeCursor(raw, exportCursor);
	const since = cursor?.kind === 'tickets' ? cursor.since : null;
	const page = cursor?.kind === 'tickets' ? cursor.page : 1;
	const [body, mailboxes] = await Promise.all([
		api.get(
			'/v2/conversations',
			{
				status: 'all',
				...(since === null ? {} : {modifiedSince: since.replace(/\.\d{3}Z$/, 'Z')}),
				sortField: 'modifiedAt',
				sortOrder: 'asc',
				embed: 'threads',
				page,
			},
			conversationPage,
			signal,
		),
		mailboxMap(api, signal),
	]);
	const conversations = body._embedded?.conversations ?? [];
	const items = await withThreads(
		api,
		conversations,
		conversations.map((conversation) => toTicketFacts(conversation, mailboxes)),
		signal,
	);
	if (conversations.length === 0) return {items, nextCursor: raw};
	if (page < (body.page?.totalPages ?? 1))
		return {items, nextCursor: encodeCursor({kind: 'tickets', since, page: page + 1})};
	const latest = conversations
		.map(changedAt)
		.reduce((max, value) => (Date.parse(value) > Date.parse(max) ? value : max), since ?? '1970-01-01T00:00:00.000Z');
	return {items, nextCursor: encodeCursor({kind: 'tickets', since: latest, page: 1})};
}

/** Help Scout reports take a window; csr starts here when it has read none. */
const beginning = '2011-01-01T00:00:00Z';

/**
 * Happiness ratings (`GET /v2/reports/happiness/ratings?start&end&rating=all&page`), Plus and Pro plans only: on other
 * plans (403/404) there are none. The window ends now; the next sync starts where this one ended.
 */
export async function exportSatisfaction(
	api: HelpScoutApi,
	raw: string | null,
	signal?: AbortSignal,
): Promise<ExportPage<SatisfactionRating>> {
	const cursor = raw === null ? null : decodeCursor(raw, exportCursor);
	const since = cursor?.kind === 'ratings' && cursor.since !== null ? cursor.since : beginning;
	const page = cursor?.kind === 'ratings' ? cursor.page : 1;
	const end = new Date(api.setup.now().getTime()).toISOString().replace(/\.\d{3}Z$/, 'Z');
	const response = await api.http.send({
		method: 'GET',
		path: '/v2/reports/happiness/ratings',
		query: {start: since, end, rating: 'all', sortField: 'ratingCreatedAt', sortOrder: 'ASC', page},
		signal,
		allowStatuses: [403, 404],
	});
	if (response.status === 403) {
		// csr sync reports it ("not allowed with these credentials: …") and goes on without CSAT.
		throw new AuthError(
			'Help Scout’s happiness ratings come from its Reports API, which needs a Plus or Pro plan',
			'Without it csr has no CSAT for this desk.',
		);
	}
	if (response.status >= 400) return {items: [], nextCursor: null};
	const parsed = ratingPage.safeParse(response.body);
	const results = parsed.success ? (parsed.data.results ?? []) : [];
	const items = results.map(toSatisfactionRating).filter((item): item is SatisfactionRating => item !== null);
	if (results.length === 0) return {items, nextCursor: raw};
	if (parsed.success && page < (parsed.data.pages ?? 1)) {
		return {items, nextCursor: encodeCursor({kind: 'ratings', since, page: page + 1})};
	}
	return {items, nextCursor: encodeCursor({kind: 'ratings', since: end, page: 1})};
}
