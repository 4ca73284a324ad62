import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {
	type HelpDesk,
	hasAttachmentDownload,
	hasTicketCreation,
	type NewTicket,
	type TicketCreation,
} from '../../src/providers/help-desk.js';
import {readAttachmentFile} from '../../src/services/attachments.js';
import {hashIntent, type PlannedWrite} from '../../src/services/delivery.js';
import {intentPartsOf} from '../../src/services/delivery-extras.js';
import {deliverNew} from '../../src/services/new-tickets.js';
import {type Database, openDatabase} from '../../src/store/database.js';
import {findDelivery, markSending} from '../../src/store/journal.js';

export type CreationDesk = {
	readonly desk: HelpDesk;
	readonly cleanup: () => Promise<void>;
	/** The desk's group name the case may put the ticket in. */
	readonly group?: string;
	/** The ids of every ticket the requester has, as the desk itself keeps them (its data, not csr's listing). */
	readonly ticketsOf: (email: string) => Promise<string[]>;
};

/** A journal item for `spec`, as `csr new` plans it. */
export function plannedCreate(spec: NewTicket, salt: string): PlannedWrite {
	return {
		ticketId: `new:${spec.requester.email.toLowerCase()}`,
		isPublic: spec.firstMessagePublic !== false,
		body: spec.body,
		changes: undefined,
		template: null,
		intentHash: hashIntent(['contract', salt, spec]),
		expectedUpdatedAt: null,
		customer: {email: spec.requester.email, name: spec.requester.name},
		channel: spec.channel,
		action: 'create',
		outcome: null,
		durationSec: null,
		create: spec,
	};
}

/**
 * The ticket-creation contract: what `csr new` and `csr log add --create-ticket` rely on from a desk. Each case uses
 * its own requester (`unique` gives a fresh address) so a shared desk (a real RT) needs no reset between cases.
 */
export function describeTicketCreationContract(name: string, open: () => Promise<CreationDesk>): void {
	describe(`${name}: ticket creation contract`, () => {
		let opened: CreationDesk;
		let desk: HelpDesk & TicketCreation;
		let dir: string;
		let db: Database;
		let counter = 0;
		const unique = (): string => {
			counter += 1;
			return `new${Date.now().toString(36)}${counter}@example.net`;
		};
		beforeEach(async () => {
			opened = await open();
			if (!hasTicketCreation(opened.desk)) throw new Error(`${name} has no ticket creation`);
			desk = opened.desk;
			dir = mkdtempSync(join(tmpdir(), 'csr-create-contract-'));
			db = openDatabase(join(dir, 'csr.db'));
		});
		afterEach(async () => {
			db.close();
			rmSync(dir, {recursive: true, force: true});
			await opened.cleanup();
		});
		const spec = (overrides: Partial<NewTicket> = {}): NewTicket => ({
			requester: {email: unique(), name: 'Nell Newcomer'},
			subject: 'Your replacement part',
			body: 'Hi Nell, the replacement part ships today.',
			channel: 'email',
			tags: ['outreach'],
			...overrides,
		});
		const env = () => ({desk, db, profile: 'contract', agent: null, now: () => new Date()});

		it('opens a ticket for a new requester with the first public message, found by requester', async () => {
			const input = spec({group: opened.group});
			const created = await desk.createTicket(input, {idempotencyKey: `csr-${hashIntent([input])}`});
			expect(created.ticket.subject).toBe('Your replacement part');
			expect(created.ticket.requester.email?.toLowerCase()).toBe(input.requester.email);
			if (opened.group !== undefined) expect(created.ticket.group?.name).toBe(opened.group);
			expect(created.ticket.tags).toContain('outreach');
			const thread = await desk.getThread(created.ticket.id);
			const first = thread.messages[0];
			expect(first?.public).toBe(true);
			expect(first?.text).toContain('the replacement part ships today');
			expect(await opened.ticketsOf(input.requester.email)).toEqual([created.ticket.id]);
		});

		it('opens a ticket whose first message is an internal note when asked (a logged phone call)', async () => {
			const input = spec({body: 'Called about the parcel; promised a refund.', firstMessagePublic: false});
			const created = await desk.createTicket(input, {idempotencyKey: `csr-${hashIntent(['note', input])}`});
			const thread = await desk.getThread(created.ticket.id);
			const notes = thread.messages.filter((message) => message.text.includes('promised a refund'));
			expect(notes).toHaveLength(1);
			expect(notes[0]?.public).toBe(false);
			expect(thread.messages.some((message) => message.public && message.text.includes('promised'))).toBe(false);
			// No empty public message stands in for the opening one.
			expect(thread.messages.filter((message) => message.public && message.text.trim() === '')).toEqual([]);
		});

		it('finds the ticket a key made, and nothing for another key', async () => {
			const input = spec();
			const key = `csr-${hashIntent(['find', input])}`;
			const created = await desk.createTicket(input, {idempotencyKey: key});
			expect(await desk.findCreatedTicket(input.requester.email, key)).toBe(created.ticket.id);
			expect(await desk.findCreatedTicket(input.requester.email, `csr-${hashIntent(['other'])}`)).toBeNull();
		});

		it('delivery: a create the desk applied before a crash is found, not made again; a re-run skips', async () => {
			const input = spec();
			const item = plannedCreate(input, name);
			// The state a kill -9 between the request and the journal write leaves behind.
			markSending(
				db,
				{profile: 'contract', ticketId: item.ticketId, intentHash: item.intentHash, body: item.body, runId: null},
				new Date().toISOString(),
			);
			const made = await desk.createTicket(input, {idempotencyKey: `csr-${item.intentHash}`});
			const settled = await deliverNew(env(), item, {runId: null});
			expect(settled).toMatchObject({ticketId: made.ticket.id, result: 'skipped'});
			expect(findDelivery(db, 'contract', item.ticketId, item.intentHash)?.state).toBe('sent');
			const rerun = await deliverNew(env(), item, {runId: null});
			expect(rerun).toMatchObject({ticketId: made.ticket.id, result: 'skipped', reason: 'already created'});
			expect(await opened.ticketsOf(input.requester.email)).toEqual([made.ticket.id]);
		});

		it('delivery: opens a ticket with a file the desk gives back byte for byte, once', async () => {
			// A small PDF with every byte value in it: no text transcoding on the way may go unnoticed.
			const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({length: 256}, (_, i) => i))]);
			const path = join(dir, 'return-label.pdf');
			writeFileSync(path, bytes);
			const file = readAttachmentFile(path, '--attach').planned;
			const input = spec({body: 'Hi Nell, your return label is attached.'});
			const planned = plannedCreate(input, `${name}-file`);
			const item = {
				...planned,
				intentHash: hashIntent([planned.intentHash, ...intentPartsOf({attachments: [file]})]),
				extras: {attachments: [file]},
			};
			const sent = await deliverNew(env(), item, {runId: null});
			expect(sent.result).toBe('sent');
			const thread = await desk.getThread(sent.ticketId);
			const first = thread.messages.find((message) => message.text.includes('return label is attached'));
			expect(first?.public).toBe(true);
			const attached = (first?.attachments ?? []).filter((attachment) => attachment.name === 'return-label.pdf');
			expect(attached).toHaveLength(1);
			if (!hasAttachmentDownload(desk)) throw new Error(`${name} gives no attachment bytes back`);
			const back = await desk.downloadAttachment(sent.ticketId, attached[0] as (typeof attached)[number]);
			expect(Buffer.from(back).equals(bytes)).toBe(true);
			const again = await deliverNew(env(), item, {runId: null});
			expect(again).toMatchObject({ticketId: sent.ticketId, result: 'skipped'});
			expect(await opened.ticketsOf(input.requester.email)).toEqual([sent.ticketId]);
		});

		it('delivery: a file that changed since the plan opens no ticket', async () => {
			const path = join(dir, 'label.pdf');
			writeFileSync(path, '%PDF-1.4 planned');
			const file = readAttachmentFile(path, '--attach').planned;
			writeFileSync(path, '%PDF-1.4 changed');
			const input = spec();
			const item = {...plannedCreate(input, `${name}-changed`), extras: {attachments: [file]}};
			const result = await deliverNew(env(), item, {runId: null});
			expect(result.result).toBe('failed');
			expect(result.reason).toContain('changed since the message was planned');
			expect(await opened.ticketsOf(input.requester.email)).toEqual([]);
		});

		it('delivery: sent once, then the same intent again creates nothing', async () => {
			const input = spec();
			const item = plannedCreate(input, `${name}-twice`);
			const first = await deliverNew(env(), item, {runId: null});
			expect(first.result).toBe('sent');
			const second = await deliverNew(env(), item, {runId: null});
			expect(second).toMatchObject({ticketId: first.ticketId, result: 'skipped'});
			expect(await opened.ticketsOf(input.requester.email)).toEqual([first.ticketId]);
		});
	});
}
