import {describe, expect, it} from 'vitest';
import {ticketStatuses} from '../../src/domain/ticket.js';
import {describeCustomerDirectoryContract} from '../support/customer-directory-contract.js';
import {createVirtualClock} from '../support/fake-server.js';
import {zendeskOnFake} from './zendesk-setup.js';

describeCustomerDirectoryContract('zendesk (fake)', async () => {
	const setup = await zendeskOnFake({clock: createVirtualClock(), tickets: 10});
	const desk = {...setup.desk, close: setup.close};
	return {
		desk,
		// Customer 1 (user 2001): Danish, in Acme Ltd, with a phone and Zendesk's IANA zone.
		known: {
			id: '2001',
			name: 'Customer 1',
			email: 'customer1@example.org',
			phone: '+45 20 10 30 40',
			locale: 'da',
			organization: {id: '3001', name: 'Acme Ltd'},
			timeZone: 'Europe/Copenhagen',
		},
		unknown: {email: 'nobody@example.invalid', id: '99999'},
	};
});

describe('zendesk (fake): the customer directory and the requester filter', () => {
	it('gives a customer without a phone as null, and lists only their tickets through search requester:', async () => {
		const setup = await zendeskOnFake({clock: createVirtualClock(), tickets: 30});
		try {
			const customer = await setup.desk.findCustomer({email: 'customer3@example.org'});
			expect(customer).toMatchObject({id: '2003', phone: null, organization: {name: 'Acme Ltd'}});
			const page = await setup.desk.listTickets({
				statuses: ticketStatuses,
				assignee: 'any',
				requester: 'Customer3@example.org',
				search: 'Customer3@example.org',
				sort: 'created',
				limit: 100,
			});
			expect(page.tickets.length).toBeGreaterThan(0);
			expect(new Set(page.tickets.map((ticket) => ticket.requester.email))).toEqual(new Set(['customer3@example.org']));
			const searches = setup.fake.requests.filter((request) => request.pathname === '/api/v2/search.json');
			expect(searches.at(-1)?.query.get('query')).toContain('requester:Customer3@example.org');
		} finally {
			await setup.close();
		}
	});
});
