import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {sessionOf} from '../../src/cli/run/tui.js';
import {createTuiServices} from '../../src/cli/run/tui-services.js';
import {resolveProfile} from '../../src/config/profiles.js';
import type {Context} from '../../src/context.js';
import type {Ticket} from '../../src/domain/ticket.js';
import {ProviderError} from '../../src/errors.js';
import {createTestIo} from '../../src/io/streams.js';
import {createContext} from '../../src/production.js';
import {Workstation} from '../../src/tui/screens/workstation.js';
import type {TuiServices} from '../../src/tui/services.js';
import {aTicket, createMemoryHelpDesk} from '../support/memory-help-desk.js';
import {keys, renderWithServices} from '../support/tui.js';

const now = new Date('2026-11-20T12:00:00Z');
const english = (id: string, name: string) =>
	aTicket({
		id,
		subject: `Parcel ${id}`,
		updatedAt: '2026-11-20T11:00:00.000Z',
		requester: {id: `u${id}`, name, email: `${name.toLowerCase()}@example.com`, locale: 'en-GB'},
	});
const tickets: Ticket[] = [
	english('11', 'Amy'),
	aTicket({
		id: '12',
		subject: 'Paket 12',
		updatedAt: '2026-11-20T11:00:00.000Z',
		requester: {id: 'u12', name: 'Sven Ek', email: 'sven@example.se', locale: 'sv-SE'},
	}),
	english('13', 'Bob'),
	english('14', 'Cleo'),
];

let home: string;
afterEach(() => {
	cleanup();
	rmSync(home, {recursive: true, force: true});
});

/** The TUI on real services (templates, journal, outbox, store in temp dirs) over an in-memory desk. */
async function setup(
	options: {failWrites?: () => Error | undefined; wrap?: (services: TuiServices) => TuiServices} = {},
) {
	const desk = createMemoryHelpDesk(
		tickets.map((ticket) => ({...ticket})),
		options,
	);
	home = mkdtempSync(join(tmpdir(), 'csr-tui-bulk-'));
	const env = {HOME: home, CSR_CONFIG_DIR: join(home, 'config'), CSR_DATA_DIR: join(home, 'data')};
	const base = createContext({env, io: createTestIo(), cwd: home, now: () => new Date(now)});
	const context: Context = {...base, openHelpDesk: async () => desk};
	await context.prepare();
	const profile = resolveProfile(context.config().read(), undefined, context.env);
	const {close: _close, ...services} = createTuiServices(context, profile, {
		...sessionOf(context, profile),
		refreshSeconds: 0,
	});
	const wrapped = (options.wrap ?? ((same) => same))(services as TuiServices);
	const screen = renderWithServices(<Workstation width={110} height={30} onQuit={() => {}} />, wrapped);
	await screen.waitForFrame((frame) => frame.includes('#14'));
	return {desk, context, screen};
}

/** Selects the first three tickets (space selects and moves down), then `r` with the delivery template. */
async function replyToFirstThree(screen: Awaited<ReturnType<typeof setup>>['screen']) {
	await screen.press(keys.space, keys.space, keys.space);
	await screen.waitForFrame((frame) => frame.includes('3 selected'));
	await screen.press('r');
	await screen.waitForFrame((frame) => frame.includes('Reply to the 3 selected: pick a template'));
	// Each key after the frame of the one before, as a person types.
	const word = 'delivery';
	for (let end = 1; end <= word.length; end++) {
		await screen.type(word.slice(end - 1, end));
		await screen.waitForFrame((frame) => frame.includes(`search: ${word.slice(0, end)}`));
	}
	await screen.waitForFrame((frame) => frame.includes('› delivery-delay'));
	await screen.press(keys.enter);
	return screen.waitForFrame((frame) => frame.includes('Preview: 3 replies'));
}

const journal = (context: Context) =>
	context
		.store()
		.prepare('SELECT run_id, ticket_id, state FROM run_items ORDER BY run_id, position')
		.all()
		.map((row) => ({run: String(row['run_id']), ticket: String(row['ticket_id']), state: String(row['state'])}));

describe('selection means selection', () => {
	it('replies to every selected ticket in its customer’s language, one journal entry each, and never twice', async () => {
		const {desk, context, screen} = await setup();
		const preview = await replyToFirstThree(screen);
		expect(preview).toContain('#11 Parcel 11');
		expect(preview).toContain('#11 · in en · status → pending on send');
		// Step to the Swedish customer: the preview is that ticket's message, in Swedish.
		await screen.press(keys.down);
		const swedish = await screen.waitForFrame((frame) => frame.includes('#12 · in sv'));
		expect(swedish).toContain('Hej Sven');
		await screen.press(keys.enter);
		const confirm = await screen.waitForFrame((frame) => frame.includes('Send 3 replies?'));
		expect(confirm).toContain('To #11, #12, #13');
		expect(confirm).toContain('en 2, sv 1');
		expect(desk.sent).toHaveLength(0);
		await screen.press('y');
		const done = await screen.waitForFrame((frame) => frame.includes('Replies: 3 sent.'));
		expect(done).not.toContain('selected');
		expect(desk.sent.map((item) => item.ticketId).sort()).toEqual(['11', '12', '13']);
		expect(desk.sent.find((item) => item.ticketId === '12')?.message.body).toContain('Hej Sven');
		const first = journal(context);
		expect(first.map((item) => item.ticket)).toEqual(['11', '12', '13']);
		expect(new Set(first.map((item) => item.run)).size).toBe(1);
		expect(first.every((item) => item.state === 'sent')).toBe(true);

		// The same reply to the same tickets again: the journal knows, nothing reaches the desk twice.
		await screen.press('g');
		await screen.press(keys.escape, 'k', 'k', 'k', 'k', 'k');
		await replyToFirstThree(screen);
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Send 3 replies?'));
		await screen.press('y');
		const again = await screen.waitForFrame((frame) => frame.includes('Replies: 0 sent'));
		expect(again).toContain('3 had it already, not sent again');
		expect(desk.sent).toHaveLength(3);
	});

	it('keeps what the desk could not take in the outbox and says so in the summary', async () => {
		let writes = 0;
		const {desk, screen, context} = await setup({
			failWrites: () =>
				++writes === 2 ? new ProviderError('desk unavailable', {kind: 'temporary', status: 503}) : undefined,
		});
		await replyToFirstThree(screen);
		await screen.press(keys.enter, 'y');
		const done = await screen.waitForFrame((frame) => frame.includes('Replies: 2 sent'));
		expect(done).toContain('1 kept in the outbox');
		expect(desk.sent).toHaveLength(2);
		expect(context.store().prepare('SELECT count(*) AS n FROM outbox').get()?.['n']).toBe(1);
	});

	it('shows how far the run got while it sends', async () => {
		let release: () => void = () => {};
		const gate = new Promise<void>((resolve) => {
			release = resolve;
		});
		const {screen} = await setup({
			wrap: (services) => ({
				...services,
				// The first result lands, then the desk is slow: the screen says how far it got.
				sendBulk: async (plans, onResult) => {
					onResult({ticketId: plans[0]?.ticketId ?? '', result: 'sent'}, 1);
					await gate;
					return services.sendBulk(plans, onResult);
				},
			}),
		});
		await replyToFirstThree(screen);
		await screen.press(keys.enter, 'y');
		await screen.waitForFrame((frame) => frame.includes('Sending 1 of 3…'));
		release();
		await screen.waitForFrame((frame) => frame.includes('Replies: 3 sent.'));
	});

	it('notes, escalations and follow-ups go to every selected ticket after a confirmation naming the count', async () => {
		const {desk, screen, context} = await setup();
		await screen.press(keys.space, keys.space);
		await screen.press('e');
		await screen.waitForFrame((frame) => frame.includes('Escalate the 2 selected (#11, #12) to'));
		await screen.press(keys.enter);
		await screen.type('needs a second look');
		await screen.press(keys.enter, keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Escalate 2 tickets?'));
		await screen.press('y');
		await screen.waitForFrame((frame) => frame.includes('Escalations: 2 sent.'));
		expect(desk.sent.map((item) => [item.ticketId, item.message.public])).toEqual([
			['11', false],
			['12', false],
		]);
		await screen.press(keys.space, keys.space);
		await screen.press('f');
		await screen.waitForFrame((frame) => frame.includes('Follow up on the 2 selected when?'));
		await screen.type('2d');
		await screen.press(keys.enter, keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Add 2 follow-ups?'));
		await screen.press('y');
		await screen.waitForFrame((frame) => frame.includes('Follow-ups on'));
		expect(context.store().prepare('SELECT count(*) AS n FROM followups').get()?.['n']).toBe(2);
	});
});
