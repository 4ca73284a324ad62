import {describe} from 'vitest';
import {createVirtualClock} from '../support/fake-server.js';
import {describeHelpDeskContract} from '../support/help-desk-contract.js';
import {zendeskOnFake} from './zendesk-setup.js';

describe('Zendesk provider against the fake Zendesk', () => {
	describeHelpDeskContract('zendesk', async () => {
		const {desk, fake} = await zendeskOnFake({clock: createVirtualClock()});
		return {desk, cleanup: () => fake.close()};
	});
});
