import {kpiMessageOf, type TicketFacts, withinThreadHorizon, withPublicThreads} from '../help-desk.js';
import {readEachBestEffort} from '../http/map-limited.js';
import {api as apiPath, ticketNumber, type ZammadApi} from './api.js';
import {type Lookup, toMessage} from './map.js';
import {articleList, type ZammadArticle} from './schemas.js';

type PublicMessages = NonNullable<TicketFacts['publicMessages']>;

/**
 * Each exported ticket's facts with its public thread, oldest first: every article the customer can see (`internal`
 * false) from the customer or an agent (`sender` Customer or Agent; System articles are left out), except notes, which
 * Zammad does not count as communication (they do not touch its SLA either). The author is `sender`, so a customer's
 * call an agent logged is the customer's; an agent's article names its agent by `created_by_id`. Zammad keeps no
 * "solved by" on the ticket, so a solved ticket's solve is credited to its owner. The ticket list has no articles: each
 * ticket's are read (`GET /api/v1/ticket_articles/by_ticket/{id}`) when it changed within the thread horizon. Best
 * effort per ticket: a thread that cannot be read (not an expired credential, not an interrupt) leaves that ticket's
 * facts as they were.
 */
export async function withThreads(
	api: ZammadApi,
	items: readonly TicketFacts[],
	lookup: Lookup,
	signal?: AbortSignal,
): Promise<TicketFacts[]> {
	const now = api.setup.now();
	const threads = await readEachBestEffort(
		items,
		async (facts) =>
			withinThreadHorizon(facts.ticket.updatedAt, now)
				? publicMessagesOf(api, facts, lookup, await articlesOf(api, facts.ticket.id, signal), signal)
				: null,
		signal,
	);
	return withPublicThreads(items, threads);
}

const articlesOf = (api: ZammadApi, ticketId: string, signal?: AbortSignal) =>
	api.get(`${apiPath}/ticket_articles/by_ticket/${ticketNumber(ticketId)}`, {}, articleList, signal);

const isPublicMessage = (article: ZammadArticle): boolean =>
	article.internal !== true && article.type !== 'note' && (article.sender === 'Customer' || article.sender === 'Agent');

async function publicMessagesOf(
	api: ZammadApi,
	facts: TicketFacts,
	lookup: Lookup,
	articles: readonly ZammadArticle[],
	signal?: AbortSignal,
): Promise<PublicMessages> {
	const shown = articles.filter(isPublicMessage);
	// The agents who wrote, by id (cached per sync); one that cannot be looked up is named from the article's `from`.
	const authors = [
		...new Set(
			shown.flatMap((article) =>
				article.sender === 'Agent' && article.created_by_id != null ? [article.created_by_id] : [],
			),
		),
	];
	await api.mapLimited(authors, (author) => api.user(author, signal).catch(() => null));
	return shown
		.map((article) => toMessage(article, facts.ticket, lookup))
		.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || Number(a.id) - Number(b.id))
		.map(kpiMessageOf);
}
