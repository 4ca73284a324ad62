import {useEffect, useMemo, useRef, useState} from 'react';
import type {TicketThread} from '../../domain/message.js';
import type {Ticket} from '../../domain/ticket.js';
import {toDisplayLine} from '../../text/display-text.js';

/** What changed between two reads of a ticket, in a few words (`open → pending, a new note by Bea`); null: nothing. */
export function describeChange(before: TicketThread, after: TicketThread): string | null {
	if (before.ticket.updatedAt === after.ticket.updatedAt) return null;
	const parts: string[] = [];
	if (before.ticket.status !== after.ticket.status) parts.push(`${before.ticket.status} → ${after.ticket.status}`);
	const known = new Set(before.messages.map((message) => message.id));
	for (const message of after.messages.filter((item) => !known.has(item.id))) {
		const who = toDisplayLine(message.author.name);
		parts.push(message.public ? `a new message from ${who}` : `a new note by ${who}`);
	}
	if ((before.ticket.assignee?.id ?? null) !== (after.ticket.assignee?.id ?? null))
		parts.push(`assigned to ${after.ticket.assignee ? toDisplayLine(after.ticket.assignee.name) : 'nobody'}`);
	return parts.length > 0 ? parts.join(', ') : 'updated';
}

/**
 * Tickets that changed since the agent last looked at them (the queue shows a newer `updatedAt` than the one on
 * screen then), and a line naming the change when the ticket on the right changes under the agent's eyes.
 */
export function useChanges(shown: TicketThread | null, tickets: readonly Ticket[]) {
	const seen = useRef(new Map<string, string>()).current;
	const previous = useRef<TicketThread | null>(null);
	// The agent's own send or update: the next change of that ticket is theirs, not news.
	const own = useRef<string | null>(null);
	const [banner, setBanner] = useState<{id: string; text: string} | null>(null);
	useEffect(() => {
		if (shown === null) return;
		const before = previous.current;
		previous.current = shown;
		seen.set(shown.ticket.id, shown.ticket.updatedAt);
		if (before === null || before.ticket.id !== shown.ticket.id) return setBanner(null);
		const change = describeChange(before, shown);
		if (change !== null && own.current === shown.ticket.id) {
			own.current = null;
			return;
		}
		if (change !== null) setBanner({id: shown.ticket.id, text: `#${shown.ticket.id} changed: ${change}.`});
	}, [shown, seen]);
	const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
	// The whole queue is compared when it is (re)loaded; a move to another ticket changes only that ticket's mark, so a
	// key press does not walk 10,000 tickets.
	const byId = useMemo(() => new Map(tickets.map((ticket) => [ticket.id, ticket])), [tickets]);
	useEffect(() => {
		const next = new Set<string>();
		for (const ticket of byId.values()) {
			const at = seen.get(ticket.id);
			if (at !== undefined && at !== ticket.updatedAt) next.add(ticket.id);
		}
		setChanged((current) => (current.size === next.size && [...next].every((id) => current.has(id)) ? current : next));
	}, [byId, seen]);
	useEffect(() => {
		if (shown === null) return;
		const id = shown.ticket.id;
		const listed = byId.get(id);
		const isChanged = listed !== undefined && seen.get(id) !== listed.updatedAt;
		setChanged((current) => {
			if (current.has(id) === isChanged) return current;
			const next = new Set(current);
			if (isChanged) next.add(id);
			else next.delete(id);
			return next;
		});
	}, [shown, byId, seen]);
	return {
		changed,
		banner,
		/** The agent changed this ticket: no banner for it. */
		acknowledge: (id: string) => {
			own.current = id;
			setBanner(null);
		},
	};
}
