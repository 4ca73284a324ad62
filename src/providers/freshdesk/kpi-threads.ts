import {kpiMessageOf, type TicketFacts, withinThreadHorizon} from '../help-desk.js';
import {readEachBestEffort} from '../http/map-limited.js';
import type {FreshdeskApi} from './api.js';
import {descriptionMessage, toMessage, toTicket} from './map.js';
import type {FreshdeskTicket} from './schemas.js';
import {conversations} from './thread.js';

type PublicMessages = NonNullable<TicketFacts['publicMessages']>;

/**
 * The public messages of each exported ticket, oldest first (the description, then every non-private conversation),
 * each with its channel and its agent (null for the customer's): what csr needs for next reply, requester wait,
 * per-agent replies and touches. Freshdesk's list has no thread, so each ticket's conversations are read. Best
 * effort per ticket: a thread that cannot be read (not an expired credential, not an interrupt) leaves that ticket
 * without them, as before.
 */
export async function exportThreads(
	api: FreshdeskApi,
	tickets: readonly FreshdeskTicket[],
	signal?: AbortSignal,
): Promise<Map<number, PublicMessages>> {
	const now = api.setup.now();
	const recent = tickets.filter((raw) => withinThreadHorizon(raw.updated_at, now));
	if (recent.length === 0) return new Map();
	// Authors are told apart by the agent list (toMessage's role), as in `csr show`.
	await api.agents(signal);
	const threads = await readEachBestEffort(
		recent,
		async (raw) => [raw.id, publicMessagesOf(api, raw, await conversations(api, raw.id, signal))] as const,
		signal,
	);
	return new Map(threads.filter((entry) => entry !== null));
}

function publicMessagesOf(
	api: FreshdeskApi,
	raw: FreshdeskTicket,
	thread: Awaited<ReturnType<typeof conversations>>,
): PublicMessages {
	const ticket = toTicket(raw, api.directory, api.origin);
	const messages = [descriptionMessage(raw, ticket, api.directory)];
	for (const conversation of thread) messages.push(toMessage(conversation, raw, ticket, api.directory));
	return messages
		.filter((message) => message.public)
		.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
		.map(kpiMessageOf);
}
