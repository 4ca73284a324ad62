import type {Ticket} from '../../domain/ticket.js';
import {messageOf, ProviderError, UsageError} from '../../errors.js';
import type {BatchItem, BatchOutcome, OutgoingMessage, SendResult, TicketChanges, WriteOptions} from '../help-desk.js';
import {refuseIfChanged} from '../http/drift.js';
import {type FreshdeskApi, ticketNotFound, ticketNumber} from './api.js';
import {messageWithFiles} from './attachments.js';
import {enrich} from './contacts.js';
import {priorityToFreshdesk, statusCodes, statusToFreshdesk, toTicket} from './map.js';
import {fetchTicket, resolveGroupId} from './queue.js';
import {
	bulkUpdateResponse,
	type FreshdeskTicket,
	freshdeskConversation,
	freshdeskTicket,
	jobResponse,
} from './schemas.js';

/** Ticket fields csr writes with `PUT /api/v2/tickets/{id}` or in a bulk_update's `properties`. */
export type TicketProperties = {
	status?: number;
	priority?: number;
	responder_id?: number | null;
	group_id?: number;
	/** The whole list: Freshdesk replaces it. */
	tags?: string[];
};

const escapeHtml = (text: string): string =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Freshdesk bodies are HTML and csr's are plain text: escape it (customer data stays data), blank lines make
 * paragraphs and single newlines line breaks, so the agent's layout survives.
 */
export function toHtml(body: string): string {
	const text = body.replace(/\r\n?/g, '\n').trim();
	// Nothing to say stays nothing, so Freshdesk's own "missing body" answer applies.
	if (text === '') return '';
	return text
		.split(/\n{2,}/)
		.map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
		.join('');
}

const hasChanges = (changes: TicketChanges | undefined): changes is TicketChanges =>
	changes !== undefined &&
	(changes.status !== undefined ||
		changes.priority !== undefined ||
		changes.assignee !== undefined ||
		changes.group !== undefined ||
		(changes.tags !== undefined && (changes.tags.add.length > 0 || changes.tags.remove.length > 0)));

/**
 * Freshdesk has no on-hold; an account's custom statuses (numbers above 5) play that part. csr uses the custom status
 * when there is exactly one (or one whose label says hold); otherwise it cannot guess and says which there are.
 */
async function onHoldStatus(api: FreshdeskApi, current: number, signal?: AbortSignal): Promise<number> {
	if (current > statusCodes.closed) return current;
	const custom = [...(await api.loadStatusLabels(signal)).entries()].filter(([code]) => code > statusCodes.closed);
	const hold = custom.filter(([, label]) => /hold/i.test(label));
	const [only] = hold.length === 1 ? hold : custom.length === 1 ? custom : [];
	if (only) return only[0];
	throw new UsageError(
		'Freshdesk has no on-hold status',
		custom.length === 0
			? 'This account has no custom statuses; use pending.'
			: `This account's custom statuses: ${custom.map(([code, label]) => `${label} (${code})`).join(', ')}; csr cannot tell which one means on hold.`,
	);
}

/** Tags after a delta, in the ticket's own order, new ones last; equal when nothing changes. */
export function mergeTags(current: readonly string[], delta: NonNullable<TicketChanges['tags']>): string[] {
	const removed = new Set(delta.remove.map((tag) => tag.toLowerCase()));
	const kept = current.filter((tag) => !removed.has(tag.toLowerCase()));
	const present = new Set(kept.map((tag) => tag.toLowerCase()));
	for (const tag of delta.add) {
		if (!present.has(tag.toLowerCase()) && !removed.has(tag.toLowerCase())) {
			kept.push(tag);
			present.add(tag.toLowerCase());
		}
	}
	return kept;
}

/** The fields that change: names resolved to ids, tags merged with the current list, unchanged fields left out. */
export async function propertiesFor(
	api: FreshdeskApi,
	current: FreshdeskTicket,
	changes: TicketChanges,
	signal?: AbortSignal,
): Promise<TicketProperties> {
	const properties: TicketProperties = {};
	if (changes.status !== undefined) {
		const code = statusToFreshdesk(changes.status) ?? (await onHoldStatus(api, current.status, signal));
		if (code !== current.status) properties.status = code;
	}
	if (changes.priority !== undefined) {
		const code = priorityToFreshdesk[changes.priority];
		if (code !== current.priority) properties.priority = code;
	}
	if (changes.assignee !== undefined) {
		const agentId =
			changes.assignee === null
				? null
				: changes.assignee === 'me'
					? (await api.me(signal)).id
					: (await api.agentByEmail(changes.assignee.email, signal)).id;
		if (agentId !== (current.responder_id ?? null)) properties.responder_id = agentId;
	}
	if (changes.group !== undefined) {
		const groupId = await resolveGroupId(api, changes.group, signal);
		if (groupId !== current.group_id) properties.group_id = groupId;
	}
	if (changes.tags !== undefined) {
		const currentTags = current.tags ?? [];
		const merged = mergeTags(currentTags, changes.tags);
		if (merged.length !== currentTags.length || merged.some((tag, index) => tag !== currentTags[index])) {
			properties.tags = merged;
		}
	}
	return properties;
}

/** The ticket as it is now (with its requester); not-found in the agent's words. */
async function readTicket(api: FreshdeskApi, ticketId: string, signal?: AbortSignal): Promise<FreshdeskTicket> {
	const raw = await fetchTicket(api, ticketId, 'requester', signal);
	if (raw === null) throw ticketNotFound(ticketId, new ProviderError('not found', {kind: 'not-found', status: 404}));
	return raw;
}

function checkDrift(raw: FreshdeskTicket, options: WriteOptions): void {
	refuseIfChanged(`ticket ${raw.id}`, raw.updated_at, options);
}

/** `PUT /api/v2/tickets/{id}`: a whole new value for each field, so repeating it cannot apply twice. */
async function putTicket(
	api: FreshdeskApi,
	id: number,
	properties: TicketProperties,
	signal?: AbortSignal,
): Promise<FreshdeskTicket> {
	return api.request(
		{method: 'PUT', path: `/api/v2/tickets/${id}`, json: properties, repeatable: true, signal},
		freshdeskTicket,
	);
}

async function mapped(
	api: FreshdeskApi,
	raw: FreshdeskTicket,
	before: FreshdeskTicket,
	signal?: AbortSignal,
): Promise<Ticket> {
	// A PUT answers without the requester embed: keep the one read before.
	const withRequester = raw.requester == null && before.requester != null ? {...raw, requester: before.requester} : raw;
	await enrich(api, [withRequester], signal, 'few');
	return toTicket(withRequester, api.directory, api.origin);
}

export async function updateTicket(
	api: FreshdeskApi,
	ticketId: string,
	changes: TicketChanges,
	options: WriteOptions,
	signal?: AbortSignal,
): Promise<Ticket> {
	const id = ticketNumber(ticketId);
	// Read first: Freshdesk's PUT replaces the whole tag list, so the delta is applied to the current one.
	const current = await readTicket(api, ticketId, signal);
	checkDrift(current, options);
	const properties = await propertiesFor(api, current, changes, signal);
	if (Object.keys(properties).length === 0) return mapped(api, current, current, signal);
	try {
		return await mapped(api, await putTicket(api, id, properties, signal), current, signal);
	} catch (error) {
		throw ticketNotFound(ticketId, error);
	}
}

/** `/reply` for a public reply, `/notes` with `private: true` for an internal note. Not repeatable: no idempotency. */
async function postMessage(api: FreshdeskApi, id: number, message: OutgoingMessage, signal?: AbortSignal) {
	const body = toHtml(message.body);
	if ((message.attachments ?? []).length > 0 || (message.public && (message.cc ?? []).length > 0))
		return api.request(messageWithFiles(id, body, message, signal), freshdeskConversation);
	return message.public
		? api.request({method: 'POST', path: `/api/v2/tickets/${id}/reply`, json: {body}, signal}, freshdeskConversation)
		: api.request(
				{method: 'POST', path: `/api/v2/tickets/${id}/notes`, json: {body, private: true}, signal},
				freshdeskConversation,
			);
}

/** A guess at the ticket after our own message when it cannot be read: updated_at is at least the message's time. */
function afterMessage(raw: FreshdeskTicket, messageAt: string): FreshdeskTicket {
	return Date.parse(messageAt) > Date.parse(raw.updated_at) ? {...raw, updated_at: messageAt} : raw;
}

/**
 * Once the message is out, a failure of the follow-up changes must not look like a failed send: the caller would
 * send the message again. It is logged, and the ticket returned shows what really holds.
 */
function changesFailed(api: FreshdeskApi, ticketId: string | number, messageId: string, error: unknown): string {
	const warning = `the ticket changes were not applied: ${messageOf(error)}`;
	api.setup.log?.(`freshdesk: message ${messageId} was sent to ticket ${ticketId}, but ${warning}`);
	return warning;
}

/**
 * A reply or note, then the changes (Freshdesk's reply endpoint takes no status: two calls, in that order, so a
 * failure between them leaves the message sent and the fields unchanged, never the reverse).
 */
export async function sendMessage(
	api: FreshdeskApi,
	ticketId: string,
	message: OutgoingMessage,
	options: WriteOptions,
	signal?: AbortSignal,
): Promise<SendResult> {
	const id = ticketNumber(ticketId);
	const current = await readTicket(api, ticketId, signal);
	checkDrift(current, options);
	// Resolve names before anything is sent: a mistyped group fails the whole send, not half of it.
	const properties = hasChanges(message.changes) ? await propertiesFor(api, current, message.changes, signal) : {};
	let conversation: Awaited<ReturnType<typeof postMessage>>;
	try {
		conversation = await postMessage(api, id, message, signal);
	} catch (error) {
		throw ticketNotFound(ticketId, error);
	}
	const messageId = String(conversation.id);
	let after: FreshdeskTicket | null = null;
	const warnings: string[] = [];
	if (Object.keys(properties).length > 0) {
		try {
			after = await putTicket(api, id, properties, signal);
		} catch (error) {
			warnings.push(changesFailed(api, ticketId, messageId, error));
		}
	}
	// The returned ticket is the agent's new baseline for drift checks, so it is read again rather than guessed.
	after ??= await fetchTicket(api, ticketId, 'requester', signal).catch(() => null);
	const final = after ?? afterMessage(current, conversation.created_at);
	// Nothing after the send may throw (a thrown send gets sent again): names that cannot be looked up stay ids.
	const ticket = await mapped(api, final, current, signal).catch(() =>
		toTicket(final.requester == null ? {...final, requester: current.requester} : final, api.directory, api.origin),
	);
	return warnings.length > 0 ? {messageId, ticket, warnings} : {messageId, ticket};
}

const inProgress = (status: string | null | undefined): boolean =>
	/progress|queued|pending|running|started/i.test(status ?? '');

/**
 * Waits for a bulk_update job: `GET /api/v2/jobs/{id}` while its status says in progress, then the per-ticket
 * `data[]` (`{id, success}`). The wording of the final status varies, so only `data[]` is trusted. Ids with no result
 * (a job that timed out or lost them) count as not applied.
 */
async function awaitJob(api: FreshdeskApi, jobId: string, signal?: AbortSignal): Promise<Map<string, boolean>> {
	const deadline = api.clock.now() + (api.options.jobTimeoutMs ?? 120_000);
	let wait = api.options.jobPollIntervalMs ?? 1000;
	for (;;) {
		const job = await api.get(`/api/v2/jobs/${encodeURIComponent(jobId)}`, {}, jobResponse, signal);
		if (!inProgress(job.status)) {
			return new Map((job.data ?? []).map((item) => [String(item.id), item.success]));
		}
		if (api.clock.now() + wait > deadline) return new Map();
		await api.clock.sleep(wait, signal);
		wait = Math.min(5000, wait * 2);
	}
}

/** Applies the same properties to many tickets in one bulk_update job (≤ 100 ids); returns the ids it did not apply. */
async function bulkUpdate(
	api: FreshdeskApi,
	ids: readonly number[],
	properties: TicketProperties,
	signal?: AbortSignal,
): Promise<number[]> {
	const {job_id: jobId} = await api.request(
		{
			method: 'POST',
			path: '/api/v2/tickets/bulk_update',
			json: {bulk_action: {ids, properties}},
			// Whole new field values: a repeated job sets the same values again.
			repeatable: true,
			signal,
		},
		bulkUpdateResponse,
	);
	const results = await awaitJob(api, jobId, signal);
	return ids.filter((id) => results.get(String(id)) !== true);
}

type Sent = {item: BatchItem; id: number; current: FreshdeskTicket; properties: TicketProperties; messageId: string};

/**
 * A bulk reply: Freshdesk's bulk_update can carry one reply body for all tickets, but csr's replies are personalised
 * and need a message id each, so messages go one request per ticket (a few at a time). The ticket changes that
 * follow are what bulk_update is for: tickets that get the same status / priority / assignee / group share one job
 * per 100; tag changes (a merged list per ticket) and anything the job did not apply go by `PUT`, one per ticket.
 */
export async function sendBatch(
	api: FreshdeskApi,
	items: readonly BatchItem[],
	signal?: AbortSignal,
): Promise<BatchOutcome[]> {
	const sent: Sent[] = [];
	const outcomes = await api.mapLimited(items, async (item): Promise<BatchOutcome> => {
		try {
			const id = ticketNumber(item.ticketId);
			const current = await readTicket(api, item.ticketId, signal);
			checkDrift(current, item.options);
			const changes = item.message.changes;
			const properties = hasChanges(changes) ? await propertiesFor(api, current, changes, signal) : {};
			let conversation: Awaited<ReturnType<typeof postMessage>>;
			try {
				conversation = await postMessage(api, id, item.message, signal);
			} catch (error) {
				throw ticketNotFound(item.ticketId, error);
			}
			const messageId = String(conversation.id);
			sent.push({item, id, current, properties, messageId});
			return {ticketId: item.ticketId, ok: true, messageId};
		} catch (error) {
			return {ticketId: item.ticketId, ok: false, error: error instanceof Error ? error : new Error(String(error))};
		}
	});

	// Completion order is arbitrary; keep the caller's.
	sent.sort((a, b) => items.indexOf(a.item) - items.indexOf(b.item));
	const byProperties = new Map<string, Sent[]>();
	const oneByOne: Sent[] = [];
	for (const entry of sent) {
		if (Object.keys(entry.properties).length === 0) continue;
		if (entry.properties.tags !== undefined) {
			oneByOne.push(entry);
			continue;
		}
		const key = JSON.stringify(entry.properties);
		byProperties.set(key, [...(byProperties.get(key) ?? []), entry]);
	}
	for (const group of byProperties.values()) {
		if (group.length === 1) {
			oneByOne.push(...group);
			continue;
		}
		for (let start = 0; start < group.length; start += 100) {
			const chunk = group.slice(start, start + 100);
			let missed: number[];
			try {
				missed = await bulkUpdate(
					api,
					chunk.map((entry) => entry.id),
					chunk[0]?.properties ?? {},
					signal,
				);
			} catch (error) {
				api.setup.log?.(`freshdesk: bulk_update failed (${messageOf(error)}); updating one ticket at a time`);
				missed = chunk.map((entry) => entry.id);
			}
			oneByOne.push(...chunk.filter((entry) => missed.includes(entry.id)));
		}
	}
	await api.mapLimited(oneByOne, async (entry) => {
		try {
			await putTicket(api, entry.id, entry.properties, signal);
		} catch (error) {
			changesFailed(api, entry.id, entry.messageId, error);
		}
	});
	return outcomes;
}
