import type {Message, TicketThread} from '../../src/domain/message.js';
import type {Ticket} from '../../src/domain/ticket.js';
import {compareTickets} from '../../src/domain/urgency.js';
import {ConflictError, ProviderError} from '../../src/errors.js';
import type {
	HelpDesk,
	OutgoingMessage,
	TicketChanges,
	TicketQuery,
	WriteOptions,
} from '../../src/providers/help-desk.js';

export function aTicket(overrides: Partial<Ticket> = {}): Ticket {
	return {
		id: '1',
		subject: 'Where is my order?',
		status: 'open',
		priority: 'normal',
		channel: 'email',
		requester: {id: 'u1', name: 'Anna Berg', email: 'anna@example.com', locale: 'sv-SE'},
		assignee: null,
		group: null,
		tags: [],
		createdAt: '2026-11-01T10:00:00.000Z',
		updatedAt: '2026-11-01T10:00:00.000Z',
		slaDueAt: null,
		url: null,
		...overrides,
	};
}

/** A small in-memory desk for command tests: real filtering, paging, writes and drift checks. */
export function createMemoryHelpDesk(tickets: Ticket[], options: {failWrites?: () => Error | undefined} = {}) {
	const threads = new Map<string, Message[]>(tickets.map((ticket) => [ticket.id, []]));
	const byId = new Map(tickets.map((ticket) => [ticket.id, ticket]));
	const sent: {ticketId: string; message: OutgoingMessage; options: WriteOptions}[] = [];
	let clock = Date.parse('2026-11-20T00:00:00Z');
	const tick = () => {
		clock += 1000;
		return new Date(clock).toISOString();
	};
	const find = (id: string): Ticket => {
		const ticket = byId.get(id);
		if (!ticket) throw new ProviderError(`ticket ${id} not found`, {kind: 'not-found', status: 404});
		return ticket;
	};
	const apply = (ticket: Ticket, changes: TicketChanges | undefined): Ticket => ({
		...ticket,
		status: changes?.status ?? ticket.status,
		priority: changes?.priority ?? ticket.priority,
		tags: [
			...ticket.tags.filter((tag) => !changes?.tags?.remove.includes(tag)),
			...(changes?.tags?.add ?? []).filter((tag) => !ticket.tags.includes(tag)),
		],
		updatedAt: tick(),
	});
	const checkDrift = (ticket: Ticket, writeOptions: WriteOptions) => {
		if (writeOptions.expectedUpdatedAt !== undefined && writeOptions.expectedUpdatedAt !== ticket.updatedAt) {
			throw new ConflictError(`ticket ${ticket.id} changed since you read it`);
		}
	};
	const desk: HelpDesk & {sent: typeof sent; threads: typeof threads} = {
		providerName: 'memory',
		capabilities: {
			supportsSafeUpdate: true,
			supportsBulk: false,
			supportsIdempotencyKey: false,
			supportsViews: false,
			supportsSatisfaction: false,
			supportsSurveys: false,
			maxPageSize: 100,
		},
		sent,
		threads,
		whoAmI: async () => ({id: 'a1', name: 'Test Agent', email: 'agent@example.com'}),
		listTickets: async (query: TicketQuery) => {
			const matching = [...byId.values()]
				.filter((ticket) => query.statuses.includes(ticket.status))
				.filter((ticket) => (query.tags ?? []).every((tag) => ticket.tags.includes(tag)))
				.filter((ticket) => query.channels === undefined || query.channels.includes(ticket.channel))
				.sort(compareTickets(query.sort));
			const offset = query.cursor === undefined ? 0 : Number(query.cursor);
			const page = matching.slice(offset, offset + query.limit);
			const next = offset + query.limit < matching.length ? String(offset + query.limit) : null;
			return {tickets: page, nextCursor: next, totalCount: matching.length};
		},
		getTickets: async (ids) => ids.flatMap((id) => (byId.has(id) ? [find(id)] : [])),
		getThread: async (id): Promise<TicketThread> => {
			const ticket = find(id);
			return {
				ticket,
				customer: {...ticket.requester, organization: null, lastCsat: null, recentTickets: []},
				messages: threads.get(id) ?? [],
			};
		},
		sendMessage: async (ticketId, message, writeOptions) => {
			const failure = options.failWrites?.();
			if (failure) throw failure;
			const ticket = find(ticketId);
			checkDrift(ticket, writeOptions);
			const updated = apply(ticket, message.changes);
			byId.set(ticketId, updated);
			const messageId = `m${sent.length + 1}`;
			sent.push({ticketId, message, options: writeOptions});
			threads.get(ticketId)?.push({
				id: messageId,
				author: {id: 'a1', name: 'Test Agent', email: 'agent@example.com', role: 'agent'},
				public: message.public,
				channel: ticket.channel,
				createdAt: updated.updatedAt,
				text: message.body,
				attachments: [],
			});
			return {messageId, ticket: updated};
		},
		updateTicket: async (ticketId, changes, writeOptions) => {
			const failure = options.failWrites?.();
			if (failure) throw failure;
			const ticket = find(ticketId);
			checkDrift(ticket, writeOptions);
			const updated = apply(ticket, changes);
			byId.set(ticketId, updated);
			return updated;
		},
		listGroups: async () => [{id: 'g1', name: 'Support'}],
		listAgents: async () => [{id: 'a1', name: 'Test Agent', email: 'agent@example.com'}],
		exportTicketFacts: async () => ({items: [], nextCursor: null}),
		exportSatisfaction: async () => ({items: [], nextCursor: null}),
		exportSurveys: async () => ({items: [], nextCursor: null}),
		close: async () => {},
	};
	return desk;
}
