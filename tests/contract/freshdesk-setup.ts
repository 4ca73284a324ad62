import {createFreshdeskHelpDesk, type FreshdeskOptions} from '../../src/providers/freshdesk/freshdesk-help-desk.js';
import type {ProviderSetup} from '../../src/providers/help-desk.js';
import {deskOnFake, fakeDeskSetup, fakeTimeouts} from '../support/desk-on-fake.js';
import {type FakeFreshdesk, type FakeFreshdeskOptions, startFakeFreshdesk} from '../support/fake-freshdesk.js';
import type {VirtualClock} from '../support/fake-server.js';

export const freshdeskKey = 'fd-api-key';

/** A ProviderSetup for a Freshdesk profile pointing at `url`, with the fake's API key. */
export function freshdeskSetup(
	url: string,
	clock: VirtualClock,
	overrides: Partial<ProviderSetup> = {},
): ProviderSetup {
	return fakeDeskSetup({name: 'fd', token: freshdeskKey}, url, clock, overrides);
}

/** Fake Freshdesk + a desk on it, sharing one virtual clock (instant, measurable waits). */
export async function freshdeskOnFake(
	options: Partial<FakeFreshdeskOptions> & {clock: VirtualClock},
	setup: Partial<ProviderSetup> = {},
	seams: FreshdeskOptions = {},
): Promise<{fake: FakeFreshdesk; desk: ReturnType<typeof createFreshdeskHelpDesk>; close: () => Promise<void>}> {
	const fake = await startFakeFreshdesk({apiKey: freshdeskKey, ...options});
	const desk = createFreshdeskHelpDesk(freshdeskSetup(fake.url, options.clock, setup), {
		clock: options.clock,
		timeouts: fakeTimeouts,
		jobPollIntervalMs: 500,
		...seams,
	});
	return deskOnFake(fake, desk);
}
