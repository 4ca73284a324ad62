import {createHash} from 'node:crypto';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {ProviderError} from '../../src/errors.js';
import {
	type HelpDesk,
	hasTicketForwarding,
	hasTicketMerge,
	type TicketForwarding,
	type TicketMerge,
} from '../../src/providers/help-desk.js';

export type MergeForwardDesk = {
	readonly desk: HelpDesk;
	readonly cleanup: () => Promise<void>;
	/** Ids of three open tickets with a public message each (made for the test where the desk needs it). */
	readonly openTickets: () => Promise<[string, string, string]>;
	/** A ticket id the desk does not have. */
	readonly missingId: string;
	/**
	 * What went to third parties from a ticket, oldest first: one entry per message they got, with its files (name and
	 * SHA-256 as the desk stored them). Given, the contract also checks forwards with files and repeats.
	 */
	readonly sentToThirdParties?: (ticketId: string) => Promise<{files: {name: string; sha256: string}[]}[]>;
	/** The desk forwards in one request (Freshdesk): a repeat is the service's to prevent (it finds the note). */
	readonly forwardsInOneRequest?: boolean;
};

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
/** A small PDF and a PNG-looking file, as `loadAttachments` hands them to a desk. */
const forwardFiles = () =>
	[
		{fileName: 'invoice.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.4\n% invoice 1001\n%%EOF\n')},
		{
			fileName: 'damaged parcel.png',
			contentType: 'image/png',
			bytes: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]),
		},
	].map((file) => ({...file, sha256: sha256(file.bytes)}));

const failureOf = (promise: Promise<unknown>): Promise<unknown> =>
	promise.then(
		() => {
			throw new Error('expected a failure');
		},
		(error: unknown) => error,
	);

/**
 * What every desk with TicketMerge must do: the sources end closed (or, on RT, folded into the target so their id
 * leads there), the target's thread shows the merge naming the sources and the agent's comment, unknown ids fail as
 * not-found and nothing is merged.
 */
export function describeMergeContract(name: string, makeDesk: () => Promise<MergeForwardDesk>): void {
	describe(`${name}: TicketMerge contract`, () => {
		let setup: MergeForwardDesk;
		let desk: HelpDesk & TicketMerge;
		beforeEach(async () => {
			setup = await makeDesk();
			if (!hasTicketMerge(setup.desk)) throw new Error(`${name} has no TicketMerge`);
			desk = setup.desk;
		});
		afterEach(async () => {
			await setup.desk.close();
			await setup.cleanup();
		});

		it('merges two sources into a target: sources closed, the target notes them and the comment', async () => {
			const [first, second, target] = await setup.openTickets();
			const result = await desk.mergeTickets({
				sourceIds: [first, second],
				targetId: target,
				comment: 'Same order 1001',
			});
			expect(result.target.id).toBe(target);
			expect(result.target.status).not.toBe('closed');
			expect([...result.mergedIds].sort()).toEqual([first, second].sort());
			const left = await desk.getTickets([first, second], undefined);
			// Closed, or gone into the target (RT answers a merged id with the target).
			for (const ticket of left) expect(ticket.status).toBe('closed');
			const thread = await desk.getThread(target);
			const notes = thread.messages.filter((message) => !message.public).map((message) => message.text);
			const mergeNote = notes.find((text) => text.includes(`#${first}`) && text.includes(`#${second}`));
			expect(mergeNote, notes.join('\n---\n')).toBeDefined();
			expect(mergeNote).toContain('Same order 1001');
		});

		it('says not-found for a target that is not there, and merges nothing', async () => {
			const [first] = await setup.openTickets();
			const error = await failureOf(desk.mergeTickets({sourceIds: [first], targetId: setup.missingId, comment: null}));
			expect(error).toBeInstanceOf(ProviderError);
			const [still] = await desk.getTickets([first]);
			expect(still?.status).not.toBe('closed');
		});
	});
}

/** What every desk with TicketForwarding must do: the ticket gets an internal note naming who it went to. */
export function describeForwardContract(name: string, makeDesk: () => Promise<MergeForwardDesk>): void {
	describe(`${name}: TicketForwarding contract`, () => {
		let setup: MergeForwardDesk;
		let desk: HelpDesk & TicketForwarding;
		beforeEach(async () => {
			setup = await makeDesk();
			if (!hasTicketForwarding(setup.desk)) throw new Error(`${name} has no TicketForwarding`);
			desk = setup.desk;
		});
		afterEach(async () => {
			await setup.desk.close();
			await setup.cleanup();
		});

		it('forwards and leaves an internal note naming the recipients; the customer sees nothing new', async () => {
			const [ticketId] = await setup.openTickets();
			const before = await desk.getThread(ticketId);
			const result = await desk.forwardTicket(
				ticketId,
				{
					to: ['claims@carrier.example', 'stock@warehouse.example'],
					note: 'Parcel arrived damaged',
					subject: `Fwd: ${before.ticket.subject}`,
					body: 'Parcel arrived damaged\n\n---------- Forwarded message ----------\nFrom: the customer\n\n{{ not.a.template }}',
				},
				{idempotencyKey: 'csr-forward-contract'},
			);
			expect(result.messageId).not.toBe('');
			const after = await desk.getThread(ticketId);
			const fresh = after.messages.slice(before.messages.length);
			const note = fresh.find((message) => message.text.includes('claims@carrier.example'));
			expect(note, fresh.map((message) => message.text).join('\n---\n')).toBeDefined();
			expect(note?.public).toBe(false);
			expect(note?.text).toContain('stock@warehouse.example');
			expect(fresh.filter((message) => message.public)).toEqual([]);
		});

		it('says not-found for a ticket that is not there', async () => {
			const error = await failureOf(
				desk.forwardTicket(setup.missingId, {to: ['a@b.example'], note: null, subject: 'Fwd', body: 'x'}, {}),
			);
			expect(error).toBeInstanceOf(ProviderError);
		});

		it('forwards files: the third party gets each one, byte for byte, with the message', async (context) => {
			if (setup.sentToThirdParties === undefined) return context.skip();
			const [ticketId] = await setup.openTickets();
			const files = forwardFiles();
			await desk.forwardTicket(
				ticketId,
				{
					to: ['claims@carrier.example'],
					note: null,
					subject: 'Fwd: damaged parcel',
					body: 'See the photo',
					attachments: files,
				},
				{idempotencyKey: 'csr-forward-files'},
			);
			const sent = await setup.sentToThirdParties(ticketId);
			expect(sent).toHaveLength(1);
			expect(sent[0]?.files).toEqual(files.map((file) => ({name: file.fileName, sha256: file.sha256})));
		});

		it('a forward repeated after an interruption under the same key reaches the third party once', async (context) => {
			if (setup.sentToThirdParties === undefined || setup.forwardsInOneRequest === true) return context.skip();
			const [, ticketId] = await setup.openTickets();
			const request = {
				to: ['claims@carrier.example'],
				note: null,
				subject: 'Fwd: parcel',
				body: 'the thread',
				attachments: forwardFiles().slice(0, 1),
			};
			await desk.forwardTicket(ticketId, request, {idempotencyKey: 'csr-forward-repeat'});
			const again = await desk.forwardTicket(ticketId, request, {
				idempotencyKey: 'csr-forward-repeat',
				afterInterruption: true,
			});
			expect(again.messageId).not.toBe('');
			const sent = await setup.sentToThirdParties(ticketId);
			expect(sent).toHaveLength(1);
			expect(sent[0]?.files.map((file) => file.name)).toEqual(['invoice.pdf']);
		});
	});
}
