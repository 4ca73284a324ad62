import {describe} from 'vitest';
import {createVirtualClock} from '../support/fake-server.js';
import {describeHelpDeskContract} from '../support/help-desk-contract.js';
import {freshdeskOnFake} from './freshdesk-setup.js';

describe('Freshdesk provider against the fake Freshdesk', () => {
	describeHelpDeskContract('freshdesk', async () => {
		const {desk, fake} = await freshdeskOnFake({clock: createVirtualClock()});
		const open = [...fake.tickets.values()].filter((ticket) => ticket.status === 2);
		const language = (id: number) => fake.contacts.get(id)?.language ?? 'en';
		return {
			desk,
			cleanup: () => fake.close(),
			locales: async () => {
				const known = open.find((ticket) => language(ticket.requester_id) !== 'en');
				const other = open.find((ticket) => ticket !== known);
				if (known === undefined || other === undefined) throw new Error('the fake needs two open tickets');
				// A requester Freshdesk will not show (a deleted contact): no language to go by.
				other.requester_id = 999_999;
				return {known: {ticketId: String(known.id), locale: language(known.requester_id)}, none: String(other.id)};
			},
		};
	});
});
