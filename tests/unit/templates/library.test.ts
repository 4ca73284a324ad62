import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {lintTemplateDir} from '../../../src/templates/lint.js';
import {builtInLocales} from '../../../src/templates/locale.js';
import {builtInTemplateDir, findTemplate, listTemplates} from '../../../src/templates/lookup.js';
import {loadAndRender, loadTemplateFile} from '../../../src/templates/render.js';
import {agent, now, ticket} from './helpers.js';

const library = builtInTemplateDir();

/** The names are public API: scripts and teams refer to them. */
const names = [
	'order-status',
	'return-instructions',
	'refund-confirmation',
	'exchange',
	'delivery-delay',
	'troubleshooting-first-steps',
	'complaint-acknowledgement',
	'escalation-notice',
	'follow-up-check-in',
	'csat-request',
	'outage-notice',
	'review-response',
	'upsell-related-offer',
	'handover-note',
	'survey-request',
];

/** A value for every required var; optional ones keep their defaults. */
function requiredVars(name: string): Record<string, string> {
	const {meta} = loadTemplateFile(findTemplate(name, 'en', [library]));
	return Object.fromEntries(
		Object.entries(meta.vars)
			.filter(([, spec]) => spec.required)
			.map(([key]) => [key, `<${key}>`]),
	);
}

describe('the built-in library', () => {
	it('has every template in en, da, sv, nb and de', () => {
		const entries = listTemplates([library]);
		expect(entries.map((entry) => entry.name).sort()).toEqual([...names].sort());
		for (const entry of entries) expect([...entry.variants.keys()].sort()).toEqual([...builtInLocales].sort());
	});

	it('lints clean', () => {
		const report = lintTemplateDir(library, {locales: builtInLocales, now});
		expect(report.problems).toEqual([]);
		expect(report.templates).toBe(15);
		expect(report.files).toBe(75);
	});

	describe.each(names)('%s', (name) => {
		it.each(builtInLocales)('renders in %s for Anna Berg, greeting her by name', (locale) => {
			const rendered = loadAndRender({
				name,
				localeFlag: locale,
				ticket: ticket(),
				agent,
				vars: requiredVars(name),
				dirs: [library],
				now,
			});
			expect(rendered.locale).toBe(locale);
			expect(rendered.body).toContain('Anna');
			expect(rendered.body).not.toMatch(/\{\{|\{%|\n{3,}|[ \t]\n/);
			if (!rendered.internal) {
				expect(rendered.body).toContain('Sam\nCustomer Care');
				expect(rendered.body).toMatch(/^(Hi|Hej|Hei|Hallo) Anna[,!]\n\n/);
			}
		});

		it.each(builtInLocales)('greets without a blank in %s when the requester has no name', (locale) => {
			const base = ticket();
			const rendered = loadAndRender({
				name,
				localeFlag: locale,
				ticket: {...base, requester: {...base.requester, name: ''}},
				agent,
				vars: requiredVars(name),
				dirs: [library],
				now,
			});
			expect(rendered.body).not.toMatch(/^(Hi|Hej|Hei|Hallo) [,!]/);
			if (!rendered.internal) expect(rendered.body).toMatch(/^(Hi|Hej|Hei|Hallo)[,!]\n\n/);
		});
	});

	it('renders delivery-delay with no vars at all, for bulk runs', () => {
		for (const locale of builtInLocales) {
			const rendered = loadAndRender({
				name: 'delivery-delay',
				localeFlag: locale,
				ticket: ticket(),
				agent,
				dirs: [library],
				now,
			});
			expect(rendered.changes).toEqual({status: 'pending'});
		}
	});

	it('applies the documented ticket changes', () => {
		const changesOf = (name: string) =>
			loadAndRender({name, ticket: ticket(), agent, vars: requiredVars(name), dirs: [library], now, localeFlag: 'en'})
				.changes;
		expect(changesOf('refund-confirmation')).toEqual({status: 'solved'});
		expect(changesOf('order-status')).toEqual({status: 'pending'});
		expect(changesOf('escalation-notice')).toMatchObject({priority: 'high'});
		expect(changesOf('outage-notice').tags?.add).toContain('outage');
		expect(changesOf('csat-request')).toEqual({status: 'solved'});
		expect(changesOf('complaint-acknowledgement')).toEqual({status: 'open'});
	});

	it('needs order_id for order-status and refund-confirmation, and names it', () => {
		for (const name of ['order-status', 'refund-confirmation']) {
			for (const locale of builtInLocales) {
				expect(() =>
					loadAndRender({
						name,
						localeFlag: locale,
						ticket: ticket(),
						agent,
						vars: {amount: '10'},
						dirs: [library],
						now,
					}),
				).toThrow(
					new RegExp(
						`template "${name}" needs variable order_id \\(templates/${name}(\\.${locale})?\\.md:\\d+\\) for ticket 101`,
					),
				);
			}
		}
	});

	it('has handover-note as an internal note', () => {
		const rendered = loadAndRender({
			name: 'handover-note',
			ticket: ticket(),
			agent,
			vars: {summary: 'Refund approved'},
			dirs: [library],
			now,
		});
		expect(rendered.internal).toBe(true);
		expect(rendered.body).toContain('Anna Berg (anna@example.com)');
	});

	it('greets in German with a lower-case first word after the salutation, as German letters do', () => {
		const text = readFileSync(findTemplate('order-status', 'de', [library]).path, 'utf8');
		expect(text).toMatch(/\{% endif %\},\n\nvielen Dank/);
	});
});
