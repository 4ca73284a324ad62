import type {Context, GlobalOptions} from '../../context.js';
import type {Ticket} from '../../domain/ticket.js';
import {UsageError} from '../../errors.js';
import {hasTicketMerge} from '../../providers/help-desk.js';
import {executeMerge, type MergePlan, planMerge} from '../../services/merge.js';
import {toDisplayLine, toSafeJson} from '../../text/display-text.js';
import {activeProfile, formatOf} from '../options.js';
import {agentTextRenderer, deliveryEnvOf} from './agent-context.js';

export type MergeFlags = {into: string; comment?: string; raw?: boolean; dryRun?: boolean; yes?: boolean};

/** A ticket id as the agent typed it (`4512` or `#4512`); desks csr merges on number their tickets. */
function ticketId(raw: string, flag: string): string {
	const id = raw.trim().replace(/^#/, '');
	if (!/^\d{1,19}$/.test(id))
		throw new UsageError(
			`invalid ticket id "${raw}" ${flag}: ticket ids are numbers`,
			'Example: csr merge 4512 --into 4498',
		);
	return id;
}

function idsOf(sources: readonly string[], flags: MergeFlags): {sourceIds: string[]; targetId: string} {
	const targetId = ticketId(flags.into, 'in --into');
	const sourceIds = [...new Set(sources.map((source) => ticketId(source, 'among the sources')))];
	if (sourceIds.includes(targetId))
		throw new UsageError(
			`ticket ${targetId} is both a source and the target`,
			'A ticket cannot be merged into itself: leave the target out of the sources.',
		);
	return {sourceIds, targetId};
}

const describe = (ticket: Ticket) =>
	`#${ticket.id} ${toDisplayLine(ticket.subject)} (${ticket.status}, ${toDisplayLine(ticket.requester.email ?? ticket.requester.name)})`;

export function planText(plan: MergePlan & {target: Ticket}): string {
	const lines = [`Merge into ${describe(plan.target)}:`];
	for (const source of plan.sources)
		lines.push(`  ${describe(source)} → closed, with a note naming #${plan.target.id}`);
	const others = plan.sources.filter(
		(source) => (source.requester.email ?? '').toLowerCase() !== (plan.target.requester.email ?? '').toLowerCase(),
	);
	if (others.length > 0)
		lines.push(
			`  note: ${others.map((source) => `#${source.id}`).join(', ')} ${others.length === 1 ? 'has' : 'have'} another requester than #${plan.target.id}`,
		);
	if (plan.comment !== null) lines.push(`  comment: ${toDisplayLine(plan.comment)}`);
	return `${lines.join('\n')}\n`;
}

const summary = (ticket: Ticket) => ({id: ticket.id, subject: ticket.subject, status: ticket.status});

/** `csr merge SOURCE… --into TARGET`: read, show the plan, confirm, then merge once and record it. */
export async function runMerge(
	sources: readonly string[],
	flags: MergeFlags,
	globals: GlobalOptions,
	context: Context,
): Promise<void> {
	const profile = activeProfile(context, globals);
	const {sourceIds, targetId} = idsOf(sources, flags);
	const comment = flags.comment === undefined || flags.comment.trim() === '' ? null : flags.comment.trim();
	const json = formatOf(globals) === 'json';
	const desk = await context.openHelpDesk(profile, {verbose: globals.verbose === true});
	try {
		if (!hasTicketMerge(desk))
			throw new UsageError(
				`profile ${profile.name} (${desk.providerName}) cannot merge tickets from csr: the ${desk.providerName} desk has no merge csr can use`,
				'Merge the tickets in the help desk itself.',
			);
		const env = deliveryEnvOf(context, profile, desk);
		const renderComment = await agentTextRenderer(context, profile, desk, {
			text: comment,
			raw: flags.raw,
			source: '--comment',
		});
		const plan = await planMerge(env, {sourceIds, targetId, comment, renderComment});
		const {target} = plan;
		if (!json && !plan.alreadyDone && target !== null) context.io.stdout.write(planText({...plan, target}));
		if (flags.dryRun) {
			if (json)
				context.io.stdout.write(
					`${toSafeJson({result: 'dry-run', target: target === null ? null : summary(target), sources: plan.sources.map(summary), comment: plan.comment, alreadyDone: plan.alreadyDone}, 2)}\n`,
				);
			context.io.stderr.write(
				plan.alreadyDone ? 'dry run: this merge was already done; nothing to do\n' : 'dry run: nothing merged\n',
			);
			return;
		}
		if (!plan.alreadyDone && !flags.yes) {
			if (!context.io.stdinIsTty)
				throw new UsageError('refusing to merge without --yes', 'Check with --dry-run first, then add --yes.');
			const noun = sourceIds.length === 1 ? 'ticket' : `${sourceIds.length} tickets`;
			if (
				!(await context.confirm(`Merge ${noun} into #${targetId} on profile ${profile.name}? This cannot be undone.`))
			)
				throw new UsageError('cancelled; nothing was merged');
		}
		const outcome = await executeMerge(env, plan);
		if (json) context.io.stdout.write(`${toSafeJson(outcome, 2)}\n`);
		else if (outcome.result === 'merged')
			context.io.stdout.write(
				`merged ${outcome.sourceIds.map((id) => `#${id}`).join(', ')} into #${outcome.targetId}\n`,
			);
		else
			context.io.stdout.write(
				`${outcome.sourceIds.map((id) => `#${id}`).join(', ')} already merged into #${outcome.targetId} (${outcome.reason}); nothing done\n`,
			);
	} finally {
		await desk.close();
	}
}
