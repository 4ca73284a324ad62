import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {DatabaseSync} from 'node:sqlite';
import {describe, expect, it} from 'vitest';
import {createDemoHelpDesk} from '../../src/providers/demo/demo-help-desk.js';
import {detectContentType} from '../../src/services/attachments.js';
import {describeAttachmentContract} from '../support/attachments-contract.js';
import {demoSetup} from '../support/desk-on-fake.js';

async function openDemo() {
	const dataDir = mkdtempSync(join(tmpdir(), 'csr-demo-attach-'));
	const desk = createDemoHelpDesk(demoSetup(dataDir));
	const page = await desk.listTickets({statuses: ['open'], assignee: 'any', sort: 'urgency', limit: 1});
	const ticketId = page.tickets[0]?.id;
	if (ticketId === undefined) throw new Error('the demo needs an open ticket');
	return {desk, dataDir, ticketId};
}

describe('demo desk attachments', () => {
	describeAttachmentContract('demo', async () => {
		const {desk, dataDir, ticketId} = await openDemo();
		return {
			desk,
			ticketId,
			cleanup: async () => rmSync(dataDir, {recursive: true, force: true}),
			ccOf: async (id) => {
				const db = new DatabaseSync(join(dataDir, 'demo.db'));
				try {
					const row = db
						.prepare('SELECT cc FROM messages WHERE ticket_id = ? ORDER BY id DESC LIMIT 1')
						.get(Number(id));
					return typeof row?.['cc'] === 'string' ? row['cc'].split(', ') : [];
				} finally {
					db.close();
				}
			},
		};
	});

	it('seeds real sample files: invoices and labels open as PDFs, parcel photos as PNGs, sizes as listed', async () => {
		const {desk, dataDir} = await openDemo();
		try {
			const db = new DatabaseSync(join(dataDir, 'demo.db'));
			const rows = db
				.prepare("SELECT ticket_id, attachments FROM messages WHERE attachments LIKE '%files.demo.csr%' LIMIT 400")
				.all();
			db.close();
			const seen = new Set<string>();
			for (const row of rows) {
				const thread = await desk.getThread(String(row['ticket_id']));
				for (const attachment of thread.messages.flatMap((message) => message.attachments)) {
					if (attachment.contentType !== 'application/pdf' && attachment.contentType !== 'image/png') continue;
					const bytes = await desk.downloadAttachment(thread.ticket.id, attachment);
					expect(bytes.length).toBe(attachment.size);
					expect(detectContentType(bytes, 'x')).toBe(attachment.contentType);
					seen.add(attachment.contentType);
				}
				if (seen.size === 2) break;
			}
			expect([...seen].sort()).toEqual(['application/pdf', 'image/png']);
		} finally {
			await desk.close();
			rmSync(dataDir, {recursive: true, force: true});
		}
	});

	it("refuses another ticket's file", async () => {
		const {desk, dataDir, ticketId} = await openDemo();
		try {
			const bytes = new Uint8Array([1, 2, 3]);
			const sent = await desk.sendMessage(
				ticketId,
				{
					body: 'file',
					public: true,
					attachments: [{fileName: 'a.bin', contentType: 'application/octet-stream', bytes, sha256: 'x'}],
				},
				{},
			);
			const attachment = (await desk.getThread(ticketId)).messages.find((message) => message.id === sent.messageId)
				?.attachments[0];
			if (attachment === undefined) throw new Error('no attachment');
			const other = String(Number(ticketId) === 1 ? 2 : 1);
			await expect(desk.downloadAttachment(other, attachment)).rejects.toThrow(/not a file of ticket/);
		} finally {
			await desk.close();
			rmSync(dataDir, {recursive: true, force: true});
		}
	});
});
