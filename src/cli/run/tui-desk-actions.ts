import type {ResolvedProfile} from '../../config/profiles.js';
import type {Context} from '../../context.js';
import {UsageError} from '../../errors.js';
import {type HelpDesk, hasTicketForwarding, hasTicketMerge} from '../../providers/help-desk.js';
import type {DeliveryEnv} from '../../services/delivery.js';
import {executeForward, planForward} from '../../services/forward.js';
import {executeMerge, planMerge} from '../../services/merge.js';
import {toDisplayLine} from '../../text/display-text.js';
import {plural} from '../../tui/format.js';
import type {TuiServices} from '../../tui/services.js';
import {agentTextRenderer} from './agent-context.js';
import {planText} from './merge.js';

const ids = (list: readonly string[]) => list.map((id) => `#${id}`).join(', ');

/** What a desk without the capability says, naming the desk and the profile, in the TUI's words. */
function cannotSay(desk: HelpDesk, profile: string, what: 'merge' | 'forward'): string {
	return what === 'merge'
		? `The ${desk.providerName} desk (profile ${profile}) cannot merge tickets from csr: merge them in the help desk itself.`
		: `The ${desk.providerName} desk (profile ${profile}) cannot forward tickets from csr: forward from the help desk itself.`;
}

/**
 * The TUI's merge (`m`) and forward (`w`): the same plan, drift check, journal and record as `csr merge` and
 * `csr forward`, previewed before anything changes.
 */
export function deskActionServices(
	context: Context,
	profile: ResolvedProfile,
	deskPromise: Promise<HelpDesk>,
	deliveryEnv: () => Promise<DeliveryEnv>,
): Required<Pick<TuiServices, 'cannot' | 'planMerge' | 'planForward'>> {
	const deskFor = async (what: 'merge' | 'forward') => {
		const desk = await deskPromise;
		const can = what === 'merge' ? hasTicketMerge(desk) : hasTicketForwarding(desk);
		if (!can) throw new UsageError(cannotSay(desk, profile.name, what));
		return desk;
	};
	return {
		cannot: async (what) => {
			const desk = await deskPromise;
			const can = what === 'merge' ? hasTicketMerge(desk) : hasTicketForwarding(desk);
			return can ? null : cannotSay(desk, profile.name, what);
		},
		planMerge: async ({sourceIds, targetId, comment}) => {
			const desk = await deskFor('merge');
			const env = await deliveryEnv();
			const source = 'the merge comment';
			const renderComment = await agentTextRenderer(context, profile, desk, {text: comment, raw: false, source});
			const plan = await planMerge(env, {sourceIds, targetId, comment, renderComment});
			const {target} = plan;
			const lines =
				plan.alreadyDone || target === null
					? [`${ids(sourceIds)} already merged into #${targetId} by an earlier run; nothing more to do.`]
					: planText({...plan, target})
							.trimEnd()
							.split('\n');
			return {
				title: `Merge ${ids(sourceIds)} into #${targetId}? This cannot be undone.`,
				lines,
				alreadyDone: plan.alreadyDone,
				run: async () => {
					const outcome = await executeMerge(env, plan);
					return outcome.result === 'merged'
						? `Merged ${ids(outcome.sourceIds)} into #${outcome.targetId}; closed with a note naming it.`
						: `${ids(outcome.sourceIds)} were already merged into #${outcome.targetId}; nothing done.`;
				},
			};
		},
		planForward: async ({ticketId, to, note, lastOnly = false}) => {
			const desk = await deskFor('forward');
			const env = await deliveryEnv();
			const renderNote = await agentTextRenderer(context, profile, desk, {text: note, raw: false, source: 'the note'});
			const plan = await planForward(env, {ticketId, to, note, lastOnly, renderNote});
			const count = `${plan.messageCount} message${plan.messageCount === 1 ? '' : 's'}`;
			const body = plan.request.body.split('\n').filter((line) => line.trim() !== '');
			const shown = body.slice(0, 6).map((line) => toDisplayLine(line));
			if (body.length > shown.length) shown.push(`… and ${plural(body.length - shown.length, 'more line')}`);
			return {
				title: `Forward #${ticketId} (${count}) to ${plan.request.to.join(', ')}?`,
				lines: [
					`Subject: ${toDisplayLine(plan.request.subject)}`,
					...shown,
					plan.alreadyDone
						? 'Already forwarded to them by an earlier run: nothing more is sent.'
						: 'The ticket gets an internal note naming who it went to.',
				],
				alreadyDone: plan.alreadyDone,
				run: async () => {
					const outcome = await executeForward(env, plan);
					return outcome.result === 'forwarded'
						? `Forwarded #${ticketId} to ${outcome.to.join(', ')}${outcome.linkedTicketId === undefined ? '' : ` as ticket #${outcome.linkedTicketId}`}; noted on the ticket.`
						: `#${ticketId} ${outcome.reason ?? 'was already forwarded'} to ${outcome.to.join(', ')}; nothing sent.`;
				},
			};
		},
	};
}
