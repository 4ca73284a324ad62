import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Context, GlobalOptions} from '../../context.js';
import type {TicketThread} from '../../domain/message.js';
import {UsageError} from '../../errors.js';
import {type ArticleDrafts, type HelpDesk, hasArticleDrafts} from '../../providers/help-desk.js';
import {
	articleFromTicket,
	articleHtml,
	articlePartsOf,
	knowledgeOf,
	type TicketKnowledge,
	templateFromTicket,
} from '../../templates/from-ticket.js';
import {chooseLocale, parseLocaleFlag} from '../../templates/locale.js';
import {toSafeJson} from '../../text/display-text.js';
import {canShowProgress, formatOf, openDesk, parseTicketId} from '../options.js';

type TicketLesson = {thread: TicketThread; knowledge: TicketKnowledge; locale: string};

/** The ticket's thread and what it teaches; a ticket without an agent reply has nothing to draft from. */
async function readFrom(
	desk: HelpDesk,
	defaultLocale: string | null,
	rawTicketId: string,
	localeFlag: string | undefined,
	context: Context,
): Promise<TicketLesson> {
	const ticketId = parseTicketId('--from-ticket', rawTicketId);
	const thread = await desk.getThread(ticketId, context.signal);
	const knowledge = knowledgeOf(thread);
	if (knowledge === null) {
		throw new UsageError(`ticket ${ticketId} has no public agent reply to draft from`, 'Pick a solved ticket.');
	}
	const locale = chooseLocale({
		flag: localeFlag === undefined ? undefined : parseLocaleFlag(localeFlag),
		requesterLocale: thread.ticket.requester.locale,
		profileDefault: defaultLocale,
	});
	return {thread, knowledge, locale};
}

async function readKnowledge(
	rawTicketId: string,
	localeFlag: string | undefined,
	globals: GlobalOptions,
	context: Context,
): Promise<TicketLesson> {
	const {desk, profile} = await openDesk(context, globals);
	try {
		return await readFrom(desk, profile.profile.defaultLocale, rawTicketId, localeFlag, context);
	} finally {
		await desk.close();
	}
}

/** `csr templates new NAME --from-ticket ID`: the template text and the locale it is in. */
export async function draftTemplateFromTicket(
	ticketId: string,
	localeFlag: string | undefined,
	globals: GlobalOptions,
	context: Context,
): Promise<{text: string; locale: string}> {
	const {thread, knowledge, locale} = await readKnowledge(ticketId, localeFlag, globals, context);
	return {text: templateFromTicket(thread, knowledge).text, locale};
}

export type KbNewFlags = {
	fromTicket: string;
	locale?: string;
	section?: string;
	permissionGroup?: string;
	markdown?: boolean;
};

const slugOf = (title: string): string =>
	title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 48) || 'article';

/** The Markdown file in the team's folder (`./.csr/kb`); never overwrites one. */
function writeMarkdown(lesson: TicketLesson, context: Context): string {
	const {thread, knowledge, locale} = lesson;
	const text = articleFromTicket(thread, knowledge, locale);
	const title = articlePartsOf(thread, knowledge, locale).title;
	const dir = join(context.cwd, '.csr', 'kb');
	mkdirSync(dir, {recursive: true});
	const path = join(dir, `ticket-${thread.ticket.id}-${slugOf(title)}.${locale}.md`);
	try {
		writeFileSync(path, text, {flag: 'wx'});
	} catch (error) {
		if ((error as {code?: unknown}).code !== 'EEXIST') throw error;
		throw new UsageError(`${path} already exists`, 'Edit it; csr never overwrites an article draft.');
	}
	return path;
}

const settingText = (value: unknown): string | null =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : null;

/** Where the desk's draft goes: the flag, else the `kb.section` / `kb.permissionGroup` settings. */
function draftPlace(
	desk: HelpDesk & ArticleDrafts,
	flags: KbNewFlags,
	context: Context,
): {place: string; editors: string | null} {
	const settings = context.config().read().settings;
	const place = flags.section ?? settingText(settings['kb.section']);
	if (place === null) {
		throw new UsageError(
			`${desk.providerName} keeps article drafts in a ${desk.articleDraftPlace}, and none is named`,
			`Pass --section ID or set it once: \`csr config set kb.section ID\` (or --markdown for a file in ./.csr/kb).`,
		);
	}
	const editors = flags.permissionGroup ?? settingText(settings['kb.permissionGroup']);
	if (desk.articleDraftNeedsEditors && editors === null) {
		throw new UsageError(
			`${desk.providerName} asks who may edit a new article, and no permission group is named`,
			'Pass --permission-group ID or set it once: `csr config set kb.permissionGroup ID`.',
		);
	}
	return {place, editors: desk.articleDraftNeedsEditors ? editors : null};
}

/**
 * `csr kb new --from-ticket ID`: an article drafted from a solved ticket, question from the customer's messages and
 * answer from the agent's last reply, personal data taken out. A draft on the desk where it keeps them (Zendesk Help
 * Center, Freshdesk solutions), else (or with --markdown) a Markdown file in the team's folder.
 */
export async function runKbNew(flags: KbNewFlags, globals: GlobalOptions, context: Context): Promise<void> {
	const {desk, profile} = await openDesk(context, globals);
	let result: {path: string} | {id: string; url: string | null; place: string; desk: string};
	try {
		const onDesk = flags.markdown !== true && hasArticleDrafts(desk) ? desk : null;
		if (onDesk === null && (flags.section !== undefined || flags.permissionGroup !== undefined)) {
			throw new UsageError(
				flags.markdown === true
					? '--section and --permission-group name a place on the desk, and --markdown writes a file'
					: `${desk.providerName} keeps no article drafts: the draft is a Markdown file, with no --section`,
				'Leave out --section and --permission-group.',
			);
		}
		const where = onDesk === null ? null : draftPlace(onDesk, flags, context);
		const lesson = await readFrom(desk, profile.profile.defaultLocale, flags.fromTicket, flags.locale, context);
		if (onDesk === null || where === null) result = {path: writeMarkdown(lesson, context)};
		else {
			const parts = articlePartsOf(lesson.thread, lesson.knowledge, lesson.locale);
			const created = await onDesk.createArticleDraft(
				{title: parts.title, html: articleHtml(parts), locale: lesson.locale, ...where},
				context.signal,
			);
			result = {...created, desk: desk.providerName};
		}
	} finally {
		await desk.close();
	}
	const {stdout, stderr} = context.io;
	if (formatOf(globals) === 'json') {
		stdout.write(`${toSafeJson('path' in result ? {path: result.path} : {draft: true, ...result}, 2)}\n`);
	} else if ('path' in result) stdout.write(`${result.path}\n`);
	else stdout.write(`draft ${result.id} in ${result.place}${result.url === null ? '' : `: ${result.url}`}\n`);
	if (canShowProgress(globals, context)) {
		stderr.write('Read it before you publish it: check that no personal detail is left.\n');
	}
}
