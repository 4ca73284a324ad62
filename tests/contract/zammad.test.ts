import {describe} from 'vitest';
import {createVirtualClock} from '../support/fake-server.js';
import {describeHelpDeskContract} from '../support/help-desk-contract.js';
import {zammadOnFake} from './zammad-setup.js';

describe('Zammad provider against the fake Zammad', () => {
	describeHelpDeskContract('zammad', async () => {
		const {desk, fake} = await zammadOnFake({clock: createVirtualClock()});
		// Ticket 2's customer (Anna Berg) has Zammad's locale sv-se; ticket 5's (Kim Nolang) has none.
		return {
			desk,
			cleanup: () => fake.close(),
			locales: async () => ({known: {ticketId: '2', locale: 'sv-se'}, none: '5'}),
		};
	});
});
