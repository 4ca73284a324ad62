import {describe} from 'vitest';
import {createVirtualClock} from '../support/fake-server.js';
import {describeHelpDeskContract} from '../support/help-desk-contract.js';
import {helpScoutOnFake} from './helpscout-setup.js';

describe('Help Scout provider against the fake Help Scout', () => {
	describeHelpDeskContract('helpscout', async () => {
		const {desk, fake} = await helpScoutOnFake({clock: createVirtualClock()});
		return {desk, cleanup: () => fake.close()};
	});
});
