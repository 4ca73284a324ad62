import {describe, expect, it} from 'vitest';
import type {Ticket} from '../../../src/domain/ticket.js';
import type {HelpDesk, TicketQuery} from '../../../src/providers/help-desk.js';
import {listQueue} from '../../../src/services/queue.js';
import {aTicket} from '../../support/memory-help-desk.js';

/** A desk that answers with these pages, in this order, as a desk that cannot sort would. */
function deskWithPages(pages: Ticket[][]): HelpDesk {
	return {
		capabilities: {maxPageSize: 100},
		listTickets: async (query: TicketQuery) => {
			const index = query.cursor === undefined ? 0 : Number(query.cursor);
			const tickets = pages[index] ?? [];
			return {tickets, nextCursor: index + 1 < pages.length ? String(index + 1) : null, totalCount: null};
		},
	} as unknown as HelpDesk;
}

const query: TicketQuery = {statuses: ['open'], assignee: 'any', sort: 'urgency', limit: 100};
const due = (id: string, slaDueAt: string | null, priority: Ticket['priority'] = 'normal') =>
	aTicket({id, slaDueAt, priority, createdAt: '2026-11-01T10:00:00.000Z'});

describe('listQueue', () => {
	it('puts pages a desk could not sort in urgency order: SLA due soonest, then priority', async () => {
		const desk = deskWithPages([
			[due('1', null, 'low'), due('2', '2026-11-03T10:00:00.000Z')],
			[due('3', '2026-11-02T10:00:00.000Z'), due('4', null, 'urgent')],
		]);
		const result = await listQueue(desk, query, {all: true});
		expect(result.tickets.map((ticket) => ticket.id)).toEqual(['3', '2', '4', '1']);
	});

	it('keeps an order that is already right, ties included', async () => {
		const tickets = [due('5', '2026-11-02T10:00:00.000Z'), due('6', null, 'high'), due('7', null, 'high')];
		const result = await listQueue(deskWithPages([tickets]), query, {all: false});
		expect(result.tickets.map((ticket) => ticket.id)).toEqual(['5', '6', '7']);
	});

	it('hands over the first page, in order, before reading the next, and only when more pages follow', async () => {
		const seen: string[][] = [];
		const pages = [[due('2', null), due('1', '2026-11-02T10:00:00.000Z')], [due('3', null, 'low')]];
		const result = await listQueue(deskWithPages(pages), query, {
			all: false,
			onFirstPage: (first) => {
				seen.push(first.tickets.map((ticket) => ticket.id));
			},
		});
		expect(seen).toEqual([['1', '2']]);
		expect(result.tickets.map((ticket) => ticket.id)).toEqual(['1', '2', '3']);
		await listQueue(deskWithPages([pages[0] ?? []]), query, {
			all: false,
			onFirstPage: () => {
				seen.push(['again']);
			},
		});
		expect(seen).toHaveLength(1);
	});
});
