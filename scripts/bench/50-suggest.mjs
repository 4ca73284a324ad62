import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';

export const name = 'suggest';

/**
 * Issue 16 goal: `csr templates suggest` ranks an expected template in the top 3 for ≥ 90 % of a labelled set of
 * customer messages (tests/fixtures/suggest/labelled.json, written for the test, five languages). Also top-1, and the same on
 * held-out.json, paraphrases written after the keywords were first fixed (its misses were seen when concept words were
 * added to order-status, return-instructions, delivery-delay and troubleshooting-first-steps, so it is no longer blind),
 * and fresh.json, written before that change and never used to choose words.
 */
export async function run({root, report}) {
	const {suggestTemplates} = await import(pathToFileURL(join(root, 'dist', 'templates', 'suggest.js')).href);
	const {builtInTemplateDir} = await import(pathToFileURL(join(root, 'dist', 'templates', 'lookup.js')).href);
	const dirs = [builtInTemplateDir()];
	for (const set of ['labelled', 'held-out', 'fresh']) {
		const {messages} = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'suggest', `${set}.json`), 'utf8'));
		await measure(set, messages, {suggestTemplates, dirs, report});
	}
}

async function measure(set, messages, {suggestTemplates, dirs, report}) {
	const byLocale = new Map();
	const misses = [];
	const started = process.hrtime.bigint();
	for (const message of messages) {
		const ranked = (await suggestTemplates({text: message.text, locale: message.locale, dirs})).map((hit) => hit.name);
		const top1 = message.expect.includes(ranked[0]);
		const top3 = ranked.slice(0, 3).some((hit) => message.expect.includes(hit));
		const tally = byLocale.get(message.locale) ?? {count: 0, top1: 0, top3: 0};
		tally.count++;
		tally.top1 += top1 ? 1 : 0;
		tally.top3 += top3 ? 1 : 0;
		byLocale.set(message.locale, tally);
		if (!top1)
			misses.push(
				`  ${message.locale} ${top3 ? 'top-3' : 'MISS '} want ${message.expect[0]}, got ${ranked.slice(0, 3).join(', ') || '(nothing)'}: ${message.text}`,
			);
	}
	const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
	const total = {count: 0, top1: 0, top3: 0};
	for (const [locale, tally] of byLocale) {
		console.log(
			`${`${set} ${locale}: ${tally.count} messages`.padEnd(40)} top-1 ${percent(tally.top1, tally.count)}  top-3 ${percent(tally.top3, tally.count)}`,
		);
		for (const key of Object.keys(total)) total[key] += tally[key];
	}
	console.log(
		`${`${set}, all: ${total.count} messages`.padEnd(40)} top-1 ${percent(total.top1, total.count)}  top-3 ${percent(total.top3, total.count)} (goal top-3 ≥ 90 %) ${total.top3 / total.count >= 0.9 ? 'ok' : 'MISSED'}`,
	);
	report(`suggest ${set}, ${total.count} messages (total time)`, elapsed);
	if (misses.length > 0) console.log(`not ranked first:\n${misses.join('\n')}`);
}

const percent = (part, whole) => `${((100 * part) / whole).toFixed(1).padStart(5)} %`;
