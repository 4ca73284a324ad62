import {createHash} from 'node:crypto';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {samplePdf, samplePng} from '../../src/providers/demo/sample-files.js';
import {
	type HelpDesk,
	hasAttachmentDownload,
	hasAttachmentSending,
	type OutgoingAttachment,
} from '../../src/providers/help-desk.js';

export type AttachmentContractDesk = {
	readonly desk: HelpDesk;
	readonly cleanup: () => Promise<void>;
	/** An open ticket to write to. */
	readonly ticketId: string;
	/** Where the desk keeps the CC addresses of the last message to a ticket (the fake's record, the desk's field). */
	readonly ccOf?: (ticketId: string) => Promise<readonly string[]>;
	/** The desk keeps copies per ticket (RT's Cc watchers), not per message: a later note still shows them. */
	readonly ccPerTicket?: boolean;
};

const file = (fileName: string, contentType: string, bytes: Uint8Array): OutgoingAttachment => ({
	fileName,
	contentType,
	bytes,
	sha256: createHash('sha256').update(bytes).digest('hex'),
});

/**
 * What a desk with attachments must do (issue 14): declare its limits, send files with a reply (and CC), list them
 * in the thread with their names, types and sizes, and give back the very bytes it was sent.
 */
export function describeAttachmentContract(name: string, makeDesk: () => Promise<AttachmentContractDesk>): void {
	describe(`${name}: attachments contract`, () => {
		let made: AttachmentContractDesk;
		beforeEach(async () => {
			made = await makeDesk();
		});
		afterEach(async () => {
			await made.desk.close();
			await made.cleanup();
		});

		it('declares its size limits and downloads', () => {
			expect(hasAttachmentSending(made.desk)).toBe(true);
			expect(hasAttachmentDownload(made.desk)).toBe(true);
			if (!hasAttachmentSending(made.desk)) return;
			expect(made.desk.attachmentLimits.maxFileBytes).toBeGreaterThan(1024 * 1024);
			expect(made.desk.attachmentLimits.maxTotalBytes).toBeGreaterThanOrEqual(made.desk.attachmentLimits.maxFileBytes);
		});

		it('sends a reply with files and CC, lists them in the thread and gives back identical bytes', async () => {
			const {desk, ticketId} = made;
			const label = file('return-label.pdf', 'application/pdf', samplePdf('Return label RMA-4411'));
			const photo = file('parcel ünïcode.png', 'image/png', samplePng());
			const sent = await desk.sendMessage(
				ticketId,
				{
					body: 'Here is your return label and the photo.',
					public: true,
					attachments: [label, photo],
					cc: ['warehouse@example.com'],
				},
				{idempotencyKey: 'csr-attach-contract'},
			);
			const thread = await desk.getThread(ticketId);
			const message = thread.messages.find((candidate) => candidate.id === sent.messageId);
			expect(message?.text).toContain('Here is your return label');
			const listed = message?.attachments ?? [];
			expect(listed.map((attachment) => attachment.name).sort()).toEqual(['parcel ünïcode.png', 'return-label.pdf']);
			const pdf = listed.find((attachment) => attachment.name === 'return-label.pdf');
			expect(pdf?.contentType).toMatch(/^application\/pdf/);
			expect(pdf?.size).toBe(label.bytes.length);
			if (!hasAttachmentDownload(desk)) throw new Error('no download');
			for (const attachment of listed) {
				const bytes = await desk.downloadAttachment(ticketId, attachment);
				const original = attachment.name === 'return-label.pdf' ? label : photo;
				expect(Buffer.from(bytes).equals(Buffer.from(original.bytes))).toBe(true);
			}
			if (made.ccOf !== undefined) expect(await made.ccOf(ticketId)).toContain('warehouse@example.com');
		});

		it('sends no CC with an internal note, and a note may carry a file', async () => {
			const {desk, ticketId} = made;
			const sent = await desk.sendMessage(
				ticketId,
				{
					body: 'Photo from the warehouse, for us only.',
					public: false,
					attachments: [file('dent.png', 'image/png', samplePng())],
				},
				{},
			);
			const thread = await desk.getThread(ticketId);
			const message = thread.messages.find((candidate) => candidate.id === sent.messageId);
			expect(message?.public).toBe(false);
			expect(message?.attachments.map((attachment) => attachment.name)).toEqual(['dent.png']);
			if (made.ccOf !== undefined && made.ccPerTicket !== true) expect(await made.ccOf(ticketId)).toEqual([]);
		});
	});
}
