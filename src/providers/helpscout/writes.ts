import type {Ticket} from '../../domain/ticket.js';
import {messageOf, ProviderError, UsageError} from '../../errors.js';
import {plainToHtml} from '../../text/plain-to-html.js';
import type {OutgoingMessage, SendResult, TicketChanges, WriteOptions} from '../help-desk.js';
import {refuseIfChanged} from '../http/drift.js';
import {conversationNotFound, conversationNumber, type HelpScoutApi} from './api.js';
import {changedAt, statusToHelpScout, toTicket} from './map.js';
import {fetchConversation, mailboxMap, resolveMailboxId, userByEmail} from './queue.js';
import type {HsConversation} from './schemas.js';

/** One JSON-Patch-style operation of `PATCH /v2/conversations/{id}` (Help Scout takes one per request). */
type PatchOperation =
	| {op: 'replace'; path: '/status'; value: 'active' | 'pending' | 'closed'}
	| {op: 'replace'; path: '/assignTo'; value: number}
	| {op: 'remove'; path: '/assignTo'}
	| {op: 'move'; path: '/mailboxId'; value: number};

type Plan = {status: 'active' | 'pending' | 'closed' | null; operations: PatchOperation[]; tags: string[] | null};

async function planFor(
	api: HelpScoutApi,
	current: HsConversation,
	changes: TicketChanges | undefined,
	signal?: AbortSignal,
): Promise<Plan> {
	const plan: Plan = {status: null, operations: [], tags: null};
	if (changes === undefined) return plan;
	// Refused before anything is sent, so a reply with a priority change is not half done.
	if (changes.priority !== undefined) {
		throw new UsageError(
			'Help Scout has no priorities',
			'Leave out the priority change; tags can mark urgency instead.',
		);
	}
	if (changes.status !== undefined) {
		const status = statusToHelpScout[changes.status];
		if (status !== current.status) plan.status = status;
	}
	if (changes.assignee !== undefined) {
		const currentId = current.assignee?.id ?? null;
		if (changes.assignee === null) {
			if (currentId !== null) plan.operations.push({op: 'remove', path: '/assignTo'});
		} else {
			const user =
				changes.assignee === 'me' ? await api.me(signal) : await userByEmail(api, changes.assignee.email, signal);
			if (user.id !== currentId) plan.operations.push({op: 'replace', path: '/assignTo', value: user.id});
		}
	}
	if (changes.group !== undefined) {
		const mailboxId = await resolveMailboxId(api, changes.group, signal);
		if (mailboxId !== current.mailboxId) plan.operations.push({op: 'move', path: '/mailboxId', value: mailboxId});
	}
	if (changes.tags !== undefined) {
		const currentTags = (current.tags ?? []).map((tag) => tag.tag);
		const removed = new Set(changes.tags.remove.map((tag) => tag.toLowerCase()));
		const kept = currentTags.filter((tag) => !removed.has(tag.toLowerCase()));
		for (const tag of changes.tags.add) {
			if (!kept.some((candidate) => candidate.toLowerCase() === tag.toLowerCase()) && !removed.has(tag.toLowerCase()))
				kept.push(tag);
		}
		if (kept.length !== currentTags.length || kept.some((tag, index) => tag !== currentTags[index])) plan.tags = kept;
	}
	return plan;
}

async function applyPlan(
	api: HelpScoutApi,
	id: number,
	plan: Plan,
	withStatus: boolean,
	signal?: AbortSignal,
): Promise<void> {
	const operations = [...plan.operations];
	if (withStatus && plan.status !== null) operations.unshift({op: 'replace', path: '/status', value: plan.status});
	// Each is a whole new value: repeating one cannot apply twice.
	for (const operation of operations) {
		await api.write({method: 'PATCH', path: `/v2/conversations/${id}`, json: operation, repeatable: true, signal});
	}
	if (plan.tags !== null) {
		await api.write({
			method: 'PUT',
			path: `/v2/conversations/${id}/tags`,
			json: {tags: plan.tags},
			repeatable: true,
			signal,
		});
	}
}

async function readConversation(api: HelpScoutApi, ticketId: string, signal?: AbortSignal): Promise<HsConversation> {
	const raw = await fetchConversation(api, ticketId, signal);
	if (raw === null)
		throw conversationNotFound(ticketId, new ProviderError('not found', {kind: 'not-found', status: 404}));
	return raw;
}

function checkDrift(raw: HsConversation, options: WriteOptions): void {
	refuseIfChanged(`conversation ${raw.id}`, changedAt(raw), options);
}

async function mapped(api: HelpScoutApi, raw: HsConversation, signal?: AbortSignal): Promise<Ticket> {
	return toTicket(raw, await mailboxMap(api, signal));
}

export async function updateTicket(
	api: HelpScoutApi,
	ticketId: string,
	changes: TicketChanges,
	options: WriteOptions,
	signal?: AbortSignal,
): Promise<Ticket> {
	const id = conversationNumber(ticketId);
	const current = await readConversation(api, ticketId, signal);
	checkDrift(current, options);
	const plan = await planFor(api, current, changes, signal);
	try {
		await applyPlan(api, id, plan, true, signal);
	} catch (error) {
		throw conversationNotFound(ticketId, error);
	}
	return mapped(api, await readConversation(api, ticketId, signal), signal);
}

/**
 * A reply (`POST …/reply`, sent to the customer by email; `customer.id` is required) or a note (`POST …/notes`), with
 * the new status in the same request. The answer is 201 without a body: the thread id is in `Resource-ID`. Not
 * repeatable: Help Scout has no idempotency key.
 */
async function postThread(
	api: HelpScoutApi,
	current: HsConversation,
	message: OutgoingMessage,
	status: Plan['status'],
	signal?: AbortSignal,
): Promise<string> {
	const text = plainToHtml(message.body);
	const customerId =
		current.primaryCustomer?.id ?? (current.createdBy?.type === 'customer' ? current.createdBy.id : null);
	if (message.public && customerId == null) {
		throw new ProviderError(`Help Scout conversation ${current.id} has no customer to reply to`, {kind: 'invalid'});
	}
	// The author: the agent csr works as (see HelpScoutApi.me).
	const user = (await api.me(signal)).id;
	const body = message.public
		? {customer: {id: customerId}, text, user, ...(status === null ? {} : {status})}
		: {text, user, ...(status === null ? {} : {status})};
	const response = await api.write({
		method: 'POST',
		path: `/v2/conversations/${current.id}/${message.public ? 'reply' : 'notes'}`,
		json: body,
		signal,
	});
	const resourceId = response.headers['resource-id'];
	if (resourceId === undefined || resourceId.trim() === '') {
		// Sent, but without the id: the thread check finds it again on a retry; the id is not needed to go on.
		api.setup.log?.(
			`help scout: the ${message.public ? 'reply' : 'note'} on ${current.id} came back without a Resource-ID`,
		);
		return `${current.id}-${Date.now()}`;
	}
	return resourceId.trim();
}

/** The thread (with the status), then the other changes; a failure after the send is a warning, never a failed send. */
export async function sendMessage(
	api: HelpScoutApi,
	ticketId: string,
	message: OutgoingMessage,
	options: WriteOptions,
	signal?: AbortSignal,
): Promise<SendResult> {
	const id = conversationNumber(ticketId);
	const current = await readConversation(api, ticketId, signal);
	checkDrift(current, options);
	const plan = await planFor(api, current, message.changes, signal);
	let messageId: string;
	try {
		messageId = await postThread(api, current, message, plan.status, signal);
	} catch (error) {
		throw conversationNotFound(ticketId, error);
	}
	const warnings: string[] = [];
	try {
		await applyPlan(api, id, plan, false, signal);
	} catch (error) {
		const warning = `the conversation changes were not applied: ${messageOf(error)}`;
		api.setup.log?.(`help scout: thread ${messageId} was added to ${ticketId}, but ${warning}`);
		warnings.push(warning);
	}
	const after = await fetchConversation(api, ticketId, signal).catch(() => null);
	const ticket = await mapped(api, after ?? current, signal).catch(() => toTicket(after ?? current, new Map()));
	return warnings.length > 0 ? {messageId, ticket, warnings} : {messageId, ticket};
}
