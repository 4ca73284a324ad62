import type {TicketThread} from '../../domain/message.js';
import {useServices} from '../services.js';
import {type AsyncResult, useAsync} from './use-async.js';

/** The open ticket's thread; `ticketId` null: no ticket open (state stays loading and nothing is fetched). */
export function useThread(ticketId: string | null): AsyncResult<TicketThread> {
	const {getThread} = useServices();
	return useAsync(ticketId === null ? null : (signal) => getThread(ticketId, signal), [getThread, ticketId]);
}
