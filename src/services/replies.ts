import {randomUUID} from 'node:crypto';
import {type Database, transaction} from '../store/database.js';
import {findRun, findUnfinishedRun, finishRun, insertRun, runItems} from '../store/journal.js';
import {type DeliveryEnv, type DeliveryResult, deliverOne, fromStoredWrite, type PlannedWrite} from './delivery.js';
import {deliverBatch} from './delivery-batch.js';
import {extrasJsonOf} from './delivery-extras.js';
import {mayContinue} from './interrupt.js';
import {deliverNew} from './new-tickets.js';

export type PlannedRun = {
	readonly runId: string;
	readonly items: readonly PlannedWrite[];
	/** Items the journal already settled (sent or skipped) in an earlier attempt of this run. */
	readonly settled: readonly DeliveryResult[];
	readonly resumed: boolean;
};

export type RunKind = PlannedWrite['action'];

function fromJournal(db: Database, runId: string, kind: RunKind): Pick<PlannedRun, 'items' | 'settled'> {
	const items: PlannedWrite[] = [];
	const settled: DeliveryResult[] = [];
	for (const item of runItems(db, runId)) {
		if (item.state === 'sent') {
			settled.push({
				ticketId: item.ticketId,
				result: 'skipped',
				...(item.messageId ? {messageId: item.messageId} : {}),
				reason: 'already sent by this run',
			});
		} else items.push(fromStoredWrite(item, kind));
	}
	return {items, settled};
}

/**
 * Journals a run before anything is sent. The same command run again (same fingerprint) continues the unfinished
 * run with the bodies it planned, so a crash or Ctrl-C never leads to a different or doubled reply.
 */
export function planRun(
	db: Database,
	input: {
		profile: string;
		fingerprint: string;
		kind: RunKind;
		planJson: string;
		items: readonly PlannedWrite[];
		now: Date;
	},
): PlannedRun {
	return transaction(db, () => {
		const existing = findUnfinishedRun(db, input.profile, input.fingerprint);
		if (existing !== undefined) return {runId: existing.id, resumed: true, ...fromJournal(db, existing.id, input.kind)};
		const runId = `r${randomUUID().replace(/-/g, '').slice(0, 10)}`;
		const at = input.now.toISOString();
		insertRun(
			db,
			{
				id: runId,
				profile: input.profile,
				fingerprint: input.fingerprint,
				kind: input.kind,
				planJson: input.planJson,
				createdAt: at,
			},
			input.items.map((item, position) => ({
				ticketId: item.ticketId,
				position,
				intentHash: item.intentHash,
				isPublic: item.isPublic,
				body: item.body,
				changesJson: item.changes === undefined ? null : JSON.stringify(item.changes),
				template: item.template,
				expectedUpdatedAt: item.expectedUpdatedAt,
				customerEmail: item.customer.email,
				customerName: item.customer.name,
				channel: item.channel,
				extrasJson: extrasJsonOf(item.extras ?? {}),
				state: 'planned',
				messageId: null,
				reason: null,
			})),
			at,
		);
		return {runId, items: input.items, settled: [], resumed: false};
	});
}

/** Loads a journaled run for `--resume RUN_ID`. */
export function loadRun(
	db: Database,
	runId: string,
	profile: string,
): (PlannedRun & {kind: RunKind; planJson: string}) | undefined {
	const run = findRun(db, runId);
	if (run === undefined || run.profile !== profile) return undefined;
	const kind = run.kind as RunKind;
	return {runId: run.id, resumed: true, kind, planJson: run.planJson, ...fromJournal(db, run.id, kind)};
}

export type ExecuteOptions = {
	readonly force: boolean;
	readonly concurrency: number;
	readonly onResult?: ((result: DeliveryResult, done: number, total: number) => void) | undefined;
};

/**
 * Sends a planned run: through the provider's bulk API in batches of 100 where it has one, else with bounded
 * concurrency. Stops taking new items when the signal aborts (Ctrl-C); what was not sent stays in the journal.
 */
export async function executeRun(
	env: DeliveryEnv,
	run: PlannedRun,
	options: ExecuteOptions,
): Promise<{results: DeliveryResult[]; interrupted: boolean}> {
	const results: DeliveryResult[] = [];
	const total = run.items.length + run.settled.length;
	const report = (result: DeliveryResult) => {
		results.push(result);
		options.onResult?.(result, results.length, total);
	};
	for (const result of run.settled) report(result);
	const useBatches =
		// Bulk APIs take text only: a run with copies or files sends each message on its own.
		run.items.every((item) => item.create === undefined && extrasJsonOf(item.extras ?? {}) === null) &&
		env.desk.capabilities.supportsBulk &&
		env.desk.sendBatch !== undefined &&
		run.items.length > 1;
	if (useBatches) {
		for (let start = 0; start < run.items.length; start += 100) {
			if (!(await mayContinue(env.signal))) break;
			for (const result of await deliverBatch(env, run.items.slice(start, start + 100), {
				runId: run.runId,
				force: options.force,
			}))
				report(result);
		}
	} else {
		let next = 0;
		const worker = async () => {
			while ((await mayContinue(env.signal)) && next < run.items.length) {
				const item = run.items[next++] as PlannedWrite;
				report(
					item.create === undefined
						? await deliverOne(env, item, {runId: run.runId, force: options.force})
						: await deliverNew(env, item, {runId: run.runId}),
				);
			}
		};
		await Promise.all(Array.from({length: Math.max(1, Math.min(options.concurrency, run.items.length))}, worker));
	}
	const interrupted = env.signal?.aborted === true && results.length < total;
	if (!interrupted) finishRun(env.db, run.runId, env.now().toISOString());
	return {results, interrupted};
}
