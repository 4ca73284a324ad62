import type {TicketThread} from '../../domain/message.js';
import {ProviderError} from '../../errors.js';
import {conversationNumber, type HelpScoutApi} from './api.js';
import {isMessage, threadTime, toMessage, toTicket} from './map.js';
import {fetchConversation, mailboxMap} from './queue.js';
import {hsThread} from './schemas.js';

/**
 * The conversation and every thread, oldest first (`GET /v2/conversations/{id}/threads`, all pages: the embedded
 * threads of a conversation may be cut short, chats especially). Line items (system events) and drafts are left out.
 */
export async function getThread(api: HelpScoutApi, ticketId: string, signal?: AbortSignal): Promise<TicketThread> {
	const id = conversationNumber(ticketId);
	const raw = await fetchConversation(api, ticketId, signal);
	if (raw === null) {
		throw new ProviderError(`Help Scout has no conversation ${ticketId} (or you cannot see it)`, {
			kind: 'not-found',
			status: 404,
		});
	}
	const [threads, mailboxes] = await Promise.all([
		api.all(`/v2/conversations/${id}/threads`, 'threads', hsThread, {}, signal),
		mailboxMap(api, signal),
	]);
	const ticket = toTicket(raw, mailboxes);
	const messages = threads
		.filter(isMessage)
		.sort(
			(a, b) =>
				Date.parse(threadTime(a) ?? ticket.createdAt) - Date.parse(threadTime(b) ?? ticket.createdAt) || a.id - b.id,
		)
		.map((thread) => toMessage(thread, ticket));
	return {
		ticket,
		customer: {
			...ticket.requester,
			// Help Scout's customer companies and past conversations need more lookups; csr leaves them out.
			organization: null,
			lastCsat: null,
			recentTickets: [],
		},
		messages,
	};
}
