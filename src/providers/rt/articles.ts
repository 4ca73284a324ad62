import * as z from 'zod';
import {ProviderError, UsageError} from '../../errors.js';
import {htmlToText} from '../../text/html-to-text.js';
import type {KnowledgeArticle, KnowledgeArticleText} from '../help-desk.js';
import type {RtApi} from './api.js';

/**
 * RT's Articles (REST2 `/articles`, `/article/:id`) as the knowledge base. RT articles have no language, so a
 * locale does not narrow or order them. The agent needs RT's ShowArticle right on the article's class: without it
 * RT answers an empty search and 403 for an article.
 */

const rtId = z.union([z.string(), z.number()]).transform(String);
const articleItem = z.object({id: rtId, Name: z.string().nullish(), Summary: z.string().nullish()});
const articleShow = articleItem.extend({
	CustomFields: z
		.array(z.object({name: z.string(), values: z.array(z.string()).nullish()}))
		.nullish()
		.transform((fields) => fields ?? []),
});

/** Where an agent reads the article in RT's web UI. */
const articleUrl = (api: RtApi, id: string): string => `${api.webBase}/Articles/Article/Display.html?id=${id}`;

// Name first, then summary, then the text: an article whose name has the words is the likeliest answer.
const searchedFields = ['Name', 'Summary', 'CustomField.{Content}'] as const;
const resultLimit = 25;

export async function searchRtArticles(api: RtApi, query: string, signal?: AbortSignal): Promise<KnowledgeArticle[]> {
	const term = query.trim();
	if (term === '') throw new UsageError('nothing to search for', 'Give some words: `csr kb search refund`.');
	const found = new Map<string, z.output<typeof articleItem>>();
	for (const field of searchedFields) {
		const items = await api.all('/articles', {fields: 'Name,Summary'}, articleItem, signal, 'POST', [
			{field, operator: 'LIKE', value: term},
		]);
		for (const item of items) if (!found.has(item.id)) found.set(item.id, item);
		if (found.size >= resultLimit) break;
	}
	return [...found.values()].slice(0, resultLimit).map((article) => ({
		id: article.id,
		title: article.Name || `Article ${article.id}`,
		url: articleUrl(api, article.id),
		snippet: article.Summary || null,
		locale: null,
	}));
}

export async function getRtArticle(api: RtApi, articleId: string, signal?: AbortSignal): Promise<KnowledgeArticleText> {
	if (!/^\d{1,12}$/.test(articleId)) {
		throw new UsageError(
			`invalid article id "${articleId}"`,
			'RT article ids are numbers, as `csr kb search` lists them.',
		);
	}
	try {
		const article = await api.get(`/article/${articleId}`, {}, articleShow, signal);
		const content = article.CustomFields.filter((field) => field.name === 'Content').flatMap(
			(field) => field.values ?? [],
		);
		return {
			id: article.id,
			title: article.Name || `Article ${article.id}`,
			url: articleUrl(api, article.id),
			snippet: article.Summary || null,
			locale: null,
			body: content.map((html) => htmlToText(html)).join('\n\n'),
		};
	} catch (error) {
		if (error instanceof ProviderError && error.kind === 'not-found') {
			throw new ProviderError(`RT has no article ${articleId}`, {kind: 'not-found', status: 404, cause: error});
		}
		throw error;
	}
}
