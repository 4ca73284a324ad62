import type {Attachment} from '../../domain/message.js';
import {ProviderError} from '../../errors.js';
import type {AttachmentLimits, OutgoingAttachment, OutgoingMessage} from '../help-desk.js';
import type {HttpRequest} from '../http/http-client.js';
import type {MultipartPart} from '../http/multipart.js';
import type {FreshdeskApi} from './api.js';

/** Freshdesk takes at most 20 MB of attachments with one reply or note. */
export const freshdeskAttachmentLimits: AttachmentLimits = {
	maxFileBytes: 20 * 1024 * 1024,
	maxTotalBytes: 20 * 1024 * 1024,
};

/**
 * A reply (`/reply`, with `cc_emails`) or internal note (`/notes`, `private`) carrying files or copies: files go as
 * multipart/form-data `attachments[]`, the only way Freshdesk takes them; copies alone go as JSON.
 */
export function messageWithFiles(
	id: number,
	body: string,
	message: OutgoingMessage,
	signal?: AbortSignal,
): HttpRequest {
	const path = message.public ? `/api/v2/tickets/${id}/reply` : `/api/v2/tickets/${id}/notes`;
	const cc = message.public ? (message.cc ?? []) : [];
	const files = message.attachments ?? [];
	if (files.length === 0)
		return {method: 'POST', path, json: {body, ...(message.public ? {cc_emails: cc} : {private: true})}, signal};
	const parts: MultipartPart[] = [
		{name: 'body', value: body},
		...(message.public ? [] : [{name: 'private', value: 'true'}]),
		...cc.map((email) => ({name: 'cc_emails[]', value: email})),
		...fileParts(files),
	];
	return {method: 'POST', path, multipart: parts, signal};
}

/** Files as Freshdesk takes them on every write (reply, note, outbound email, forward): `attachments[]` parts. */
export function fileParts(files: readonly OutgoingAttachment[]): MultipartPart[] {
	return files.map((file) => ({
		name: 'attachments[]',
		fileName: file.fileName,
		contentType: file.contentType,
		data: file.bytes,
	}));
}

/** A conversation's file, from its `attachment_url` (a signed link on Freshdesk's file store). */
export async function downloadAttachment(
	api: FreshdeskApi,
	attachment: Attachment,
	signal?: AbortSignal,
): Promise<Uint8Array> {
	if (attachment.url === null)
		throw new ProviderError(`Freshdesk gives no address for ${attachment.name}`, {kind: 'not-found'});
	return api.download(attachment.url, signal);
}
