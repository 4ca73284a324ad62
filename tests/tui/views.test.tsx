import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {runQueue} from '../../src/cli/run/queue.js';
import {sessionOf} from '../../src/cli/run/tui.js';
import {createTuiServices} from '../../src/cli/run/tui-services.js';
import {resolveProfile} from '../../src/config/profiles.js';
import type {Context} from '../../src/context.js';
import {createTestIo} from '../../src/io/streams.js';
import {createContext} from '../../src/production.js';
import {listSavedViews} from '../../src/store/views.js';
import {Workstation} from '../../src/tui/screens/workstation.js';
import type {TuiServices} from '../../src/tui/services.js';
import {aTicket, createMemoryHelpDesk} from '../support/memory-help-desk.js';
import {keys, renderWithServices, testSession} from '../support/tui.js';

const now = new Date('2026-11-20T12:00:00Z');
const tickets = [
	aTicket({id: '21', status: 'open', updatedAt: '2026-11-20T11:00:00Z'}),
	aTicket({id: '22', status: 'pending', updatedAt: '2026-11-19T11:00:00Z'}),
	aTicket({id: '23', status: 'pending', updatedAt: '2026-11-10T11:00:00Z'}),
	aTicket({id: '24', status: 'open', slaDueAt: '2026-11-20T10:00:00Z', updatedAt: '2026-11-20T11:00:00Z'}),
];

let home: string | undefined;
afterEach(() => {
	cleanup();
	if (home) rmSync(home, {recursive: true, force: true});
	home = undefined;
});

async function setup() {
	const desk = createMemoryHelpDesk(tickets.map((ticket) => ({...ticket})));
	home = mkdtempSync(join(tmpdir(), 'csr-tui-views-'));
	const env = {HOME: home, CSR_CONFIG_DIR: join(home, 'config'), CSR_DATA_DIR: join(home, 'data')};
	const base = createContext({env, io: createTestIo(), cwd: home, now: () => new Date(now)});
	const context: Context = {...base, openHelpDesk: async () => desk};
	await context.prepare();
	const profile = resolveProfile(context.config().read(), undefined, context.env);
	const {close: _close, ...services} = createTuiServices(context, profile, {
		...sessionOf(context, profile),
		refreshSeconds: 0,
	});
	const screen = renderWithServices(<Workstation width={110} height={24} onQuit={() => {}} />, services as TuiServices);
	await screen.waitForFrame((frame) => frame.includes('#24'));
	return {context, profile, screen};
}

type Screen = Awaited<ReturnType<typeof setup>>['screen'];

/** Types as a person does, each key after the frame of the one before (the text so far on screen). */
async function typeSeen(screen: Screen, text: string) {
	for (let end = 1; end <= text.length; end++) {
		await screen.type(text.slice(end - 1, end));
		await screen.waitForFrame((frame) => frame.includes(text.slice(0, end)));
	}
}

describe('views', () => {
	it('save the current filter under a name, list every view with its count, and delete a saved one', async () => {
		const {context, profile, screen} = await setup();
		await screen.press('/');
		await typeSeen(screen, 'status:pending');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Queue · 2') && !frame.includes('#21'));
		await screen.press('V');
		// Built-in views with their counts: the local ones (SLA breached, idle) counted on the loaded list.
		const listed = await screen.waitForFrame(
			(frame) =>
				/SLA breached\s+1 /.test(frame) && /pending over 3 days\s+1 /.test(frame) && /unassigned\s+4 /.test(frame),
		);
		expect(listed).toContain('Filter now: status:pending');
		await screen.press('s');
		await screen.waitForFrame((frame) => frame.includes('Save the filter "status:pending" as the view named'));
		await typeSeen(screen, 'waiting');
		await screen.press(keys.enter);
		const saved = await screen.waitForFrame((frame) => /waiting\s+2 /.test(frame));
		expect(saved).toContain('(saved)');
		expect(listSavedViews(context.store(), profile.name)).toEqual([{name: 'waiting', filter: 'status:pending'}]);

		// Built-in views cannot be deleted; a saved one goes after a second d.
		await screen.press('d');
		await screen.waitForFrame((frame) => frame.includes('is built in and cannot be deleted'));
		await screen.press(keys.down, keys.down, keys.down, keys.down, 'd');
		await screen.waitForFrame((frame) => frame.includes('d again deletes the view "waiting"'));
		await screen.press('d');
		await screen.waitForFrame((frame) => frame.includes('Deleted the view "waiting"') && !/waiting\s+2 /.test(frame));
		expect(listSavedViews(context.store(), profile.name)).toEqual([]);
	});

	it('apply a view from the list with enter, and step to a saved one with v', async () => {
		const {screen} = await setup();
		await screen.press('/');
		await typeSeen(screen, 'status:pending');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Queue · 2'));
		await screen.press('V');
		await screen.waitForFrame((frame) => frame.includes('Views'));
		await screen.press('s');
		await screen.waitForFrame((frame) => frame.includes('as the view named'));
		await typeSeen(screen, 'waiting');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => /waiting\s+2 /.test(frame));
		await screen.press(keys.down, keys.down, keys.enter);
		const breached = await screen.waitForFrame(
			(frame) => frame.includes('SLA breached') && frame.includes('Queue · 1'),
		);
		expect(breached).toContain('#24');
		await screen.press('v', 'v');
		const waiting = await screen.waitForFrame((frame) => frame.includes('waiting') && frame.includes('Queue · 2'));
		expect(waiting).toContain('#23');
	});

	it('are one store with csr queue: saved in the TUI, listed by --view; saved by --save-view, listed under V', async () => {
		const {context, screen} = await setup();
		await screen.press('/');
		await typeSeen(screen, 'status:pending idle:3d');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Queue · 1'));
		await screen.press('V', 's');
		await screen.waitForFrame((frame) => frame.includes('as the view named'));
		await typeSeen(screen, 'stale');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => /stale\s+1 /.test(frame));

		// The CLI runs the TUI's view, its local part (idle:3d) included: #23 only, not #22 (pending one day).
		const io = createTestIo();
		await runQueue({view: 'stale', ids: true}, {}, {...context, io});
		expect(io.stdoutText()).toBe('23\n');

		// Saved from the CLI (a view and flags over it), the TUI lists it with its count.
		const saving = createTestIo();
		await runQueue(
			{view: 'SLA breached', status: 'open', saveView: 'late open', ids: true},
			{},
			{...context, io: saving},
		);
		expect(saving.stdoutText()).toBe('24\n');
		expect(saving.stderrText()).toContain('Saved the view "late open": status:open sla:breached');
		await screen.press(keys.escape);
		await screen.waitForFrame((frame) => !frame.includes('Views'));
		await screen.press('V');
		await screen.waitForFrame((frame) => /late open\s+1 /.test(frame));
		// A built-in name is refused, as in the TUI.
		await expect(
			runQueue({status: 'open', saveView: 'unassigned'}, {}, {...context, io: createTestIo()}),
		).rejects.toThrow('"unassigned" is a built-in or config view');
	});

	it('list every view even when one cannot be counted, saying why on its line', async () => {
		const screen = renderWithServices(<Workstation width={110} height={24} onQuit={() => {}} />, {
			session: {...testSession, views: [{name: 'vip', filter: 'tag:vip'}]},
			listQueue: async (query) => {
				if (query.tags?.includes('vip')) throw new Error('the desk timed out');
				return {tickets: [aTicket({id: '31'})], hasMore: false, totalCount: 7, cap: null};
			},
		});
		await screen.waitForFrame((frame) => frame.includes('#31'));
		await screen.press('V');
		const frame = await screen.waitForFrame((text) => text.includes('not counted: the desk timed out'));
		expect(frame).toMatch(/my open\s+7 /);
		expect(frame).toMatch(/vip\s+– /);
		expect(frame).toContain('(config)');
	});
});
