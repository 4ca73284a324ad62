import type {AgentRef} from '../../domain/ticket.js';
import {kpiMessageOf, type TicketFacts, withinThreadHorizon} from '../help-desk.js';
import {readEachBestEffort} from '../http/map-limited.js';
import {conversationNumber, type HelpScoutApi} from './api.js';
import {isMessage, personName, toMessage, userRef} from './map.js';
import {type HsConversation, type HsThread, type HsUser, hsThread} from './schemas.js';

type PublicMessages = NonNullable<TicketFacts['publicMessages']>;

/**
 * Thread types that are a message between the customer and the team: `customer`, `reply`, `message` (a conversation
 * an agent started), `chat` and `phone` (by who wrote them). Notes are internal; line items are system events;
 * forwards go to a third party, not to the customer.
 */
const conversationTypes = new Set(['customer', 'reply', 'message', 'chat', 'phone']);

/**
 * Each exported conversation's facts with its public thread, oldest first, and who closed it. The conversation list
 * embeds threads, but cut short (chats especially), so each conversation changed within the thread horizon has its
 * threads read in full (`GET /v2/conversations/{id}/threads`, all pages). Who solved is Help Scout's `closedBy` (a
 * user id, named from the thread's authors or the users list), else the assignee. Best effort per conversation: a
 * thread that cannot be read (not an expired credential, not an interrupt) leaves that conversation's facts as they
 * were.
 */
export async function withThreads(
	api: HelpScoutApi,
	conversations: readonly HsConversation[],
	items: readonly TicketFacts[],
	signal?: AbortSignal,
): Promise<TicketFacts[]> {
	const now = api.setup.now();
	const threads = await readEachBestEffort(
		items,
		(facts) =>
			withinThreadHorizon(facts.ticket.updatedAt, now)
				? api.all(`/v2/conversations/${conversationNumber(facts.ticket.id)}/threads`, 'threads', hsThread, {}, signal)
				: Promise.resolve(null),
		signal,
	);
	// The users list is read only when someone other than the assignee closed a conversation.
	const strangers = conversations.some((raw, index) => {
		const [closer] = threads[index] == null ? [] : closedByOf(raw, items[index]);
		return closer !== undefined && items[index]?.ticket.assignee?.id !== String(closer);
	});
	const users = strangers ? await usersBestEffort(api, signal) : [];
	return items.map((facts, index) => {
		const thread = threads[index];
		const raw = conversations[index];
		if (thread === null || thread === undefined || raw === undefined) return facts;
		return {
			...facts,
			publicMessages: publicMessagesOf(thread, facts),
			solvedBy: solvedByOf(raw, facts, thread, users),
		};
	});
}

function publicMessagesOf(threads: readonly HsThread[], facts: TicketFacts): PublicMessages {
	return threads
		.filter((thread) => isMessage(thread) && conversationTypes.has(thread.type))
		.map((thread) => toMessage(thread, facts.ticket))
		.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || Number(a.id) - Number(b.id))
		.map(kpiMessageOf);
}

const isSolved = (facts: TicketFacts | undefined): boolean =>
	facts !== undefined && facts.solvedAt !== null && facts.ticket.status === 'solved';

/** The user id Help Scout says closed a solved conversation, if it says one. */
function closedByOf(raw: HsConversation, facts: TicketFacts | undefined): number[] {
	return isSolved(facts) && raw.closedBy != null && raw.closedBy > 0 ? [raw.closedBy] : [];
}

/** Help Scout's users, to name whoever closed a conversation; none when they cannot be read. */
async function usersBestEffort(api: HelpScoutApi, signal?: AbortSignal): Promise<readonly HsUser[]> {
	try {
		return await api.users(signal);
	} catch (error) {
		if (signal?.aborted) throw error;
		return [];
	}
}

function solvedByOf(
	raw: HsConversation,
	facts: TicketFacts,
	threads: readonly HsThread[],
	users: readonly HsUser[],
): AgentRef | null {
	if (!isSolved(facts)) return null;
	const [closer] = closedByOf(raw, facts);
	if (closer === undefined) return facts.ticket.assignee;
	if (facts.ticket.assignee?.id === String(closer)) return facts.ticket.assignee;
	const user = users.find((candidate) => candidate.id === closer);
	if (user !== undefined) return userRef(user);
	const author = threads.find(
		(thread) => thread.createdBy?.type === 'user' && thread.createdBy.id === closer,
	)?.createdBy;
	return {id: String(closer), name: personName(author, `user ${closer}`), email: author?.email ?? null};
}
