import * as z from 'zod';
import type {Attachment} from '../../domain/message.js';
import {ProviderError} from '../../errors.js';
import type {AttachmentLimits, OutgoingAttachment} from '../help-desk.js';
import type {ZendeskApi} from './api.js';

/** Zendesk takes files up to 50 MB; csr keeps a message's files within that too (outbound mail carries them). */
export const zendeskAttachmentLimits: AttachmentLimits = {
	maxFileBytes: 50 * 1024 * 1024,
	maxTotalBytes: 50 * 1024 * 1024,
};

const uploadResponse = z.object({upload: z.object({token: z.string().min(1)})});

/**
 * Uploads a message's files (`POST /api/v2/uploads.json`, one file each) and returns their tokens for
 * `comment.uploads`. An upload is safe to repeat: a token no comment uses carries nothing to the customer and expires,
 * so an interrupted send that uploads again sends the files once, with the one comment.
 */
export async function uploadFiles(
	api: ZendeskApi,
	files: readonly OutgoingAttachment[],
	signal?: AbortSignal,
): Promise<string[]> {
	const tokens: string[] = [];
	for (const file of files) {
		const body = await api.request(
			{
				method: 'POST',
				path: '/api/v2/uploads.json',
				query: {filename: file.fileName},
				bytes: {contentType: file.contentType, data: file.bytes},
				repeatable: true,
				signal,
			},
			uploadResponse,
		);
		tokens.push(body.upload.token);
	}
	return tokens;
}

/** A comment's file (its `content_url`): with credentials on the account's host only, without anywhere else. */
export async function downloadAttachment(
	api: ZendeskApi,
	attachment: Attachment,
	signal?: AbortSignal,
): Promise<Uint8Array> {
	if (attachment.url === null)
		throw new ProviderError(`Zendesk gives no address for ${attachment.name}`, {kind: 'not-found'});
	return api.http.download(attachment.url, signal);
}
