import {z} from 'zod';
import type {Ticket, TicketStatus} from '../../domain/ticket.js';
import {ProviderError, UsageError} from '../../errors.js';
import type {TicketPage, TicketQuery} from '../help-desk.js';
import {encodeCursor, parseCursor} from '../http/cursor.js';
import type {QueryValue} from '../http/url.js';
import {conversationNumber, type HelpScoutApi} from './api.js';
import {statusToHelpScout, toTicket} from './map.js';
import {conversationPage, folderPage, type HsConversation, type HsMailbox, hsConversation} from './schemas.js';

const queueCursor = z.object({
	page: z.number().int().min(1),
	/** Where in that Help Scout page the next csr page starts (Help Scout's page size is its own). */
	offset: z.number().int().min(0),
	folder: z.number().int().nullable(),
});

export {encodeCursor};

export function decodeCursor<Schema extends z.ZodType>(raw: string, schema: Schema): z.output<Schema> {
	const value = parseCursor(raw, schema);
	if (value === undefined)
		throw new UsageError('invalid page cursor for this Help Scout listing', 'Start again without a cursor.');
	return value;
}

export async function mailboxMap(api: HelpScoutApi, signal?: AbortSignal): Promise<Map<number, HsMailbox>> {
	const mailboxes = await api.mailboxes(signal).catch((error: unknown) => {
		if (signal?.aborted) throw error;
		return [];
	});
	return new Map(mailboxes.map((mailbox) => [mailbox.id, mailbox]));
}

/** A mailbox by name (any case) or id. */
export async function resolveMailboxId(api: HelpScoutApi, group: string, signal?: AbortSignal): Promise<number> {
	const wanted = group.trim().toLowerCase();
	const mailboxes = await api.mailboxes(signal);
	const found = mailboxes.find((mailbox) => mailbox.name.toLowerCase() === wanted || String(mailbox.id) === wanted);
	if (found) return found.id;
	throw new UsageError(
		`no Help Scout mailbox named "${group}"`,
		mailboxes.length === 0
			? 'You can see no mailboxes.'
			: `Mailboxes: ${mailboxes.map((mailbox) => mailbox.name).join(', ')}`,
	);
}

export async function userByEmail(api: HelpScoutApi, email: string, signal?: AbortSignal) {
	const wanted = email.trim().toLowerCase();
	const user = (await api.users(signal)).find((candidate) => candidate.email?.toLowerCase() === wanted);
	if (user === undefined) {
		throw new UsageError(`no Help Scout user has the email ${email}`, 'See the agents with `csr assign --help`.');
	}
	return user;
}

/** A folder (Help Scout's queues: Mine, Unassigned, …) by name or id, in any mailbox. */
async function resolveFolder(api: HelpScoutApi, view: string, signal?: AbortSignal): Promise<number> {
	const wanted = view.trim().toLowerCase();
	const names: string[] = [];
	for (const mailbox of await api.mailboxes(signal)) {
		const folders =
			(await api.get(`/v2/mailboxes/${mailbox.id}/folders`, {}, folderPage, signal))._embedded?.folders ?? [];
		const found = folders.find((folder) => folder.name.toLowerCase() === wanted || String(folder.id) === wanted);
		if (found) return found.id;
		names.push(...folders.map((folder) => `${folder.name} (${mailbox.name})`));
	}
	throw new UsageError(
		`Help Scout has no folder "${view}"`,
		names.length === 0 ? 'You can see no folders.' : `Folders: ${names.join(', ')}`,
	);
}

const sortFor: Record<TicketQuery['sort'], {sortField: string; sortOrder: 'asc' | 'desc'}> = {
	urgency: {sortField: 'waitingSince', sortOrder: 'asc'},
	priority: {sortField: 'waitingSince', sortOrder: 'asc'},
	updated: {sortField: 'modifiedAt', sortOrder: 'desc'},
	created: {sortField: 'createdAt', sortOrder: 'desc'},
};

/** One Help Scout status when the csr statuses need just one, else `all` (csr filters the rest). */
function statusParameter(statuses: readonly TicketStatus[]): string {
	const wanted = new Set(statuses.map((status) => statusToHelpScout[status]));
	return wanted.size === 1 ? ([...wanted][0] as string) : 'all';
}

/** What Help Scout's list cannot filter on, checked on each ticket. */
function matches(ticket: Ticket, query: TicketQuery, raw: HsConversation): boolean {
	// Help Scout has no new or on-hold: asking for them finds active and pending conversations.
	const statuses: TicketStatus[] = query.statuses.map((status) =>
		status === 'new' ? 'open' : status === 'on-hold' ? 'pending' : status,
	);
	if (statuses.length > 0 && !statuses.includes(ticket.status)) return false;
	if (raw.state === 'deleted' || raw.state === 'draft') return false;
	if (query.assignee === 'none' && ticket.assignee !== null) return false;
	if (query.channels && query.channels.length > 0 && !query.channels.includes(ticket.channel)) return false;
	for (const tag of query.tags ?? [])
		if (!ticket.tags.some((candidate) => candidate.toLowerCase() === tag.toLowerCase())) return false;
	// No priorities in Help Scout: a priority filter matches nothing.
	if (query.priorities && query.priorities.length > 0) return false;
	return true;
}

/** Help Scout's search syntax for words: `(subject:"…" OR body:"…")`. */
const wordsQuery = (text: string): string => {
	const quoted = `"${text.replace(/["\\]/g, ' ').trim()}"`;
	return `(subject:${quoted} OR body:${quoted})`;
};

/**
 * The queue: `GET /v2/conversations` with the filters Help Scout has (status, mailbox, assigned_to, tag, folder,
 * query), csr's own check for the rest, and paging in Help Scout's page size with an offset.
 */
export async function listTickets(api: HelpScoutApi, query: TicketQuery, signal?: AbortSignal): Promise<TicketPage> {
	const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor, queueCursor);
	const folder = cursor?.folder ?? (query.view ? await resolveFolder(api, query.view, signal) : null);
	const page = cursor?.page ?? 1;
	let offset = cursor?.offset ?? 0;
	const parameters: Record<string, QueryValue> = {
		status: folder === null ? statusParameter(query.statuses) : 'all',
		...sortFor[query.sort],
		// Threads come along so a ticket's updatedAt (the latest thread) is the same from every endpoint.
		embed: 'threads',
		page,
	};
	if (folder !== null) parameters['folder'] = folder;
	else {
		if (query.assignee === 'me') parameters['assigned_to'] = (await api.me(signal)).id;
		else if (query.assignee !== 'any' && query.assignee !== 'none')
			parameters['assigned_to'] = (await userByEmail(api, query.assignee.email, signal)).id;
		if (query.group) parameters['mailbox'] = await resolveMailboxId(api, query.group, signal);
		const [firstTag] = query.tags ?? [];
		if (firstTag !== undefined) parameters['tag'] = firstTag;
		if (query.search?.trim()) parameters['query'] = wordsQuery(query.search);
	}
	const [body, mailboxes] = await Promise.all([
		api.get('/v2/conversations', parameters, conversationPage, signal),
		mailboxMap(api, signal),
	]);
	const raw = body._embedded?.conversations ?? [];
	const limit = Math.max(1, query.limit);
	const chosen: Ticket[] = [];
	for (; offset < raw.length && chosen.length < limit; offset++) {
		const conversation = raw[offset] as HsConversation;
		const ticket = toTicket(conversation, mailboxes);
		if (folder !== null || matches(ticket, query, conversation)) chosen.push(ticket);
	}
	const totalPages = body.page?.totalPages ?? 1;
	const next =
		offset < raw.length
			? {page, offset, folder}
			: raw.length > 0 && page < totalPages
				? {page: page + 1, offset: 0, folder}
				: null;
	return {
		tickets: chosen,
		nextCursor: next === null ? null : encodeCursor(next),
		totalCount: folder === null && parameters['status'] !== 'all' ? (body.page?.totalElements ?? null) : null,
	};
}

/** One conversation with its threads (for updatedAt, see changedAt); a 404 is null. */
export async function fetchConversation(
	api: HelpScoutApi,
	ticketId: string,
	signal?: AbortSignal,
): Promise<HsConversation | null> {
	try {
		return await api.get(
			`/v2/conversations/${conversationNumber(ticketId)}`,
			{embed: 'threads'},
			hsConversation,
			signal,
		);
	} catch (error) {
		if (error instanceof ProviderError && error.kind === 'not-found') return null;
		throw error;
	}
}

/** Current state of conversations: one request each, a few at a time. */
export async function getTickets(api: HelpScoutApi, ids: readonly string[], signal?: AbortSignal): Promise<Ticket[]> {
	const numeric = [...new Set(ids.map((id) => id.trim()).filter((id) => /^\d{1,19}$/.test(id)))];
	const [raw, mailboxes] = await Promise.all([
		api.mapLimited(numeric, (id) => fetchConversation(api, id, signal)),
		mailboxMap(api, signal),
	]);
	return raw.filter((item): item is HsConversation => item !== null).map((item) => toTicket(item, mailboxes));
}
