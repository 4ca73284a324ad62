import type {TicketThread} from '../domain/message.js';
import type {Channel} from '../domain/ticket.js';
import {TemplateError} from './errors.js';
import {baseLocale} from './locale.js';
import {listTemplates, type TemplateDir, type TemplateEntry} from './lookup.js';
import {type LoadedTemplate, loadTemplateFile} from './render.js';
import {loadStemmer, type Stemmer, toWords} from './stemming.js';

/**
 * Template suggestion: Okapi BM25 over each template's text in the customer's language, with the words its front
 * matter declares (`keywords`) and its title counted more than the body. Words are Snowball-stemmed, so "returnere",
 * "returneret" and "returnér" meet.
 */

/** How many times a word of each part counts. */
const fieldWeights = {keywords: 3, title: 2, description: 1, body: 1} as const;
// The usual BM25 constants.
const k1 = 1.2;
const b = 0.75;

export type MatchedWord = {
	/** The word as the customer wrote it (lower-cased). */
	readonly word: string;
	readonly stem: string;
	/** Its share of the score. */
	readonly score: number;
};

export type Suggestion = {
	readonly name: string;
	readonly title: string;
	/** The locale of the file ranked (`en` when the template has no variant in the asked locale). */
	readonly locale: string;
	readonly internal: boolean;
	readonly score: number;
	/** The customer's words that matched, best first. */
	readonly matched: readonly MatchedWord[];
};

export type SuggestInput = {
	/** What the customer wrote. */
	readonly text: string;
	readonly locale: string;
	readonly dirs: readonly TemplateDir[];
	/** Leaves out templates whose front matter `channels` does not include it. */
	readonly channel?: Channel | undefined;
};

type IndexedTemplate = {
	readonly template: LoadedTemplate;
	/** Weighted count of each stem. */
	readonly counts: ReadonlyMap<string, number>;
	readonly length: number;
};

/** The template's words without Liquid: tags and output markup say nothing about the topic. */
function plainBody(body: string): string {
	return body.replace(/\{%-?[\s\S]*?-?%\}/g, ' ').replace(/\{\{-?[\s\S]*?-?\}\}/g, ' ');
}

function indexTemplate(template: LoadedTemplate, stem: Stemmer): IndexedTemplate {
	const {meta} = template;
	const locale = template.file.locale;
	const counts = new Map<string, number>();
	let length = 0;
	const add = (text: string, weight: number): void => {
		for (const word of toWords(text, locale)) {
			const key = stem(word);
			counts.set(key, (counts.get(key) ?? 0) + weight);
			length += weight;
		}
	};
	add(meta.keywords.join(' '), fieldWeights.keywords);
	add(meta.title ?? template.name.replace(/[-_]+/g, ' '), fieldWeights.title);
	add(meta.description ?? '', fieldWeights.description);
	add(
		plainBody(
			template.text
				.split('\n')
				.slice(template.bodyLine - 1)
				.join('\n'),
		),
		fieldWeights.body,
	);
	return {template, counts, length};
}

/** The file a template is ranked by: its variant in the locale, else `NAME.md`. Unreadable ones are left out (lint names them). */
function loadVariant(entry: TemplateEntry, locale: string): LoadedTemplate | null {
	const file = entry.variants.get(locale) ?? entry.base;
	if (file === undefined) return null;
	try {
		return loadTemplateFile(file);
	} catch (error) {
		if (error instanceof TemplateError) return null;
		throw error;
	}
}

/** Templates ranked by how well they fit the customer's text, best first; those sharing no word with it are left out. */
export async function suggestTemplates(input: SuggestInput): Promise<Suggestion[]> {
	const templates = listTemplates(input.dirs)
		.map((entry) => loadVariant(entry, input.locale))
		.filter((template): template is LoadedTemplate => template !== null)
		.filter((template) => input.channel === undefined || (template.meta.channels?.includes(input.channel) ?? true));
	const stemmers = new Map<string, Stemmer>();
	for (const locale of new Set([input.locale, baseLocale, ...templates.map((template) => template.file.locale)])) {
		stemmers.set(locale, await loadStemmer(locale));
	}
	const indexed = templates.map((template) => indexTemplate(template, stemmers.get(template.file.locale)!));
	if (indexed.length === 0) return [];
	const averageLength = indexed.reduce((sum, doc) => sum + doc.length, 0) / indexed.length;
	const queryWords = toQueryTerms(input.text, stemmers.get(input.locale)!, input.locale, indexed);
	const documentFrequency = (stem: string): number => indexed.filter((doc) => doc.counts.has(stem)).length;
	const idf = new Map(
		[...queryWords.keys()].map((stem) => [stem, inverseFrequency(documentFrequency(stem), indexed.length)]),
	);
	const suggestions = indexed.map((doc): Suggestion => {
		const matched: MatchedWord[] = [];
		for (const [stem, {word, weight}] of queryWords) {
			const frequency = doc.counts.get(stem) ?? 0;
			if (frequency === 0) continue;
			const norm = k1 * (1 - b + (b * doc.length) / averageLength);
			matched.push({word, stem, score: (weight * idf.get(stem)! * frequency * (k1 + 1)) / (frequency + norm)});
		}
		matched.sort((x, y) => y.score - x.score || x.word.localeCompare(y.word));
		const {template} = doc;
		return {
			name: template.name,
			title: template.meta.title ?? template.name,
			locale: template.file.locale,
			internal: template.meta.internal,
			score: matched.reduce((sum, word) => sum + word.score, 0),
			matched,
		};
	});
	return suggestions
		.filter((suggestion) => suggestion.score > 0)
		.sort((x, y) => y.score - x.score || x.name.localeCompare(y.name));
}

/** A compound's parts count half as much as a word the templates have as it is. */
const partWeight = 0.5;
const shortestPart = 4;

/**
 * The customer's words as stems. A word no template has is split where the templates' own words fit at its start or
 * end: Danish, Swedish, Norwegian and German write compounds as one word ("returpakke", "Ersatzakku").
 */
function toQueryTerms(
	text: string,
	stem: Stemmer,
	locale: string,
	indexed: readonly IndexedTemplate[],
): Map<string, {word: string; weight: number}> {
	const vocabulary = new Set(indexed.flatMap((doc) => [...doc.counts.keys()]));
	const terms = new Map<string, {word: string; weight: number}>();
	const add = (key: string, word: string, weight: number): void => {
		const known = terms.get(key);
		if (known === undefined || known.weight < weight) terms.set(key, {word, weight});
	};
	for (const word of toWords(text, locale)) {
		const stemmed = stem(word);
		if (vocabulary.has(stemmed) || word.length < 2 * shortestPart) {
			add(stemmed, word, 1);
			continue;
		}
		const longest = (fits: (part: string) => boolean): string | undefined =>
			[...vocabulary]
				.filter((part) => part.length >= shortestPart && fits(part))
				.sort((x, y) => y.length - x.length)[0];
		const head = longest((part) => word.startsWith(part));
		const tail = longest((part) => stemmed.endsWith(part) && stemmed.length - part.length >= shortestPart - 1);
		if (head === undefined && tail === undefined) add(stemmed, word, 1);
		if (head !== undefined) add(head, word, partWeight);
		if (tail !== undefined && tail !== head) add(tail, word, partWeight);
	}
	return terms;
}

/** BM25's idf, kept positive for words most templates share (Lucene's form). */
function inverseFrequency(documentFrequency: number, documents: number): number {
	return Math.log(1 + (documents - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** How many of the customer's latest messages a ticket's suggestion reads. */
const messagesRead = 3;

/** What a ticket's customer asked: the subject and their latest public messages. */
export function customerTextOf(thread: TicketThread): string {
	const fromCustomer = thread.messages.filter((message) => message.public && message.author.role === 'customer');
	return [thread.ticket.subject, ...fromCustomer.slice(-messagesRead).map((message) => message.text)].join('\n');
}
