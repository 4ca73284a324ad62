import type {ResolvedProfile} from '../../config/profiles.js';
import type {Context, GlobalOptions} from '../../context.js';
import {UsageError} from '../../errors.js';
import {ccNotice, type HelpDesk} from '../../providers/help-desk.js';
import {type PlannedAttachment, parseCcList, readAttachmentFile} from '../../services/attachments.js';
import {type DeliveryResult, hashIntent} from '../../services/delivery.js';
import {intentPartsOf} from '../../services/delivery-extras.js';
import {executeRun, loadRun, planRun} from '../../services/replies.js';
import {parseVarFlags} from '../../templates/vars.js';
import {activeProfile, parsePositiveInt, readTicketIds} from '../options.js';
import {createResultPrinter} from '../output/results.js';
import {noticeOf} from './agent-context.js';
import {closedOf, type PlannedItem, printDryRun} from './reply-dry-run.js';
import {agentOf, type BodySource, fetchTickets, parseStatus, planItems, readBodySource} from './reply-plan.js';
export type ReplyFlags = {
	internal?: boolean;
	template?: string;
	macro?: string;
	body?: string;
	bodyFile?: string;
	editor?: boolean;
	raw?: boolean;
	var?: string[];
	attach?: string[];
	cc?: string[];
	locale?: string;
	status?: string;
	dryRun?: boolean;
	yes?: boolean;
	concurrency?: string;
	force?: boolean;
	resume?: string;
};

/** What the agent asked for: the message source and the tickets, checked before the desk is opened. */
type ReplyRequest = {
	profile: ResolvedProfile;
	concurrency: number;
	source: BodySource;
	ids: string[];
	idsFromStdin: boolean;
	vars: Record<string, string>;
	status: ReturnType<typeof parseStatus>;
	/** `--attach` files (read and hashed now) and `--cc` addresses. */
	files: PlannedAttachment[];
	cc: string[];
};

/** `csr reply`: read the request, confirm a bulk run, plan (render every message), then send and print. */
export async function runReply(
	args: string[],
	flags: ReplyFlags,
	globals: GlobalOptions,
	context: Context,
): Promise<void> {
	const profile = activeProfile(context, globals);
	const concurrency =
		flags.concurrency === undefined ? 4 : Math.min(16, parsePositiveInt('--concurrency', flags.concurrency));
	if (flags.resume !== undefined) return resumeReply(flags.resume, flags, globals, context, profile, concurrency);
	const request = await readRequest(args, flags, context, profile, concurrency);
	await confirmBulk(request, flags, context);
	const desk = await context.openHelpDesk(profile, {verbose: globals.verbose === true});
	try {
		const {tickets, missing} = await fetchTickets(desk, request.ids, context.signal);
		const agent = await agentOf(profile, desk, context.signal);
		const {source, vars, status, files, cc} = request;
		const items = await planItems({flags, profile, desk, source, vars, status, agent, context, files, cc}, tickets);
		const notice = ccNotice(desk, cc);
		if (notice !== null) context.io.stderr.write(`${notice}\n`);
		const notFound: DeliveryResult[] = missing.map((ticketId) => ({
			ticketId,
			result: 'failed',
			reason: `ticket ${ticketId} not found on ${profile.name}`,
		}));
		if (flags.dryRun) return printDryRun(items, [...notFound, ...closedOf(tickets)], globals, context);
		await executeAndPrint(
			request,
			items,
			notFound,
			{desk, agentEmail: profile.profile.email ?? agent.email},
			flags,
			globals,
			context,
		);
	} finally {
		await desk.close();
	}
}

async function readRequest(
	args: string[],
	flags: ReplyFlags,
	context: Context,
	profile: ResolvedProfile,
	concurrency: number,
): Promise<ReplyRequest> {
	const idsFromStdin = args.length === 1 && args[0] === '-';
	const source = await readBodySource(flags, context, idsFromStdin);
	const ids = await readTicketIds(args, context);
	const vars = parseVarFlags(flags.var);
	const status = parseStatus(flags.status);
	if (flags.editor && ids.length > 1)
		throw new UsageError(
			'--editor works on one ticket at a time',
			'Drop --editor for bulk runs, or reply to each ticket on its own.',
		);
	const cc = parseCcList(flags.cc);
	if (cc.length > 0 && flags.internal)
		throw new UsageError('--cc is for public replies; an internal note is not sent to anyone');
	const files = (flags.attach ?? []).map((path) => readAttachmentFile(path, '--attach').planned);
	return {profile, concurrency, source, ids, idsFromStdin, vars, status, files, cc};
}

/** A bulk run writes to many tickets: it needs --yes, or a yes at a terminal. */
async function confirmBulk({ids, idsFromStdin, profile}: ReplyRequest, flags: ReplyFlags, context: Context) {
	if (ids.length <= 1 || flags.yes || flags.dryRun) return;
	if (!context.io.stdinIsTty || idsFromStdin) {
		throw new UsageError(
			`refusing to write to ${ids.length} tickets without --yes`,
			'Check with --dry-run first, then add --yes.',
		);
	}
	const noun = flags.internal ? 'internal notes' : 'replies';
	if (!(await context.confirm(`Send ${ids.length} ${noun} on profile ${profile.name}?`)))
		throw new UsageError('cancelled; nothing was sent');
}

/** Record the run (so it can be resumed), send through the one delivery path and print each result as it lands. */
async function executeAndPrint(
	{profile, concurrency, source, ids, vars, status, files, cc}: ReplyRequest,
	items: PlannedItem[],
	notFound: DeliveryResult[],
	{desk, agentEmail}: {desk: HelpDesk; agentEmail: string | null},
	flags: ReplyFlags,
	globals: GlobalOptions,
	context: Context,
): Promise<void> {
	const printer = createResultPrinter(globals, context, ids.length);
	for (const result of notFound) printer.onResult(result, 0, ids.length);
	const fingerprint = hashIntent([
		profile.name,
		flags.internal === true,
		source,
		vars,
		flags.locale ?? null,
		status ?? null,
		ids,
		...intentPartsOf({cc, attachments: files}),
	]);
	const db = context.store();
	const run = planRun(db, {
		profile: profile.name,
		fingerprint,
		kind: flags.internal ? 'note' : 'reply',
		planJson: JSON.stringify({ids, source, vars}),
		items,
		now: context.now(),
	});
	if (run.resumed && globals.quiet !== true)
		context.io.stderr.write(`continuing run ${run.runId}: what it already sent is skipped\n`);
	const {results, interrupted} = await executeRun(
		{
			desk,
			db,
			profile: profile.name,
			agent: agentEmail,
			now: context.now,
			signal: context.signal,
			notice: noticeOf(context),
		},
		run,
		{
			force: flags.force === true,
			concurrency,
			onResult: (result, done, total) => printer.onResult(result, done, total),
		},
	);
	printer.finish([...notFound, ...results], {
		runId: ids.length > 1 ? run.runId : null,
		interrupted,
		resumeHint: `csr reply --resume ${run.runId}`,
	});
}

async function resumeReply(
	runId: string,
	flags: ReplyFlags,
	globals: GlobalOptions,
	context: Context,
	profile: ResolvedProfile,
	concurrency: number,
): Promise<void> {
	const db = context.store();
	const run = loadRun(db, runId, profile.name);
	if (run === undefined)
		throw new UsageError(
			`no run ${runId} for profile ${profile.name}`,
			'Run ids are printed at the end of each bulk run.',
		);
	const desk = await context.openHelpDesk(profile, {verbose: globals.verbose === true});
	try {
		const printer = createResultPrinter(globals, context, run.items.length + run.settled.length);
		const {results, interrupted} = await executeRun(
			{
				desk,
				db,
				profile: profile.name,
				agent: profile.profile.email,
				now: context.now,
				signal: context.signal,
				notice: noticeOf(context),
			},
			run,
			{
				force: flags.force === true,
				concurrency,
				onResult: (result, done, total) => printer.onResult(result, done, total),
			},
		);
		printer.finish(results, {runId: run.runId, interrupted, resumeHint: `csr reply --resume ${run.runId}`});
	} finally {
		await desk.close();
	}
}
