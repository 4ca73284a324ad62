import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {markerTag} from '../../src/providers/freshdesk/create.js';
import type {NewTicket} from '../../src/providers/help-desk.js';
import {deliverNew} from '../../src/services/new-tickets.js';
import {openDatabase} from '../../src/store/database.js';
import {findDelivery} from '../../src/store/journal.js';
import {describeTicketCreationContract, plannedCreate} from '../support/creation-contract.js';
import type {FakeFreshdesk} from '../support/fake-freshdesk.js';
import {createVirtualClock} from '../support/fake-server.js';
import {freshdeskOnFake} from './freshdesk-setup.js';

/** The fake's own tickets of a requester (by the contact's email). */
const fakeTicketsOf = (fake: FakeFreshdesk, email: string): string[] =>
	[...fake.tickets.values()]
		.filter((ticket) => fake.contacts.get(ticket.requester_id)?.email === email.toLowerCase())
		.map((ticket) => String(ticket.id));

describeTicketCreationContract('Freshdesk (fake)', async () => {
	const setup = await freshdeskOnFake({clock: createVirtualClock(), tickets: 8});
	return {
		desk: setup.desk,
		cleanup: setup.close,
		group: 'Tier 2',
		ticketsOf: async (email) => fakeTicketsOf(setup.fake, email),
	};
});

let close: (() => Promise<void>) | undefined;
let dir: string | undefined;
afterEach(async () => {
	await close?.();
	close = undefined;
	if (dir !== undefined) rmSync(dir, {recursive: true, force: true});
	dir = undefined;
});

async function onFake() {
	const setup = await freshdeskOnFake({clock: createVirtualClock(), tickets: 8});
	close = setup.close;
	dir = mkdtempSync(join(tmpdir(), 'csr-fd-create-'));
	const db = openDatabase(join(dir, 'csr.db'));
	const env = {desk: setup.desk, db, profile: 'fd', agent: null, now: () => new Date()};
	const creates = () =>
		setup.fake.requests.filter(
			(request) =>
				request.method === 'POST' &&
				request.pathname.startsWith('/api/v2/tickets') &&
				!request.pathname.includes('/notes'),
		);
	return {...setup, db, env, creates};
}

const spec: NewTicket = {
	requester: {email: 'ola@example.net', name: 'Ola Nordmann'},
	subject: 'Recall of batch 7',
	body: 'Hi Ola,\n\nbatch 7 is <recalled>.',
	channel: 'email',
	tags: ['recall'],
	status: 'pending',
	assignee: 'me',
	group: 'Billing',
	cc: ['warehouse@example.com'],
};

describe('Freshdesk new tickets', () => {
	it('sends an outbound email from the primary support address with fields, CCs and the marker tag', async () => {
		const {desk, fake, creates} = await onFake();
		const created = await desk.createTicket(spec, {idempotencyKey: 'csr-0123456789abcdef0123456789abcdef'});
		const request = creates()[0];
		expect(request?.pathname).toBe('/api/v2/tickets/outbound_email');
		expect(JSON.parse(request?.body ?? '{}')).toEqual({
			email: 'ola@example.net',
			name: 'Ola Nordmann',
			subject: 'Recall of batch 7',
			description: '<p>Hi Ola,</p><p>batch 7 is &lt;recalled&gt;.</p>',
			email_config_id: 302,
			status: 3,
			priority: 1,
			responder_id: fake.me.id,
			group_id: 11,
			tags: ['recall', 'csr-0123456789abcdef0123456789ab'],
			cc_emails: ['warehouse@example.com'],
		});
		expect(markerTag('csr-0123456789abcdef0123456789abcdef')).toHaveLength(32);
		expect(created.ticket).toMatchObject({status: 'pending', channel: 'email', group: {name: 'Billing'}});
		expect(created.ticket.requester.email).toBe('ola@example.net');
		const thread = await desk.getThread(created.ticket.id);
		expect(thread.messages).toHaveLength(1);
		expect(thread.messages[0]).toMatchObject({public: true, text: 'Hi Ola,\n\nbatch 7 is <recalled>.'});
	});

	it('a logged call: a phone ticket whose summary is a private note, not the public description', async () => {
		const {desk, fake, creates} = await onFake();
		const created = await desk.createTicket(
			{...spec, channel: 'phone', firstMessagePublic: false, body: 'Caller wants a refund.', cc: undefined},
			{idempotencyKey: 'csr-call'},
		);
		expect(creates()[0]?.pathname).toBe('/api/v2/tickets');
		expect(JSON.parse(creates()[0]?.body ?? '{}')).toMatchObject({source: 3});
		expect(fake.tickets.get(Number(created.ticket.id))?.description_text).not.toContain('refund');
		const notes = fake.conversations.get(Number(created.ticket.id)) ?? [];
		expect(notes.map((note) => [note.private, note.body_text])).toEqual([[true, 'Caller wants a refund.']]);
		expect(created.messageId).toBe(String(notes[0]?.id));
	});

	it('an agent who may not read the support addresses is told so, and nothing is created', async () => {
		const {desk, fake, creates} = await onFake();
		fake.emailConfigs = null;
		await expect(desk.createTicket(spec, {idempotencyKey: 'csr-x'})).rejects.toThrow(
			/did not let csr read the support email addresses/,
		);
		expect(creates()).toHaveLength(0);
	});

	it('the answer lost after Freshdesk made the ticket: not retried blind, the re-run finds it, one ticket', async () => {
		const {desk, fake, env, db, creates} = await onFake();
		const item = plannedCreate(spec, 'fault');
		fake.afterRoute = (request) =>
			request.method === 'POST' && request.pathname.endsWith('outbound_email') ? {status: 200, drop: true} : undefined;
		const first = await deliverNew(env, item, {runId: null});
		expect(first.result).toBe('failed');
		expect(first.reason).toMatch(/run the same command again/);
		expect(findDelivery(db, 'fd', item.ticketId, item.intentHash)?.state).toBe('sending');
		expect(creates()).toHaveLength(1);
		fake.afterRoute = undefined;
		const made = fakeTicketsOf(fake, 'ola@example.net');
		expect(made).toHaveLength(1);
		const rerun = await deliverNew(env, item, {runId: null});
		expect(rerun).toMatchObject({ticketId: made[0], result: 'skipped'});
		expect(creates()).toHaveLength(1);
		expect(fakeTicketsOf(fake, 'ola@example.net')).toEqual(made);
		expect(await desk.findCreatedTicket('ola@example.net', `csr-${item.intentHash}`)).toBe(made[0]);
		db.close();
	});
});
