import type {ProviderSetup} from '../../src/providers/help-desk.js';
import {createZammadHelpDesk, type ZammadOptions} from '../../src/providers/zammad/zammad-help-desk.js';
import {deskOnFake, fakeDeskSetup, fakeTimeouts} from '../support/desk-on-fake.js';
import type {VirtualClock} from '../support/fake-server.js';
import {type FakeZammad, type FakeZammadOptions, startFakeZammad} from '../support/fake-zammad.js';

export const zammadToken = 'zammad-contract-token';

export function zammadSetup(url: string, clock: VirtualClock, overrides: Partial<ProviderSetup> = {}): ProviderSetup {
	return fakeDeskSetup({name: 'zm', token: zammadToken}, url, clock, overrides);
}

/** Fake Zammad + a desk on it, sharing one virtual clock. */
export async function zammadOnFake(
	options: Partial<FakeZammadOptions> & {clock: VirtualClock},
	setup: Partial<ProviderSetup> = {},
	seams: ZammadOptions = {},
): Promise<{fake: FakeZammad; desk: ReturnType<typeof createZammadHelpDesk>; close: () => Promise<void>}> {
	const fake = await startFakeZammad({token: zammadToken, ...options});
	const desk = createZammadHelpDesk(zammadSetup(fake.url, options.clock, setup), {
		clock: options.clock,
		timeouts: fakeTimeouts,
		...seams,
	});
	return deskOnFake(fake, desk);
}
