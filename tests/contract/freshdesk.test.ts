import {describe} from 'vitest';
import {createVirtualClock} from '../support/fake-server.js';
import {describeHelpDeskContract} from '../support/help-desk-contract.js';
import {freshdeskOnFake} from './freshdesk-setup.js';

describe('Freshdesk provider against the fake Freshdesk', () => {
	describeHelpDeskContract('freshdesk', async () => {
		const {desk, fake} = await freshdeskOnFake({clock: createVirtualClock()});
		return {desk, cleanup: () => fake.close()};
	});
});
