import {describe} from 'vitest';
import {createVirtualClock} from '../support/fake-server.js';
import {describeHelpDeskContract} from '../support/help-desk-contract.js';
import {zendeskOnFake} from './zendesk-setup.js';

describe('Zendesk provider against the fake Zendesk', () => {
	describeHelpDeskContract('zendesk', async () => {
		const {desk, fake} = await zendeskOnFake({clock: createVirtualClock()});
		const open = [...fake.tickets.values()].filter((ticket) => ticket.status === 'open');
		const locale = (id: number) => fake.users.get(id)?.locale ?? 'en-US';
		return {
			desk,
			cleanup: () => fake.close(),
			locales: async () => {
				const known = open.find((ticket) => !locale(ticket.requester_id).startsWith('en'));
				const other = open.find((ticket) => ticket.requester_id !== known?.requester_id);
				if (known === undefined || other === undefined) throw new Error('the fake needs two open tickets');
				// A requester Zendesk does not sideload (a deleted user): no language to go by.
				fake.users.delete(other.requester_id);
				return {known: {ticketId: String(known.id), locale: locale(known.requester_id)}, none: String(other.id)};
			},
		};
	});
});
