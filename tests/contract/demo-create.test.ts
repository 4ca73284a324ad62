import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {createDemoHelpDesk, type DemoHelpDesk} from '../../src/providers/demo/demo-help-desk.js';
import {type HelpDesk, hasTicketCreation, type NewTicket} from '../../src/providers/help-desk.js';
import {hashIntent, type PlannedWrite} from '../../src/services/delivery.js';
import {deliverNew} from '../../src/services/new-tickets.js';
import {openDatabase} from '../../src/store/database.js';
import {findDelivery, markSending} from '../../src/store/journal.js';
import {describeTicketCreationContract} from '../support/creation-contract.js';
import {demoSetup} from '../support/desk-on-fake.js';

let dataDir: string;
let desk: DemoHelpDesk;
afterEach(async () => {
	await desk.close();
	rmSync(dataDir, {recursive: true, force: true});
});

function open(): DemoHelpDesk {
	dataDir = mkdtempSync(join(tmpdir(), 'csr-demo-create-'));
	desk = createDemoHelpDesk(demoSetup(dataDir));
	return desk;
}

const spec: NewTicket = {
	requester: {email: 'Dee@Example.com', name: 'Dee Dee'},
	subject: 'Your renewal',
	body: 'Hi Dee, your renewal is due.',
	channel: 'phone',
	tags: ['Renewal'],
	group: 'Billing',
	assignee: 'me',
};

async function ticketsOf(help: HelpDesk, email: string) {
	const page = await help.listTickets({
		statuses: ['new', 'open', 'pending', 'on-hold', 'solved', 'closed'],
		assignee: 'any',
		requester: email,
		sort: 'created',
		limit: 100,
	});
	return page.tickets;
}

describe('demo desk: new tickets', () => {
	it('opens a ticket with the requester, the first public message and the fields asked for', async () => {
		const help = open();
		expect(hasTicketCreation(help)).toBe(true);
		const created = await help.createTicket(spec, {idempotencyKey: 'k1'});
		expect(created.ticket).toMatchObject({
			subject: 'Your renewal',
			status: 'open',
			channel: 'phone',
			tags: ['renewal'],
			group: {name: 'Billing'},
			assignee: {email: 'you@demo.csr'},
			requester: {email: 'Dee@Example.com', name: 'Dee Dee'},
		});
		const thread = await help.getThread(created.ticket.id);
		expect(thread.messages).toHaveLength(1);
		expect(thread.messages[0]).toMatchObject({
			public: true,
			text: 'Hi Dee, your renewal is due.',
			id: created.messageId,
		});
		expect((await ticketsOf(help, 'dee@example.com')).map((ticket) => ticket.id)).toEqual([created.ticket.id]);
	});

	it('returns the same ticket for the same idempotency key, and finds it by key after a crash', async () => {
		const help = open();
		const first = await help.createTicket(spec, {idempotencyKey: 'k2'});
		const again = await help.createTicket(spec, {idempotencyKey: 'k2'});
		expect(again.ticket.id).toBe(first.ticket.id);
		expect(await help.findCreatedTicket('dee@example.com', 'k2')).toBe(first.ticket.id);
		expect(await help.findCreatedTicket('dee@example.com', 'other')).toBeNull();
		const other = await help.createTicket(spec, {idempotencyKey: 'k3'});
		expect(other.ticket.id).not.toBe(first.ticket.id);
		expect(await ticketsOf(help, 'dee@example.com')).toHaveLength(2);
	});

	it('refuses an unknown group with the valid ones named, creating nothing', async () => {
		const help = open();
		await expect(help.createTicket({...spec, group: 'Nope'}, {})).rejects.toThrow(/unknown group "Nope"/);
		expect(await ticketsOf(help, 'dee@example.com')).toHaveLength(0);
	});

	it('delivery: a create interrupted after the desk made the ticket is settled, not made twice', async () => {
		const help = open();
		const db = openDatabase(join(dataDir, 'csr.db'));
		try {
			const item: PlannedWrite = {
				ticketId: 'new:dee@example.com',
				isPublic: true,
				body: spec.body,
				changes: undefined,
				template: null,
				intentHash: hashIntent(['test', spec]),
				expectedUpdatedAt: null,
				customer: {email: spec.requester.email, name: spec.requester.name},
				channel: 'phone',
				action: 'create',
				outcome: null,
				durationSec: null,
				create: spec,
			};
			// The state a kill -9 leaves: journal says sending, the desk already has the ticket under the key.
			markSending(
				db,
				{profile: 'demo', ticketId: item.ticketId, intentHash: item.intentHash, body: item.body, runId: null},
				new Date().toISOString(),
			);
			const made = await help.createTicket(spec, {idempotencyKey: `csr-${item.intentHash}`});
			const env = {desk: help, db, profile: 'demo', agent: null, now: () => new Date()};
			const result = await deliverNew(env, item, {runId: null});
			expect(result).toMatchObject({ticketId: made.ticket.id, result: 'skipped'});
			expect(findDelivery(db, 'demo', item.ticketId, item.intentHash)?.state).toBe('sent');
			const rerun = await deliverNew(env, item, {runId: null});
			expect(rerun).toMatchObject({ticketId: made.ticket.id, result: 'skipped', reason: 'already created'});
			expect(await ticketsOf(help, 'dee@example.com')).toHaveLength(1);
		} finally {
			db.close();
		}
	});
});

describeTicketCreationContract('demo', async () => {
	const help = open();
	return {
		desk: help,
		cleanup: async () => {},
		group: 'Billing',
		ticketsOf: async (email) => (await ticketsOf(help, email)).map((ticket) => ticket.id),
	};
});
