import {ConflictError, CsrError, ProviderError} from '../../errors.js';
import type {BatchItem, BatchOutcome} from '../help-desk.js';
import type {ZendeskApi} from './api.js';
import type {UpdateBudget} from './budget.js';
import {fetchTickets} from './queue.js';
import {type JobStatus, jobStatusResponse, type ZendeskTicket} from './schemas.js';
import {refuseClosed, toZendeskChanges} from './writes.js';

/** update_many takes at most 100 tickets per call. */
export const batchSize = 100;

const failed = (ticketId: string, error: Error): BatchOutcome => ({ticketId, ok: false, error});

/** Splits items into rounds in which each ticket appears once (a second message to the same ticket waits a round). */
function rounds(items: readonly BatchItem[]): BatchItem[][] {
	const result: BatchItem[][] = [];
	for (const item of items) {
		let round = result.find((candidate) => !candidate.some((other) => other.ticketId === item.ticketId));
		if (round === undefined) {
			round = [];
			result.push(round);
		}
		round.push(item);
	}
	return result;
}

export async function waitForJob(api: ZendeskApi, jobId: string, signal?: AbortSignal): Promise<JobStatus> {
	const started = api.clock.now();
	const timeoutMs = api.options.jobTimeoutMs ?? 10 * 60_000;
	let interval = api.options.jobPollIntervalMs ?? 1000;
	for (;;) {
		await api.clock.sleep(interval, signal);
		const {job_status: job} = await api.get(
			`/api/v2/job_statuses/${encodeURIComponent(jobId)}.json`,
			{},
			jobStatusResponse,
			signal,
		);
		if (job.status === 'completed' || job.status === 'failed' || job.status === 'killed') return job;
		if (api.clock.now() - started > timeoutMs) return job;
		interval = Math.min(5000, Math.round(interval * 1.5));
	}
}

function itemError(result: NonNullable<JobStatus['results']>[number], ticketId: string): Error {
	const details =
		typeof result.details === 'string' ? result.details : result.details == null ? '' : JSON.stringify(result.details);
	const said = [result.error, result.status, details].filter(
		(part) => part !== null && part !== undefined && part !== '',
	);
	const text = said.join(': ');
	if (/conflict|safe.?update|outdated/i.test(text)) {
		return new ConflictError(`ticket ${ticketId} changed since it was read (${text})`, 'Nothing was sent to it.');
	}
	return new ProviderError(`Zendesk did not update ticket ${ticketId}${text ? `: ${text}` : ''}`, {kind: 'invalid'});
}

/**
 * One round of ≤100 tickets: re-read them (drift, closed, budget), send every message with its own body in one
 * update_many, poll the job, and check each result.
 */
async function sendChunk(
	api: ZendeskApi,
	budget: UpdateBudget,
	chunk: readonly BatchItem[],
	signal?: AbortSignal,
): Promise<BatchOutcome[]> {
	const outcomes: BatchOutcome[] = [];
	const current = new Map<string, ZendeskTicket>(
		(
			await fetchTickets(
				api,
				chunk.map((item) => item.ticketId),
				signal,
			)
		).map((ticket) => [String(ticket.id), ticket]),
	);
	const ready: {item: BatchItem; body: Record<string, unknown>}[] = [];
	for (const item of chunk) {
		const ticket = current.get(item.ticketId);
		try {
			if (ticket === undefined) {
				throw new ProviderError(`Zendesk has no ticket ${item.ticketId} (or you cannot see it)`, {
					kind: 'not-found',
					status: 404,
				});
			}
			refuseClosed(item.ticketId, ticket);
			const expected = item.options.expectedUpdatedAt;
			if (expected !== undefined && Date.parse(expected) !== Date.parse(ticket.updated_at)) {
				throw new ConflictError(
					`ticket ${item.ticketId} changed since it was read (updated ${ticket.updated_at})`,
					`Nothing was sent to it. Read it again (\`csr show ${item.ticketId}\`), then retry.`,
				);
			}
			budget.check(item.ticketId);
			const fields = await toZendeskChanges(api, item.message.changes, signal);
			ready.push({
				item,
				body: {
					id: ticket.id,
					...fields,
					comment: {body: item.message.body, public: item.message.public},
					// Per-ticket collision protection, in case a ticket changes between the re-read and the job.
					safe_update: true,
					updated_stamp: expected ?? ticket.updated_at,
				},
			});
		} catch (error) {
			if (!(error instanceof CsrError)) throw error;
			outcomes.push(failed(item.ticketId, error));
		}
	}
	if (ready.length === 0) return outcomes;
	let job: JobStatus;
	try {
		// Not repeated after a timeout or a dropped connection: the job may have been queued. 429 and 503 with
		// Retry-After mean "not processed" and are retried by the HTTP layer.
		const {job_status: queued} = await api.request(
			{
				method: 'PUT',
				path: '/api/v2/tickets/update_many.json',
				json: {tickets: ready.map((entry) => entry.body)},
				signal,
			},
			jobStatusResponse,
		);
		job =
			queued.status === 'completed' || queued.status === 'failed' ? queued : await waitForJob(api, queued.id, signal);
	} catch (error) {
		if (!(error instanceof ProviderError)) throw error;
		return [...outcomes, ...ready.map((entry) => failed(entry.item.ticketId, error))];
	}
	const results = job.results ?? [];
	for (const [index, entry] of ready.entries()) {
		const ticketId = entry.item.ticketId;
		const result =
			results.find((candidate) => candidate.id != null && String(candidate.id) === ticketId) ??
			results.find((candidate) => candidate.id == null && candidate.index === index);
		if (result === undefined) {
			outcomes.push(
				failed(
					ticketId,
					new ProviderError(
						job.status === 'completed'
							? `Zendesk job ${job.id} reported no result for ticket ${ticketId}`
							: job.status === 'failed' || job.status === 'killed'
								? `Zendesk job ${job.id} ${job.status === 'failed' ? 'failed' : 'was stopped'} before ticket ${ticketId}`
								: `Zendesk job ${job.id} had not finished when csr stopped waiting`,
						{
							kind: 'temporary',
							hint: 'The reply may or may not have been delivered; check the ticket before retrying.',
						},
					),
				),
			);
		} else if (result.success === true || (result.success === undefined && /updated/i.test(result.status ?? ''))) {
			budget.record(ticketId);
			outcomes.push({ticketId, ok: true, messageId: `job-${job.id}-${ticketId}`});
		} else {
			outcomes.push(failed(ticketId, itemError(result, ticketId)));
		}
	}
	return outcomes;
}

/**
 * Many messages in as few requests as Zendesk allows: `PUT /api/v2/tickets/update_many.json` with per-ticket bodies,
 * ≤100 a call, each ticket re-read first (`show_many`) so drifted or closed ones are held back.
 */
export async function sendBatch(
	api: ZendeskApi,
	budget: UpdateBudget,
	items: readonly BatchItem[],
	signal?: AbortSignal,
): Promise<BatchOutcome[]> {
	const outcomes: BatchOutcome[] = [];
	const chunks = rounds(items).flatMap((round) =>
		Array.from({length: Math.ceil(round.length / batchSize)}, (_, index) =>
			round.slice(index * batchSize, (index + 1) * batchSize),
		),
	);
	for (const [index, chunk] of chunks.entries()) {
		try {
			outcomes.push(...(await sendChunk(api, budget, chunk, signal)));
		} catch (error) {
			if (!(error instanceof CsrError)) throw error;
			// Keep what earlier chunks delivered; this chunk and the rest were not sent.
			for (const item of chunks.slice(index).flat()) outcomes.push(failed(item.ticketId, error));
			break;
		}
	}
	return outcomes;
}
