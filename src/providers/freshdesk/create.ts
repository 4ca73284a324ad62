import * as z from 'zod';
import type {Channel} from '../../domain/ticket.js';
import {messageOf, ProviderError} from '../../errors.js';
import type {CreatedTicket, NewTicket, WriteOptions} from '../help-desk.js';
import type {HttpRequest} from '../http/http-client.js';
import {lateWriteMs} from '../http/settle.js';
import type {FreshdeskApi} from './api.js';
import {fileParts, messageWithFiles} from './attachments.js';
import {statusCodes, toTicket} from './map.js';
import {fetchTicket} from './queue.js';
import {freshdeskConversation, freshdeskTicket, ticketList} from './schemas.js';
import {propertiesFor, toHtml} from './writes.js';

const emailConfigs = z.array(
	z.object({
		id: z.number().int(),
		to_email: z.string().nullish(),
		primary_role: z.boolean().nullish(),
		active: z.boolean().nullish(),
	}),
);

/** Freshdesk `source` of a ticket an agent opens on this channel (1 email, 3 phone, 7 chat). */
const sourceOf: Readonly<Record<Channel, number>> = {
	email: 1,
	web: 2,
	phone: 3,
	chat: 7,
	social: 1,
	other: 1,
	api: 2,
	review: 1,
	sms: 1,
};

/**
 * The outbound email: JSON, or with files multipart/form-data (`attachments[]`, the only way Freshdesk takes files);
 * there arrays go as repeated `name[]` fields and numbers as text.
 */
function outboundRequest(
	fields: Record<string, unknown>,
	files: NonNullable<NewTicket['attachments']>,
	signal?: AbortSignal,
): HttpRequest {
	const path = '/api/v2/tickets/outbound_email';
	if (files.length === 0) return {method: 'POST', path, json: fields, signal};
	const parts = Object.entries(fields).flatMap(([name, value]) =>
		Array.isArray(value)
			? value.map((item) => ({name: `${name}[]`, value: String(item)}))
			: [{name, value: String(value)}],
	);
	return {
		method: 'POST',
		path,
		multipart: [...parts, ...fileParts(files)],
		signal,
	};
}

/** Freshdesk has no idempotency key: the csr key goes on the ticket as a tag (tags are short; 32 characters). */
export const markerTag = (key: string): string => key.slice(0, 32).toLowerCase();

/**
 * New Freshdesk tickets. The agent's first public message is an outbound email (`POST /api/v2/tickets/outbound_email`
 * from the account's primary support address); a logged call with an internal note is a phone ticket
 * (`POST /api/v2/tickets`, source 3) whose call summary goes on as a private note. Exactly once: Freshdesk repeats
 * nothing by itself, so the create is never retried blind, and a marker tag lets `findCreatedTicket` find it among the
 * requester's tickets after a crash. Files go with the outbound email (multipart), or with the private note.
 */
export function createFreshdeskCreate(api: FreshdeskApi) {
	let primary: Promise<number> | undefined;

	/** The account's primary, active support address (outbound email must name one). */
	function emailConfigId(signal?: AbortSignal): Promise<number> {
		primary ??= (async () => {
			const configs = await api.getOrNull('/api/v2/email_configs', {}, emailConfigs, signal, [403]);
			if (configs === null)
				throw new ProviderError('Freshdesk did not let csr read the support email addresses (email_configs)', {
					kind: 'permanent',
					hint: 'Outbound email needs an agent allowed to view email settings; ask a Freshdesk admin.',
				});
			const active = configs.filter((config) => config.active !== false);
			const chosen = active.find((config) => config.primary_role === true) ?? active[0];
			if (chosen === undefined)
				throw new ProviderError('this Freshdesk account has no active support email address to send from', {
					kind: 'invalid',
					hint: 'Add one under Admin > Email in Freshdesk.',
				});
			return chosen.id;
		})();
		primary.catch(() => {
			primary = undefined;
		});
		return primary;
	}

	async function findCreatedTicket(requesterEmail: string, key: string, signal?: AbortSignal): Promise<string | null> {
		const tag = markerTag(key);
		// The requester's tickets of the last 30 days (Freshdesk's default window; a crash is recovered well within it).
		for (let page = 1; page <= 3; page++) {
			const found = await api.page(
				'/api/v2/tickets',
				{email: requesterEmail, order_by: 'created_at', order_type: 'desc', per_page: 100, page},
				ticketList,
				signal,
			);
			const mine = found.items.filter((ticket) => (ticket.tags ?? []).some((candidate) => candidate === tag));
			const oldest = mine.sort((a, b) => a.id - b.id)[0];
			if (oldest !== undefined) return String(oldest.id);
			if (!found.hasNext) break;
		}
		return null;
	}

	async function createTicket(input: NewTicket, options: WriteOptions, signal?: AbortSignal): Promise<CreatedTicket> {
		if (input.subject.trim() === '') throw new ProviderError('a new ticket needs a subject', {kind: 'invalid'});
		if (input.body.trim() === '') throw new ProviderError('a new ticket needs a first message', {kind: 'invalid'});
		const files = input.attachments ?? [];
		const epoch = new Date(0).toISOString();
		// Fields are resolved as changes to an empty open ticket (names to ids, on-hold to the account's status).
		const blank = {id: 0, status: statusCodes.open, tags: [], created_at: epoch, updated_at: epoch};
		const properties = await propertiesFor(
			api,
			blank,
			{status: input.status, assignee: input.assignee, group: input.group},
			signal,
		);
		const tags = [...new Set((input.tags ?? []).map((tag) => tag.trim()).filter(Boolean))];
		if (options.idempotencyKey !== undefined) tags.push(markerTag(options.idempotencyKey));
		const note = input.firstMessagePublic === false;
		const common = {
			email: input.requester.email,
			...(input.requester.name === null ? {} : {name: input.requester.name}),
			subject: input.subject,
			status: properties.status ?? statusCodes.open,
			priority: 1,
			...(properties.responder_id == null ? {} : {responder_id: properties.responder_id}),
			...(properties.group_id === undefined ? {} : {group_id: properties.group_id}),
			...(tags.length > 0 ? {tags} : {}),
			...((input.cc?.length ?? 0) > 0 ? {cc_emails: [...(input.cc ?? [])]} : {}),
		};
		const raw = note
			? await api.request(
					{
						method: 'POST',
						path: '/api/v2/tickets',
						json: {
							...common,
							source: sourceOf[input.channel],
							description: toHtml(`${input.channel === 'phone' ? 'Phone call' : 'Conversation'} logged in csr.`),
						},
						signal,
					},
					freshdeskTicket,
				)
			: await api.request(
					outboundRequest(
						{...common, description: toHtml(input.body), email_config_id: await emailConfigId(signal)},
						files,
						signal,
					),
					freshdeskTicket,
				);
		let messageId = `description-${raw.id}`;
		if (note) {
			// The ticket exists now: a failing note must not look like a failed create (the run would open another).
			try {
				const posted = await api.request(
					messageWithFiles(raw.id, toHtml(input.body), {body: input.body, public: false, attachments: files}, signal),
					freshdeskConversation,
				);
				messageId = String(posted.id);
			} catch (error) {
				api.setup.log?.(`freshdesk: ticket ${raw.id} was opened, but its private note failed: ${messageOf(error)}`);
			}
		}
		const created = (await fetchTicket(api, String(raw.id), 'requester', signal).catch(() => null)) ?? raw;
		return {ticket: toTicket(created, api.directory, api.origin), messageId};
	}

	// No idempotency key: a create queued at Freshdesk when csr stopped waiting may still land (HTTP read timeout 30 s,
	// and a margin), so a re-run looks for it until then before creating again.
	return {createTicket, findCreatedTicket, createMayLandWithinMs: lateWriteMs};
}
