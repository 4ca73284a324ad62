import {type Draft, useServices} from '../services.js';
import {type AsyncResult, useAsync} from './use-async.js';

/** The agent's unsent draft for the ticket, if one was kept. */
export function useDraft(ticketId: string): AsyncResult<Draft | null> {
	const {loadDraft} = useServices();
	return useAsync(() => loadDraft(ticketId), [loadDraft, ticketId]);
}
