import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {lazyServices, sessionOf} from '../../src/cli/run/tui.js';
import {createTuiServices} from '../../src/cli/run/tui-services.js';
import {resolveProfile} from '../../src/config/profiles.js';
import {createTestIo} from '../../src/io/streams.js';
import {createContext} from '../../src/production.js';
import {createMemoryHelpDesk} from '../support/memory-help-desk.js';

let home = '';
afterEach(() => rmSync(home, {recursive: true, force: true}));

describe('the TUI’s first-frame services', () => {
	it('forward every service the real implementation offers (a pane never finds one missing)', async () => {
		home = mkdtempSync(join(tmpdir(), 'csr-lazy-'));
		const env = {HOME: home, CSR_CONFIG_DIR: join(home, 'config'), CSR_DATA_DIR: join(home, 'data')};
		const base = createContext({env, io: createTestIo(), cwd: home});
		const context = {...base, openHelpDesk: async () => createMemoryHelpDesk([])};
		await context.prepare();
		const profile = resolveProfile(context.config().read(), undefined, context.env);
		const real = createTuiServices(context, profile, sessionOf(context, profile));
		const lazy = lazyServices(real.session, real.now, context.openHelpDesk(), Promise.resolve(real), () => {});
		const functions = (services: object) =>
			Object.entries(services)
				.filter(([, value]) => typeof value === 'function')
				.map(([name]) => name)
				.sort();
		expect(functions(lazy)).toEqual(functions(real));
		expect(await lazy.listFeedback?.(new AbortController().signal)).toEqual(
			await real.listFeedback?.(new AbortController().signal),
		);
		await real.close();
	});
});
