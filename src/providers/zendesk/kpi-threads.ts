import {kpiMessageOf, type TicketFacts, withinThreadHorizon, withPublicThreads} from '../help-desk.js';
import {readEachBestEffort} from '../http/map-limited.js';
import type {ZendeskApi} from './api.js';
import {toMessage} from './map.js';
import {fetchComments} from './thread.js';

type PublicMessages = NonNullable<TicketFacts['publicMessages']>;

/**
 * Each exported ticket's facts with its public thread (oldest first: every public comment by the requester or an
 * agent, system comments left out), for next reply, per-agent replies and touches; a solved ticket's solve is credited
 * to its assignee, as Zendesk's own reports do (who solved is not in the export). The ticket export has no comments,
 * so each ticket's are read. Best effort per ticket: a thread that cannot be read (not an expired credential, not an
 * interrupt) leaves that ticket's facts as they were.
 */
export async function withThreads(
	api: ZendeskApi,
	items: readonly TicketFacts[],
	signal?: AbortSignal,
): Promise<TicketFacts[]> {
	const now = api.setup.now();
	const threads = await readEachBestEffort(
		items,
		async (facts) =>
			withinThreadHorizon(facts.ticket.updatedAt, now)
				? publicMessagesOf(api, await fetchComments(api, facts.ticket.id, signal), facts)
				: null,
		signal,
	);
	return withPublicThreads(items, threads);
}

function publicMessagesOf(
	api: ZendeskApi,
	comments: Awaited<ReturnType<typeof fetchComments>>,
	facts: TicketFacts,
): PublicMessages {
	return comments
		.filter((comment) => comment.public)
		.map((comment) => toMessage(comment, api.directory, facts.ticket.channel))
		.filter((message) => message.author.role === 'agent' || message.author.role === 'customer')
		.map(kpiMessageOf);
}
