import {describe, expect, it} from 'vitest';
import {ticketStatuses} from '../../src/domain/ticket.js';
import {describeCustomerDirectoryContract} from '../support/customer-directory-contract.js';
import {createVirtualClock} from '../support/fake-server.js';
import {freshdeskOnFake} from './freshdesk-setup.js';

describeCustomerDirectoryContract('freshdesk (fake)', async () => {
	const setup = await freshdeskOnFake({clock: createVirtualClock(), tickets: 10});
	return {
		desk: {...setup.desk, close: setup.close},
		// Lars Holm (contact 7001): Danish, in company 501, only a mobile number, Freshdesk's zone name.
		known: {
			id: '7001',
			name: 'Lars Holm',
			email: 'lars@example.com',
			phone: '+45 20 30 40 50',
			locale: 'da',
			organization: {id: '501', name: 'Acme Ltd'},
			timeZone: 'Copenhagen',
		},
		unknown: {email: 'nobody@example.invalid', id: '99999'},
	};
});

describe('freshdesk (fake): a customer and their tickets', () => {
	it('lists every ticket of one requester through the ticket list by email, not the search', async () => {
		const setup = await freshdeskOnFake({clock: createVirtualClock(), tickets: 40});
		try {
			const customer = await setup.desk.findCustomer({email: 'Anna@Example.com'});
			expect(customer).toMatchObject({
				id: '7000',
				phone: '+46 70-123 45 67',
				organization: null,
				timeZone: 'Stockholm',
			});
			const page = await setup.desk.listTickets({
				statuses: ticketStatuses,
				assignee: 'any',
				requester: 'Anna@Example.com',
				search: 'Anna@Example.com',
				sort: 'created',
				limit: 100,
			});
			const expected = [...setup.fake.tickets.values()].filter((ticket) => ticket.requester_id === 7000);
			expect(expected.length).toBeGreaterThan(0);
			expect(page.tickets.map((ticket) => ticket.id).sort()).toEqual(
				expected.map((ticket) => String(ticket.id)).sort(),
			);
			expect(setup.fake.requests.some((request) => request.pathname === '/api/v2/search/tickets')).toBe(false);
		} finally {
			await setup.close();
		}
	});
});
