import type {ProviderSetup} from '../../src/providers/help-desk.js';
import {createHelpScoutHelpDesk, type HelpScoutOptions} from '../../src/providers/helpscout/helpscout-help-desk.js';
import {deskOnFake, fakeDeskSetup, fakeTimeouts} from '../support/desk-on-fake.js';
import {type FakeHelpScout, type FakeHelpScoutOptions, startFakeHelpScout} from '../support/fake-helpscout.js';
import type {VirtualClock} from '../support/fake-server.js';

export const helpScoutClient = {id: 'hs-contract-client', secret: 'hs-contract-secret-0042'};

export function helpScoutSetup(
	url: string,
	clock: VirtualClock,
	overrides: Partial<ProviderSetup> = {},
): ProviderSetup {
	const token = `${helpScoutClient.id}:${helpScoutClient.secret}`;
	return fakeDeskSetup({name: 'hs', token}, url, clock, overrides);
}

/** Fake Help Scout + a desk on it, sharing one virtual clock. */
export async function helpScoutOnFake(
	options: Partial<FakeHelpScoutOptions> & {clock: VirtualClock},
	setup: Partial<ProviderSetup> = {},
	seams: HelpScoutOptions = {},
): Promise<{fake: FakeHelpScout; desk: ReturnType<typeof createHelpScoutHelpDesk>; close: () => Promise<void>}> {
	const fake = await startFakeHelpScout({
		clientId: helpScoutClient.id,
		clientSecret: helpScoutClient.secret,
		...options,
	});
	const desk = createHelpScoutHelpDesk(helpScoutSetup(fake.url, options.clock, setup), {
		clock: options.clock,
		timeouts: fakeTimeouts,
		...seams,
	});
	return deskOnFake(fake, desk);
}
