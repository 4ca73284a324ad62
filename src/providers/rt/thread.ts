import type {AuthorRole, Customer, TicketThread} from '../../domain/message.js';
import {bestEffort} from '../http/best-effort.js';
import {mapLimit, notFound, type RtApi, ticketNumber} from './api.js';
import {bodyPart, messageTypes, systemUsers, toMessage, toSummary, toTicket} from './map.js';
import {
	type RtAttachment,
	type RtTicket,
	type RtTransaction,
	type RtUserRef,
	rtAttachment,
	rtAttachmentContent,
	rtTicketPage,
	rtTransaction,
} from './schemas.js';
import {quote, ticketFields} from './ticket-sql.js';

const historyFields = {
	fields: 'Type,Creator,Created,Field,OldValue,NewValue',
	'fields[Creator]': 'Name,RealName,EmailAddress',
};
// Not Parent: `fields=Parent` makes RT 5.0 fail (500) on top-level parts. Not Content: files would come along.
const partFields = {fields: 'TransactionId,ContentType,Filename,ContentLength,Headers'};

/** Every transaction of a ticket, oldest first. */
export async function fetchHistory(api: RtApi, ticketId: string, signal?: AbortSignal): Promise<RtTransaction[]> {
	const history = await api.all(`/ticket/${ticketNumber(ticketId)}/history`, historyFields, rtTransaction, signal);
	return history.sort((a, b) => Date.parse(a.Created) - Date.parse(b.Created) || Number(a.id) - Number(b.id));
}

/** The text of the given parts in one request per 100 (`POST /attachments` with `id IN […]`, content decoded). */
async function fetchContents(
	api: RtApi,
	partIds: readonly string[],
	signal?: AbortSignal,
): Promise<Map<string, string>> {
	const contents = new Map<string, string>();
	for (let start = 0; start < partIds.length; start += 100) {
		const chunk = partIds.slice(start, start + 100);
		const parts = await api.all(
			'/attachments',
			{fields: 'TransactionId,Content'},
			rtAttachmentContent,
			signal,
			'POST',
			[{field: 'id', operator: 'IN', value: chunk.map(Number)}],
		);
		for (const part of parts) contents.set(part.id, part.Content);
	}
	return contents;
}

/** customer for requestors and Cc, system for RT itself, agent for privileged users, else customer. */
async function rolesOf(
	api: RtApi,
	creators: readonly RtUserRef[],
	ticket: RtTicket,
	signal?: AbortSignal,
): Promise<Map<string, AuthorRole>> {
	const customers = new Set([...ticket.Requestor, ...ticket.Cc].map((user) => user.id.toLowerCase()));
	const roles = new Map<string, AuthorRole>();
	const unknown: string[] = [];
	for (const creator of creators) {
		const key = creator.id.toLowerCase();
		if (roles.has(key) || unknown.includes(creator.id)) continue;
		if (systemUsers.has(creator.id)) roles.set(key, 'system');
		else if (customers.has(key)) roles.set(key, 'customer');
		else unknown.push(creator.id);
	}
	await mapLimit(unknown, api.concurrency, async (name) => {
		const user = await api.user(name, signal);
		roles.set(name.toLowerCase(), user?.Privileged ? 'agent' : 'customer');
	});
	return roles;
}

async function customerOf(api: RtApi, raw: RtTicket, signal?: AbortSignal): Promise<Customer> {
	const ticket = toTicket(raw, api.webBase);
	const requestor = raw.Requestor[0];
	let recentTickets: Customer['recentTickets'] = [];
	let hidden = false;
	if (requestor !== undefined) {
		// Context, best effort: a refused or failed search shows as not visible, never fails the thread.
		const found = await bestEffort(
			() =>
				api.get(
					'/tickets',
					{
						query: `Requestor.Name = ${quote(requestor.Name || requestor.id)} AND id != ${Number(raw.id)}`,
						orderby: 'Created',
						order: 'DESC',
						per_page: 5,
						...ticketFields,
					},
					rtTicketPage,
					signal,
				),
			signal,
		);
		if (found === null) hidden = true;
		else recentTickets = found.value.items.map((item) => toSummary(toTicket(item, api.webBase)));
	}
	const organization = requestor?.Organization.trim() ?? '';
	return {
		...ticket.requester,
		organization: organization === '' ? null : {id: organization, name: organization},
		// RT has no satisfaction ratings.
		lastCsat: null,
		recentTickets,
		...(hidden ? {notVisible: ['recentTickets' as const]} : {}),
	};
}

/**
 * The ticket, its requestor with their other recent tickets, and the thread: Create (the opening message),
 * Correspond (public replies) and Comment (internal notes), oldest first. Outgoing-mail copies (EmailRecord) and
 * field changes are left out. Four to six requests, whatever the length of the thread.
 */
export async function getThread(api: RtApi, ticketId: string, signal?: AbortSignal): Promise<TicketThread> {
	const number = ticketNumber(ticketId);
	const [tickets, history, parts] = await Promise.all([
		api.ticketsById([ticketId], signal),
		fetchHistory(api, ticketId, signal),
		api.all(`/ticket/${number}/attachments`, partFields, rtAttachment, signal),
	]);
	const raw = tickets.find((candidate) => candidate.id === String(number));
	if (raw === undefined) throw notFound(ticketId);
	const messages = history.filter((transaction) => messageTypes.has(transaction.Type));
	const partsByTransaction = new Map<string, RtAttachment[]>();
	for (const part of parts) {
		const list = partsByTransaction.get(part.TransactionId) ?? [];
		list.push(part);
		partsByTransaction.set(part.TransactionId, list);
	}
	const bodies = messages.flatMap((transaction) => {
		const body = bodyPart(partsByTransaction.get(transaction.id) ?? []);
		return body === null ? [] : [body.id];
	});
	const [contents, roles, customer] = await Promise.all([
		fetchContents(api, bodies, signal),
		rolesOf(
			api,
			messages.map((transaction) => transaction.Creator),
			raw,
			signal,
		),
		customerOf(api, raw, signal),
	]);
	return {
		ticket: toTicket(raw, api.webBase),
		customer,
		messages: messages.flatMap((transaction) => {
			const transactionParts = partsByTransaction.get(transaction.id) ?? [];
			const body = bodyPart(transactionParts);
			const message = toMessage({
				transaction,
				role: roles.get(transaction.Creator.id.toLowerCase()) ?? 'customer',
				parts: transactionParts,
				content: body === null ? undefined : contents.get(body.id),
				webBase: api.webBase,
			});
			// A ticket opened without content (csr's logged call: its note follows as a comment) has no opening message.
			const empty = transaction.Type === 'Create' && message.text.trim() === '' && message.attachments.length === 0;
			return empty ? [] : [message];
		}),
	};
}
