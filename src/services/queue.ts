import type {Ticket} from '../domain/ticket.js';
import {compareTickets} from '../domain/urgency.js';
import type {HelpDesk, TicketQuery} from '../providers/help-desk.js';

export type QueueResult = {
	readonly tickets: readonly Ticket[];
	/** More tickets match than were returned (not --all). */
	readonly hasMore: boolean;
	readonly totalCount: number | null;
	/** The provider stopped before the end (e.g. Zendesk search caps at 1,000 results). */
	readonly cap: {readonly limit: number; readonly hint: string} | null;
};

/**
 * The queue: one page of `query.limit` tickets, or every page with `all`. Pages are merged and sorted again so the
 * order is right even when a provider cannot sort server-side.
 */
export async function listQueue(
	desk: HelpDesk,
	query: TicketQuery,
	options: {all: boolean; onProgress?: (loaded: number, total: number | null) => void},
	signal?: AbortSignal,
): Promise<QueueResult> {
	const tickets: Ticket[] = [];
	const seen = new Set<string>();
	let cursor: string | undefined;
	let totalCount: number | null = null;
	let cap: QueueResult['cap'] = null;
	let hasMore = false;
	const pageSize = options.all ? desk.capabilities.maxPageSize : query.limit;
	for (;;) {
		const wanted = options.all ? pageSize : Math.min(pageSize, query.limit - tickets.length);
		const page = await desk.listTickets({...query, limit: wanted, cursor}, signal);
		for (const ticket of page.tickets) {
			if (seen.has(ticket.id)) continue;
			seen.add(ticket.id);
			tickets.push(ticket);
		}
		totalCount = page.totalCount ?? totalCount;
		if (page.cap) cap = page.cap;
		options.onProgress?.(tickets.length, totalCount);
		if (page.nextCursor === null || page.tickets.length === 0) break;
		if (!options.all && tickets.length >= query.limit) {
			hasMore = true;
			break;
		}
		cursor = page.nextCursor;
	}
	tickets.sort(compareTickets(query.sort));
	const limited = options.all ? tickets : tickets.slice(0, query.limit);
	return {tickets: limited, hasMore: hasMore || limited.length < tickets.length, totalCount, cap};
}
