import * as z from 'zod';
import type {Ticket, TicketStatus} from '../../domain/ticket.js';
import {ProviderError, UsageError} from '../../errors.js';
import type {TicketPage, TicketQuery} from '../help-desk.js';
import {encodeCursor, parseCursor} from '../http/cursor.js';
import type {QueryValue} from '../http/url.js';
import {conversationNumber, type HelpScoutApi} from './api.js';
import {toTicket} from './map.js';
import {conversationPage, folderPage, type HsConversation, type HsMailbox, hsConversation} from './schemas.js';

const queueCursor = z.object({
	/** Which of the listing's Help Scout statuses is being read (see statusesFor). */
	status: z.number().int().min(0),
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

/** Which Help Scout status a csr status reads from (the inverse of statusFromHelpScout). */
const helpScoutStatusFor: Readonly<Record<TicketStatus, string>> = {
	new: 'active',
	open: 'active',
	pending: 'pending',
	'on-hold': 'pending',
	solved: 'closed',
	closed: 'spam',
};

/**
 * The Help Scout statuses to read, one after the other: Help Scout's status filter takes one value, and `all` would
 * page through every closed and spam conversation to find the open ones. No csr status at all reads `all`.
 */
function statusesFor(statuses: readonly TicketStatus[]): string[] {
	if (statuses.length === 0) return ['all'];
	const wanted = new Set(statuses.map((status) => helpScoutStatusFor[status]));
	return (['active', 'pending', 'closed', 'spam'] as const).filter((status) => wanted.has(status));
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
	return true;
}

/** Help Scout's search syntax for words: `(subject:"…" OR body:"…")`. */
const wordsQuery = (text: string): string => {
	const quoted = `"${text.replace(/["\\]/g, ' ').trim()}"`;
	return `(subject:${quoted} OR body:${quoted})`;
};

/** Requests one csr page may make while Help Scout pages hold nothing that matches. */
const maxRequestsPerPage = 10;

/**
 * The queue: `GET /v2/conversations` with the filters Help Scout has (status, mailbox, assigned_to, tag, folder,
 * query), csr's own check for the rest, and paging in Help Scout's page size with an offset. Several statuses are
 * read one after the other (active, then pending, …), each in Help Scout's order.
 */
export async function listTickets(api: HelpScoutApi, query: TicketQuery, signal?: AbortSignal): Promise<TicketPage> {
	if (query.priorities && query.priorities.length > 0) {
		throw new UsageError('Help Scout has no priorities, so --priority matches nothing there', 'Filter by tag instead.');
	}
	const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor, queueCursor);
	const folder = cursor?.folder ?? (query.view ? await resolveFolder(api, query.view, signal) : null);
	const statuses = folder === null ? statusesFor(query.statuses) : ['all'];
	const filters: Record<string, QueryValue> = {
		...sortFor[query.sort],
		// Threads come along so a ticket's updatedAt (the latest thread) is the same from every endpoint.
		embed: 'threads',
	};
	if (folder !== null) filters['folder'] = folder;
	else {
		if (query.assignee === 'me') filters['assigned_to'] = (await api.me(signal)).id;
		else if (query.assignee !== 'any' && query.assignee !== 'none')
			filters['assigned_to'] = (await userByEmail(api, query.assignee.email, signal)).id;
		if (query.group) filters['mailbox'] = await resolveMailboxId(api, query.group, signal);
		const [firstTag] = query.tags ?? [];
		if (firstTag !== undefined) filters['tag'] = firstTag;
		if (query.search?.trim()) filters['query'] = wordsQuery(query.search);
	}
	const mailboxes = await mailboxMap(api, signal);
	const limit = Math.max(1, query.limit);
	const chosen: Ticket[] = [];
	let position: z.output<typeof queueCursor> | null = cursor ?? {status: 0, page: 1, offset: 0, folder};
	let total: number | null = 0;
	for (let requests = 0; position !== null && chosen.length < limit && requests < maxRequestsPerPage; requests++) {
		const status: string | undefined = statuses[position.status];
		if (status === undefined) {
			position = null;
			break;
		}
		const page: number = position.page;
		const body: z.output<typeof conversationPage> = await api.get(
			'/v2/conversations',
			{...filters, status, page},
			conversationPage,
			signal,
		);
		const raw: HsConversation[] = body._embedded?.conversations ?? [];
		if (total !== null) total = body.page?.totalElements == null ? null : total + body.page.totalElements;
		let offset: number = position.offset;
		for (; offset < raw.length && chosen.length < limit; offset++) {
			const conversation = raw[offset] as HsConversation;
			const ticket = toTicket(conversation, mailboxes);
			if (folder !== null || matches(ticket, query, conversation)) chosen.push(ticket);
		}
		const morePages: boolean = raw.length > 0 && position.page < (body.page?.totalPages ?? 1);
		position =
			offset < raw.length
				? {...position, offset}
				: morePages
					? {...position, page: position.page + 1, offset: 0}
					: position.status + 1 < statuses.length
						? {status: position.status + 1, page: 1, offset: 0, folder}
						: null;
	}
	return {
		tickets: chosen,
		nextCursor: position === null ? null : encodeCursor(position),
		// Help Scout counts per status; csr knows the total only when one request covered the whole listing.
		totalCount: cursor === null && position === null && folder === null && statuses[0] !== 'all' ? total : null,
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
