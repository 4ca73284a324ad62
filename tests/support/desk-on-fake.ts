import type {ProviderSetup} from '../../src/providers/help-desk.js';
import type {VirtualClock} from './fake-server.js';

/** A ProviderSetup for a desk profile pointing at a fake on `url`, on the fake's virtual clock. */
export function fakeDeskSetup(
	profile: {readonly name: string; readonly token: string},
	url: string,
	clock: VirtualClock,
	overrides: Partial<ProviderSetup> = {},
): ProviderSetup {
	return {
		profileName: profile.name,
		baseUrl: url,
		email: null,
		user: null,
		token: profile.token,
		tokenSource: 'env',
		oauth: null,
		saveOAuth: () => {},
		dataDir: '/nonexistent',
		now: () => new Date(clock.now()),
		log: undefined,
		...overrides,
	};
}

/** Fast timeouts for desks on a local fake: a hang fails the test in seconds, not minutes. */
export const fakeTimeouts = {connectMs: 2000, readMs: 2000} as const;

/** A started fake and the desk on it, closed together. */
export function deskOnFake<Fake extends {close(): Promise<void>}, Desk extends {close(): Promise<void>}>(
	fake: Fake,
	desk: Desk,
): {fake: Fake; desk: Desk; close: () => Promise<void>} {
	return {
		fake,
		desk,
		close: async () => {
			await desk.close();
			await fake.close();
		},
	};
}

/** A ProviderSetup for the demo desk keeping demo.db in `dataDir` (a temp directory per test). */
export function demoSetup(dataDir: string, overrides: Partial<ProviderSetup> = {}): ProviderSetup {
	return {
		profileName: 'demo',
		baseUrl: null,
		email: 'you@demo.csr',
		user: null,
		token: null,
		tokenSource: null,
		oauth: null,
		saveOAuth: () => {},
		dataDir,
		now: () => new Date(),
		log: undefined,
		...overrides,
	};
}
