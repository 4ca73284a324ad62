import {describe, expect, it} from 'vitest';
import {helpCenterArticles} from '../../../src/providers/demo/help-center.js';
import {getHelpCenterArticle, searchHelpCenter} from '../../../src/providers/demo/knowledge.js';

describe('the demo help center', () => {
	it('has the returns, delivery, refunds, warranty and troubleshooting articles in all five languages', () => {
		const topics = new Set(helpCenterArticles.map((article) => article.topic));
		expect(topics).toEqual(new Set(['returns', 'delivery', 'refunds', 'warranty', 'troubleshooting']));
		for (const topic of topics) {
			const locales = helpCenterArticles.filter((article) => article.topic === topic).map((article) => article.locale);
			expect(locales.sort()).toEqual(['da', 'de', 'en', 'nb', 'sv']);
		}
		expect(new Set(helpCenterArticles.map((article) => article.id)).size).toBe(helpCenterArticles.length);
	});

	it('finds Danish articles for "returnering" in Danish first, the returns article on top', () => {
		const found = searchHelpCenter('returnering', 'da');
		expect(found[0]).toMatchObject({id: '202', locale: 'da', title: 'Hvordan returnerer jeg en vare?'});
		const firstOther = found.findIndex((article) => article.locale !== 'da');
		expect(firstOther).toBeGreaterThan(0);
		expect(found.slice(0, firstOther).every((article) => article.locale === 'da')).toBe(true);
		expect(found.slice(firstOther).every((article) => article.locale !== 'da')).toBe(true);
		expect(found[0]?.snippet).toContain('returret');
	});

	it('reads a regional locale as its language and matches word forms and compounds', () => {
		expect(searchHelpCenter('Rücksendung', 'de-AT')[0]).toMatchObject({id: '205', locale: 'de'});
		expect(searchHelpCenter('refunded', 'en-GB')[0]).toMatchObject({id: '221'});
		expect(searchHelpCenter('garanti', 'no')[0]).toMatchObject({locale: 'nb', id: '234'});
		expect(searchHelpCenter('leveringstid', 'nb')[0]).toMatchObject({id: '214'});
		expect(searchHelpCenter('zzzz quux', 'en')).toEqual([]);
		expect(() => searchHelpCenter('?!', 'en')).toThrow('nothing to search for');
	});

	it('shows an article with its text, and nothing for an unknown id', () => {
		expect(getHelpCenterArticle('242')).toMatchObject({locale: 'da', title: expect.stringContaining('Fejlfinding')});
		expect(getHelpCenterArticle('242')?.body).toContain('Bluetooth');
		expect(getHelpCenterArticle('999')).toBeNull();
	});
});
