import type {Context, GlobalOptions} from '../../context.js';
import {UsageError} from '../../errors.js';
import {readAll} from '../../io/streams.js';
import {chooseLocale, parseLocaleFlag} from '../../templates/locale.js';
import {customerTextOf, type Suggestion, suggestTemplates} from '../../templates/suggest.js';
import {csvRow} from '../../text/csv.js';
import {toDisplayLine, toSafeJson} from '../../text/display-text.js';
import {canShowProgress, formatOf, openDesk, parsePositiveInt} from '../options.js';
import {formatTable} from '../output/table.js';
import {templateDirsFor} from './templates.js';

export type TemplatesSuggestFlags = {text?: string; locale?: string; explain?: boolean; limit?: string};

type Asked = {
	text: string;
	locale: string;
	channel?: Parameters<typeof suggestTemplates>[0]['channel'];
	ticketId: string | null;
};

async function whatWasAsked(
	ticket: string | undefined,
	flags: TemplatesSuggestFlags,
	globals: GlobalOptions,
	context: Context,
): Promise<Asked> {
	const localeFlag = flags.locale === undefined ? undefined : parseLocaleFlag(flags.locale);
	if ((ticket === undefined) === (flags.text === undefined)) {
		throw new UsageError(
			'give a ticket id or --text, not both',
			'Examples: csr templates suggest 12; csr templates suggest --text "Where is my parcel?" --locale en',
		);
	}
	if (flags.text !== undefined) {
		const text = flags.text === '-' ? await readAll(context.io.stdin) : flags.text;
		if (text.trim() === '')
			throw new UsageError('--text is empty', "Pass the customer's words, or - to read them from stdin.");
		return {text, locale: localeFlag ?? chooseLocale({}), ticketId: null};
	}
	const ticketId = ticket!.trim().replace(/^#/, '');
	if (!/^[A-Za-z0-9._-]{1,64}$/.test(ticketId))
		throw new UsageError(`invalid ticket id "${ticket}"`, 'Ticket ids look like 12.');
	const {desk, profile} = await openDesk(context, globals);
	try {
		const thread = await desk.getThread(ticketId, context.signal);
		const locale = chooseLocale({
			flag: localeFlag,
			requesterLocale: thread.ticket.requester.locale,
			profileDefault: profile.profile.defaultLocale,
		});
		return {text: customerTextOf(thread), locale, channel: thread.ticket.channel, ticketId};
	} finally {
		await desk.close();
	}
}

/** `csr templates suggest`: the templates that fit what the customer wrote, best first. */
export async function runTemplatesSuggest(
	ticket: string | undefined,
	flags: TemplatesSuggestFlags,
	globals: GlobalOptions,
	context: Context,
): Promise<void> {
	const limit = flags.limit === undefined ? 5 : parsePositiveInt('--limit', flags.limit);
	const asked = await whatWasAsked(ticket, flags, globals, context);
	const ranked = await suggestTemplates({
		text: asked.text,
		locale: asked.locale,
		channel: asked.channel,
		dirs: templateDirsFor(context),
	});
	const shown = ranked.slice(0, limit);
	writeSuggestions(shown, {...asked, explain: flags.explain === true}, globals, context);
	if (shown.length === 0 && canShowProgress(globals, context)) {
		context.io.stderr.write("No template shares a word with the customer's message; see `csr templates list`.\n");
	}
}

function writeSuggestions(
	shown: readonly Suggestion[],
	asked: Asked & {explain: boolean},
	globals: GlobalOptions,
	context: Context,
): void {
	const out = context.io.stdout;
	const format = formatOf(globals);
	const toJson = (hit: Suggestion, rank: number) => ({
		rank,
		name: hit.name,
		title: hit.title,
		locale: hit.locale,
		internal: hit.internal,
		score: Number(hit.score.toFixed(3)),
		matched: hit.matched.map((match) => match.word),
	});
	if (format === 'json') {
		const json = {
			ticketId: asked.ticketId,
			locale: asked.locale,
			suggestions: shown.map((hit, index) => toJson(hit, index + 1)),
		};
		out.write(`${toSafeJson(json, 2)}\n`);
		return;
	}
	if (format === 'ndjson') {
		out.write(shown.map((hit, index) => `${toSafeJson(toJson(hit, index + 1))}\n`).join(''));
		return;
	}
	if (format === 'csv') {
		out.write(csvRow(['rank', 'name', 'title', 'locale', 'score', 'matched']));
		shown.forEach((hit, index) => {
			out.write(
				csvRow([
					index + 1,
					hit.name,
					hit.title,
					hit.locale,
					hit.score.toFixed(3),
					hit.matched.map((m) => m.word).join(' '),
				]),
			);
		});
		return;
	}
	const table = formatTable(
		shown.map((hit, index) => ({hit, rank: index + 1})),
		[
			{header: '#', width: 2, value: (row) => String(row.rank)},
			{header: 'NAME', width: 28, value: (row) => toDisplayLine(row.hit.name)},
			{header: 'SCORE', width: 6, value: (row) => row.hit.score.toFixed(2)},
			{header: 'TITLE', value: (row) => `${toDisplayLine(row.hit.title)}${row.hit.internal ? ' (internal note)' : ''}`},
		],
		context.io.columns,
		false,
	);
	out.write(table);
	const top = shown[0];
	if (asked.explain && top !== undefined) {
		const words = top.matched.map((match) => `${toDisplayLine(match.word)} (${match.score.toFixed(2)})`).join(', ');
		out.write(`\n${toDisplayLine(top.name)} (${top.locale}) matched: ${words}\n`);
	}
}
