import type {Attachment} from '../../domain/message.js';
import {ProviderError} from '../../errors.js';
import type {AttachmentLimits, OutgoingAttachment} from '../help-desk.js';
import type {DeskBase} from './desk.js';
import {invalid} from './map.js';
import {sampleFileBytes} from './sample-files.js';

/** The demo desk takes small files only: it keeps them in demo.db. */
export const demoAttachmentLimits: AttachmentLimits = {maxFileBytes: 5 * 1024 * 1024, maxTotalBytes: 10 * 1024 * 1024};

const fileUrl = /^demo-file:(\d{1,15})$/;
const sampleUrl = /^https:\/\/files\.demo\.csr\/(\d+)\/\d+\//;

/**
 * Keeps a message's files in demo.db and returns what `messages.attachments` lists for them. Call inside the
 * message's transaction.
 */
export function storeMessageFiles(
	desk: Pick<DeskBase, 'statement'>,
	ticketId: number,
	messageId: number,
	files: readonly OutgoingAttachment[],
): Attachment[] {
	const total = files.reduce((sum, file) => sum + file.bytes.length, 0);
	for (const file of files) {
		if (file.bytes.length > demoAttachmentLimits.maxFileBytes)
			throw invalid(`attachment ${file.fileName} is larger than the demo desk takes (5 MB a file)`);
	}
	if (total > demoAttachmentLimits.maxTotalBytes) throw invalid('attachments over 10 MB a message');
	return files.map((file) => {
		const id = desk
			.statement('INSERT INTO files (ticket_id, message_id, name, content_type, bytes) VALUES (?, ?, ?, ?, ?)')
			.run(ticketId, messageId, file.fileName, file.contentType, file.bytes).lastInsertRowid;
		return {name: file.fileName, size: file.bytes.length, contentType: file.contentType, url: `demo-file:${id}`};
	});
}

/** `csr show --save-attachments` on the demo desk: files agents sent, and the seeded sample documents and pictures. */
export function createDemoAttachments(desk: DeskBase) {
	const gone = (attachment: Attachment, why: string) =>
		new ProviderError(`the demo desk has no content for ${attachment.name}: ${why}`, {kind: 'not-found'});

	function downloadAttachment(ticketId: string, attachment: Attachment): Uint8Array {
		desk.assertReachable();
		const ticket = desk.requireTicket(ticketId);
		const url = attachment.url ?? '';
		const stored = fileUrl.exec(url);
		if (stored !== null) {
			const row = desk.get<{bytes: Uint8Array}>(
				'SELECT bytes FROM files WHERE id = ? AND ticket_id = ?',
				Number(stored[1]),
				ticket.id,
			);
			if (row === undefined) throw gone(attachment, `not a file of ticket ${ticketId}`);
			return new Uint8Array(row.bytes);
		}
		const sample = sampleUrl.exec(url);
		if (sample === null || Number(sample[1]) !== ticket.id) throw gone(attachment, `not a file of ticket ${ticketId}`);
		const bytes = sampleFileBytes(attachment.name, attachment.contentType ?? '');
		if (bytes === null) throw gone(attachment, 'the demo keeps sample documents and pictures only');
		return bytes;
	}

	return {attachmentLimits: demoAttachmentLimits, downloadAttachment};
}
