import type {Context, GlobalOptions} from '../../context.js';
import {UsageError} from '../../errors.js';
import {hasKnowledgeBase, type KnowledgeArticle} from '../../providers/help-desk.js';
import {csvRow} from '../../text/csv.js';
import {toDisplayLine, toDisplayText, toSafeJson} from '../../text/display-text.js';
import {formatOf, openDesk, parsePositiveInt} from '../options.js';
import {formatTable} from '../output/table.js';

export type KbFlags = {locale?: string; limit?: string};

function noKnowledgeBase(profileName: string, provider: string): UsageError {
	const hint =
		'csr reads the demo help center, Zendesk Help Center, Freshdesk solutions and RT Articles: use --profile NAME with one of those.';
	return new UsageError(`profile "${profileName}" (${provider}) has no knowledge base csr can read`, hint);
}

function toJson(article: KnowledgeArticle): Record<string, unknown> {
	return {id: article.id, title: article.title, locale: article.locale, url: article.url, snippet: article.snippet};
}

/** `csr kb search TEXT`: Help Center articles, most relevant first. */
export async function runKbSearch(
	text: string,
	flags: KbFlags,
	globals: GlobalOptions,
	context: Context,
): Promise<void> {
	const limit = flags.limit === undefined ? 10 : parsePositiveInt('--limit', flags.limit);
	const format = formatOf(globals);
	const {desk, profile} = await openDesk(context, globals);
	try {
		if (!hasKnowledgeBase(desk)) throw noKnowledgeBase(profile.name, profile.profile.provider);
		const locale = flags.locale ?? null;
		const articles = (await desk.searchArticles(text, locale, context.signal)).slice(0, limit);
		const {stdout, stderr} = context.io;
		if (format === 'json') stdout.write(`${toSafeJson(articles.map(toJson), 2)}\n`);
		else if (format === 'ndjson') for (const article of articles) stdout.write(`${toSafeJson(toJson(article))}\n`);
		else if (format === 'csv') {
			stdout.write(csvRow(['id', 'title', 'locale', 'url', 'snippet']));
			for (const article of articles) {
				stdout.write(
					csvRow([
						article.id,
						toDisplayLine(article.title),
						article.locale,
						article.url,
						toDisplayLine(article.snippet ?? ''),
					]),
				);
			}
		} else {
			stdout.write(
				formatTable(
					articles,
					[
						{header: 'ID', width: 12, value: (article) => article.id},
						{header: 'LANG', width: 6, value: (article) => toDisplayLine(article.locale ?? '')},
						{header: 'TITLE', width: 40, value: (article) => toDisplayLine(article.title)},
						{header: 'URL', value: (article) => toDisplayLine(article.url ?? '')},
					],
					context.io.columns,
					false,
				),
			);
			if (articles.length === 0 && context.io.stderrIsTty && globals.quiet !== true)
				stderr.write('No articles match.\n');
		}
	} finally {
		await desk.close();
	}
}

/** `csr kb show ID`: one article's title, language, link and text. */
export async function runKbShow(
	rawId: string,
	globals: GlobalOptions,
	context: Context,
	linkOnly = false,
): Promise<void> {
	const id = rawId.trim();
	if (!/^[A-Za-z0-9._-]{1,64}$/.test(id))
		throw new UsageError(`invalid article id "${rawId}"`, 'Ids look like 202; see `csr kb search`.');
	const {desk, profile} = await openDesk(context, globals);
	try {
		if (!hasKnowledgeBase(desk)) throw noKnowledgeBase(profile.name, profile.profile.provider);
		if (desk.getArticle === undefined) {
			throw new UsageError(
				`profile "${profile.name}" (${profile.profile.provider}) can search articles but not show one`,
				'Open the link `csr kb search` prints.',
			);
		}
		const article = await desk.getArticle(id, context.signal);
		if (linkOnly) {
			context.io.stdout.write(`${toDisplayLine(`${article.title}${article.url ? `: ${article.url}` : ''}`)}\n`);
			return;
		}
		if (formatOf(globals) === 'json') {
			context.io.stdout.write(`${toSafeJson({...toJson(article), body: article.body}, 2)}\n`);
			return;
		}
		const head = [
			toDisplayLine(article.title),
			[article.locale, article.url]
				.filter(Boolean)
				.map((part) => toDisplayLine(part ?? ''))
				.join(' · '),
		];
		context.io.stdout.write(
			`${head.filter((line) => line !== '').join('\n')}\n\n${toDisplayText(article.body).trimEnd()}\n`,
		);
	} finally {
		await desk.close();
	}
}
