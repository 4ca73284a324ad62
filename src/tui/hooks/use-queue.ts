import {useEffect} from 'react';
import type {TicketQuery} from '../../providers/help-desk.js';
import type {QueueResult} from '../../services/queue.js';
import {useServices} from '../services.js';
import {type AsyncResult, useAsync} from './use-async.js';

/**
 * The queue for a query, reloaded quietly every `refreshSeconds` (0: never). Keep `query` stable (state or memo):
 * a new object each render would reload forever.
 */
export function useQueue(query: TicketQuery, refreshSeconds: number): AsyncResult<QueueResult> {
	const {listQueue} = useServices();
	const result = useAsync((signal) => listQueue(query, signal), [listQueue, query]);
	const {reload} = result;
	useEffect(() => {
		if (refreshSeconds <= 0) return;
		const timer = setInterval(() => reload({quiet: true}), refreshSeconds * 1000);
		return () => clearInterval(timer);
	}, [refreshSeconds, reload]);
	return result;
}
