import type {Context, GlobalOptions} from '../../context.js';
import {parseSpanMs, parseWhen, spanForms, whenForms} from '../../domain/time.js';
import {UsageError} from '../../errors.js';
import {addFeedbackFollowUps, type FeedbackItem, type FeedbackKind, listFeedback} from '../../services/feedback.js';
import {csvRow} from '../../text/csv.js';
import {toDisplayLine, toSafeJson} from '../../text/display-text.js';
import {canShowProgress, formatOf, openDesk} from '../options.js';
import {formatTable} from '../output/table.js';
import {actingAgent} from './agent-context.js';
import {recordStoreOf} from './log.js';

export type FeedbackFlags = {since?: string; bad?: boolean; detractors?: boolean; hard?: boolean; followup?: string};

function parseFeedbackFlags(
	flags: FeedbackFlags,
	now: Date,
): {since: Date; kinds: FeedbackKind[]; followupMs: number | null} {
	const since = parseWhen(flags.since ?? '7d', now, 'past');
	if (since === null) throw new UsageError(`invalid --since "${flags.since}": expected ${whenForms}`);
	const chosen: FeedbackKind[] = [
		...(flags.bad ? (['bad'] as const) : []),
		...(flags.detractors ? (['detractor'] as const) : []),
		...(flags.hard ? (['hard'] as const) : []),
	];
	let followupMs: number | null = null;
	if (flags.followup !== undefined) {
		followupMs = parseSpanMs(flags.followup);
		if (followupMs === null) throw new UsageError(`invalid --followup "${flags.followup}": expected ${spanForms}`);
	}
	return {since, kinds: chosen.length > 0 ? chosen : ['bad', 'detractor', 'hard'], followupMs};
}

const columns = ['at', 'kind', 'score', 'ticketId', 'channel', 'agent', 'comment', 'subject'] as const;

/** `csr feedback`: what unhappy customers said, and optionally a callback follow-up for each. */
export async function runFeedback(flags: FeedbackFlags, globals: GlobalOptions, context: Context): Promise<void> {
	const now = context.now();
	const {since, kinds, followupMs} = parseFeedbackFlags(flags, now);
	const {desk, profile} = await openDesk(context, globals);
	let items: FeedbackItem[];
	try {
		if (!desk.capabilities.supportsSatisfaction && !desk.capabilities.supportsSurveys) {
			throw new UsageError(`profile "${profile.name}" (${profile.profile.provider}) keeps no ratings or surveys`);
		}
		items = await listFeedback(desk, {since, kinds}, context.signal);
	} finally {
		await desk.close();
	}
	writeFeedback(items, globals, context);
	if (followupMs === null) return;
	const dueAt = new Date(now.getTime() + followupMs);
	const outcome = await addFeedbackFollowUps(recordStoreOf(context), items, {
		profile: profile.name,
		agent: actingAgent(profile),
		dueAt,
		now,
	});
	const skipped = items.filter((item) => item.ticketId === null).length;
	context.io.stderr.write(
		`csr: ${outcome.created.length} callback follow-up${outcome.created.length === 1 ? '' : 's'} created (due ${dueAt.toISOString()}), ${outcome.existing.length} already there${skipped > 0 ? `, ${skipped} without a ticket` : ''}\n`,
	);
}

function writeFeedback(items: readonly FeedbackItem[], globals: GlobalOptions, context: Context): void {
	const out = context.io.stdout;
	const format = formatOf(globals);
	if (format === 'json') out.write(`${toSafeJson(items, 2)}\n`);
	else if (format === 'ndjson') out.write(items.map((item) => `${toSafeJson(item)}\n`).join(''));
	else if (format === 'csv') {
		out.write(csvRow(columns));
		for (const item of items) out.write(csvRow(columns.map((column) => sanitised(item[column]))));
	} else {
		out.write(
			formatTable(
				items,
				[
					{header: 'WHEN', width: 16, value: (item) => item.at.slice(0, 16).replace('T', ' ')},
					{header: 'KIND', width: 9, value: (item) => item.kind},
					{header: 'SCORE', width: 5, value: (item) => item.score},
					{header: 'TICKET', width: 7, value: (item) => toDisplayLine(item.ticketId ?? '-')},
					{header: 'CHANNEL', width: 8, value: (item) => item.channel ?? '-'},
					{header: 'AGENT', width: 16, value: (item) => toDisplayLine(item.agent ?? '-')},
					{header: 'COMMENT', value: (item) => toDisplayLine(item.comment ?? '')},
				],
				context.io.columns,
				false,
			),
		);
		if (items.length === 0 && canShowProgress(globals, context))
			context.io.stderr.write('No unhappy answers in that window.\n');
	}
}

const sanitised = (value: string | null): string | null => (value === null ? null : toDisplayLine(value));
