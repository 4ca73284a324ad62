import {describe} from 'vitest';
import {createVirtualClock} from '../support/fake-server.js';
import {describeHelpDeskContract} from '../support/help-desk-contract.js';
import {zammadOnFake} from './zammad-setup.js';

describe('Zammad provider against the fake Zammad', () => {
	describeHelpDeskContract('zammad', async () => {
		const {desk, fake} = await zammadOnFake({clock: createVirtualClock()});
		return {desk, cleanup: () => fake.close()};
	});
});
