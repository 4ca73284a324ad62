import type {ProviderSetup} from '../../src/providers/help-desk.js';
import type {ZendeskOptions} from '../../src/providers/zendesk/api.js';
import {createZendeskHelpDesk} from '../../src/providers/zendesk/zendesk-help-desk.js';
import {deskOnFake, fakeDeskSetup, fakeTimeouts} from '../support/desk-on-fake.js';
import type {VirtualClock} from '../support/fake-server.js';
import {type FakeZendesk, type FakeZendeskOptions, startFakeZendesk} from './fake-zendesk.js';

/** A ProviderSetup for a Zendesk profile pointing at `url`; bearer token "good-token" unless overridden. */
export function zendeskSetup(url: string, clock: VirtualClock, overrides: Partial<ProviderSetup> = {}): ProviderSetup {
	return fakeDeskSetup({name: 'work', token: 'good-token'}, url, clock, overrides);
}

/** Fake Zendesk + a desk on it, sharing one virtual clock (instant, measurable waits). */
export async function zendeskOnFake(
	options: Partial<FakeZendeskOptions> & {clock: VirtualClock},
	setup: Partial<ProviderSetup> = {},
	seams: ZendeskOptions = {},
): Promise<{fake: FakeZendesk; desk: ReturnType<typeof createZendeskHelpDesk>; close: () => Promise<void>}> {
	const fake = await startFakeZendesk(options);
	const desk = createZendeskHelpDesk(zendeskSetup(fake.url, options.clock, setup), {
		clock: options.clock,
		timeouts: fakeTimeouts,
		jobPollIntervalMs: 500,
		...seams,
	});
	return deskOnFake(fake, desk);
}
