import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe} from 'vitest';
import type {HelpDesk, ProviderSetup} from '../../src/providers/help-desk.js';
import {describeHelpDeskContract} from '../support/help-desk-contract.js';

// The demo desk is written in parallel; this suite runs as soon as src/providers/demo/demo-help-desk.ts exists.
const modulePath = '../../src/providers/demo/demo-help-desk.js';
const demo = (await import(/* @vite-ignore */ modulePath).catch((error: unknown) => {
	// Only "not written yet" skips the suite; a demo desk that fails to load is a failure.
	if (
		String(error).includes('demo-help-desk') &&
		/Cannot find module|Failed to load|ERR_MODULE_NOT_FOUND/.test(String(error))
	) {
		return null;
	}
	throw error;
})) as {createDemoHelpDesk: (setup: ProviderSetup) => HelpDesk | Promise<HelpDesk>} | null;

describe.skipIf(demo === null)('demo provider', () => {
	describeHelpDeskContract('demo', async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'csr-demo-contract-'));
		const setup: ProviderSetup = {
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
		};
		const desk = await (demo as NonNullable<typeof demo>).createDemoHelpDesk(setup);
		return {desk, cleanup: async () => rmSync(dataDir, {recursive: true, force: true})};
	});
});
