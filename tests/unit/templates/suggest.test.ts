import {readFileSync} from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {builtInTemplateDir} from '../../../src/templates/lookup.js';
import {toWords} from '../../../src/templates/stemming.js';
import {suggestTemplates} from '../../../src/templates/suggest.js';
import {createTestContext, runCsr, type TestContext} from '../../support/context.js';
import {aTicket, createMemoryHelpDesk} from '../../support/memory-help-desk.js';
import {templateFolder} from './helpers.js';

const builtIn = [builtInTemplateDir()];
const ranked = async (text: string, locale: string) =>
	(await suggestTemplates({text, locale, dirs: builtIn})).map((hit) => hit.name);

describe('suggestTemplates', () => {
	it('ranks return or exchange first for a Danish customer returning shoes that are too small', async () => {
		const names = await ranked('Hej, jeg vil gerne returnere mine sko, de er for små', 'da');
		expect(['return-instructions', 'exchange']).toContain(names[0]);
		expect(names.slice(0, 2).sort()).toEqual(['exchange', 'return-instructions']);
	});

	it('matches inflected words through the stemmer', async () => {
		// "returneret" is in no template; its stem is that of "returnere".
		const [top] = await suggestTemplates({text: 'Varen er returneret', locale: 'da', dirs: builtIn});
		expect(top?.name).toBe('return-instructions');
		expect(top?.matched.map((match) => match.word)).toContain('returneret');
	});

	it('splits a compound the templates only have in parts', async () => {
		const folder = templateFolder({
			'battery.de.md': '---\ntitle: Akku\nkeywords: [Akku]\n---\nText',
			'battery.md': '---\ntitle: Battery\n---\nText',
			'other.de.md': '---\ntitle: Sonstiges\n---\nEtwas anderes',
			'other.md': '---\ntitle: Other\n---\nText',
		});
		const hits = await suggestTemplates({text: 'Gibt es einen Ersatzakku?', locale: 'de', dirs: [folder]});
		expect(hits.map((hit) => hit.name)).toEqual(['battery']);
		expect(hits[0]!.matched[0]!.word).toBe('ersatzakku');
	});

	it('weighs front matter keywords above body text and ranks in the asked locale', async () => {
		const folder = templateFolder({
			'a.md': '---\ntitle: A\n---\nThe parcel is late.',
			'a.sv.md': '---\ntitle: A\n---\nDitt paket är sent.',
			'b.md': '---\ntitle: B\nkeywords: [parcel]\n---\nSomething else entirely.',
			'b.sv.md': '---\ntitle: B\n---\nNågot helt annat.',
		});
		expect((await suggestTemplates({text: 'my parcel', locale: 'en', dirs: [folder]}))[0]?.name).toBe('b');
		expect((await suggestTemplates({text: 'mitt paket', locale: 'sv', dirs: [folder]}))[0]?.name).toBe('a');
	});

	it('leaves out templates made for other channels, and templates sharing no word', async () => {
		const folder = templateFolder({
			'review.md': '---\ntitle: Review\nchannels: [review]\n---\nThanks for the review',
			'thanks.md': '---\ntitle: Thanks\n---\nThanks for the review of our shop',
			'unrelated.md': '---\ntitle: Unrelated\n---\nSomething else',
		});
		const onChat = await suggestTemplates({text: 'my review', locale: 'en', dirs: [folder], channel: 'chat'});
		expect(onChat.map((hit) => hit.name)).toEqual(['thanks']);
		const onReview = await suggestTemplates({text: 'my review', locale: 'en', dirs: [folder], channel: 'review'});
		expect(onReview.map((hit) => hit.name).sort()).toEqual(['review', 'thanks']);
	});

	it('ignores stop words and numbers', () => {
		expect(toWords('Hej, jeg vil gerne have ordre 12345 tilbage', 'da')).toEqual(['ordre', 'tilbage']);
	});

	it('has an expected template in the top 3 for at least 90 % of the labelled customer messages', async () => {
		const {messages} = JSON.parse(
			readFileSync(new URL('../../fixtures/suggest/labelled.json', import.meta.url), 'utf8'),
		) as {messages: {locale: string; text: string; expect: string[]}[]};
		expect(messages.length).toBeGreaterThanOrEqual(100);
		expect(new Set(messages.map((message) => message.locale))).toEqual(new Set(['en', 'da', 'sv', 'nb', 'de']));
		let top3 = 0;
		for (const message of messages) {
			const names = await ranked(message.text, message.locale);
			if (names.slice(0, 3).some((name) => message.expect.includes(name))) top3++;
		}
		expect(top3 / messages.length).toBeGreaterThanOrEqual(0.9);
	});
});

describe('csr templates suggest', () => {
	const contexts: TestContext[] = [];
	afterEach(() => {
		for (const context of contexts.splice(0)) context.cleanup();
	});
	function setup(): TestContext {
		const ticket = aTicket({id: '7', subject: 'Pakken', requester: {id: 'u1', name: 'Ida', email: null, locale: 'da'}});
		const desk = createMemoryHelpDesk([ticket]);
		desk.threads.get('7')!.push({
			id: 'm1',
			author: {id: 'u1', name: 'Ida', email: null, role: 'customer'},
			public: true,
			channel: 'email',
			createdAt: '2026-11-01T10:00:00.000Z',
			text: 'Min pakke er stadig ikke kommet, den er forsinket',
			attachments: [],
		});
		const context = createTestContext({helpDesk: desk});
		contexts.push(context);
		return context;
	}

	it("reads the ticket's customer messages in the requester's language", async () => {
		const result = await runCsr(['templates', 'suggest', '7', '--json'], setup());
		expect(result.exitCode).toBe(0);
		const json = JSON.parse(result.stdout) as {locale: string; suggestions: {name: string; locale: string}[]};
		expect(json.locale).toBe('da');
		expect(json.suggestions[0]).toMatchObject({name: 'delivery-delay', locale: 'da'});
	});

	it('explains the top hit with the matched words', async () => {
		const result = await runCsr(
			[
				'templates',
				'suggest',
				'--text',
				'Hej, jeg vil gerne returnere mine sko, de er for små',
				'--locale',
				'da',
				'--explain',
			],
			setup(),
		);
		expect(result.exitCode).toBe(0);
		const lines = result.stdout.split('\n');
		expect(lines[1]).toMatch(/^1\s+(return-instructions|exchange)\s/);
		expect(result.stdout).toMatch(/\n(return-instructions|exchange) \(da\) matched: .*(returnere|små)/);
	});

	it('reads the words from stdin with --text -', async () => {
		const withStdin = createTestContext({stdin: 'Ich möchte die Schuhe umtauschen, sie sind zu klein'});
		contexts.push(withStdin);
		const result = await runCsr(['templates', 'suggest', '--text', '-', '--locale', 'de', '--json'], withStdin);
		expect(result.exitCode, result.stderr).toBe(0);
		expect((JSON.parse(result.stdout) as {suggestions: {name: string}[]}).suggestions[0]?.name).toBe('exchange');
	});

	it('needs a ticket or --text, not both', async () => {
		const context = setup();
		expect((await runCsr(['templates', 'suggest'], context)).exitCode).toBe(2);
		const both = await runCsr(['templates', 'suggest', '7', '--text', 'hi'], context);
		expect(both.exitCode).toBe(2);
		expect(both.stderr).toContain('not both');
	});
});
