import type {Priority, Ticket} from './ticket.js';

export const sortKeys = ['urgency', 'priority', 'updated', 'created'] as const;
export type SortKey = (typeof sortKeys)[number];

const priorityRank: Record<Priority, number> = {urgent: 0, high: 1, normal: 2, low: 3};
const rankOf = (priority: Priority | null): number => (priority === null ? 2.5 : priorityRank[priority]);

/** Urgency: SLA due first (soonest, breached before all), then priority, then oldest. */
export function compareByUrgency(a: Ticket, b: Ticket): number {
	if (a.slaDueAt !== b.slaDueAt) {
		if (a.slaDueAt === null) return 1;
		if (b.slaDueAt === null) return -1;
		const byDue = Date.parse(a.slaDueAt) - Date.parse(b.slaDueAt);
		if (byDue !== 0) return byDue;
	}
	const byPriority = rankOf(a.priority) - rankOf(b.priority);
	if (byPriority !== 0) return byPriority;
	return Date.parse(a.createdAt) - Date.parse(b.createdAt) || Number(a.id) - Number(b.id);
}

export function compareTickets(sort: SortKey): (a: Ticket, b: Ticket) => number {
	switch (sort) {
		case 'urgency':
			return compareByUrgency;
		case 'priority':
			return (a, b) => rankOf(a.priority) - rankOf(b.priority) || compareByUrgency(a, b);
		case 'updated':
			return (a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt);
		case 'created':
			return (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt);
	}
}

/** Minutes until the SLA is due (negative when breached), or null without an SLA. */
export function slaMinutesLeft(ticket: Ticket, now: Date): number | null {
	if (ticket.slaDueAt === null) return null;
	return Math.floor((Date.parse(ticket.slaDueAt) - now.getTime()) / 60_000);
}
