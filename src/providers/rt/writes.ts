import type {Ticket} from '../../domain/ticket.js';
import {ConflictError, messageOf, ProviderError} from '../../errors.js';
import type {OutgoingMessage, SendResult, TicketChanges, WriteOptions} from '../help-desk.js';
import {notFound, type RtApi, ticketNumber} from './api.js';
import {addCcWatchers, attachmentFields} from './attachments.js';
import {applyTagDelta, priorityToRt, rtStatusFor, toPriority, toStatus, toTicket} from './map.js';
import {type RtTicket, rtMessages} from './schemas.js';
import {fetchHistory} from './thread.js';

export async function fetchTicket(api: RtApi, ticketId: string, signal?: AbortSignal): Promise<RtTicket> {
	const number = ticketNumber(ticketId);
	const [raw] = (await api.ticketsById([ticketId], signal)).filter((ticket) => ticket.id === String(number));
	if (raw === undefined) throw notFound(ticketId);
	return raw;
}

/**
 * RT cannot make a write conditional on LastUpdated, but csr reads the ticket just before writing anyway: a ticket
 * that already changed since the caller's read is refused here (the window to the write stays open, hence
 * supportsSafeUpdate false and the reply service's own check).
 */
function checkDrift(current: RtTicket, options: WriteOptions): void {
	const expected = options.expectedUpdatedAt;
	if (expected === undefined || Date.parse(expected) === Date.parse(current.LastUpdated)) return;
	throw new ConflictError(
		`RT ticket ${current.id} changed since it was read (updated ${current.LastUpdated}, read at ${expected})`,
		'Read it again (csr show) and retry.',
	);
}

/** What a PUT /ticket/:id must say for `changes`, and what the ticket must look like afterwards. */
type UpdatePlan = {
	readonly body: Record<string, unknown>;
	readonly check: (after: RtTicket) => string[];
};

/** Resolves names (owner by email, custom fields) before anything is written, so a bad change sends nothing. */
async function planUpdate(
	api: RtApi,
	current: RtTicket,
	changes: TicketChanges,
	signal?: AbortSignal,
): Promise<UpdatePlan> {
	const body: Record<string, unknown> = {};
	const checks: ((after: RtTicket) => string | null)[] = [];
	if (changes.status !== undefined) {
		const wanted = rtStatusFor(changes.status);
		body['Status'] = wanted;
		checks.push((after) =>
			toStatus(after.Status).status === toStatus(wanted).status ? null : `status is ${after.Status}, not ${wanted}`,
		);
	}
	if (changes.priority !== undefined) {
		const wanted = changes.priority;
		body['Priority'] = priorityToRt[wanted];
		checks.push((after) => (toPriority(after.Priority) === wanted ? null : `priority is ${after.Priority ?? 'unset'}`));
	}
	if (changes.assignee !== undefined) {
		const {assignee} = changes;
		let owner: string;
		if (assignee === null) owner = 'Nobody';
		else if (assignee === 'me') owner = (await api.me(signal)).Name;
		else {
			const login = await api.loginForEmail(assignee.email, signal);
			if (login === null) {
				throw new ProviderError(`RT has no user with the email ${assignee.email}`, {
					kind: 'invalid',
					hint: 'Check the address; the owner must be an RT user who may own tickets.',
				});
			}
			owner = login;
		}
		body['Owner'] = owner;
		checks.push((after) =>
			after.Owner.id.toLowerCase() === owner.toLowerCase() || after.Owner.Name.toLowerCase() === owner.toLowerCase()
				? null
				: `owner is ${after.Owner.id}, not ${owner}`,
		);
	}
	if (changes.group !== undefined) {
		const wanted = changes.group;
		body['Queue'] = wanted;
		checks.push((after) =>
			after.Queue.id === wanted || after.Queue.Name.toLowerCase() === wanted.toLowerCase()
				? null
				: `queue is ${after.Queue.Name || after.Queue.id}, not ${wanted}`,
		);
	}
	if (changes.tags !== undefined && (changes.tags.add.length > 0 || changes.tags.remove.length > 0)) {
		const singles = new Map<string, boolean>();
		for (const field of current.CustomFields) singles.set(field.id, await api.isSingleValueField(field.id, signal));
		const writes = applyTagDelta(current.CustomFields, changes.tags, (id) => singles.get(id) === true);
		const customFields: Record<string, unknown> = {};
		for (const write of writes) {
			// RT takes an array for a multi-value field (the new full list); a single-value field takes a value or null.
			customFields[write.id] = singles.get(write.id) ? (write.values[0] ?? null) : write.values;
			checks.push((after) => {
				const values = after.CustomFields.find((field) => field.id === write.id)?.values ?? [];
				const same = values.length === write.values.length && write.values.every((value) => values.includes(value));
				return same ? null : `${write.name} is [${values.join(', ')}], not [${write.values.join(', ')}]`;
			});
		}
		body['CustomFields'] = customFields;
	}
	return {body, check: (after) => checks.flatMap((check) => check(after) ?? [])};
}

/** PUT the plan; RT answers 200 even when it refused a change, so the ticket is read again and compared. */
async function applyPlan(api: RtApi, ticketId: string, plan: UpdatePlan, signal?: AbortSignal): Promise<RtTicket> {
	const response = await api.send({method: 'PUT', path: `/ticket/${ticketNumber(ticketId)}`, json: plan.body, signal});
	const said = rtMessages.safeParse(response.body);
	const after = await fetchTicket(api, ticketId, signal);
	const problems = plan.check(after);
	if (problems.length > 0) {
		const messages = said.success ? said.data.filter((line) => line.trim() !== '') : [];
		throw new ProviderError(
			`RT did not apply the change to ticket ${ticketId}: ${problems.join('; ')}${messages.length > 0 ? ` (RT said: ${messages.join(' ')})` : ''}`,
			{kind: 'invalid', status: response.status},
		);
	}
	return after;
}

/**
 * Status, priority, owner, queue and tags (custom fields) in one PUT. RT has no conditional update on LastUpdated
 * (its ETag If-Match is not a timestamp); `expectedUpdatedAt` is checked against a read just before (checkDrift).
 */
export async function updateTicket(
	api: RtApi,
	ticketId: string,
	changes: TicketChanges,
	options: WriteOptions,
	signal?: AbortSignal,
): Promise<Ticket> {
	const current = await fetchTicket(api, ticketId, signal);
	checkDrift(current, options);
	const plan = await planUpdate(api, current, changes, signal);
	if (Object.keys(plan.body).length === 0) return toTicket(current, api.webBase);
	return toTicket(await applyPlan(api, ticketId, plan, signal), api.webBase);
}

/** `Location: /REST/2.0/transaction/123` → "123". */
function transactionIdFrom(location: string | undefined): string | null {
	return /\/transaction\/(\d+)\/?$/.exec(location ?? '')?.[1] ?? null;
}

/**
 * A public reply (Correspond: RT mails it to the requestors) or an internal note (Comment), then the ticket changes.
 * Everything that can be refused is checked before the message goes out; once RT has recorded the message this
 * never throws (a throw would make the caller treat the message as unsent and send it again): a change RT then
 * refuses is logged, and the returned ticket shows the state RT is really in.
 */
export async function sendMessage(
	api: RtApi,
	ticketId: string,
	message: OutgoingMessage,
	options: WriteOptions,
	signal?: AbortSignal,
): Promise<SendResult> {
	if (message.body.trim() === '') {
		throw new ProviderError('the message is empty; RT would record it as an empty reply', {kind: 'invalid'});
	}
	const number = ticketNumber(ticketId);
	const before = await fetchTicket(api, ticketId, signal);
	checkDrift(before, options);
	const plan = message.changes === undefined ? null : await planUpdate(api, before, message.changes, signal);
	const kind = message.public ? 'correspond' : 'comment';
	if (message.public && (message.cc ?? []).length > 0) await addCcWatchers(api, before, message.cc ?? [], signal);
	const response = await api.send({
		method: 'POST',
		path: `/ticket/${number}/${kind}`,
		json: {Content: message.body, ContentType: 'text/plain', ...attachmentFields(message)},
		signal,
	});
	// Recorded: from here on, nothing may throw.
	let messageId = transactionIdFrom(response.headers['location']);
	if (messageId === null) messageId = await latestMessageId(api, ticketId, kind, signal);
	let after: RtTicket = before;
	const warnings: string[] = [];
	if (plan !== null && Object.keys(plan.body).length > 0) {
		try {
			after = await applyPlan(api, ticketId, plan, signal);
		} catch (error) {
			const warning = `a change was not applied: ${messageOf(error)}`;
			warnings.push(warning);
			api.setup.log?.(`rt: the message was sent to ticket ${ticketId}, but ${warning}`);
		}
	}
	if (after === before) {
		try {
			after = await fetchTicket(api, ticketId, signal);
		} catch (error) {
			api.setup.log?.(`rt: could not read ticket ${ticketId} again after sending: ${messageOf(error)}`);
		}
	}
	const ticket = toTicket(after, api.webBase);
	return warnings.length > 0 ? {messageId: messageId ?? '', ticket, warnings} : {messageId: messageId ?? '', ticket};
}

/** Without a Location header: the newest message transaction of that kind by the signed-in user, if it can be read. */
async function latestMessageId(
	api: RtApi,
	ticketId: string,
	kind: 'correspond' | 'comment',
	signal?: AbortSignal,
): Promise<string | null> {
	try {
		const me = await api.me(signal);
		const type = kind === 'correspond' ? 'Correspond' : 'Comment';
		const history = await fetchHistory(api, ticketId, signal);
		const mine = history.filter(
			(transaction) => transaction.Type === type && transaction.Creator.id.toLowerCase() === me.Name.toLowerCase(),
		);
		return mine.at(-1)?.id ?? null;
	} catch {
		return null;
	}
}
