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
	readonly sourceIds: readonly string[];
	readonly targetId: string;
	/** The tickets as read (empty when the journal says the merge was done). */
	readonly sources: readonly Ticket[];
	readonly target: Ticket | null;
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
	request: {
		sourceIds: readonly string[];
		targetId: string;
		comment: string | null;
		/** The agent's comment as it goes to the desk (their text is a template, as a reply's is), given the target. */
		renderComment?: ((comment: string, target: Ticket) => string) | undefined;
	},
): Promise<MergePlan> {
	const sorted = [...request.sourceIds].sort();
	const intentHash = hashIntent([env.profile, 'merge', sorted, request.targetId, request.comment]);
	const previous = findDelivery(env.db, env.profile, journalKey(request.targetId), intentHash);
	const ids = {sourceIds: request.sourceIds, targetId: request.targetId, comment: request.comment, intentHash};
	// Done before: nothing to read or check (a desk may no longer show a merged ticket under its own id).
	if (previous?.state === 'sent') return {...ids, sources: [], target: null, alreadyDone: true};
	const tickets = await env.desk.getTickets([...request.sourceIds, request.targetId], env.signal);
	const byId = new Map(tickets.map((ticket) => [ticket.id, ticket]));
	const found = request.sourceIds.flatMap((id) => byId.get(id) ?? []);
	if (previous?.state === 'sending' && found.every((ticket) => ticket.status === 'closed')) {
		// The earlier attempt reached the desk before csr could write it down (its sources are closed, or gone
		// into the target): finish the bookkeeping only.
		const plan = {...ids, sources: found, target: byId.get(request.targetId) ?? null, alreadyDone: true};
		commitMerge(env, plan);
		return plan;
	}
	const absent = [...request.sourceIds, request.targetId].filter((id) => !byId.has(id));
	if (absent.length > 0) throw missing(`${env.desk.providerName} desk (profile ${env.profile})`, absent);
	const target = byId.get(request.targetId) as Ticket;
	if (target.status === 'closed')
		throw new FailedError(
			`ticket ${target.id} is closed; nothing can be merged into it`,
			'Merge into an open ticket of the same customer.',
		);
	const closed = found.filter((ticket) => ticket.status === 'closed');
	if (closed.length > 0)
		throw new FailedError(
			`ticket${closed.length === 1 ? '' : 's'} ${closed.map((ticket) => ticket.id).join(', ')} ${closed.length === 1 ? 'is' : 'are'} closed; closed tickets cannot be merged`,
			'Leave closed tickets out of the merge.',
		);
	const comment =
		request.comment === null || request.renderComment === undefined
			? request.comment
			: request.renderComment(request.comment, target);
	return {...ids, comment, sources: found, target, alreadyDone: false};
}

function commitMerge(env: DeliveryEnv, plan: MergePlan): void {
	const at = env.now().toISOString();
	transaction(env.db, () => {
		markSent(env.db, env.profile, journalKey(plan.targetId), plan.intentHash, plan.sourceIds.join(','), at);
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
				summary: `merged into #${plan.targetId}${plan.comment === null ? '' : `: ${firstLine(plan.comment)}`}`,
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
	const {sourceIds, targetId} = plan;
	if (plan.alreadyDone || plan.target === null)
		return {result: 'skipped', targetId, sourceIds, reason: 'already merged by an earlier run'};
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
	const key = journalKey(targetId);
	markSending(
		env.db,
		{profile: env.profile, ticketId: key, intentHash: plan.intentHash, body: sourceIds.join(','), runId: null},
		env.now().toISOString(),
	);
	try {
		await desk.mergeTickets(
			{
				sourceIds,
				targetId,
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
	return {result: 'merged', targetId, sourceIds};
}
