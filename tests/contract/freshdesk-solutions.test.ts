import {afterEach, describe, expect, it} from 'vitest';
import {ProviderError, UsageError} from '../../src/errors.js';
import {hasKnowledgeBase} from '../../src/providers/help-desk.js';
import {createVirtualClock} from '../support/fake-server.js';
import {freshdeskOnFake} from './freshdesk-setup.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
	await Promise.all(closers.splice(0).map((close) => close()));
});

async function onFake() {
	const result = await freshdeskOnFake({clock: createVirtualClock(), tickets: 1});
	closers.push(result.close);
	return result;
}

describe('Freshdesk solutions as the knowledge base', () => {
	it('searches published articles, in a language when asked, with a link and a plain-text snippet', async () => {
		const {desk, fake} = await onFake();
		expect(hasKnowledgeBase(desk)).toBe(true);
		const found = await desk.searchArticles('return', null);
		expect(found).toEqual([
			{
				id: '5001',
				title: 'How to return an item',
				url: `${fake.url}/support/solutions/articles/5001`,
				snippet: 'You can return an unused item within 30 days.',
				locale: null,
			},
		]);
		const request = fake.requests.find((candidate) => candidate.pathname === '/api/v2/search/solutions');
		expect(request?.query.get('term')).toBe('return');
		const danish = await desk.searchArticles('returret', 'da');
		expect(danish.map((article) => [article.id, article.locale])).toEqual([['5003', 'da']]);
		expect(fake.requests.some((candidate) => candidate.pathname === '/api/v2/search/solutions/da')).toBe(true);
		await expect(desk.searchArticles('x', 'da; DROP')).rejects.toBeInstanceOf(UsageError);
	});

	it('shows an article as text, and names an unknown one', async () => {
		const {desk} = await onFake();
		const article = await desk.getArticle?.('5001');
		expect(article).toMatchObject({id: '5001', title: 'How to return an item'});
		expect(article?.body).toBe('You can return an unused item within 30 days.');
		const missing = await desk.getArticle?.('9').catch((error: unknown) => error);
		expect(missing).toBeInstanceOf(ProviderError);
		expect((missing as ProviderError).message).toBe('Freshdesk has no solution article 9 (or you cannot see it)');
		await expect(desk.getArticle?.('../tickets')).rejects.toBeInstanceOf(UsageError);
	});
});
