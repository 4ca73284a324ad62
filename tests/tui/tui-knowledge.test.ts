import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {sessionOf} from '../../src/cli/run/tui.js';
import {createTuiServices} from '../../src/cli/run/tui-services.js';
import {resolveProfile} from '../../src/config/profiles.js';
import type {Context} from '../../src/context.js';
import {createTestIo} from '../../src/io/streams.js';
import {createContext} from '../../src/production.js';
import type {HelpDesk} from '../../src/providers/help-desk.js';
import {aTicket, createMemoryHelpDesk} from '../support/memory-help-desk.js';

let home: string;
afterEach(() => rmSync(home, {recursive: true, force: true}));

/** Real TUI services over a real context; the demo desk unless a desk is given. */
async function servicesFor(desk?: HelpDesk) {
	home = mkdtempSync(join(tmpdir(), 'csr-tui-kb-'));
	const env = {HOME: home, CSR_CONFIG_DIR: join(home, 'config'), CSR_DATA_DIR: join(home, 'data')};
	const base = createContext({env, io: createTestIo(), cwd: home});
	const context: Context = desk === undefined ? base : {...base, openHelpDesk: async () => desk};
	await context.prepare();
	const profile = resolveProfile(context.config().read(), undefined, context.env);
	return createTuiServices(context, profile, sessionOf(context, profile));
}

describe('the TUI services for knowledge', () => {
	it("suggest templates from the ticket's customer messages in the requester's language", async () => {
		const ticket = aTicket({
			id: '7',
			subject: 'Paket',
			requester: {id: 'u', name: 'Sven Ek', email: null, locale: 'sv-SE'},
		});
		const desk = createMemoryHelpDesk([ticket]);
		desk.threads.get('7')!.push({
			id: 'm1',
			author: {id: 'u', name: 'Sven Ek', email: null, role: 'customer'},
			public: true,
			channel: 'email',
			createdAt: '2026-11-01T10:00:00.000Z',
			text: 'Skorna är för små, kan jag byta till storlek 42?',
			attachments: [],
		});
		const services = await servicesFor(desk);
		try {
			const ranked = await services.suggestTemplates?.(ticket, new AbortController().signal);
			expect(ranked?.[0]).toBe('exchange');
		} finally {
			await services.close();
		}
	});

	it('search the demo help center for ctrl-k, in the reply language first', async () => {
		const services = await servicesFor();
		try {
			const articles = await services.searchArticles('retur', 'sv', new AbortController().signal);
			expect(articles?.[0]).toMatchObject({id: '203', locale: 'sv'});
		} finally {
			await services.close();
		}
	});
});
