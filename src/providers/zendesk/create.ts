import * as z from 'zod';
import {ProviderError} from '../../errors.js';
import type {CreatedTicket, NewTicket, WriteOptions} from '../help-desk.js';
import type {ZendeskApi} from './api.js';
import {uploadFiles} from './attachments.js';
import {channelTagPrefix, toTicket} from './map.js';
import {updateResponse, zendeskTicket} from './schemas.js';
import {fetchTicket} from './thread.js';
import {toZendeskChanges} from './writes.js';

const byExternalId = z.object({tickets: z.array(zendeskTicket)});

/**
 * A phone (or chat, …) ticket opened through the API: Zendesk sets `via` itself (`api`), its docs advise against
 * setting the channel ("not advisable and could cause unforeseen problems", Via object reference), and the voice via
 * ids (44–46) belong to Talk Partner Edition's own endpoint (`POST /api/v2/channels/voice/tickets`, a plan csr cannot
 * assume). So csr records the channel as a tag, `csr_channel_phone`, which `toTicket` reads back (map.ts).
 */
function channelTags(channel: NewTicket['channel'] | undefined): string[] {
	return channel === undefined || channel === 'email' || channel === 'api' ? [] : [`${channelTagPrefix}${channel}`];
}

/** Refuses a ticket Zendesk would not open (before anything is sent). */
function refuseUnsupported(input: NewTicket): void {
	if (input.subject.trim() === '') throw new ProviderError('a new ticket needs a subject', {kind: 'invalid'});
	if (input.body.trim() === '') throw new ProviderError('a new ticket needs a first message', {kind: 'invalid'});
}

/**
 * New Zendesk tickets: POST /api/v2/tickets with the requester by email (Zendesk finds or creates the end user), the
 * first comment (public, or an internal note), CCs as `email_ccs`, tags, group, assignee and status. Exactly once:
 * the csr key goes both as `Idempotency-Key` (Zendesk answers a repeat with the ticket it made, for a while) and as
 * the ticket's `external_id`, which `GET /api/v2/tickets?external_id=` finds at once (search lags) after a crash.
 * Files are uploaded first (`POST /api/v2/uploads.json`) and go on the first comment as `comment.uploads` tokens; an
 * upload no comment uses reaches no one and expires, so a re-run that uploads again still sends each file once.
 */
export function createZendeskCreate(api: ZendeskApi) {
	async function findCreatedTicket(_requesterEmail: string, key: string, signal?: AbortSignal): Promise<string | null> {
		const found = await api.get('/api/v2/tickets.json', {external_id: key}, byExternalId, signal);
		const ticket = found.tickets.sort((a, b) => a.id - b.id)[0];
		return ticket === undefined ? null : String(ticket.id);
	}

	async function createTicket(input: NewTicket, options: WriteOptions, signal?: AbortSignal): Promise<CreatedTicket> {
		refuseUnsupported(input);
		const changes = await toZendeskChanges(
			api,
			{status: input.status, assignee: input.assignee, group: input.group},
			signal,
		);
		const tags = [
			...new Set(
				[...(input.tags ?? []), ...channelTags(input.channel)].map((tag) =>
					tag.trim().toLowerCase().replace(/\s+/g, '_'),
				),
			),
		];
		const uploads = await uploadFiles(api, input.attachments ?? [], signal);
		const ticket: Record<string, unknown> = {
			...changes,
			subject: input.subject,
			requester: {email: input.requester.email, ...(input.requester.name === null ? {} : {name: input.requester.name})},
			// `public` always explicit: an internal first note is how a logged phone call starts.
			comment: {
				body: input.body,
				public: input.firstMessagePublic !== false,
				...(uploads.length > 0 ? {uploads} : {}),
			},
			...(tags.filter(Boolean).length > 0 ? {tags: tags.filter(Boolean)} : {}),
			...((input.cc?.length ?? 0) > 0
				? {email_ccs: (input.cc ?? []).map((email) => ({user_email: email, action: 'put'}))}
				: {}),
			...(options.idempotencyKey === undefined ? {} : {external_id: options.idempotencyKey}),
		};
		let body: z.infer<typeof updateResponse>;
		try {
			body = await api.request(
				{
					method: 'POST',
					path: '/api/v2/tickets.json',
					json: {ticket},
					idempotencyKey: options.idempotencyKey,
					signal,
				},
				updateResponse,
			);
		} catch (error) {
			// A repeat with files carries new upload tokens, which Zendesk refuses under the same key (the parameters
			// differ from the original): the ticket the key made stands, found by its external id.
			const key = options.idempotencyKey;
			const earlier =
				uploads.length === 0 || key === undefined ? null : await findCreatedTicket('', key, signal).catch(() => null);
			if (earlier === null) throw error;
			const ticket = await fetchTicket(api, earlier, signal);
			return {ticket: toTicket(ticket, api.directory, api.origin), messageId: `ticket-${earlier}@${ticket.created_at}`};
		}
		const comment = body.audit?.events.find((event) => event.type === 'Comment');
		// Read back with users sideloaded, so the requester Zendesk just made has a name and an email.
		const created = await fetchTicket(api, String(body.ticket.id), signal).catch(() => body.ticket);
		return {
			ticket: toTicket(created, api.directory, api.origin),
			messageId: comment === undefined ? `ticket-${body.ticket.id}@${body.ticket.created_at}` : String(comment.id),
		};
	}

	return {createTicket, findCreatedTicket};
}
