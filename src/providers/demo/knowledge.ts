import {UsageError} from '../../errors.js';
import type {KnowledgeArticle, KnowledgeArticleText} from '../help-desk.js';
import {type HelpCenterArticle, helpCenterArticles} from './help-center.js';

/**
 * Search over the demo help center. A word matches a word of the article that starts the same way (5 letters, or
 * the whole of a shorter word), so "returnering" finds "returnere" and "retur", and a compound that contains it
 * ("returlabel"). Articles in the asked language come first; the others follow, so a customer writing in a
 * language the help center lacks still gets an answer.
 */

const languageAliases: Readonly<Record<string, string>> = {no: 'nb', nn: 'nb'};

function languageOf(locale: string | null | undefined): string | null {
	const match = /^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$/i.exec((locale ?? '').trim());
	if (match === null) return null;
	const language = match[1]!.toLowerCase();
	return languageAliases[language] ?? language;
}

const wordsOf = (text: string): string[] =>
	(
		text
			.normalize('NFC')
			.toLowerCase()
			.match(/[\p{L}\p{N}]+/gu) ?? []
	).filter((word) => word.length >= 3);

const prefix = 5;

function matches(queryWord: string, word: string): boolean {
	if (word === queryWord) return true;
	const head = Math.min(prefix, queryWord.length, word.length);
	if (head >= 4 && word.slice(0, head) === queryWord.slice(0, head)) return true;
	return queryWord.length >= prefix && word.includes(queryWord.slice(0, Math.max(prefix, queryWord.length - 2)));
}

type Scored = {article: HelpCenterArticle; score: number; sentence: string | null};

function score(article: HelpCenterArticle, queryWords: readonly string[]): Scored {
	const titleWords = wordsOf(article.title);
	const bodyWords = wordsOf(article.body);
	let total = 0;
	for (const queryWord of queryWords) {
		const inTitle = titleWords.some((word) => matches(queryWord, word)) ? 3 : 0;
		const inBody = bodyWords.filter((word) => matches(queryWord, word)).length;
		total += inTitle + (inBody > 0 ? 1 + Math.log(inBody) : 0);
	}
	const sentences = article.body.split(/(?<=[.!?])\s+|\n+/);
	const sentence =
		sentences.find((candidate) => wordsOf(candidate).some((word) => queryWords.some((q) => matches(q, word)))) ?? null;
	return {article, score: total, sentence};
}

function toArticle({article, sentence}: Scored): KnowledgeArticle {
	const snippet = sentence === null ? null : sentence.length > 160 ? `${sentence.slice(0, 159)}…` : sentence;
	return {id: article.id, title: article.title, url: article.url, snippet, locale: article.locale};
}

/** Articles matching the words, in the asked language first, best first within each language. */
export function searchHelpCenter(query: string, locale: string | null | undefined): KnowledgeArticle[] {
	const queryWords = wordsOf(query);
	if (queryWords.length === 0) {
		throw new UsageError('nothing to search for', 'Give a word of three letters or more: `csr kb search retur`.');
	}
	const language = languageOf(locale);
	return helpCenterArticles
		.map((article) => score(article, queryWords))
		.filter((scored) => scored.score > 0)
		.sort(
			(a, b) =>
				Number(b.article.locale === language) - Number(a.article.locale === language) ||
				b.score - a.score ||
				a.article.id.localeCompare(b.article.id),
		)
		.map(toArticle);
}

/** One article with its text, or null when the help center has no such id. */
export function getHelpCenterArticle(id: string): KnowledgeArticleText | null {
	const article = helpCenterArticles.find((candidate) => candidate.id === id);
	if (article === undefined) return null;
	return {
		id: article.id,
		title: article.title,
		url: article.url,
		locale: article.locale,
		body: article.body,
		snippet: null,
	};
}
