import type {Satisfaction, TicketSummary, TicketThread} from '../../domain/message.js';
import {ProviderError} from '../../errors.js';
import {bestEffort, notVisible} from '../http/best-effort.js';
import {type FreshdeskApi, ticketNumber} from './api.js';
import {enrich} from './contacts.js';
import {descriptionMessage, scoreFromRating, toMessage, toTicket} from './map.js';
import {fetchTicket} from './queue.js';
import {conversationList, type FreshdeskConversation, ratingList, ticketList} from './schemas.js';

/** Every conversation of a ticket, 100 a page (Freshdesk lists stop after 300 pages). */
export async function conversations(
	api: FreshdeskApi,
	id: number,
	signal?: AbortSignal,
): Promise<FreshdeskConversation[]> {
	const all: FreshdeskConversation[] = [];
	for (let page = 1; page <= 300; page++) {
		const result = await api.page(
			`/api/v2/tickets/${id}/conversations`,
			{page, per_page: 100},
			conversationList,
			signal,
		);
		all.push(...result.items);
		if (!result.hasNext || result.items.length === 0) break;
	}
	return all;
}

/** The requester's other tickets, newest first (Freshdesk lists cover the last 30 days unless asked otherwise). */
async function recentTickets(
	api: FreshdeskApi,
	requesterId: number,
	ticketId: number,
	signal?: AbortSignal,
): Promise<TicketSummary[]> {
	const response = await api.page(
		'/api/v2/tickets',
		{requester_id: requesterId, order_by: 'created_at', order_type: 'desc', per_page: 11},
		ticketList,
		signal,
	);
	return response.items
		.filter((raw) => raw.id !== ticketId)
		.slice(0, 10)
		.map((raw) => {
			const ticket = toTicket(raw, api.directory, api.origin);
			return {
				id: ticket.id,
				subject: ticket.subject,
				status: ticket.status,
				channel: ticket.channel,
				createdAt: ticket.createdAt,
				updatedAt: ticket.updatedAt,
			};
		});
}

/** The requester's latest satisfaction rating; null without one, or when the account has no surveys. */
async function lastSatisfaction(api: FreshdeskApi, userId: number, signal?: AbortSignal): Promise<Satisfaction | null> {
	// 403 (require_feature, access_denied) or 404: no surveys to show, which is no reason to fail `csr show`.
	const ratings = await api.getOrNull(
		'/api/v2/surveys/satisfaction_ratings',
		{user_id: userId, per_page: 100},
		ratingList,
		signal,
		[403, 404],
	);
	if (ratings === null) return null;
	const latest = ratings
		.filter((rating) => rating.ratings?.['default_question'] !== undefined)
		.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at))[0];
	if (latest === undefined) return null;
	return {
		score: scoreFromRating(latest.ratings?.['default_question'] ?? 0),
		comment: latest.feedback || null,
		at: latest.created_at,
	};
}

/** The ticket (with requester, company and stats), the customer's context, and description + conversations. */
export async function getThread(api: FreshdeskApi, ticketId: string, signal?: AbortSignal): Promise<TicketThread> {
	const id = ticketNumber(ticketId);
	const raw = await fetchTicket(api, ticketId, 'requester,company,stats', signal);
	if (raw === null) {
		throw new ProviderError(`Freshdesk has no ticket ${ticketId} (or you cannot see it)`, {
			kind: 'not-found',
			status: 404,
		});
	}
	const requesterId = raw.requester_id ?? raw.requester?.id ?? null;
	const [thread, recent, csat] = await Promise.all([
		conversations(api, id, signal),
		// Context, best effort: a refused or failed lookup shows as not visible, never fails the thread.
		requesterId === null ? {value: []} : bestEffort(() => recentTickets(api, requesterId, id, signal), signal),
		requesterId === null ? {value: null} : bestEffort(() => lastSatisfaction(api, requesterId, signal), signal),
		// Authors are named from the agent list; the contact gives the requester's language (the template locale).
		api.agents(signal),
		requesterId === null ? null : api.contact(requesterId, signal),
		enrich(api, [raw], signal, 'few'),
	]);
	const ticket = toTicket(raw, api.directory, api.origin);
	const messages = [descriptionMessage(raw, ticket, api.directory)];
	for (const conversation of thread) messages.push(toMessage(conversation, raw, ticket, api.directory));
	messages.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
	return {
		ticket,
		customer: {
			...ticket.requester,
			organization:
				raw.company == null
					? null
					: {id: String(raw.company.id), name: raw.company.name ?? `company ${raw.company.id}`},
			lastCsat: csat?.value ?? null,
			recentTickets: recent?.value ?? [],
			...notVisible([recent === null && 'recentTickets', csat === null && 'lastCsat']),
		},
		messages,
	};
}
