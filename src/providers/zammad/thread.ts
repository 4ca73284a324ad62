import type {TicketSummary, TicketThread} from '../../domain/message.js';
import {ProviderError} from '../../errors.js';
import {api as apiPath, ticketNumber, type ZammadApi} from './api.js';
import {toMessage, toTicket} from './map.js';
import {fetchTicket, lookupFor, tagsForDisplay} from './queue.js';
import {articleList, ticketList} from './schemas.js';

/** The customer's other tickets, newest first; best effort (search may be unavailable without Elasticsearch). */
async function recentTickets(
	api: ZammadApi,
	customerId: number,
	ticketId: number,
	signal?: AbortSignal,
): Promise<TicketSummary[]> {
	try {
		const raw = await api.get(
			`${apiPath}/tickets/search`,
			{query: `customer_id:${customerId}`, sort_by: 'created_at', order_by: 'desc', per_page: 11, expand: true},
			ticketList,
			signal,
		);
		const others = raw.filter((ticket) => ticket.id !== ticketId).slice(0, 10);
		const lookup = await lookupFor(api, [], signal);
		return others.map((ticket) => {
			const mapped = toTicket(ticket, [], lookup);
			return {
				id: mapped.id,
				subject: mapped.subject,
				status: mapped.status,
				channel: mapped.channel,
				createdAt: mapped.createdAt,
				updatedAt: mapped.updatedAt,
			};
		});
	} catch (error) {
		if (signal?.aborted) throw error;
		return [];
	}
}

/** The ticket, its customer, and every article oldest first (the first message is an article too). */
export async function getThread(api: ZammadApi, ticketId: string, signal?: AbortSignal): Promise<TicketThread> {
	const id = ticketNumber(ticketId);
	const raw = await fetchTicket(api, ticketId, signal);
	if (raw === null) {
		throw new ProviderError(`Zammad has no ticket ${ticketId} (or you cannot see it)`, {
			kind: 'not-found',
			status: 404,
		});
	}
	const [articles, tags, recent] = await Promise.all([
		api.get(`${apiPath}/ticket_articles/by_ticket/${id}`, {}, articleList, signal),
		tagsForDisplay(api, id, signal),
		raw.customer_id == null ? [] : recentTickets(api, raw.customer_id, id, signal),
	]);
	const authors = [
		...new Set(articles.flatMap((article) => (article.created_by_id == null ? [] : [article.created_by_id]))),
	];
	const [lookup, organization] = await Promise.all([
		lookupFor(api, [raw], signal),
		raw.organization_id == null ? null : api.organization(raw.organization_id, signal).catch(() => null),
		api.mapLimited(authors, (author) => api.user(author, signal).catch(() => null)),
	]);
	const ticket = toTicket(raw, tags, lookup);
	const messages = articles.map((article) => toMessage(article, ticket, lookup));
	messages.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || Number(a.id) - Number(b.id));
	return {
		ticket,
		customer: {
			...ticket.requester,
			organization:
				raw.organization_id == null
					? null
					: {id: String(raw.organization_id), name: organization ?? `organization ${raw.organization_id}`},
			// Zammad has no satisfaction surveys.
			lastCsat: null,
			recentTickets: recent,
		},
		messages,
	};
}
