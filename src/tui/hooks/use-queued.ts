import {useRef} from 'react';
import {type OutboxEntry, useServices} from '../services.js';
import {useAsync} from './use-async.js';

const none: ReadonlyMap<string, readonly OutboxEntry[]> = new Map();

/** What the outbox keeps, by ticket, so a queued message shows in its thread; read again when `revision` changes. */
export function useQueued(revision: number): ReadonlyMap<string, readonly OutboxEntry[]> {
	const {listOutbox} = useServices();
	const {state} = useAsync(async () => {
		const byTicket = new Map<string, OutboxEntry[]>();
		for (const entry of await listOutbox())
			byTicket.set(entry.ticketId, [...(byTicket.get(entry.ticketId) ?? []), entry]);
		return byTicket as ReadonlyMap<string, readonly OutboxEntry[]>;
	}, [listOutbox, revision]);
	// While it reloads, the last answer stays (no flicker in the thread).
	const last = useRef(none);
	if (state.kind === 'ready') last.current = state.value;
	return last.current;
}
