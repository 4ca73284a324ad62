import type {Message, Satisfaction, TicketSummary, TicketThread} from '../../domain/message.js';
import type {Ticket} from '../../domain/ticket.js';
import {bestEffort, notVisible} from '../http/best-effort.js';
import {ticketNotFound, ticketNumber, type ZendeskApi} from './api.js';
import {toMessage, toTicket} from './map.js';
import {readEveryPage} from './pages.js';
import {commentsResponse, ticketResponse, ticketsResponse, type ZendeskComment, type ZendeskTicket} from './schemas.js';

const ticketSideloads = 'users,groups,organizations,slas';

/** The ticket with sideloads; a 404 becomes "Zendesk has no ticket N". */
export async function fetchTicket(api: ZendeskApi, ticketId: string, signal?: AbortSignal): Promise<ZendeskTicket> {
	const number = ticketNumber(ticketId);
	try {
		const body = await api.get(`/api/v2/tickets/${number}.json`, {include: ticketSideloads}, ticketResponse, signal);
		api.directory.absorb(body);
		return body.ticket;
	} catch (error) {
		throw ticketNotFound(ticketId, error);
	}
}

/** Oldest first; Zendesk's times have whole seconds, so ties go by id (the order they were made). */
export const oldestFirst = (a: {created_at: string; id: number}, b: {created_at: string; id: number}): number =>
	Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id;

/** Every comment, oldest first, following cursor pages (authors sideloaded). */
export async function fetchComments(
	api: ZendeskApi,
	ticketId: string,
	signal?: AbortSignal,
): Promise<ZendeskComment[]> {
	const comments = await readEveryPage(
		api,
		{
			path: `/api/v2/tickets/${ticketNumber(ticketId)}/comments.json`,
			query: {include: 'users'},
			schema: commentsResponse,
			items: (page) => page.comments,
		},
		signal,
	);
	return comments.sort(oldestFirst);
}

/** The latest comments, newest first, in one request: enough to tell what changed since a stamp. */
export async function fetchLatestComments(
	api: ZendeskApi,
	ticketId: string,
	signal?: AbortSignal,
): Promise<ZendeskComment[]> {
	const page = await api.get(
		`/api/v2/tickets/${ticketNumber(ticketId)}/comments.json`,
		{'page[size]': 100, sort: '-created_at', include: 'users'},
		commentsResponse,
		signal,
	);
	api.directory.absorb(page);
	return page.comments;
}

function toSummary(ticket: Ticket): TicketSummary {
	return {
		id: ticket.id,
		subject: ticket.subject,
		status: ticket.status,
		channel: ticket.channel,
		createdAt: ticket.createdAt,
		updatedAt: ticket.updatedAt,
	};
}

/** The newest answered survey among the requester's tickets (agents can read a ticket's `satisfaction_rating`). */
function lastCsat(tickets: readonly ZendeskTicket[]): Satisfaction | null {
	const rated = tickets
		.filter((ticket) => ticket.satisfaction_rating?.score === 'good' || ticket.satisfaction_rating?.score === 'bad')
		.sort((a, b) => Date.parse(b.updated_at) - Date.parse(a.updated_at));
	const newest = rated[0];
	if (newest?.satisfaction_rating == null) return null;
	return {
		score: newest.satisfaction_rating.score === 'good' ? 'good' : 'bad',
		comment: newest.satisfaction_rating.comment ?? null,
		// The ticket's rating has no time of its own; the ticket's last update is the closest Zendesk gives an agent.
		at: newest.updated_at,
	};
}

/** The ticket, its customer's context, and the whole thread oldest first: 3 requests for a thread under 100 comments. */
export async function getThread(api: ZendeskApi, ticketId: string, signal?: AbortSignal): Promise<TicketThread> {
	const [raw] = await Promise.all([fetchTicket(api, ticketId, signal), api.loadCustomStatuses(signal)]);
	const requesterId = raw.requester_id;
	const [comments, recent] = await Promise.all([
		fetchComments(api, ticketId, signal),
		// The requester's other tickets are context: a 403/404 on them (restricted agents) must not fail the thread.
		requesterId == null
			? Promise.resolve({value: []})
			: bestEffort(async () => {
					const body = await api.get(
						`/api/v2/users/${requesterId}/tickets/requested.json`,
						{'page[size]': 6, sort: '-updated_at', include: 'users,groups'},
						ticketsResponse,
						signal,
					);
					api.directory.absorb(body);
					return body.tickets;
				}, signal),
	]);
	const ticket = toTicket(raw, api.directory, api.origin);
	const requester = requesterId == null ? undefined : api.directory.users.get(requesterId);
	const organizationId = requester?.organization_id ?? raw.organization_id ?? null;
	const organization = organizationId === null ? undefined : api.directory.organizations.get(organizationId);
	const others = (recent?.value ?? []).filter((candidate) => candidate.id !== raw.id);
	const csat = lastCsat([raw, ...others]);
	const messages: Message[] = comments.map((comment) => toMessage(comment, api.directory, ticket.channel));
	return {
		ticket,
		customer: {
			...ticket.requester,
			organization:
				organizationId === null
					? null
					: {id: String(organizationId), name: organization?.name ?? `organization ${organizationId}`},
			lastCsat: csat,
			recentTickets: others.slice(0, 5).map((other) => toSummary(toTicket(other, api.directory, api.origin))),
			...(recent === null ? notVisible(['recentTickets', csat === null && 'lastCsat']) : {}),
		},
		messages,
	};
}
