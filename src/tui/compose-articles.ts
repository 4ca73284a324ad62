import {messageOf} from '../errors.js';
import type {KnowledgeArticle} from '../providers/help-desk.js';
import type {Flash} from './components/hint-line.js';
import type {TuiServices} from './services.js';

/** `ctrl-k` in the composer: the articles that match, or what to say instead (no help center, none found, an error). */
export async function findArticles(
	search: TuiServices['searchArticles'],
	query: string,
	locale: string | null,
): Promise<{readonly articles: readonly KnowledgeArticle[]} | {readonly notice: Flash}> {
	try {
		const found = await search(query, locale, new AbortController().signal);
		if (found === null) return {notice: {text: 'This desk has no help center to search.', tone: 'warning'}};
		if (found.length === 0) return {notice: {text: `No articles match "${query}".`, tone: 'warning'}};
		return {articles: found};
	} catch (error) {
		return {notice: {text: messageOf(error), tone: 'danger'}};
	}
}

/** The text with the article's title and link added at the end. */
export function withArticleLink(text: string, article: KnowledgeArticle): string {
	return `${text.trimEnd()}\n\n${article.title}${article.url ? `: ${article.url}` : ''}\n`;
}
