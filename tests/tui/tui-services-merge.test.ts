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
import {createMemoryHelpDesk} from '../support/memory-help-desk.js';

let home: string | undefined;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
	await close?.();
	close = undefined;
	if (home) rmSync(home, {recursive: true, force: true});
	home = undefined;
});

/** The TUI's services over the demo desk (seed 1), or over the desk given. */
async function services(overrides: Partial<Context> = {}) {
	home = mkdtempSync(join(tmpdir(), 'csr-tui-merge-'));
	const env = {HOME: home, CSR_CONFIG_DIR: join(home, 'config'), CSR_DATA_DIR: join(home, 'data')};
	const context: Context = {...createContext({env, io: createTestIo(), cwd: home}), ...overrides};
	await context.prepare();
	const profile = resolveProfile(context.config().read(), undefined, context.env);
	const made = createTuiServices(context, profile, sessionOf(context, profile));
	close = () => made.close();
	return {services: made, context, profile};
}

describe('the TUI services: m and w', () => {
	it('merge through services/merge.ts: the plan read first, done once, recorded; the same again does nothing', async () => {
		const {services: tui, context, profile} = await services();
		expect(await tui.cannot?.('merge')).toBeNull();
		const plan = await tui.planMerge?.({sourceIds: ['258'], targetId: '232', comment: 'Same customer'});
		expect(plan?.title).toBe('Merge #258 into #232? This cannot be undone.');
		expect(plan?.lines.join('\n')).toContain('#258 Inloggningen fungerar inte efter uppdatering');
		expect(plan?.lines.join('\n')).toContain('comment: Same customer');
		expect(await plan?.run()).toBe('Merged #258 into #232; closed with a note naming it.');
		const thread = await (await context.openHelpDesk(profile, {verbose: false})).getThread('258', context.signal);
		expect(thread.ticket.status).toBe('closed');
		const records = context.store().prepare("SELECT ticket_id, summary FROM records WHERE action = 'merge'").all();
		expect(records).toEqual([{ticket_id: '258', summary: 'merged into #232: Same customer'}]);
		const again = await tui.planMerge?.({sourceIds: ['258'], targetId: '232', comment: 'Same customer'});
		expect(again?.alreadyDone).toBe(true);
		expect(await again?.run()).toBe('#258 were already merged into #232; nothing done.');
	});

	it('forward through services/forward.ts with the note on top, once', async () => {
		const {services: tui} = await services();
		const plan = await tui.planForward?.({
			ticketId: '259',
			to: ['claims@carrier.example'],
			note: 'Please open a claim',
		});
		expect(plan?.title).toMatch(/^Forward #259 \(\d messages?\) to claims@carrier\.example\?$/);
		expect(plan?.lines[1]).toBe('Please open a claim');
		expect(await plan?.run()).toBe('Forwarded #259 to claims@carrier.example; noted on the ticket.');
		const again = await tui.planForward?.({
			ticketId: '259',
			to: ['claims@carrier.example'],
			note: 'Please open a claim',
		});
		expect(again?.alreadyDone).toBe(true);
	});

	it('forwards only the last public message when asked', async () => {
		const {services: tui} = await services();
		const whole = await tui.planForward?.({ticketId: '259', to: ['claims@carrier.example'], note: null});
		const last = await tui.planForward?.({
			ticketId: '259',
			to: ['claims@carrier.example'],
			note: null,
			lastOnly: true,
		});
		expect(whole?.title).not.toMatch(/\(1 message\)/);
		expect(last?.title).toBe('Forward #259 (1 message) to claims@carrier.example?');
	});

	it('say, naming the desk and the profile, that a desk cannot merge or forward', async () => {
		const desk = createMemoryHelpDesk([]);
		const {services: tui} = await services({openHelpDesk: async () => desk});
		expect(await tui.cannot?.('merge')).toBe(
			`The ${desk.providerName} desk (profile demo) cannot merge tickets from csr: merge them in the help desk itself.`,
		);
		await expect(tui.planForward?.({ticketId: '1', to: ['a@b.example'], note: null})).rejects.toThrow(
			`The ${desk.providerName} desk (profile demo) cannot forward tickets from csr`,
		);
	});
});
