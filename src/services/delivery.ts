import {createHash, randomUUID} from 'node:crypto';
import type {Outcome} from '../domain/records.js';
import type {Channel} from '../domain/ticket.js';
import {AuthError, ConflictError, messageOf, ProviderError} from '../errors.js';
import type {HelpDesk, NewTicket, TicketChanges} from '../providers/help-desk.js';
import {type Database, transaction} from '../store/database.js';
import {clearDelivery, findDelivery, markSending, markSent, sentMessageIds, setItemState} from '../store/journal.js';
import {enqueue} from '../store/outbox.js';
import {insertRecord} from '../store/records.js';
import {extrasFailure, extrasFromJson, extrasJsonOf, type MessageExtras, outgoingExtras} from './delivery-extras.js';
import {findDeliveredMessage} from './late-writes.js';

/** One message csr intends to write to one ticket, already rendered. */
export type PlannedWrite = {
	readonly ticketId: string;
	readonly isPublic: boolean;
	readonly body: string;
	readonly changes: TicketChanges | undefined;
	readonly template: string | null;
	/** Same intent, same hash: the key that stops a ticket getting the same reply twice. */
	readonly intentHash: string;
	/** The ticket's updatedAt when the agent (or the plan) read it; null skips the drift check. */
	readonly expectedUpdatedAt: string | null;
	readonly customer: {readonly email: string | null; readonly name: string | null};
	readonly channel: Channel | null;
	readonly action: 'reply' | 'note' | 'escalate' | 'create';
	/** A new ticket to open with this body as its first message (`csr new`); ticketId is then the run's key for it. */
	readonly create?: NewTicket | undefined;
	readonly outcome: Outcome | null;
	/** Handle time when csr knows it (TUI: from opening the ticket to sending). */
	readonly durationSec: number | null;
	/** Copies and files sent with the message (issue 14); their hashes are part of `intentHash`. */
	readonly extras?: MessageExtras | undefined;
};

export type DeliveryResult = {
	readonly ticketId: string;
	readonly result: 'sent' | 'skipped' | 'failed' | 'queued' | 'dry-run';
	readonly messageId?: string;
	readonly reason?: string;
	/** The files the message carries (`csr new --json`): names, types and sizes, never paths or bytes. */
	readonly attachments?: readonly {readonly fileName: string; readonly contentType: string; readonly size: number}[];
};

export type DeliveryEnv = {
	readonly desk: HelpDesk;
	readonly db: Database;
	readonly profile: string;
	readonly agent: string | null;
	readonly now: () => Date;
	readonly signal?: AbortSignal | undefined;
	/** Says what a step that takes a while is waiting for (the CLI writes it to stderr); best effort. */
	readonly notice?: ((text: string) => void) | undefined;
};

/** A stable hash of an intent's parts (profile, ticket, template or body, vars, …). */
export function hashIntent(parts: readonly unknown[]): string {
	return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

/**
 * When every message written to the ticket since the plan read it is one csr itself delivered (a reply queued before
 * this note, sent by the same retry), the change is csr's own: returns the ticket's current stamp to write against.
 * Null when anyone else wrote, or when only fields changed (csr cannot tell whose change that was).
 */
async function ownChangesOnly(env: DeliveryEnv, item: PlannedWrite): Promise<string | null> {
	if (item.expectedUpdatedAt === null) return null;
	const own = sentMessageIds(env.db, env.profile, item.ticketId);
	if (own.size === 0) return null;
	const thread = await env.desk.getThread(item.ticketId, env.signal);
	const since = Date.parse(item.expectedUpdatedAt);
	const fresh = thread.messages.filter((message) => Date.parse(message.createdAt) > since);
	if (fresh.length === 0 || !fresh.every((message) => own.has(message.id))) return null;
	return thread.ticket.updatedAt;
}

function recordFor(env: DeliveryEnv, item: PlannedWrite, at: string, ticketId: string) {
	return {
		id: randomUUID(),
		at,
		agent: env.agent,
		profile: env.profile,
		provider: env.desk.providerName,
		ticketId,
		customer: item.customer,
		channel: item.channel,
		action: item.action,
		template: item.template,
		status: item.changes?.status ?? null,
		outcome: item.outcome ?? (item.changes?.status === 'solved' ? 'resolved' : null),
		durationSec: item.durationSec,
		summary: item.template ? `${item.action} from template ${item.template}` : firstLine(item.body),
		followUpAt: null,
	};
}

function firstLine(body: string): string {
	const line = body.split('\n').find((candidate) => candidate.trim() !== '') ?? '';
	return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

/**
 * Commits what the desk confirmed: delivery sent, run item sent, and the interaction record, in one transaction.
 * `recordTicketId` is the ticket the record is about when it differs from the journal key (a created ticket).
 */
export function commitSent(
	env: DeliveryEnv,
	item: PlannedWrite,
	messageId: string | null,
	runId: string | null,
	recordTicketId: string = item.ticketId,
): void {
	const at = env.now().toISOString();
	transaction(env.db, () => {
		markSent(env.db, env.profile, item.ticketId, item.intentHash, messageId, at);
		if (runId !== null) setItemState(env.db, runId, item.ticketId, 'sent', {messageId}, at);
		insertRecord(env.db, recordFor(env, item, at, recordTicketId));
	});
}

export function finish(
	env: DeliveryEnv,
	item: PlannedWrite,
	runId: string | null,
	result: DeliveryResult,
): DeliveryResult {
	if (runId !== null && result.result !== 'sent') {
		setItemState(
			env.db,
			runId,
			item.ticketId,
			result.result === 'dry-run' ? 'planned' : result.result,
			{reason: result.reason ?? null},
			env.now().toISOString(),
		);
	}
	return result;
}

/** What the journal and the outbox keep of a planned write. */
export type StoredWrite = {
	readonly ticketId: string;
	readonly isPublic: boolean;
	readonly body: string;
	readonly changesJson: string | null;
	readonly template: string | null;
	readonly intentHash: string;
	readonly expectedUpdatedAt: string | null;
	readonly customerEmail: string | null;
	readonly customerName: string | null;
	readonly channel: string | null;
	readonly extrasJson?: string | null | undefined;
};

/** A stored write, ready to send again (a resumed run, an outbox retry). */
export function fromStoredWrite(stored: StoredWrite, action: PlannedWrite['action']): PlannedWrite {
	return {
		ticketId: stored.ticketId,
		isPublic: stored.isPublic,
		body: stored.body,
		changes: stored.changesJson === null ? undefined : (JSON.parse(stored.changesJson) as TicketChanges),
		template: stored.template,
		intentHash: stored.intentHash,
		expectedUpdatedAt: stored.expectedUpdatedAt,
		customer: {email: stored.customerEmail, name: stored.customerName},
		channel: stored.channel as Channel | null,
		action,
		outcome: action === 'escalate' ? 'escalated' : null,
		durationSec: null,
		extras: extrasFromJson(stored.extrasJson ?? null),
	};
}

function queue(env: DeliveryEnv, item: PlannedWrite, runId: string | null, error: unknown): DeliveryResult {
	const at = env.now().toISOString();
	transaction(env.db, () => {
		enqueue(env.db, {
			id: randomUUID(),
			profile: env.profile,
			ticketId: item.ticketId,
			isPublic: item.isPublic,
			body: item.body,
			changesJson: item.changes === undefined ? null : JSON.stringify(item.changes),
			intentHash: item.intentHash,
			expectedUpdatedAt: item.expectedUpdatedAt,
			template: item.template,
			customerEmail: item.customer.email,
			customerName: item.customer.name,
			channel: item.channel,
			extrasJson: extrasJsonOf(item.extras ?? {}),
			action: item.action,
			runId,
			createdAt: at,
			lastError: messageOf(error),
		});
		if (runId !== null) setItemState(env.db, runId, item.ticketId, 'queued', {reason: messageOf(error)}, at);
	});
	return {
		ticketId: item.ticketId,
		result: 'queued',
		reason: `${messageOf(error)}; kept in the outbox (csr outbox retry)`,
	};
}

/** Is this a failure after which the message may or may not have reached the desk, and a retry later is right? */
export function isTemporary(error: unknown): boolean {
	if (error instanceof ProviderError) return error.isTemporary;
	if (error instanceof AuthError) return false;
	// Network-level failures from fetch/undici and timeouts.
	return (
		error instanceof Error &&
		/ECONN|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|socket|network|timeout|UND_ERR/i.test(
			`${error.name} ${error.message} ${String((error as {code?: unknown}).code ?? '')}`,
		)
	);
}

/** Checks journal and drift before a send; returns a final result when the item must not be sent. */
async function preflight(
	env: DeliveryEnv,
	item: PlannedWrite,
	runId: string | null,
	force: boolean,
): Promise<DeliveryResult | null> {
	const previous = findDelivery(env.db, env.profile, item.ticketId, item.intentHash);
	if (previous?.state === 'sent' && !force) {
		return finish(env, item, runId, {
			ticketId: item.ticketId,
			result: 'skipped',
			...(previous.messageId ? {messageId: previous.messageId} : {}),
			reason: 'already sent',
		});
	}
	if (previous?.state === 'sending') {
		// An earlier attempt's fate is unknown (crash, timeout): look before sending again.
		const found = await findDeliveredMessage(env, item.ticketId, previous.body ?? item.body, previous.attemptStartedAt);
		if (found !== null) {
			commitSent(env, item, found, runId);
			return {
				ticketId: item.ticketId,
				result: 'skipped',
				messageId: found,
				reason: 'already delivered by an interrupted run',
			};
		}
	}
	if (item.expectedUpdatedAt !== null && !force && !env.desk.capabilities.supportsSafeUpdate) {
		const [current] = await env.desk.getTickets([item.ticketId], env.signal);
		if (
			current !== undefined &&
			current.updatedAt !== item.expectedUpdatedAt &&
			(await ownChangesOnly(env, item)) === null
		) {
			return finish(env, item, runId, {
				ticketId: item.ticketId,
				result: 'failed',
				reason: `ticket changed since it was read (updated ${current.updatedAt}); read it again, or use --force`,
			});
		}
	}
	return null;
}

/**
 * The preflight, which must not end a run: when the desk cannot answer it (the thread check of an earlier attempt,
 * the drift read), nothing is sent to that ticket and it gets its own line; a temporary failure goes to the outbox,
 * whose retry checks again. The delivery row stays as it was, so an attempt of unknown fate is still looked for.
 */
export async function checkedPreflight(
	env: DeliveryEnv,
	item: PlannedWrite,
	runId: string | null,
	force: boolean,
): Promise<DeliveryResult | null> {
	try {
		return await preflight(env, item, runId, force);
	} catch (error) {
		if (error instanceof AuthError || env.signal?.aborted) throw error;
		if (isTemporary(error)) return queue(env, item, runId, error);
		return finish(env, item, runId, {
			ticketId: item.ticketId,
			result: 'failed',
			reason: `could not check the ticket before sending (${messageOf(error)}); nothing sent`,
		});
	}
}

async function describeDrift(env: DeliveryEnv, item: PlannedWrite, error: ConflictError): Promise<string> {
	if (item.expectedUpdatedAt === null) return error.message;
	try {
		const thread = await env.desk.getThread(item.ticketId, env.signal);
		const since = Date.parse(item.expectedUpdatedAt);
		const fresh = thread.messages.filter((message) => Date.parse(message.createdAt) > since);
		if (fresh.length === 0) return `ticket ${item.ticketId} changed since it was read (fields were updated)`;
		const who = fresh.map(
			(message) =>
				`${message.author.role === 'customer' ? 'the customer' : message.author.name}${message.public ? '' : ' (internal note)'}`,
		);
		return `ticket ${item.ticketId} changed since it was read: ${fresh.length} new message${fresh.length === 1 ? '' : 's'} from ${[...new Set(who)].join(', ')}`;
	} catch {
		return error.message;
	}
}

/** Sends one planned write at most once: journal first, then the desk, then journal + record together. */
export async function deliverOne(
	env: DeliveryEnv,
	item: PlannedWrite,
	options: {runId: string | null; force: boolean; ownChangeChecked?: boolean},
): Promise<DeliveryResult> {
	const {runId, force} = options;
	const early = await checkedPreflight(env, item, runId, force);
	if (early !== null) return early;
	let extras: ReturnType<typeof outgoingExtras>;
	try {
		// Files are read again and must hash as planned: a queued reply never goes out with another file, or without it.
		extras = outgoingExtras(item.extras ?? {});
	} catch (error) {
		const reason = extrasFailure(error);
		if (reason === null) throw error;
		return finish(env, item, runId, {ticketId: item.ticketId, result: 'failed', reason});
	}
	markSending(
		env.db,
		{profile: env.profile, ticketId: item.ticketId, intentHash: item.intentHash, body: item.body, runId},
		env.now().toISOString(),
	);
	try {
		const sent = await env.desk.sendMessage(
			item.ticketId,
			{body: item.body, public: item.isPublic, changes: item.changes, ...extras},
			{
				idempotencyKey: `csr-${item.intentHash}`,
				expectedUpdatedAt: force || item.expectedUpdatedAt === null ? undefined : item.expectedUpdatedAt,
			},
			env.signal,
		);
		commitSent(env, item, sent.messageId, runId);
		const warnings = sent.warnings ?? [];
		return {
			ticketId: item.ticketId,
			result: 'sent',
			messageId: sent.messageId,
			...(warnings.length > 0 ? {reason: `sent, but ${warnings.join('; ')}`} : {}),
		};
	} catch (error) {
		if (error instanceof ConflictError && !force && options.ownChangeChecked !== true) {
			// The desk refused on drift: if the only change is csr's own earlier message, write against the new stamp.
			const current = await ownChangesOnly(env, item).catch(() => null);
			if (current !== null)
				return deliverOne(env, {...item, expectedUpdatedAt: current}, {...options, ownChangeChecked: true});
		}
		return handleFailure(env, item, runId, error);
	}
}

export async function handleFailure(
	env: DeliveryEnv,
	item: PlannedWrite,
	runId: string | null,
	error: unknown,
): Promise<DeliveryResult> {
	if (isTemporary(error)) return queue(env, item, runId, error);
	// A definite refusal: nothing went out, so a later run may try this intent again.
	clearDelivery(env.db, env.profile, item.ticketId, item.intentHash);
	if (error instanceof AuthError) throw error;
	if (error instanceof ConflictError) {
		return finish(env, item, runId, {
			ticketId: item.ticketId,
			result: 'failed',
			reason: `${await describeDrift(env, item, error)}; nothing sent (use --force to send anyway)`,
		});
	}
	return finish(env, item, runId, {ticketId: item.ticketId, result: 'failed', reason: messageOf(error)});
}
