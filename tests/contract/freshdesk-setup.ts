import {createFreshdeskHelpDesk, type FreshdeskOptions} from '../../src/providers/freshdesk/freshdesk-help-desk.js';
import type {ProviderSetup} from '../../src/providers/help-desk.js';
import {type FakeFreshdesk, type FakeFreshdeskOptions, startFakeFreshdesk} from '../support/fake-freshdesk.js';
import type {VirtualClock} from '../support/fake-server.js';

export const freshdeskKey = 'fd-api-key';

/** A ProviderSetup for a Freshdesk profile pointing at `url`, with the fake's API key. */
export function freshdeskSetup(
	url: string,
	clock: VirtualClock,
	overrides: Partial<ProviderSetup> = {},
): ProviderSetup {
	return {
		profileName: 'fd',
		baseUrl: url,
		email: null,
		user: null,
		token: freshdeskKey,
		tokenSource: 'env',
		oauth: null,
		saveOAuth: () => {},
		dataDir: '/nonexistent',
		now: () => new Date(clock.now()),
		log: undefined,
		...overrides,
	};
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
		timeouts: {connectMs: 2000, readMs: 2000},
		jobPollIntervalMs: 500,
		...seams,
	});
	return {
		fake,
		desk,
		close: async () => {
			await desk.close();
			await fake.close();
		},
	};
}
