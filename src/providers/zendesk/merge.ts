import {ProviderError} from '../../errors.js';
import {type MergeRequest, type MergeResult, mergedFromText, mergedIntoText} from '../help-desk.js';
import {ticketNotFound, ticketNumber, type ZendeskApi} from './api.js';
import {waitForJob} from './batch.js';
import {toTicket} from './map.js';
import {jobStatusResponse} from './schemas.js';
import {fetchTicket} from './thread.js';

/**
 * POST /api/v2/tickets/{target}/merge with the sources' ids and private comments on both sides (Zendesk closes the
 * sources and links them to the target). Zendesk answers with a job; csr polls it through the HTTP layer and reads the
 * target back. Not repeated after a dropped connection: the job may have been queued (the journal covers a re-run).
 */
export async function mergeTickets(api: ZendeskApi, request: MergeRequest, signal?: AbortSignal): Promise<MergeResult> {
	const target = ticketNumber(request.targetId);
	const ids = request.sourceIds.map(ticketNumber);
	let queued: Awaited<ReturnType<typeof waitForJob>>;
	try {
		({job_status: queued} = await api.request(
			{
				method: 'POST',
				path: `/api/v2/tickets/${target}/merge.json`,
				json: {
					ids,
					target_comment: mergedFromText(request.sourceIds, request.comment),
					source_comment: mergedIntoText(request.targetId, request.comment),
					target_comment_is_public: false,
					source_comment_is_public: false,
				},
				signal,
			},
			jobStatusResponse,
		));
	} catch (error) {
		throw ticketNotFound(request.targetId, error);
	}
	const job =
		queued.status === 'completed' || queued.status === 'failed' || queued.status === 'killed'
			? queued
			: await waitForJob(api, queued.id, signal);
	if (job.status === 'queued' || job.status === 'working')
		throw new ProviderError(`Zendesk is still merging into ticket ${target} (job ${job.id})`, {
			kind: 'temporary',
			hint: 'Look at the ticket in a minute; run the same command again to finish csr’s bookkeeping.',
		});
	const refused = (job.results ?? []).filter((result) => result.success === false);
	if (job.status !== 'completed' || refused.length > 0) {
		const said = [job.message, ...refused.map((result) => [result.error, result.details].filter(Boolean).join(': '))]
			.filter((part) => typeof part === 'string' && part !== '')
			.join('; ');
		throw new ProviderError(`Zendesk did not merge into ticket ${target}${said ? `: ${said}` : ''}`, {kind: 'invalid'});
	}
	const merged = await fetchTicket(api, request.targetId, signal);
	return {target: toTicket(merged, api.directory, api.origin), mergedIds: ids.map(String)};
}
