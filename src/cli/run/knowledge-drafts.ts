import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Context, GlobalOptions} from '../../context.js';
import type {TicketThread} from '../../domain/message.js';
import {UsageError} from '../../errors.js';
import {articleFromTicket, knowledgeOf, type TicketKnowledge, templateFromTicket} from '../../templates/from-ticket.js';
import {chooseLocale, parseLocaleFlag} from '../../templates/locale.js';
import {canShowProgress, openDesk, parseTicketId} from '../options.js';

/** The ticket's thread and what it teaches; a ticket without an agent reply has nothing to draft from. */
async function readKnowledge(
	rawTicketId: string,
	localeFlag: string | undefined,
	globals: GlobalOptions,
	context: Context,
): Promise<{thread: TicketThread; knowledge: TicketKnowledge; locale: string}> {
	const ticketId = parseTicketId('--from-ticket', rawTicketId);
	const {desk, profile} = await openDesk(context, globals);
	try {
		const thread = await desk.getThread(ticketId, context.signal);
		const knowledge = knowledgeOf(thread);
		if (knowledge === null) {
			throw new UsageError(`ticket ${ticketId} has no public agent reply to draft from`, 'Pick a solved ticket.');
		}
		const locale = chooseLocale({
			flag: localeFlag === undefined ? undefined : parseLocaleFlag(localeFlag),
			requesterLocale: thread.ticket.requester.locale,
			profileDefault: profile.profile.defaultLocale,
		});
		return {thread, knowledge, locale};
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

export type KbNewFlags = {fromTicket: string; locale?: string};

const slugOf = (title: string): string =>
	title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 48) || 'article';

/**
 * `csr kb new --from-ticket ID`: an article draft in Markdown in the team's folder (`./.csr/kb`), question from the
 * customer's messages and answer from the agent's last reply, personal data taken out.
 */
export async function runKbNew(flags: KbNewFlags, globals: GlobalOptions, context: Context): Promise<void> {
	const {thread, knowledge, locale} = await readKnowledge(flags.fromTicket, flags.locale, globals, context);
	const text = articleFromTicket(thread, knowledge, locale);
	const title = /^title: (.*)$/m.exec(text)?.[1] ?? '';
	const dir = join(context.cwd, '.csr', 'kb');
	mkdirSync(dir, {recursive: true});
	const path = join(dir, `ticket-${thread.ticket.id}-${slugOf(JSON.parse(title) as string)}.${locale}.md`);
	try {
		writeFileSync(path, text, {flag: 'wx'});
	} catch (error) {
		if ((error as {code?: unknown}).code !== 'EEXIST') throw error;
		throw new UsageError(`${path} already exists`, 'Edit it; csr never overwrites an article draft.');
	}
	context.io.stdout.write(`${path}\n`);
	if (canShowProgress(globals, context)) {
		context.io.stderr.write('Read it before you publish it: check that no personal detail is left.\n');
	}
}
