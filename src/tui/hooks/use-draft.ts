import {useRef} from 'react';
import {type Draft, useServices} from '../services.js';
import {type AsyncResult, useAsync} from './use-async.js';

/** The agent's unsent draft for the ticket, if one was kept. */
export function useDraft(ticketId: string): AsyncResult<Draft | null> {
	const {loadDraft} = useServices();
	return useAsync(() => loadDraft(ticketId), [loadDraft, ticketId]);
}

const noDrafts: ReadonlySet<string> = new Set();

/** Tickets with an unsent draft, for the queue's ✎; read again when `revision` changes or the composer closes. */
export function useDraftIds(revision: number, isComposing: boolean): ReadonlySet<string> {
	const {listDrafts} = useServices();
	const {state} = useAsync(
		async () => new Set((await listDrafts()).map((draft) => draft.ticketId)) as ReadonlySet<string>,
		[listDrafts, revision, isComposing],
	);
	// While it reloads, the last list stays (no flicker of the markers).
	const last = useRef(noDrafts);
	if (state.kind === 'ready') last.current = state.value;
	return last.current;
}
