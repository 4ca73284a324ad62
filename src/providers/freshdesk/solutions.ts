import {ProviderError, UsageError} from '../../errors.js';
import {htmlToText} from '../../text/html-to-text.js';
import type {KnowledgeArticle, KnowledgeArticleText} from '../help-desk.js';
import type {FreshdeskApi} from './api.js';
import {freshdeskSolutionArticle, solutionArticleList} from './schemas.js';

/** Freshdesk's knowledge base ("Solutions"): search and read published articles. */

const localePattern = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;
const snippetLength = 160;

function articleUrl(api: FreshdeskApi, articleId: number): string {
	return `${api.origin}/support/solutions/articles/${articleId}`;
}

/** `GET /api/v2/search/solutions[/{language}]?term=…`: published articles only; drafts stay with the agents. */
export async function searchSolutions(
	api: FreshdeskApi,
	query: string,
	locale: string | null | undefined,
	signal?: AbortSignal,
): Promise<KnowledgeArticle[]> {
	if (query.trim() === '') throw new UsageError('nothing to search for', 'Give some words: `csr kb search refund`.');
	if (locale && !localePattern.test(locale)) {
		throw new UsageError(`invalid locale "${locale}"`, 'Use a language code such as en, da or sv-SE.');
	}
	const path = locale ? `/api/v2/search/solutions/${locale}` : '/api/v2/search/solutions';
	const articles = await api.get(path, {term: query.trim()}, solutionArticleList, signal);
	return articles
		.filter((article) => article.status !== 1)
		.map((article) => {
			const text = htmlToText(article.description ?? '')
				.replace(/\s+/g, ' ')
				.trim();
			return {
				id: String(article.id),
				title: article.title,
				url: articleUrl(api, article.id),
				snippet: text === '' ? null : text.length > snippetLength ? `${text.slice(0, snippetLength - 1)}…` : text,
				locale: locale ? locale.toLowerCase() : null,
			};
		});
}

/** `GET /api/v2/solutions/articles/{id}`: one article with its text. */
export async function getSolution(
	api: FreshdeskApi,
	articleId: string,
	signal?: AbortSignal,
): Promise<KnowledgeArticleText> {
	if (!/^\d{1,20}$/.test(articleId)) {
		throw new UsageError(
			`invalid article id "${articleId}"`,
			'Freshdesk solution article ids are numbers, as `csr kb search` lists them.',
		);
	}
	try {
		const article = await api.get(`/api/v2/solutions/articles/${articleId}`, {}, freshdeskSolutionArticle, signal);
		return {
			id: String(article.id),
			title: article.title,
			url: articleUrl(api, article.id),
			snippet: null,
			locale: null,
			body: htmlToText(article.description ?? ''),
		};
	} catch (error) {
		if (error instanceof ProviderError && error.kind === 'not-found') {
			throw new ProviderError(`Freshdesk has no solution article ${articleId} (or you cannot see it)`, {
				kind: 'not-found',
				status: 404,
				cause: error,
			});
		}
		throw error;
	}
}
