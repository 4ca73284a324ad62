import * as z from 'zod';
import type {Ticket} from '../../domain/ticket.js';
import {messageOf, ProviderError} from '../../errors.js';
import type {CreatedTicket, NewTicket, WriteOptions} from '../help-desk.js';
import {lateWriteMs} from '../http/settle.js';
import type {RtApi} from './api.js';
import {attachmentFields} from './attachments.js';
import {rtStatusFor, tagCondition, tagsOf, toTicket} from './map.js';
import {rtQueue} from './schemas.js';
import {quote} from './ticket-sql.js';

const created = z.object({id: z.union([z.string(), z.number()]).transform(String)});
const found = z.object({items: z.array(z.object({id: z.union([z.string(), z.number()]).transform(String)}))});

/**
 * The link that marks a ticket csr opened under a key: a "Refers to" link to a URN. RT takes any URI as a link
 * target, keeps it whatever happens to the subject or custom fields, and TicketSQL finds it (`RefersTo = '…'`).
 */
export const markerLink = (key: string): string => `urn:csr:${key}`;

/** The queue a new ticket goes to: the one named, else General, else the first queue the agent sees. */
async function queueFor(api: RtApi, wanted: string | undefined, signal?: AbortSignal): Promise<string> {
	if (wanted !== undefined && wanted.trim() !== '') return wanted.trim();
	const queues = (await api.all('/queues/all', {fields: 'Name,Disabled'}, rtQueue, signal)).filter(
		(queue) => !queue.Disabled,
	);
	const general = queues.find((queue) => queue.Name.toLowerCase() === 'general') ?? queues[0];
	if (general === undefined)
		throw new ProviderError('RT shows this agent no queue to open a ticket in', {
			kind: 'invalid',
			hint: 'Name one with --group QUEUE, or ask an RT admin for CreateTicket on a queue.',
		});
	return general.Name || general.id;
}

/** The owner's login for csr's assignee ('me' or an agent's email). */
async function ownerFor(api: RtApi, assignee: NewTicket['assignee'], signal?: AbortSignal): Promise<string | null> {
	if (assignee === undefined) return null;
	if (assignee === 'me') return (await api.me(signal)).Name;
	const login = await api.loginForEmail(assignee.email, signal);
	if (login === null)
		throw new ProviderError(`RT has no user with the email ${assignee.email}`, {
			kind: 'invalid',
			hint: 'Check the address; the owner must be an RT user who may own tickets.',
		});
	return login;
}

/** csr tags as RT custom-field values: plain tags in "Tags", "Field:Value" in Field. */
function customFieldsFor(tags: readonly string[]): Record<string, string[]> {
	const fields: Record<string, string[]> = {};
	for (const tag of tags) {
		const {field, value} = tagCondition(tag.trim());
		if (value === '') continue;
		fields[field] = [...(fields[field] ?? []), value];
	}
	return fields;
}

/**
 * New RT tickets: `POST /ticket` with the queue (csr's group), the requestor, Cc and the subject. The agent's first
 * public message is the ticket's opening content (RT's create transaction, which its autoreply mails to the
 * requestor); an internal first note is a ticket without content and then a comment. Owner, status and tags (custom
 * fields) go with the create, files as base64 `Attachments` (as on a correspond), and the tags are checked afterwards (RT drops a field the queue does not have). Exactly once: RT has no idempotency key, so the
 * create is never retried blind and carries a marker link `findCreatedTicket` looks for with TicketSQL.
 */
export function createRtCreate(api: RtApi) {
	async function findCreatedTicket(_requesterEmail: string, key: string, signal?: AbortSignal): Promise<string | null> {
		const sql = `RefersTo = ${quote(markerLink(key))}`;
		const page = await api.get('/tickets', {query: sql, orderby: 'id', order: 'ASC', per_page: 1}, found, signal);
		return page.items[0]?.id ?? null;
	}

	async function createTicket(input: NewTicket, options: WriteOptions, signal?: AbortSignal): Promise<CreatedTicket> {
		if (input.subject.trim() === '') throw new ProviderError('a new ticket needs a subject', {kind: 'invalid'});
		if (input.body.trim() === '') throw new ProviderError('a new ticket needs a first message', {kind: 'invalid'});
		const note = input.firstMessagePublic === false;
		const requestor =
			input.requester.name === null
				? input.requester.email
				: `"${input.requester.name.replace(/["\\\r\n]/g, '')}" <${input.requester.email}>`;
		const owner = await ownerFor(api, input.assignee, signal);
		const tags = (input.tags ?? []).filter((tag) => tag.trim() !== '');
		const response = await api.send({
			method: 'POST',
			path: '/ticket',
			json: {
				Queue: await queueFor(api, input.group, signal),
				Subject: input.subject,
				Requestor: requestor,
				...((input.cc?.length ?? 0) > 0 ? {Cc: [...(input.cc ?? [])]} : {}),
				...(note
					? {}
					: {
							Content: input.body,
							ContentType: 'text/plain',
							...attachmentFields({body: input.body, public: true, attachments: input.attachments}),
						}),
				...(owner === null ? {} : {Owner: owner}),
				...(tags.length > 0 ? {CustomFields: customFieldsFor(tags)} : {}),
				...(input.status === undefined || input.status === 'new' ? {} : {Status: rtStatusFor(input.status)}),
				...(options.idempotencyKey === undefined ? {} : {RefersTo: markerLink(options.idempotencyKey)}),
			},
			signal,
		});
		const parsed = created.safeParse(response.body);
		if (!parsed.success) throw new ProviderError('RT answered the new ticket without its id');
		const id = parsed.data.id;
		// The ticket exists: from here on nothing may throw (the run would open another one). Problems are logged.
		let messageId = `create-${id}`;
		if (note) {
			try {
				const comment = await api.send({
					method: 'POST',
					path: `/ticket/${id}/comment`,
					json: {
						Content: input.body,
						ContentType: 'text/plain',
						...attachmentFields({body: input.body, public: false, attachments: input.attachments}),
					},
					signal,
				});
				messageId = /\/transaction\/(\d+)\/?$/.exec(comment.headers['location'] ?? '')?.[1] ?? messageId;
			} catch (error) {
				api.setup.log?.(`rt: ticket ${id} was opened, but its internal note failed: ${messageOf(error)}`);
			}
		}
		const [raw] = await api.ticketsById([id], signal).catch(() => []);
		if (raw === undefined) {
			// Made but not readable right now: say what was asked for, never fail (a failure would open another).
			const at = api.setup.now().toISOString();
			const ticket: Ticket = {
				id,
				subject: input.subject,
				status: input.status ?? 'new',
				priority: null,
				channel: input.channel,
				requester: {
					id: input.requester.email,
					name: input.requester.name ?? '',
					email: input.requester.email,
					locale: null,
				},
				assignee: null,
				group: null,
				tags: [...tags],
				createdAt: at,
				updatedAt: at,
				slaDueAt: null,
				url: `${api.webBase}/Ticket/Display.html?id=${id}`,
			};
			return {ticket, messageId};
		}
		const kept = new Set(tagsOf(raw.CustomFields).map((tag) => tag.toLowerCase()));
		const dropped = tags.filter((tag) => !kept.has(tag.trim().toLowerCase()));
		if (dropped.length > 0)
			api.setup.log?.(`rt: ticket ${id} did not keep the tags ${dropped.join(', ')} (no custom field for them)`);
		return {ticket: toTicket(raw, api.webBase), messageId};
	}

	// No idempotency key: a create queued in RT's server when csr stopped waiting may still land (HTTP read timeout
	// 30 s, and a margin), so a re-run looks for it until then before creating again.
	return {createTicket, findCreatedTicket, createMayLandWithinMs: lateWriteMs};
}
