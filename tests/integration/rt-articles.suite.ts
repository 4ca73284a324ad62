import {beforeAll, describe, expect, it} from 'vitest';
import {ProviderError} from '../../src/errors.js';
import type {ProviderSetup} from '../../src/providers/help-desk.js';
import {createRtHelpDesk} from '../../src/providers/rt/rt-help-desk.js';
import {type RtServer, rest2Client} from './rt-server.js';

/* RT's Articles as csr's knowledge base, against a real RT 5: run by rt-extras.test.ts on its shared server. */
export function describeRtArticles(shared: () => RtServer): void {
	describe('RT 5 Articles as the knowledge base (real server)', () => {
		let server: RtServer;
		const setupFor = (token: string): ProviderSetup => ({
			profileName: 'rt',
			baseUrl: server.url,
			email: null,
			user: null,
			token,
			tokenSource: 'env-profile',
			oauth: null,
			saveOAuth: () => {},
			dataDir: server.home,
			now: () => new Date(),
			log: undefined,
		});

		beforeAll(async () => {
			server = shared();
			const root = rest2Client(server, server.root.token);
			await root.post('/article', {
				Class: 'General',
				Name: 'How to return an item',
				Summary: 'Returns within 30 days',
				CustomFields: {Content: '<p>You can <b>return</b> an unused item within 30 days.</p>'},
			});
			await root.post('/article', {
				Class: 'General',
				Name: 'Warranty',
				Summary: 'Two years',
				CustomFields: {Content: '<p>Faulty items are repaired or replaced; returns are free.</p>'},
			});
		}, 120_000);

		it('finds articles by name, summary and text, name matches first, with a link into RT', async () => {
			const desk = createRtHelpDesk(setupFor(server.root.token));
			try {
				const found = await desk.searchArticles('return', 'da');
				expect(found.map((article) => article.title)).toEqual(['How to return an item', 'Warranty']);
				expect(found[0]).toMatchObject({
					snippet: 'Returns within 30 days',
					locale: null,
					url: `${server.url}/Articles/Article/Display.html?id=${found[0]!.id}`,
				});
				const article = await desk.getArticle?.(found[0]!.id);
				expect(article?.body).toBe('You can return an unused item within 30 days.');
				const missing = await desk.getArticle?.('999').catch((error: unknown) => error);
				expect(missing).toBeInstanceOf(ProviderError);
				expect((missing as ProviderError).message).toBe('RT has no article 999');
			} finally {
				await desk.close();
			}
		});

		it('finds nothing for an agent without the ShowArticle right', async () => {
			const desk = createRtHelpDesk(setupFor(server.agent.token));
			try {
				expect(await desk.searchArticles('return', null)).toEqual([]);
			} finally {
				await desk.close();
			}
		});
	});
}
