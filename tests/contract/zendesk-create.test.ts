import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import type {NewTicket} from '../../src/providers/help-desk.js';
import {deliverNew} from '../../src/services/new-tickets.js';
import {openDatabase} from '../../src/store/database.js';
import {findDelivery} from '../../src/store/journal.js';
import {describeTicketCreationContract, plannedCreate} from '../support/creation-contract.js';
import {createVirtualClock} from '../support/fake-server.js';
import type {FakeZendesk} from './fake-zendesk.js';
import {zendeskOnFake} from './zendesk-setup.js';

/** The fake's own tickets of a requester (by the requester user's email). */
const fakeTicketsOf = (fake: FakeZendesk, email: string): string[] =>
	[...fake.tickets.values()]
		.filter((ticket) => fake.users.get(ticket.requester_id)?.email.toLowerCase() === email.toLowerCase())
		.map((ticket) => String(ticket.id));

describeTicketCreationContract('Zendesk (fake)', async () => {
	const setup = await zendeskOnFake({clock: createVirtualClock(), tickets: 12});
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
	const setup = await zendeskOnFake({clock: createVirtualClock(), tickets: 12}, {}, {retry: {maxAttempts: 1}});
	close = setup.close;
	dir = mkdtempSync(join(tmpdir(), 'csr-zd-create-'));
	const db = openDatabase(join(dir, 'csr.db'));
	const env = {desk: setup.desk, db, profile: 'work', agent: null, now: () => new Date()};
	const posts = () =>
		setup.fake.requests.filter((request) => request.method === 'POST' && request.pathname === '/api/v2/tickets.json');
	return {...setup, db, env, posts};
}

const spec: NewTicket = {
	requester: {email: 'ola@example.net', name: 'Ola Nordmann'},
	subject: 'Recall of batch 7',
	body: 'Hi Ola, batch 7 is recalled.',
	channel: 'email',
	tags: ['recall', 'Batch 7'],
	status: 'pending',
	assignee: 'me',
	cc: ['warehouse@example.com'],
};

describe('Zendesk new tickets', () => {
	it('sends requester, an explicit public comment, CCs, tags, status, assignee and the key twice', async () => {
		const {desk, fake, posts} = await onFake();
		const created = await desk.createTicket(spec, {idempotencyKey: 'csr-abc'});
		const request = posts()[0];
		expect(request?.headers['idempotency-key']).toBe('csr-abc');
		expect(JSON.parse(request?.body ?? '{}')).toEqual({
			ticket: {
				subject: 'Recall of batch 7',
				requester: {email: 'ola@example.net', name: 'Ola Nordmann'},
				comment: {body: 'Hi Ola, batch 7 is recalled.', public: true},
				tags: ['recall', 'batch_7'],
				status: 'pending',
				assignee_id: fake.me.id,
				email_ccs: [{user_email: 'warehouse@example.com', action: 'put'}],
				external_id: 'csr-abc',
			},
		});
		expect(created.ticket).toMatchObject({status: 'pending', requester: {name: 'Ola Nordmann'}});
		expect(created.ticket.assignee?.name).toBe('Agent Smith');
		expect(created.messageId).toBe(String(fake.comments.get(Number(created.ticket.id))?.[0]?.id));
		const raw = fake.tickets.get(Number(created.ticket.id));
		expect(((raw?.['email_cc_ids'] ?? []) as number[]).map((id) => fake.users.get(id)?.email)).toEqual([
			'warehouse@example.com',
		]);
	});

	it('--channel phone: Zendesk keeps via "api" for an API ticket, so csr tags it and reads the tag back as phone', async () => {
		const {desk, fake, posts} = await onFake();
		const created = await desk.createTicket(
			{...spec, channel: 'phone', tags: ['callback']},
			{idempotencyKey: 'csr-ph'},
		);
		const sent = JSON.parse(posts()[0]?.body ?? '{}') as {ticket: Record<string, unknown>};
		expect(sent.ticket['tags']).toEqual(['callback', 'csr_channel_phone']);
		expect(sent.ticket).not.toHaveProperty('via');
		expect(sent.ticket).not.toHaveProperty('via_id');
		expect(fake.tickets.get(Number(created.ticket.id))?.via.channel).toBe('api');
		expect(created.ticket.channel).toBe('phone');
		const [again] = await desk.getTickets([created.ticket.id]);
		expect(again?.channel).toBe('phone');
		// A ticket Zendesk itself got by phone keeps its own channel; a stray tag on an email ticket changes nothing.
		const email = [...fake.tickets.values()].find((ticket) => ticket.via.channel === 'email');
		if (email === undefined) throw new Error('the fake has no email ticket');
		email.tags = [...email.tags, 'csr_channel_chat'];
		const [read] = await desk.getTickets([String(email.id)]);
		expect(read?.channel).toBe('email');
	});

	it('refuses an unknown group before anything is created, naming the groups', async () => {
		const {desk, posts} = await onFake();
		await expect(desk.createTicket({...spec, group: 'Nowhere'}, {idempotencyKey: 'k'})).rejects.toThrow(
			/no Zendesk group named "Nowhere"/,
		);
		expect(posts()).toHaveLength(0);
	});

	it('uploads files first and sends their tokens with the first comment; a repeat with new tokens is the same ticket', async () => {
		const {desk, fake, posts} = await onFake();
		const file = {
			fileName: 'label.pdf',
			contentType: 'application/pdf',
			bytes: new Uint8Array([0x25, 0x50]),
			sha256: 'x',
		};
		const created = await desk.createTicket({...spec, attachments: [file]}, {idempotencyKey: 'csr-files'});
		const uploads = fake.requests.filter((request) => request.pathname === '/api/v2/uploads.json');
		expect(uploads.map((request) => request.query.get('filename'))).toEqual(['label.pdf']);
		const comment = (JSON.parse(posts()[0]?.body ?? '{}') as {ticket: {comment: {uploads?: string[]}}}).ticket.comment;
		expect(comment.uploads).toEqual([...fake.uploads.keys()]);
		// After a crash the file is uploaded again under a new token: Zendesk refuses the key with other parameters,
		// and csr answers with the ticket the key made, not an error and not a second ticket.
		const again = await desk.createTicket({...spec, attachments: [file]}, {idempotencyKey: 'csr-files'});
		expect(again.ticket.id).toBe(created.ticket.id);
		expect(fakeTicketsOf(fake, spec.requester.email)).toEqual([created.ticket.id]);
	});

	it('connection dropped after Zendesk made the ticket: the repeat with the same key returns it, one ticket', async () => {
		const setup = await zendeskOnFake({clock: createVirtualClock(), tickets: 3});
		close = setup.close;
		const {desk, fake} = setup;
		let dropped = 0;
		fake.afterRoute = (request) =>
			request.method === 'POST' && dropped++ === 0 ? {status: 200, drop: true} : undefined;
		const created = await desk.createTicket(spec, {idempotencyKey: 'csr-drop'});
		expect(dropped).toBe(2);
		expect(fake.stats.idempotentHits).toBe(1);
		expect(fakeTicketsOf(fake, 'ola@example.net')).toEqual([created.ticket.id]);
	});

	it('every answer lost after Zendesk made the ticket: the run fails, the re-run finds it, exactly one ticket', async () => {
		const {fake, env, db, posts} = await onFake();
		const item = plannedCreate(spec, 'fault');
		fake.afterRoute = (request) => (request.method === 'POST' ? {status: 200, drop: true} : undefined);
		const first = await deliverNew(env, item, {runId: null});
		expect(first.result).toBe('failed');
		expect(first.reason).toMatch(/run the same command again/);
		expect(findDelivery(db, 'work', item.ticketId, item.intentHash)?.state).toBe('sending');
		fake.afterRoute = undefined;
		const made = [...fake.tickets.values()].filter((ticket) => ticket['external_id'] === `csr-${item.intentHash}`);
		expect(made).toHaveLength(1);
		const rerun = await deliverNew(env, item, {runId: null});
		expect(rerun).toMatchObject({ticketId: String(made[0]?.id), result: 'skipped'});
		expect(posts()).toHaveLength(1);
		expect(fakeTicketsOf(fake, 'ola@example.net')).toEqual([String(made[0]?.id)]);
		db.close();
	});
});
