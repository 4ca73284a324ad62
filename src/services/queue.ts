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
	options: {
		all: boolean;
		onProgress?: (loaded: number, total: number | null) => void;
		/**
		 * Called once with the first page, in order, when more pages follow: a screen shows it while the rest is read.
		 * The next page is read once it settles.
		 */
		onFirstPage?: (first: QueueResult) => Promise<void> | void;
	},
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
		if (cursor === undefined && options.onFirstPage !== undefined) {
			const first = [...tickets];
			if (!isInOrder(first, compareTickets(query.sort))) first.sort(compareTickets(query.sort));
			await options.onFirstPage({tickets: first, hasMore: true, totalCount, cap});
		}
		cursor = page.nextCursor;
	}
	// Desks that sort server-side return this order already: checking is one pass, sorting n log n comparisons (each
	// parsing dates), tens of ms for the TUI's 10,000.
	const compare = compareTickets(query.sort);
	if (!isInOrder(tickets, compare)) tickets.sort(compare);
	const limited = options.all ? tickets : tickets.slice(0, query.limit);
	return {tickets: limited, hasMore: hasMore || limited.length < tickets.length, totalCount, cap};
}

function isInOrder<T>(items: readonly T[], compare: (a: T, b: T) => number): boolean {
	for (let index = 1; index < items.length; index++) {
		if (compare(items[index - 1] as T, items[index] as T) > 0) return false;
	}
	return true;
}
