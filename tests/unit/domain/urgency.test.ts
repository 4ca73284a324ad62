import {describe, expect, it} from 'vitest';
import type {Ticket} from '../../../src/domain/ticket.js';
import {compareByUrgency, compareTickets} from '../../../src/domain/urgency.js';

function aTicket(overrides: Partial<Ticket> = {}): Ticket {
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
		createdAt: '2026-11-01T10:00:00Z',
		updatedAt: '2026-11-01T10:00:00Z',
		slaDueAt: null,
		url: null,
		...overrides,
	};
}

describe('urgency order', () => {
	it('puts SLA due first (soonest first), then priority, then oldest', () => {
		const tickets = [
			aTicket({id: '1', priority: 'urgent'}),
			aTicket({id: '2', slaDueAt: '2026-11-02T10:00:00Z', priority: 'low'}),
			aTicket({id: '3', slaDueAt: '2026-11-01T09:00:00Z'}),
			aTicket({id: '4', priority: 'low', createdAt: '2026-10-01T00:00:00Z'}),
			aTicket({id: '5', priority: 'urgent', createdAt: '2026-10-01T00:00:00Z'}),
			aTicket({id: '6', priority: null}),
		];
		expect(tickets.sort(compareByUrgency).map((ticket) => ticket.id)).toEqual(['3', '2', '5', '1', '6', '4']);
	});

	it('sorts by updated and created newest first', () => {
		const tickets = [
			aTicket({id: '1', updatedAt: '2026-11-01T00:00:00Z'}),
			aTicket({id: '2', updatedAt: '2026-11-03T00:00:00Z'}),
		];
		expect(tickets.sort(compareTickets('updated')).map((ticket) => ticket.id)).toEqual(['2', '1']);
	});
});
