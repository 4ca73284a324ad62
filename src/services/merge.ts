import {randomUUID} from 'node:crypto';
import type {Ticket} from '../domain/ticket.js';
import {ConflictError, FailedError, messageOf, ProviderError} from '../errors.js';
import {hasTicketMerge} from '../providers/help-desk.js';
import {transaction} from '../store/database.js';
import {clearDelivery, findDelivery, markSending, markSent} from '../store/journal.js';
import {insertRecord} from '../store/records.js';
import {type DeliveryEnv, hashIntent, isTemporary} from './delivery.js';

/** What `csr merge` means to do, read from the desk before anything changes. */
export type MergePlan = {
	readonly sources: readonly Ticket[];
	readonly target: Ticket;
	readonly comment: string | null;
	/** The journal key: profile, sources (sorted), target and comment. */
	readonly intentHash: string;
	/** The journal says this merge was done by an earlier run: nothing more to do. */
	readonly alreadyDone: boolean;
};

export type MergeOutcome = {
	readonly result: 'merged' | 'skipped';
	readonly targetId: string;
	readonly sourceIds: readonly string[];
	readonly reason?: string | undefined;
};

const journalKey = (targetId: string) => `merge:${targetId}`;

function missing(desk: string, ids: readonly string[]): ProviderError {
	return new ProviderError(`${desk} has no ticket ${ids.join(', ')}; nothing was merged`, {
		kind: 'not-found',
		hint: 'Check the ids with `csr show ID`.',
	});
}

/**
 * Reads the sources and the target and checks the merge can be done. A merge the journal says is done is reported,
 * not refused, so the same command run again is a no-op; one whose earlier attempt's fate is unknown (a crash) counts
 * as done when every source is now closed.
 */
export async function planMerge(
	env: DeliveryEnv,
	request: {sourceIds: readonly string[]; targetId: string; comment: string | null},
): Promise<MergePlan> {
	const sorted = [...request.sourceIds].sort();
	const intentHash = hashIntent([env.profile, 'merge', sorted, request.targetId, request.comment]);
	const previous = findDelivery(env.db, env.profile, journalKey(request.targetId), intentHash);
	const tickets = await env.desk.getTickets([...request.sourceIds, request.targetId], env.signal);
	const byId = new Map(tickets.map((ticket) => [ticket.id, ticket]));
	const absent = [...request.sourceIds, request.targetId].filter((id) => !byId.has(id));
	if (absent.length > 0) throw missing(`${env.desk.providerName} desk (profile ${env.profile})`, absent);
	const sources = request.sourceIds.map((id) => byId.get(id) as Ticket);
	const target = byId.get(request.targetId) as Ticket;
	const base = {sources, target, comment: request.comment, intentHash};
	if (previous?.state === 'sent') return {...base, alreadyDone: true};
	const closed = sources.filter((ticket) => ticket.status === 'closed');
	if (previous?.state === 'sending' && closed.length === sources.length) {
		// The earlier attempt reached the desk before csr could write it down: finish the bookkeeping only.
		commitMerge(env, {...base, alreadyDone: false});
		return {...base, alreadyDone: true};
	}
	if (target.status === 'closed')
		throw new FailedError(
			`ticket ${target.id} is closed; nothing can be merged into it`,
			'Merge into an open ticket of the same customer.',
		);
	if (closed.length > 0)
		throw new FailedError(
			`ticket${closed.length === 1 ? '' : 's'} ${closed.map((ticket) => ticket.id).join(', ')} ${closed.length === 1 ? 'is' : 'are'} closed; closed tickets cannot be merged`,
			'Leave closed tickets out of the merge.',
		);
	return {...base, alreadyDone: false};
}

function commitMerge(env: DeliveryEnv, plan: MergePlan): void {
	const at = env.now().toISOString();
	const sourceIds = plan.sources.map((ticket) => ticket.id);
	transaction(env.db, () => {
		markSent(env.db, env.profile, journalKey(plan.target.id), plan.intentHash, sourceIds.join(','), at);
		for (const source of plan.sources)
			insertRecord(env.db, {
				id: randomUUID(),
				at,
				agent: env.agent,
				profile: env.profile,
				provider: env.desk.providerName,
				ticketId: source.id,
				customer: {email: source.requester.email, name: source.requester.name || null},
				channel: source.channel,
				action: 'merge',
				template: null,
				status: 'closed',
				outcome: null,
				durationSec: null,
				summary: `merged into #${plan.target.id}${plan.comment === null ? '' : `: ${firstLine(plan.comment)}`}`,
				followUpAt: null,
			});
	});
}

function firstLine(text: string): string {
	const line = text.split('\n').find((candidate) => candidate.trim() !== '') ?? '';
	return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}

/**
 * Merges at most once: re-reads every ticket and refuses when one changed since the plan (ConflictError), writes
 * `sending` to the journal, asks the desk, then marks it done and writes one interaction record per source in one
 * transaction. A temporary failure leaves `sending`, so the same command run again checks before merging again.
 */
export async function executeMerge(env: DeliveryEnv, plan: MergePlan): Promise<MergeOutcome> {
	const sourceIds = plan.sources.map((ticket) => ticket.id);
	if (plan.alreadyDone)
		return {result: 'skipped', targetId: plan.target.id, sourceIds, reason: 'already merged by an earlier run'};
	const desk = env.desk;
	if (!hasTicketMerge(desk)) throw new FailedError(`the ${desk.providerName} desk cannot merge tickets`);
	const planned = [...plan.sources, plan.target];
	const current = await desk.getTickets(
		planned.map((ticket) => ticket.id),
		env.signal,
	);
	for (const seen of planned) {
		const now = current.find((ticket) => ticket.id === seen.id);
		if (now !== undefined && now.updatedAt !== seen.updatedAt)
			throw new ConflictError(
				`ticket ${seen.id} changed since it was read (updated ${now.updatedAt}); nothing was merged`,
				'Read it again with `csr show ID`, then run the merge again.',
			);
	}
	const key = journalKey(plan.target.id);
	markSending(
		env.db,
		{profile: env.profile, ticketId: key, intentHash: plan.intentHash, body: sourceIds.join(','), runId: null},
		env.now().toISOString(),
	);
	try {
		await desk.mergeTickets(
			{
				sourceIds,
				targetId: plan.target.id,
				comment: plan.comment,
				expectedUpdatedAt: Object.fromEntries(planned.map((ticket) => [ticket.id, ticket.updatedAt])),
			},
			env.signal,
		);
	} catch (error) {
		if (isTemporary(error))
			throw new FailedError(
				`${messageOf(error)}; the merge may or may not have happened`,
				'Run the same command again: csr checks the tickets and does not merge twice.',
			);
		clearDelivery(env.db, env.profile, key, plan.intentHash);
		throw error;
	}
	commitMerge(env, plan);
	return {result: 'merged', targetId: plan.target.id, sourceIds};
}
