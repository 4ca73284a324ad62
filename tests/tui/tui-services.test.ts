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
import {selectRecords} from '../../src/store/records.js';
import {messagePlan} from '../../src/tui/plans.js';
import {aTicket, createMemoryHelpDesk} from '../support/memory-help-desk.js';

const now = new Date('2026-11-20T12:00:00Z');
const swede = aTicket({
	id: '7',
	updatedAt: '2026-11-20T11:00:00.000Z',
	requester: {id: 'u7', name: 'Sven Ek', email: 'sven@example.se', locale: 'sv-SE'},
});

let context: Context;
let home: string;
afterEach(() => rmSync(home, {recursive: true, force: true}));

/** A real context (temp config and data directories, real store and templates) over an in-memory desk. */
async function setup(tickets = [swede]) {
	const desk = createMemoryHelpDesk(tickets);
	home = mkdtempSync(join(tmpdir(), 'csr-tui-'));
	const env = {HOME: home, CSR_CONFIG_DIR: join(home, 'config'), CSR_DATA_DIR: join(home, 'data')};
	const base = createContext({env, io: createTestIo(), cwd: home, now: () => new Date(now)});
	context = {...base, openHelpDesk: async () => desk};
	await context.prepare();
	const profile = resolveProfile(context.config().read(), undefined, context.env);
	return {desk, services: createTuiServices(context, profile, sessionOf(context, profile))};
}

describe('the TUI services', () => {
	it('render a built-in template in the requester’s language', async () => {
		const {services} = await setup();
		const render = await services.renderTemplate('delivery-delay', swede, {locale: null, vars: {}});
		expect(render).toMatchObject({kind: 'rendered', locale: 'sv', changes: {status: 'pending'}});
		expect(render.kind === 'rendered' && render.body).toContain('Hej Sven!');
	});

	it('name every missing variable at once and show where each goes', async () => {
		const {services} = await setup();
		const render = await services.renderTemplate('refund-confirmation', swede, {locale: 'en', vars: {}});
		expect(render).toMatchObject({kind: 'missing', locale: 'en', missing: ['order_id', 'amount']});
		expect(render.kind === 'missing' && render.preview).toContain('«amount» for order «order_id»');
		const filled = await services.renderTemplate('refund-confirmation', swede, {
			locale: 'en',
			vars: {order_id: 'A-1', amount: 'EUR 10'},
		});
		expect(filled.kind).toBe('rendered');
	});

	it('list templates with titles and languages', async () => {
		const {services} = await setup();
		const list = await services.listTemplates();
		expect(list.find((template) => template.name === 'delivery-delay')).toMatchObject({
			title: 'Delivery delay',
			internal: false,
			locales: ['da', 'de', 'en', 'nb', 'sv'],
		});
	});

	it('send through the journal and record the handle time', async () => {
		const {services, desk} = await setup();
		const plan = messagePlan({
			ticket: swede,
			isPublic: true,
			body: 'Hej Sven!',
			template: 'delivery-delay',
			changes: {status: 'pending'},
			durationSec: 95,
		});
		expect(await services.sendMessage(plan)).toMatchObject({ticketId: '7', result: 'sent'});
		expect(await services.sendMessage(plan)).toMatchObject({result: 'skipped', reason: 'already sent'});
		expect(desk.sent).toHaveLength(1);
		const [record] = selectRecords(context.store(), {ticketId: '7'});
		expect(record).toMatchObject({action: 'reply', template: 'delivery-delay', durationSec: 95, status: 'pending'});
		expect(await services.statusCounts()).toEqual({dueFollowUps: 0, outbox: 0, repliesToday: 1});
	});

	it('refuse a send when the ticket changed since it was read, naming the new message', async () => {
		const {services, desk} = await setup();
		await desk.sendMessage('7', {body: 'Hallå?', public: true}, {});
		const stale = messagePlan({
			ticket: swede,
			isPublic: true,
			body: 'Hej!',
			template: null,
			changes: undefined,
			durationSec: 5,
		});
		const result = await services.sendMessage(stale);
		expect(result.result).toBe('failed');
		expect(result.reason).toContain('changed since it was read');
		expect(selectRecords(context.store(), {ticketId: '7'})).toEqual([]);
	});

	it('record updates with the handle time, and keep drafts until discarded', async () => {
		const {services} = await setup();
		const [result] = await services.updateTickets(['7'], {status: 'solved'}, 'status', 42);
		expect(result).toMatchObject({ticketId: '7', result: 'sent'});
		expect(selectRecords(context.store(), {ticketId: '7'})[0]).toMatchObject({action: 'status', durationSec: 42});
		await services.saveDraft({ticketId: '7', isPublic: false, body: 'note to self', template: null});
		expect(await services.loadDraft('7')).toMatchObject({isPublic: false, body: 'note to self'});
		expect((await services.listDrafts()).map((draft) => draft.ticketId)).toEqual(['7']);
		await services.discardDraft('7');
		expect(await services.loadDraft('7')).toBeNull();
	});

	it('add follow-ups that the status bar counts when due today', async () => {
		const {services} = await setup();
		await services.addFollowUp({ticket: swede, dueAt: '2026-11-20T15:00:00.000Z', note: 'call back'});
		await services.addFollowUp({ticket: swede, dueAt: '2026-11-25T15:00:00.000Z', note: null});
		expect((await services.statusCounts()).dueFollowUps).toBe(1);
	});

	it("look up a ticket's customer for c: only their tickets, their follow-ups, the rest best effort", async () => {
		const other = aTicket({id: '8', requester: {id: 'u8', name: 'Bo', email: 'bo@example.se', locale: 'sv'}});
		const solved = aTicket({id: '3', status: 'solved', requester: swede.requester, createdAt: '2026-11-01T00:00:00Z'});
		const {services} = await setup([swede, other, solved]);
		await services.addFollowUp({ticket: swede, dueAt: '2026-11-25T15:00:00.000Z', note: 'call back'});
		const overview = await services.lookUpCustomer?.(swede, new AbortController().signal);
		expect(overview?.customer).toMatchObject({name: 'Sven Ek', email: 'sven@example.se'});
		expect(overview?.tickets.map((ticket) => ticket.id)).toEqual(['7', '3']);
		expect(overview?.followUps?.map((followUp) => followUp.note)).toEqual(['call back']);
		expect(overview?.notVisible).toEqual([]);
	});
});
