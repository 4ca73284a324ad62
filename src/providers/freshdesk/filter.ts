import type {Ticket, TicketStatus} from '../../domain/ticket.js';
import type {TicketQuery} from '../help-desk.js';
import type {FreshdeskApi} from './api.js';
import {statusCodes, statusToFreshdesk} from './map.js';
import type {FreshdeskTicket} from './schemas.js';

/** Status numbers for csr statuses; on-hold means the account's custom statuses (numbers above 5). */
export async function statusCodesFor(api: FreshdeskApi, query: TicketQuery, signal?: AbortSignal): Promise<number[]> {
	const codes = new Set<number>();
	for (const status of query.statuses) {
		const code = statusToFreshdesk(status);
		if (code !== null) codes.add(code);
	}
	if (query.statuses.length === 0 || query.statuses.includes('on-hold')) {
		for (const code of (await api.loadStatusLabels(signal)).keys()) if (code > statusCodes.closed) codes.add(code);
	}
	if (query.statuses.length === 0) for (const code of Object.values(statusCodes)) codes.add(code);
	return [...codes];
}

/** What Freshdesk cannot filter on (or matches loosely), checked on each ticket. */
export function matches(ticket: Ticket, raw: FreshdeskTicket, query: TicketQuery): boolean {
	// Freshdesk has no "new": a new ticket is open, so asking for new (or open) finds open tickets.
	const statuses: TicketStatus[] = query.statuses.map((status) => (status === 'new' ? 'open' : status));
	if (statuses.length > 0 && !statuses.includes(ticket.status)) return false;
	if (query.channels && query.channels.length > 0 && !query.channels.includes(ticket.channel)) return false;
	if (query.priorities && query.priorities.length > 0) {
		if (ticket.priority === null || !query.priorities.includes(ticket.priority)) return false;
	}
	for (const tag of query.tags ?? []) if (!ticket.tags.includes(tag)) return false;
	const text = query.search?.trim().toLowerCase();
	if (text) {
		const haystack = `${ticket.subject}\n${raw.description_text ?? ''}`.toLowerCase();
		if (!haystack.includes(text)) return false;
	}
	return true;
}
