import * as z from 'zod';
import {AuthError, ProviderError} from '../../errors.js';
import {
	type ForwardOptions,
	type ForwardRequest,
	type ForwardResult,
	forwardNoteText,
	type OutgoingAttachment,
} from '../help-desk.js';
import {findEarlierAttempt} from '../http/settle.js';
import {ticketNotFound, ticketNumber, type ZendeskApi} from './api.js';
import {uploadFiles} from './attachments.js';
import type {sendMessage} from './writes.js';

const sideConversationResponse = z.object({side_conversation: z.object({id: z.string()}).passthrough()});
const sideConversationList = z.object({
	side_conversations: z.array(
		z.object({id: z.string(), external_ids: z.record(z.string(), z.string()).nullish()}).passthrough(),
	),
});
const sideAttachmentResponse = z.object({attachment: z.object({id: z.string().min(1)}).passthrough()});
const createdTicketResponse = z.object({ticket: z.object({id: z.number()}).passthrough()});
const ticketsByExternalId = z.object({tickets: z.array(z.object({id: z.number()}).passthrough())});

type Env = Parameters<typeof sendMessage>[0];
type SendNote = (ticketId: string, body: string, signal?: AbortSignal) => Promise<string>;

/** The key csr writes into a side conversation's `external_ids`, so a re-run after a crash can find it. */
export const sideConversationMarker = 'csr_key';

/** Side conversations need a plan that has them; 403 or 404 on the endpoint means this account has none. */
function notAvailable(error: unknown): boolean {
	return error instanceof AuthError || (error instanceof ProviderError && error.kind === 'not-found');
}

/**
 * Zendesk: a side conversation by email to the third party where the account has them; otherwise a new ticket with the
 * third party as requester (the others copied), which says which ticket it is about. Either way the original gets an
 * internal note naming who it went to (and the linked ticket).
 *
 * Two requests, so a crash between them must not send twice: the side conversation carries csr's key in its
 * `external_ids`, the linked ticket in its `external_id` (and as `Idempotency-Key`, so Zendesk answers a repeated
 * create with the same ticket). After an interruption (`afterInterruption`) csr looks for either before making it
 * again, and only writes the note. Files: side conversations take their own uploads
 * (`POST /api/v2/tickets/side_conversations/attachments`, then `attachment_ids`); the linked ticket's comment takes
 * ordinary upload tokens. An upload no message uses carries nothing to anyone, so uploading again is safe.
 */
export async function forwardTicket(
	env: Env,
	sendNote: SendNote,
	ticketId: string,
	request: ForwardRequest,
	options: ForwardOptions,
	signal?: AbortSignal,
): Promise<ForwardResult> {
	const {api} = env;
	const id = ticketNumber(ticketId);
	const note = forwardNoteText(request.to, request.note);
	const key = options.idempotencyKey;
	try {
		const earlier = await findEarlierAttempt(
			options,
			api.setup.now,
			(marker) => findSideConversation(api, id, marker, signal),
			signal,
		);
		if (earlier === null) await createSideConversation(api, id, request, key, signal);
		return {messageId: await sendNote(ticketId, note, signal), via: 'side-conversation'};
	} catch (error) {
		if (!notAvailable(error)) throw ticketNotFound(ticketId, error);
	}
	const earlier = await findEarlierAttempt(
		options,
		api.setup.now,
		(marker) => findLinkedTicket(api, marker, signal),
		signal,
	);
	const linked = earlier ?? (await createLinkedTicket(api, id, request, key, signal));
	const messageId = await sendNote(ticketId, `${note}\n\n(sent as ticket #${linked})`, signal);
	return {messageId, via: 'linked-ticket', linkedTicketId: linked};
}

/**
 * The side conversation an earlier attempt made under this key, if any. One page of the ticket's side conversations
 * (the newest are there; a ticket with more than a page of them is not what a forward meets).
 */
async function findSideConversation(
	api: ZendeskApi,
	ticketId: number,
	key: string,
	signal?: AbortSignal,
): Promise<string | null> {
	const body = await api.get(`/api/v2/tickets/${ticketId}/side_conversations.json`, {}, sideConversationList, signal);
	return body.side_conversations.find((entry) => entry.external_ids?.[sideConversationMarker] === key)?.id ?? null;
}

async function uploadSideConversationFiles(
	api: ZendeskApi,
	files: readonly OutgoingAttachment[],
	signal?: AbortSignal,
): Promise<string[]> {
	const ids: string[] = [];
	for (const file of files) {
		const body = await api.request(
			{
				method: 'POST',
				path: '/api/v2/tickets/side_conversations/attachments.json',
				multipart: [{name: 'file', fileName: file.fileName, contentType: file.contentType, data: file.bytes}],
				repeatable: true,
				signal,
			},
			sideAttachmentResponse,
		);
		ids.push(body.attachment.id);
	}
	return ids;
}

async function createSideConversation(
	api: ZendeskApi,
	ticketId: number,
	request: ForwardRequest,
	key: string | undefined,
	signal?: AbortSignal,
): Promise<void> {
	const files = request.attachments ?? [];
	const attachmentIds = files.length === 0 ? [] : await uploadSideConversationFiles(api, files, signal);
	await api.request(
		{
			method: 'POST',
			path: `/api/v2/tickets/${ticketId}/side_conversations.json`,
			json: {
				message: {
					subject: request.subject,
					body: request.body,
					to: request.to.map((email) => ({email})),
					...(attachmentIds.length > 0 ? {attachment_ids: attachmentIds} : {}),
				},
				...(key === undefined ? {} : {external_ids: {[sideConversationMarker]: key}}),
			},
			signal,
		},
		sideConversationResponse,
	);
}

/** The linked ticket an earlier attempt opened under this key (`external_id`, found at once; search lags). */
async function findLinkedTicket(api: ZendeskApi, key: string, signal?: AbortSignal): Promise<string | null> {
	const found = await api.get('/api/v2/tickets.json', {external_id: key}, ticketsByExternalId, signal);
	const first = found.tickets.sort((a, b) => a.id - b.id)[0];
	return first === undefined ? null : String(first.id);
}

async function createLinkedTicket(
	api: ZendeskApi,
	originalId: number,
	request: ForwardRequest,
	key: string | undefined,
	signal?: AbortSignal,
): Promise<string> {
	const [first, ...others] = request.to;
	const files = request.attachments ?? [];
	const tokens = files.length === 0 ? [] : await uploadFiles(api, files, signal);
	const {ticket} = await api.request(
		{
			method: 'POST',
			path: '/api/v2/tickets.json',
			idempotencyKey: key,
			json: {
				ticket: {
					subject: request.subject,
					requester: {email: first, name: first},
					email_ccs: others.map((email) => ({user_email: email, action: 'put'})),
					comment: {
						body: `About ticket #${originalId}.\n\n${request.body}`,
						public: true,
						...(tokens.length > 0 ? {uploads: tokens} : {}),
					},
					tags: ['csr-forward'],
					...(key === undefined ? {} : {external_id: key}),
				},
			},
			signal,
		},
		createdTicketResponse,
	);
	return String(ticket.id);
}
