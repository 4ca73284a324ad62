import {readFileSync} from 'node:fs';
import type {ResolvedProfile} from '../../config/profiles.js';
import type {Context, GlobalOptions} from '../../context.js';
import type {Ticket} from '../../domain/ticket.js';
import {TicketStatus} from '../../domain/ticket.js';
import {UsageError} from '../../errors.js';
import {readAll} from '../../io/streams.js';
import {type HelpDesk, hasMacros, type TicketChanges} from '../../providers/help-desk.js';
import {type DeliveryResult, hashIntent} from '../../services/delivery.js';
import {executeRun, loadRun, planRun} from '../../services/replies.js';
import {renderAgentText} from '../../templates/agent-text.js';
import {templateDirs} from '../../templates/lookup.js';
import {type LoadedTemplate, loadAndRender} from '../../templates/render.js';
import {parseVarFlags} from '../../templates/vars.js';
import {activeProfile, parsePositiveInt, readTicketIds} from '../options.js';
import {createResultPrinter} from '../output/results.js';
import {closedOf, localeNoteFor, type PlannedItem, printDryRun} from './reply-dry-run.js';

export type ReplyFlags = {
	internal?: boolean;
	template?: string;
	macro?: string;
	body?: string;
	bodyFile?: string;
	editor?: boolean;
	raw?: boolean;
	var?: string[];
	locale?: string;
	status?: string;
	dryRun?: boolean;
	yes?: boolean;
	concurrency?: string;
	force?: boolean;
	resume?: string;
};

/** `text` is the agent's own: `label` names where it came from in errors (`--body`, `--body-file PATH`, `--editor`). */
type BodySource =
	| {kind: 'template'; name: string}
	| {kind: 'macro'; id: string}
	| {kind: 'text'; text: string; label: string};

async function readBodySource(flags: ReplyFlags, context: Context, idsFromStdin: boolean): Promise<BodySource> {
	const given = [flags.template, flags.macro, flags.body, flags.bodyFile].filter((flag) => flag !== undefined).length;
	if (given > 1) throw new UsageError('give only one of --template, --macro, --body and --body-file');
	if (given === 0 && !flags.editor)
		throw new UsageError(
			'no message given',
			'Use --template NAME, --macro ID, --body TEXT, --body-file PATH or --editor.',
		);
	if (flags.template !== undefined) return {kind: 'template', name: flags.template};
	if (flags.macro !== undefined) {
		const id = flags.macro.trim().replace(/^macro:/, '');
		if (!/^\d+$/.test(id))
			throw new UsageError(`invalid --macro "${flags.macro}"`, 'Macro ids are numbers: see csr templates list.');
		return {kind: 'macro', id};
	}
	if (flags.raw && (flags.template !== undefined || flags.macro !== undefined))
		throw new UsageError('--raw is for your own text (--body, --body-file, --editor), not --template or --macro');
	if (flags.body !== undefined) return {kind: 'text', text: flags.body, label: '--body'};
	if (flags.bodyFile !== undefined) {
		if (flags.bodyFile === '-') {
			if (idsFromStdin)
				throw new UsageError(
					'stdin cannot carry both the ids and the body',
					'Pass ids as arguments with --body-file -, or the body with --body-file PATH.',
				);
			return {kind: 'text', text: await readAll(context.io.stdin), label: '--body-file -'};
		}
		try {
			return {kind: 'text', text: readFileSync(flags.bodyFile, 'utf8'), label: `--body-file ${flags.bodyFile}`};
		} catch (error) {
			throw new UsageError(
				`cannot read --body-file ${flags.bodyFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
			);
		}
	}
	return {kind: 'text', text: '', label: '--editor'};
}

function parseStatus(raw: string | undefined): TicketStatus | undefined {
	if (raw === undefined) return undefined;
	const parsed = TicketStatus.safeParse(raw.trim().toLowerCase());
	if (!parsed.success)
		throw new UsageError(`invalid --status "${raw}": expected one of ${TicketStatus.options.join(', ')}`);
	return parsed.data;
}

async function agentOf(profile: ResolvedProfile, desk: HelpDesk, signal: AbortSignal) {
	const {agent, email} = profile.profile;
	const {signature, signatures} = agent;
	if (agent.name) return {name: agent.name, email, signature, signatures};
	const me = await desk.whoAmI(signal);
	return {name: me.name, email: email ?? me.email, signature, signatures};
}

/** Tickets in the order given; ids the desk does not know become failed results. */
async function fetchTickets(
	desk: HelpDesk,
	ids: readonly string[],
	signal: AbortSignal,
): Promise<{tickets: Ticket[]; missing: string[]}> {
	const found = new Map<string, Ticket>();
	for (let start = 0; start < ids.length; start += 100) {
		for (const ticket of await desk.getTickets(ids.slice(start, start + 100), signal)) found.set(ticket.id, ticket);
	}
	return {
		tickets: ids.flatMap((id) => (found.has(id) ? [found.get(id) as Ticket] : [])),
		missing: ids.filter((id) => !found.has(id)),
	};
}

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
	if (ids.length > 1 && !flags.yes && !flags.dryRun) {
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

	const desk = await context.openHelpDesk(profile, {verbose: globals.verbose === true});
	try {
		const {tickets, missing} = await fetchTickets(desk, ids, context.signal);
		const agent = await agentOf(profile, desk, context.signal);
		const dirs = templateDirs({cwd: context.cwd, configDir: context.paths.configDir});
		const cache = new Map<string, LoadedTemplate>();
		const items: PlannedItem[] = [];
		const fill = (text: string, label: string, ticket: Ticket): string =>
			flags.raw ? text : renderAgentText({text, source: label, ticket, agent, vars, now: context.now()});
		// Render everything before sending anything: one bad template stops the whole run with nothing sent.
		for (const ticket of tickets) {
			let body: string;
			let isPublic = !flags.internal;
			let changes: TicketChanges | undefined;
			let locale: string | null = null;
			let localeNote: string | null = null;
			let intent: unknown[];
			if (source.kind === 'template') {
				const rendered = loadAndRender({
					name: source.name,
					ticket,
					agent,
					vars,
					now: context.now(),
					localeFlag: flags.locale,
					profileLocale: profile.profile.defaultLocale,
					dirs,
					cache,
				});
				body = rendered.body;
				isPublic = isPublic && !rendered.internal;
				changes = rendered.changes;
				locale = rendered.locale;
				localeNote = localeNoteFor(
					rendered.locale,
					ticket.requester.locale,
					flags.locale,
					profile.profile.defaultLocale,
				);
				intent = ['template', rendered.name, rendered.locale, vars];
			} else if (source.kind === 'macro') {
				if (!hasMacros(desk)) {
					throw new UsageError(
						`profile ${profile.name} (${profile.profile.provider}) has no macros`,
						'Use --template NAME instead.',
					);
				}
				// The desk renders the macro for this ticket; csr sends the result like any reply (journal, drift, outbox).
				const preview = await desk.previewMacro(ticket.id, source.id, context.signal);
				if (preview.body === null || preview.body.trim() === '') {
					throw new UsageError(
						`macro ${source.id} adds no reply text; nothing was sent`,
						'Apply it with csr status/assign, or pick a macro with a reply.',
					);
				}
				body = preview.body;
				isPublic = isPublic && preview.public !== false;
				changes = {
					...(preview.status === null ? {} : {status: preview.status}),
					...(preview.priority === null ? {} : {priority: preview.priority}),
					...(preview.groupId === null ? {} : {group: preview.groupId}),
				};
				intent = ['macro', source.id, body];
			} else {
				// The agent's own text is a template too (the same variables and checks), unless --raw. With --editor
				// the agent edits their own text, which is filled after.
				const text = flags.editor ? await context.editText(source.text, `csr-reply-${ticket.id}.md`) : source.text;
				body = fill(text, flags.editor ? '--editor' : source.label, ticket);
				intent = ['body', body];
			}
			if (flags.editor && source.kind !== 'text') {
				// A rendered template or macro holds customer text: what the agent makes of it is sent as edited.
				body = await context.editText(body, `csr-reply-${ticket.id}.md`);
				intent = ['body', body];
			}
			if (body.trim() === '') throw new UsageError(`the message for ticket ${ticket.id} is empty; nothing was sent`);
			if (status !== undefined) changes = {...changes, status};
			items.push({
				ticketId: ticket.id,
				isPublic,
				body,
				changes,
				template: source.kind === 'template' ? source.name : source.kind === 'macro' ? `macro:${source.id}` : null,
				intentHash: hashIntent([profile.name, ticket.id, isPublic, ...intent, changes ?? null]),
				expectedUpdatedAt: ticket.updatedAt,
				customer: {email: ticket.requester.email, name: ticket.requester.name},
				channel: ticket.channel,
				action: isPublic ? 'reply' : 'note',
				outcome: null,
				durationSec: null,
				locale,
				localeNote,
				requesterLocale: ticket.requester.locale,
			});
		}
		const notFound: DeliveryResult[] = missing.map((ticketId) => ({
			ticketId,
			result: 'failed',
			reason: `ticket ${ticketId} not found on ${profile.name}`,
		}));
		if (flags.dryRun) return printDryRun(items, [...notFound, ...closedOf(tickets)], globals, context);

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
				agent: profile.profile.email ?? agent.email,
				now: context.now,
				signal: context.signal,
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
	} finally {
		await desk.close();
	}
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
			{desk, db, profile: profile.name, agent: profile.profile.email, now: context.now, signal: context.signal},
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
