import {type StatusCounts, useServices} from '../services.js';
import {type AsyncResult, useAsync} from './use-async.js';

/** Due follow-ups, outbox size and replies sent today, for the status bar; `revision` changes reload it. */
export function useStatusCounts(revision: number): AsyncResult<StatusCounts> {
	const {statusCounts} = useServices();
	return useAsync(() => statusCounts(), [statusCounts, revision]);
}
