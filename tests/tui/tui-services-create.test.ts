import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {sessionOf} from '../../src/cli/run/tui.js';
import {createTuiServices} from '../../src/cli/run/tui-services.js';
import {resolveProfile} from '../../src/config/profiles.js';
import {createTestIo} from '../../src/io/streams.js';
import {createContext} from '../../src/production.js';
import type {HelpDesk} from '../../src/providers/help-desk.js';
import {createZendeskHelpDesk} from '../../src/providers/zendesk/zendesk-help-desk.js';
import {startFakeZendesk} from '../contract/fake-zendesk.js';
import {zendeskSetup} from '../contract/zendesk-setup.js';
import {createVirtualClock} from '../support/fake-server.js';
import {createMemoryHelpDesk} from '../support/memory-help-desk.js';

let home: string;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
	await close?.();
	close = undefined;
	rmSync(home, {recursive: true, force: true});
});

async function servicesOver(desk: HelpDesk) {
	home = mkdtempSync(join(tmpdir(), 'csr-tui-create-'));
	const env = {HOME: home, CSR_CONFIG_DIR: join(home, 'config'), CSR_DATA_DIR: join(home, 'data')};
	const base = createContext({env, io: createTestIo(), cwd: home});
	const context = {...base, openHelpDesk: async () => desk};
	await context.prepare();
	const profile = resolveProfile(context.config().read(), undefined, context.env);
	return createTuiServices(context, profile, sessionOf(context, profile));
}

const input = {email: 'nell@example.net', name: null, subject: 'Your replacement', body: 'Hi Nell.'};

describe('the TUI services: N', () => {
	it('open the ticket once through the journal; confirming the same again opens nothing twice', async () => {
		const clock = createVirtualClock();
		const fake = await startFakeZendesk({clock, tickets: 2});
		const desk = createZendeskHelpDesk(zendeskSetup(fake.url, clock), {clock});
		close = async () => {
			await desk.close();
			await fake.close();
		};
		const services = await servicesOver(desk);
		const first = await services.createTicket?.(input);
		expect(first?.result).toBe('sent');
		const again = await services.createTicket?.(input);
		expect(again).toMatchObject({ticketId: first?.ticketId, result: 'skipped'});
		const made = [...fake.tickets.values()].filter(
			(ticket) => fake.users.get(ticket.requester_id)?.email === 'nell@example.net',
		);
		expect(made.map((ticket) => String(ticket.id))).toEqual([first?.ticketId]);
		expect(fake.comments.get(made[0]?.id ?? 0)?.map((comment) => [comment.public, comment.body])).toEqual([
			[true, 'Hi Nell.'],
		]);
	});

	it('say in csr words that a desk cannot open tickets', async () => {
		const services = await servicesOver({...createMemoryHelpDesk([]), providerName: 'helpscout'});
		await expect(services.createTicket?.(input)).rejects.toThrow('csr cannot open new tickets on Help Scout');
	});
});
