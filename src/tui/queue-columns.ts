import type {Ticket} from '../domain/ticket.js';
import {toDisplayLine} from '../text/display-text.js';

/** An optional queue column: shown when the row is wide enough, most useful first. */
export type QueueColumn = 'priority' | 'channel' | 'requester' | 'assignee' | 'updated';

const columnWidths: Record<QueueColumn, number> = {priority: 5, channel: 7, requester: 16, assignee: 12, updated: 5};
const order: readonly QueueColumn[] = ['priority', 'requester', 'updated', 'channel', 'assignee'];
/** The subject keeps at least this much before another column comes in. */
const subjectMin = 22;

/** The optional columns that fit in a row `width` wide after the fixed ones (`fixed` columns), in display order. */
export function queueColumns(width: number, fixed: number): readonly QueueColumn[] {
	const key = `${width}:${fixed}`;
	const known = chosenCache.get(key);
	if (known !== undefined) return known;
	const chosen: QueueColumn[] = [];
	let left = width - fixed - subjectMin;
	for (const column of order) {
		if (columnWidths[column] > left) break;
		chosen.push(column);
		left -= columnWidths[column];
	}
	// Shown in a fixed order, whatever order they were earned in.
	const shown = (['priority', 'channel', 'requester', 'assignee', 'updated'] as const).filter((column) =>
		chosen.includes(column),
	);
	chosenCache.set(key, shown);
	return shown;
}

// The same array for the same width, so memoised rows do not render again for it.
const chosenCache = new Map<string, readonly QueueColumn[]>();

export function columnWidth(column: QueueColumn): number {
	return columnWidths[column];
}

const shortPriority = {urgent: 'urg', high: 'high', normal: 'norm', low: 'low'} as const;

/** `5m`, `3h`, `2d` since the ticket last changed. */
export function formatAge(iso: string, now: Date): string {
	const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / 60_000));
	if (minutes < 60) return `${minutes}m`;
	if (minutes < 48 * 60) return `${Math.floor(minutes / 60)}h`;
	return `${Math.floor(minutes / 1440)}d`;
}

/** The cell's text (sanitised; the caller fits it to the column). */
export function cellText(column: QueueColumn, ticket: Ticket, now: Date): string {
	switch (column) {
		case 'priority':
			return ticket.priority ? shortPriority[ticket.priority] : '-';
		case 'channel':
			return ticket.channel;
		case 'requester':
			return toDisplayLine(ticket.requester.name);
		case 'assignee':
			return ticket.assignee ? toDisplayLine(ticket.assignee.name) : '-';
		case 'updated':
			return formatAge(ticket.updatedAt, now);
	}
}
