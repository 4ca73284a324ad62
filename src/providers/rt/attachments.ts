import * as z from 'zod';
import type {Attachment} from '../../domain/message.js';
import {ProviderError} from '../../errors.js';
import type {AttachmentLimits, OutgoingMessage} from '../help-desk.js';
import type {RtApi} from './api.js';
import type {RtTicket} from './schemas.js';

/** RT's own default `$MaxAttachmentSize` is 10 MB; a larger file would be truncated or dropped by RT. */
export const rtDefaultMaxAttachmentBytes = 10 * 1024 * 1024;

/**
 * What csr sends to this RT server: its `$MaxAttachmentSize` (a site setting REST2 does not show, so the profile says
 * it with `rt.maxAttachmentSize`). RT checks each file against it; csr also keeps a message's files within it, since one
 * REST2 request carries them all as base64.
 */
export function rtAttachmentLimits(maxBytes: number | undefined): AttachmentLimits {
	const bytes = maxBytes ?? rtDefaultMaxAttachmentBytes;
	return {maxFileBytes: bytes, maxTotalBytes: bytes, setting: 'rt.maxAttachmentSize'};
}

/**
 * RT stores a file name from the MIME header it builds, and reads non-ASCII there as Latin-1 (ü comes back as
 * U+FFFD); an RFC 2047 encoded word is decoded to UTF-8 instead.
 */
const mimeWord = (name: string): string =>
	/^[\x20-\x7e]*$/.test(name) ? name : `=?UTF-8?B?${Buffer.from(name, 'utf8').toString('base64')}?=`;

/** The JSON fields a correspond or comment carries for files: `Attachments` with base64 content (REST2). */
export function attachmentFields(message: OutgoingMessage): Record<string, unknown> {
	const files = message.attachments ?? [];
	if (files.length === 0) return {};
	return {
		Attachments: files.map((file) => ({
			FileName: mimeWord(file.fileName),
			FileType: file.contentType,
			FileContent: Buffer.from(file.bytes).toString('base64'),
		})),
	};
}

/**
 * RT keeps copies per ticket: its Cc watchers get the ticket's correspondence. Adds the addresses (keeping the
 * watchers it has: REST2 replaces the role's list with the one given) before the reply goes out, so they get it.
 */
export async function addCcWatchers(
	api: RtApi,
	ticket: RtTicket,
	cc: readonly string[],
	signal?: AbortSignal,
): Promise<void> {
	const current = ticket.Cc.map((user) => user.EmailAddress || user.Name || user.id).filter((value) => value !== '');
	const known = new Set(current.map((value) => value.toLowerCase()));
	const added = cc.filter((email) => !known.has(email.toLowerCase()));
	if (added.length === 0) return;
	await api.send({method: 'PUT', path: `/ticket/${ticket.id}`, json: {Cc: [...current, ...added]}, signal});
}

const rtAttachmentBody = z.object({Content: z.string().nullable().optional()});

/** The attachment id in the link csr keeps (`…/Ticket/Attachment/<transaction>/<attachment>/<name>`). */
function attachmentId(attachment: Attachment): string {
	const match = /\/Ticket\/Attachment\/\d+\/(\d+)\//.exec(attachment.url ?? '');
	if (match === null)
		throw new ProviderError(`Request Tracker gives no attachment id for ${attachment.name}`, {kind: 'not-found'});
	return match[1] as string;
}

/** A file's bytes: `GET /attachment/:id`, whose Content is base64 of the raw bytes. */
export async function downloadAttachment(
	api: RtApi,
	attachment: Attachment,
	signal?: AbortSignal,
): Promise<Uint8Array> {
	const body = await api.get(`/attachment/${attachmentId(attachment)}`, {}, rtAttachmentBody, signal);
	return new Uint8Array(Buffer.from(body.Content ?? '', 'base64'));
}
