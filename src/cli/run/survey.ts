import {settingDefinitions} from '../../config/schema.js';
import type {Context, GlobalOptions} from '../../context.js';
import {parseSpanMs, spanForms} from '../../domain/time.js';
import {UsageError} from '../../errors.js';
import {type HelpDesk, hasDeskSurveyLinks} from '../../providers/help-desk.js';
import {type DeliveryResult, hashIntent, type PlannedWrite} from '../../services/delivery.js';
import {executeRun, planRun} from '../../services/replies.js';
import {lastSurveyOf, type SurveyKind, surveyKinds, surveyLinkFor, surveyTemplate} from '../../services/surveys.js';
import {type LoadedTemplate, loadAndRender} from '../../templates/render.js';
import {toDisplayText} from '../../text/display-text.js';
import {canShowProgress, openDesk, readTicketIds} from '../options.js';
import {createResultPrinter} from '../output/results.js';
import {recordStoreOf} from './log.js';
import {agentForTemplates, templateDirsFor} from './templates.js';

export type SurveySendFlags = {kind?: string; url?: string; within?: string; dryRun?: boolean; force?: boolean};

const dayMs = 86_400_000;

function parseSurveyFlags(flags: SurveySendFlags, settings: Record<string, unknown>) {
	const kind = (flags.kind ?? '').trim().toLowerCase() as SurveyKind;
	if (!surveyKinds.includes(kind)) {
		throw new UsageError(`invalid --kind "${flags.kind ?? ''}": expected one of ${surveyKinds.join(', ')}`);
	}
	const rawUrl = flags.url ?? settings['survey.url'];
	let url: string | null = null;
	if (rawUrl !== undefined && rawUrl !== null) {
		const parsed = settingDefinitions['survey.url'].parse.safeParse(rawUrl);
		if (!parsed.success) throw new UsageError(`invalid survey link "${String(rawUrl)}": expected an http(s) URL`);
		url = parsed.data;
	}
	let windowMs: number;
	if (flags.within !== undefined) {
		const span = parseSpanMs(flags.within);
		if (span === null) throw new UsageError(`invalid --within "${flags.within}": expected ${spanForms}`);
		windowMs = span;
	} else {
		const days = settingDefinitions['survey.windowDays'].parse.safeParse(settings['survey.windowDays'] ?? 30);
		windowMs = (days.success ? days.data : 30) * dayMs;
	}
	return {kind, url, explicitUrl: flags.url !== undefined, windowMs};
}

/**
 * The link the survey carries: --url when given, else the desk's own rating link (Zendesk CSAT), else the profile's
 * `survey.url`.
 */
function surveyLinkOf(
	desk: HelpDesk,
	kind: SurveyKind,
	profileUrl: string | null,
	explicitUrl: boolean,
): {link: string; desk: boolean} {
	const deskLink = hasDeskSurveyLinks(desk) ? desk.deskSurveyLink(kind) : null;
	if (profileUrl !== null && (explicitUrl || deskLink === null)) return {link: profileUrl, desk: false};
	if (deskLink !== null) return {link: deskLink, desk: true};
	throw new UsageError(
		`no survey link: ${desk.providerName} has no ${kind.toUpperCase()} rating link of its own, and csr has nowhere to send the customer`,
		'Set one: csr config set survey.url "https://survey.example.com/{kind}?ticket={ticket}&lang={locale}", or pass --url.',
	);
}

/**
 * `csr survey send IDS --kind csat|nps|ces`: the survey-request template in each customer's language with the
 * ticket's survey link, through the one delivery path (journal, drift check, outbox, record); a ticket surveyed
 * within the window is skipped, and the same command again sends nothing twice.
 */
export async function runSurveySend(
	args: readonly string[],
	flags: SurveySendFlags,
	globals: GlobalOptions,
	context: Context,
): Promise<void> {
	const {kind, url: profileUrl, explicitUrl, windowMs} = parseSurveyFlags(flags, context.config().read().settings);
	const ids = await readTicketIds(args, context);
	const now = context.now();
	const day = now.toISOString().slice(0, 10);
	const {desk, profile} = await openDesk(context, globals);
	try {
		const url = surveyLinkOf(desk, kind, profileUrl, explicitUrl);
		const tickets = await desk.getTickets(ids, context.signal);
		const found = new Set(tickets.map((ticket) => ticket.id));
		const early: DeliveryResult[] = ids
			.filter((id) => !found.has(id))
			.map((ticketId) => ({ticketId, result: 'failed', reason: `ticket ${ticketId} not found on ${profile.name}`}));
		const agent = await agentForTemplates(profile, desk, context.signal);
		const store = recordStoreOf(context);
		const dirs = templateDirsFor(context);
		const cache = new Map<string, LoadedTemplate>();
		const items: PlannedWrite[] = [];
		for (const ticket of tickets) {
			const last = flags.force
				? null
				: await lastSurveyOf(store, ticket.id, profile.name, new Date(now.getTime() - windowMs));
			if (last !== null) {
				early.push({ticketId: ticket.id, result: 'skipped', reason: `already surveyed on ${last.at.slice(0, 10)}`});
				continue;
			}
			const render = (link: string) =>
				loadAndRender({
					name: surveyTemplate,
					ticket,
					agent,
					vars: {kind, survey_url: link},
					now,
					profileLocale: profile.profile.defaultLocale,
					dirs,
					cache,
				});
			const locale = render('-').locale;
			const rendered = render(url.desk ? url.link : surveyLinkFor(url.link, {ticket: ticket.id, kind, locale}));
			items.push({
				ticketId: ticket.id,
				isPublic: true,
				body: rendered.body,
				changes: undefined,
				template: surveyTemplate,
				intentHash: hashIntent([profile.name, ticket.id, 'survey', kind, day]),
				expectedUpdatedAt: ticket.updatedAt,
				customer: {email: ticket.requester.email, name: ticket.requester.name},
				channel: ticket.channel,
				action: 'reply',
				outcome: null,
				durationSec: null,
			});
		}
		if (flags.dryRun) {
			for (const item of items)
				context.io.stdout.write(`── #${item.ticketId}\n${toDisplayText(item.body).trimEnd()}\n\n`);
			for (const result of early) context.io.stdout.write(`${result.result}  #${result.ticketId}  ${result.reason}\n`);
			if (canShowProgress(globals, context)) context.io.stderr.write('dry run: nothing sent\n');
			return;
		}
		const printer = createResultPrinter(globals, context, ids.length);
		for (const result of early) printer.onResult(result, 0, ids.length);
		const db = context.store();
		const run = planRun(db, {
			profile: profile.name,
			fingerprint: hashIntent([profile.name, 'survey', kind, url.link, day, ids]),
			kind: 'reply',
			planJson: JSON.stringify({survey: kind, ids}),
			items,
			now,
		});
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
			{force: false, concurrency: 4, onResult: (result, done, total) => printer.onResult(result, done, total)},
		);
		printer.finish([...early, ...results], {
			runId: ids.length > 1 ? run.runId : null,
			interrupted,
			resumeHint: `csr reply --resume ${run.runId}`,
		});
	} finally {
		await desk.close();
	}
}
