import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe} from 'vitest';
import {createDemoHelpDesk} from '../../src/providers/demo/demo-help-desk.js';
import type {ProviderSetup} from '../../src/providers/help-desk.js';
import {describeHelpDeskContract} from '../support/help-desk-contract.js';

describe('demo provider', () => {
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
		return {desk: createDemoHelpDesk(setup), cleanup: async () => rmSync(dataDir, {recursive: true, force: true})};
	});
});
