import {useEffect} from 'react';
import type {TicketQuery} from '../../providers/help-desk.js';
import type {QueueResult} from '../../services/queue.js';
import {useServices} from '../services.js';
import {type AsyncResult, useAsync} from './use-async.js';

/** Time given to draw the first page before the rest of the queue is read. */
const firstPageFrameMs = 20;

/**
 * The queue for a query, reloaded quietly every `refreshSeconds` (0: never). Keep `query` stable (state or memo):
 * a new object each render would reload forever.
 */
export function useQueue(query: TicketQuery, refreshSeconds: number): AsyncResult<QueueResult> {
	const {listQueue} = useServices();
	const result = useAsync<QueueResult>(
		(signal, partial) =>
			listQueue(
				query,
				signal,
				partial &&
					(async (first) => {
						// A long queue is on screen with its first page; the rest is read once that frame is drawn (a
						// local desk reads without yielding, so the frame would otherwise wait for all of it).
						partial(first);
						await new Promise((resolve) => setTimeout(resolve, firstPageFrameMs));
					}),
			),
		[listQueue, query],
	);
	const {reload} = result;
	useEffect(() => {
		if (refreshSeconds <= 0) return;
		const timer = setInterval(() => reload({quiet: true}), refreshSeconds * 1000);
		return () => clearInterval(timer);
	}, [refreshSeconds, reload]);
	return result;
}
