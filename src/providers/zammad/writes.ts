import type {Ticket} from '../../domain/ticket.js';
import {messageOf, ProviderError, UsageError} from '../../errors.js';
import {plainToHtml} from '../../text/plain-to-html.js';
import type {OutgoingMessage, SendResult, TicketChanges, WriteOptions} from '../help-desk.js';
import {refuseIfChanged} from '../http/drift.js';
import {api as apiPath, ticketNotFound, ticketNumber, type ZammadApi} from './api.js';
import {nobody, priorityFromName, stateTypes, toTicket, writeStateTypeFor} from './map.js';
import {agentByEmail, fetchTicket, lookupFor, resolveGroupId, tagsForDisplay, tagsOf} from './queue.js';
import {type ZammadTicket, zammadArticle, zammadTicket} from './schemas.js';

/** Ticket fields csr writes with `PUT /api/v1/tickets/{id}`. */
export type TicketProperties = {
	state_id?: number;
	pending_time?: string;
	priority_id?: number;
	owner_id?: number;
	group_id?: number;
};

/** Pending states need a time: csr sets it this far ahead (the state's own action then applies). */
export const pendingDays = 3;

const hasChanges = (changes: TicketChanges | undefined): changes is TicketChanges =>
	changes !== undefined &&
	(changes.status !== undefined ||
		changes.priority !== undefined ||
		changes.assignee !== undefined ||
		changes.group !== undefined ||
		(changes.tags !== undefined && (changes.tags.add.length > 0 || changes.tags.remove.length > 0)));

/** The fields that change: names resolved to ids, unchanged fields left out. */
export async function propertiesFor(
	api: ZammadApi,
	current: ZammadTicket,
	changes: TicketChanges,
	signal?: AbortSignal,
): Promise<TicketProperties> {
	const properties: TicketProperties = {};
	if (changes.status !== undefined) {
		const states = (await api.states(signal)).filter((state) => state.active !== false);
		const type = writeStateTypeFor(changes.status);
		const currentType = states.find((state) => state.id === current.state_id)?.state_type_id;
		if (currentType !== type) {
			const state = states.find((candidate) => candidate.state_type_id === type);
			if (state === undefined) {
				throw new UsageError(
					`this Zammad has no state for csr's "${changes.status}"`,
					'See the states in Zammad’s admin settings.',
				);
			}
			properties.state_id = state.id;
			if (state.state_type_id === stateTypes.pendingAction || state.state_type_id === stateTypes.pendingReminder) {
				properties.pending_time = new Date(api.setup.now().getTime() + pendingDays * 86_400_000).toISOString();
			}
		}
	}
	if (changes.priority !== undefined) {
		const priorities = (await api.priorities(signal)).filter((priority) => priority.active !== false);
		const wanted = changes.priority;
		// Urgent falls back to the highest priority there is (stock Zammad stops at "3 high").
		const match =
			priorities.find((priority) => priorityFromName(priority.name) === wanted) ??
			(wanted === 'urgent' ? [...priorities].sort((a, b) => b.id - a.id)[0] : undefined);
		if (match === undefined) throw new UsageError(`this Zammad has no "${wanted}" priority`);
		if (match.id !== current.priority_id) properties.priority_id = match.id;
	}
	if (changes.assignee !== undefined) {
		const ownerId =
			changes.assignee === null
				? nobody
				: changes.assignee === 'me'
					? (await api.me(signal)).id
					: (await agentByEmail(api, changes.assignee.email, signal)).id;
		if (ownerId !== (current.owner_id ?? nobody)) properties.owner_id = ownerId;
	}
	if (changes.group !== undefined) {
		const groupId = await resolveGroupId(api, changes.group, signal);
		if (groupId !== current.group_id) properties.group_id = groupId;
	}
	return properties;
}

/** The ticket as it is now; not-found in the agent's words. */
async function readTicket(api: ZammadApi, ticketId: string, signal?: AbortSignal): Promise<ZammadTicket> {
	const raw = await fetchTicket(api, ticketId, signal);
	if (raw === null) throw ticketNotFound(ticketId, new ProviderError('not found', {kind: 'not-found', status: 404}));
	return raw;
}

function checkDrift(raw: ZammadTicket, options: WriteOptions): void {
	refuseIfChanged(`ticket ${raw.id}`, raw.updated_at, options);
}

/** Tag deltas: `POST /tags/add` and `DELETE /tags/remove`, one tag each (repeating one changes nothing). */
async function applyTags(
	api: ZammadApi,
	id: number,
	current: readonly string[],
	delta: NonNullable<TicketChanges['tags']>,
	signal?: AbortSignal,
): Promise<void> {
	const has = new Set(current.map((tag) => tag.toLowerCase()));
	const removed = new Set(delta.remove.map((tag) => tag.toLowerCase()));
	for (const tag of delta.remove) {
		if (!has.has(tag.toLowerCase())) continue;
		await api.http.send({
			method: 'DELETE',
			path: `${apiPath}/tags/remove`,
			json: {object: 'Ticket', o_id: id, item: tag},
			repeatable: true,
			signal,
		});
	}
	for (const tag of delta.add) {
		if (has.has(tag.toLowerCase()) || removed.has(tag.toLowerCase())) continue;
		await api.http.send({
			method: 'POST',
			path: `${apiPath}/tags/add`,
			json: {object: 'Ticket', o_id: id, item: tag},
			repeatable: true,
			signal,
		});
	}
}

/** `PUT /api/v1/tickets/{id}` with whole new values: repeating it cannot apply twice. */
function putTicket(api: ZammadApi, id: number, properties: TicketProperties, signal?: AbortSignal) {
	return api.request(
		{method: 'PUT', path: `${apiPath}/tickets/${id}`, json: properties, repeatable: true, signal},
		zammadTicket,
	);
}

async function applyChanges(
	api: ZammadApi,
	id: number,
	current: ZammadTicket,
	properties: TicketProperties,
	changes: TicketChanges,
	signal?: AbortSignal,
): Promise<void> {
	if (Object.keys(properties).length > 0) await putTicket(api, id, properties, signal);
	if (changes.tags !== undefined) await applyTags(api, id, await tagsOf(api, current.id, signal), changes.tags, signal);
}

async function mapped(api: ZammadApi, raw: ZammadTicket, signal?: AbortSignal): Promise<Ticket> {
	const [lookup, tags] = await Promise.all([lookupFor(api, [raw], signal), tagsForDisplay(api, raw.id, signal)]);
	return toTicket(raw, tags, lookup);
}

export async function updateTicket(
	api: ZammadApi,
	ticketId: string,
	changes: TicketChanges,
	options: WriteOptions,
	signal?: AbortSignal,
): Promise<Ticket> {
	const id = ticketNumber(ticketId);
	const current = await readTicket(api, ticketId, signal);
	checkDrift(current, options);
	const properties = await propertiesFor(api, current, changes, signal);
	try {
		await applyChanges(api, id, current, properties, changes, signal);
	} catch (error) {
		throw ticketNotFound(ticketId, error);
	}
	return mapped(api, await readTicket(api, ticketId, signal), signal);
}

/**
 * A reply is an `email` article to the customer (`internal: false`); without a customer address it is a public
 * `note` (the customer sees it in the portal, no email goes out). A note is an internal `note` article: Zammad sends
 * internal articles of type email too, so csr never uses that type for notes. Not repeatable: no idempotency key.
 */
async function postArticle(api: ZammadApi, current: ZammadTicket, message: OutgoingMessage, signal?: AbortSignal) {
	const customer = current.customer_id == null ? null : await api.user(current.customer_id, signal).catch(() => null);
	const email = message.public ? (customer?.email ?? null) : null;
	return api.request(
		{
			method: 'POST',
			path: `${apiPath}/ticket_articles`,
			json: {
				ticket_id: current.id,
				body: plainToHtml(message.body),
				content_type: 'text/html',
				type: email === null ? 'note' : 'email',
				internal: !message.public,
				sender: 'Agent',
				...(email === null ? {} : {to: email}),
			},
			signal,
		},
		zammadArticle,
	);
}

/**
 * The article, then the changes (two calls in that order: a failure between them leaves the message sent and the
 * fields unchanged, never the reverse; the failure comes back as a warning, not as a failed send).
 */
export async function sendMessage(
	api: ZammadApi,
	ticketId: string,
	message: OutgoingMessage,
	options: WriteOptions,
	signal?: AbortSignal,
): Promise<SendResult> {
	const id = ticketNumber(ticketId);
	const current = await readTicket(api, ticketId, signal);
	checkDrift(current, options);
	const changes = hasChanges(message.changes) ? message.changes : undefined;
	// Resolve names before anything is sent: a mistyped group fails the whole send, not half of it.
	const properties = changes === undefined ? {} : await propertiesFor(api, current, changes, signal);
	let article: Awaited<ReturnType<typeof postArticle>>;
	try {
		article = await postArticle(api, current, message, signal);
	} catch (error) {
		throw ticketNotFound(ticketId, error);
	}
	const messageId = String(article.id);
	const warnings: string[] = [];
	if (changes !== undefined) {
		try {
			await applyChanges(api, id, current, properties, changes, signal);
		} catch (error) {
			const warning = `the ticket changes were not applied: ${messageOf(error)}`;
			api.setup.log?.(`zammad: article ${messageId} was added to ticket ${ticketId}, but ${warning}`);
			warnings.push(warning);
		}
	}
	// Nothing after the send may throw (a thrown send gets sent again): the new baseline is read back, else guessed.
	const after = await fetchTicket(api, ticketId, signal).catch(() => null);
	const final =
		after ??
		(Date.parse(article.created_at) > Date.parse(current.updated_at)
			? {...current, updated_at: article.created_at}
			: current);
	const ticket = await mapped(api, final, signal).catch(() =>
		toTicket(final, [], {states: [], priorities: [], groups: new Map(), user: api.knownUser, origin: api.webBase}),
	);
	return warnings.length > 0 ? {messageId, ticket, warnings} : {messageId, ticket};
}
