import {existsSync, statSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import type {Variable} from 'liquidjs';
import type {Channel, Ticket} from '../domain/ticket.js';
import {channelsWithoutEmail, findReplyByEmail} from './channel-wording.js';
import {liquidEngine} from './engine.js';
import {TemplateError} from './errors.js';
import {baseLocale, builtInLocales} from './locale.js';
import {listTemplatesIn, scanTemplateDir, type TemplateDir, type TemplateFile} from './lookup.js';
import {type LoadedTemplate, loadTemplateFile, renderTemplate} from './render.js';
import {isKnownVariable} from './scope.js';

export type LintKind =
	| 'file-name'
	| 'front-matter'
	| 'syntax'
	| 'unknown-variable'
	| 'render'
	| 'channel'
	| 'inconsistent'
	| 'missing-base'
	| 'missing-variant';

export type LintProblem = {
	/** The file as messages show it; for a missing variant, the file that should exist. */
	readonly file: string;
	readonly line: number | null;
	readonly kind: LintKind;
	readonly message: string;
};

export type LintReport = {
	readonly dirs: readonly string[];
	readonly templates: number;
	readonly files: number;
	readonly problems: readonly LintProblem[];
};

export type LintOptions = {
	/** Locales every template must have. Default: the built-in library's (en, da, sv, nb, de) and any other the folder has. */
	readonly locales?: readonly string[] | undefined;
	/** The clock for the sample render. */
	readonly now?: Date | undefined;
};

/** A ticket every template must render for, with every optional field empty. */
function sampleTicket(locale: string, now: Date, channel: Channel = 'email', tags: string[] = []): Ticket {
	return {
		id: '1001',
		subject: 'Where is my order?',
		status: 'open',
		priority: null,
		channel,
		requester: {id: 'r1', name: 'Anna Berg', email: 'anna@example.com', locale},
		assignee: null,
		group: null,
		tags,
		createdAt: now.toISOString(),
		updatedAt: now.toISOString(),
		slaDueAt: null,
		url: null,
	};
}

function kindOf(error: TemplateError): LintKind {
	if (error.reason.includes('front matter')) return 'front-matter';
	if (error.reason.startsWith('has a syntax error') || error.reason.startsWith('uses unknown filter')) return 'syntax';
	return 'render';
}

/** Variables the template reads that are neither in the scope nor declared in its `vars`. */
function unknownVariables(template: LoadedTemplate): {problems: LintProblem[]; names: Set<string>} {
	const declared = new Set(Object.keys(template.meta.vars));
	const problems: LintProblem[] = [];
	const names = new Set<string>();
	const seen = new Set<string>();
	const globals = liquidEngine().analyzeSync(template.parsed, {partials: false}).globals;
	for (const variable of Object.values(globals).flat()) {
		const segments = variable.segments.map((segment: string | number | Variable) =>
			typeof segment === 'object' ? null : segment,
		);
		if (isKnownVariable(segments, declared)) continue;
		const line = variable.location.row + template.bodyLine - 1;
		const name = String(variable);
		if (seen.has(`${name}:${line}`)) continue;
		seen.add(`${name}:${line}`);
		names.add(name);
		const isVar = segments[0] === 'vars' && typeof segments[1] === 'string';
		problems.push({
			file: template.file.displayPath,
			line,
			kind: 'unknown-variable',
			message: isVar
				? `unknown variable ${name}: declare ${String(segments[1])} under vars in the front matter`
				: `unknown variable ${name}`,
		});
	}
	return {problems, names};
}

/** Renders with the sample ticket, front matter defaults and a value for each required var. */
function sampleRender(template: LoadedTemplate, now: Date, reported: ReadonlySet<string>): LintProblem[] {
	const vars: Record<string, string> = {};
	for (const [name, spec] of Object.entries(template.meta.vars)) if (spec.required) vars[name] = 'sample';
	try {
		renderTemplate(template, {
			ticket: sampleTicket(template.file.locale, now),
			agent: {name: 'Sam Agent', email: 'sam@example.com', signature: null},
			vars,
			now,
		});
		return [];
	} catch (error) {
		if (!(error instanceof TemplateError)) throw error;
		if (error.variable !== null && (reported.has(error.variable) || reported.has(`vars.${error.variable}`))) return [];
		const optional = error.variable !== null && template.meta.vars[error.variable] !== undefined;
		return [
			{
				file: template.file.displayPath,
				line: error.line,
				kind: 'render',
				message: optional
					? `${error.reason} for a ticket without it: give ${error.variable} a default or guard it with {% if vars.${error.variable} %}`
					: `${error.reason} for a sample ticket`,
			},
		];
	}
}

/**
 * Renders the template for each channel it may be used on where replies are not emails (chat, phone, social,
 * review, SMS; reviews also as praise and as a complaint) and reports one that asks the customer to reply by email.
 */
function channelWording(template: LoadedTemplate, now: Date): LintProblem[] {
	const vars: Record<string, string> = {};
	for (const [name, spec] of Object.entries(template.meta.vars)) if (spec.required) vars[name] = 'sample';
	const agent = {name: 'Sam Agent', email: 'sam@example.com', signature: null};
	for (const channel of channelsWithoutEmail(template.meta.channels)) {
		const tagSets = channel === 'review' ? [[], ['negative_review'], ['positive_review']] : [[]];
		for (const tags of tagSets) {
			let body: string;
			try {
				body = renderTemplate(template, {
					ticket: sampleTicket(template.file.locale, now, channel, tags),
					agent,
					vars,
					now,
				}).body;
			} catch {
				return []; // the sample render reports why it does not render
			}
			const phrase = findReplyByEmail(body);
			if (phrase === null) continue;
			return [
				{
					file: template.file.displayPath,
					line: lineOfPhrase(template, phrase),
					kind: 'channel',
					message: `asks the customer to "${phrase}" on a ${channel} ticket: word it with {% if ticket.by_email %}…{% else %}…{% endif %}, or limit the template with channels: [email] in the front matter`,
				},
			];
		}
	}
	return [];
}

function lineOfPhrase(template: LoadedTemplate, phrase: string): number | null {
	const index = template.text.split('\n').findIndex((line) => line.toLowerCase().includes(phrase.toLowerCase()));
	return index === -1 ? null : index + 1;
}

/** What must agree between a template's locale variants: the same actions and vars whatever the customer's language. */
function behaviourOf(template: LoadedTemplate): string {
	const {internal, set, vars} = template.meta;
	const varShape = Object.entries(vars)
		.map(([name, spec]) => `${name}${spec.required ? '!' : ''}`)
		.sort();
	return JSON.stringify({internal, set, vars: varShape});
}

function checkFile(file: TemplateFile, now: Date): {template: LoadedTemplate | null; problems: LintProblem[]} {
	let template: LoadedTemplate;
	try {
		template = loadTemplateFile(file);
	} catch (error) {
		if (!(error instanceof TemplateError)) throw error;
		return {
			template: null,
			problems: [{file: file.displayPath, line: error.line, kind: kindOf(error), message: error.reason}],
		};
	}
	const unknown = unknownVariables(template);
	const rendering = sampleRender(template, now, unknown.names);
	const wording = rendering.length === 0 ? channelWording(template, now) : [];
	return {template, problems: [...missingAttachments(template), ...unknown.problems, ...rendering, ...wording]};
}

/** Files the front matter declares (`attachments`) that are not beside the template: a reply from it would stop. */
function missingAttachments(template: LoadedTemplate): LintProblem[] {
	return (template.meta.attachments ?? []).flatMap((name) => {
		const path = resolve(dirname(template.file.path), name);
		if (existsSync(path) && statSync(path).isFile()) return [];
		return [
			{
				file: template.file.displayPath,
				line: null,
				kind: 'front-matter' as const,
				message: `attachments: ${name} is not a file beside the template`,
			},
		];
	});
}

/** Checks one folder: names, front matter, syntax, unknown variables, a sample render, and missing locale variants. */
export function lintTemplateDir(dir: TemplateDir, options: LintOptions = {}): LintReport {
	const now = options.now ?? new Date(0);
	const problems: LintProblem[] = [];
	const {files, strays} = scanTemplateDir(dir);
	for (const stray of strays) {
		problems.push({
			file: join(dir.label, stray),
			line: null,
			kind: 'file-name',
			message: 'not a template file name: expected NAME.md or NAME.LOCALE.md (locale in lower case, like da)',
		});
	}
	const entries = listTemplatesIn(dir);
	const expected = new Set(options.locales ?? [...builtInLocales, ...files.map((file) => file.locale)]);
	expected.add(baseLocale);
	const expectedList = [...expected].sort((a, b) =>
		a === baseLocale ? -1 : b === baseLocale ? 1 : a.localeCompare(b),
	);
	for (const entry of entries) {
		const loaded = new Map<string, LoadedTemplate>();
		for (const file of files.filter((candidate) => candidate.name === entry.name)) {
			const result = checkFile(file, now);
			problems.push(...result.problems);
			if (result.template !== null) loaded.set(file.path, result.template);
		}
		const have = [...entry.variants.keys()];
		if (entry.base === undefined) {
			problems.push({
				file: join(dir.label, `${entry.name}.md`),
				line: null,
				kind: 'missing-base',
				message: `missing: ${entry.name} needs ${entry.name}.md, the English text other locales fall back to`,
			});
		}
		for (const locale of expectedList) {
			if (locale === baseLocale || entry.variants.has(locale)) continue;
			problems.push({
				file: join(dir.label, `${entry.name}.${locale}.md`),
				line: null,
				kind: 'missing-variant',
				message: `missing locale variant ${locale} (${entry.name} has ${have.join(', ')}; expected ${expectedList.join(', ')})`,
			});
		}
		const base = entry.base === undefined ? undefined : loaded.get(entry.base.path);
		if (base === undefined) continue;
		for (const [path, template] of loaded) {
			if (path === base.file.path || behaviourOf(template) === behaviourOf(base)) continue;
			problems.push({
				file: template.file.displayPath,
				line: null,
				kind: 'inconsistent',
				message: `front matter internal, set or vars differ from ${entry.name}.md: every locale must act the same`,
			});
		}
	}
	return {
		dirs: [dir.label],
		templates: entries.length,
		files: files.length,
		problems: problems.sort(
			(a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.message.localeCompare(b.message),
		),
	};
}

/** Lints several folders (each on its own: variants are expected within a folder) into one report. */
export function lintTemplateDirs(dirs: readonly TemplateDir[], options: LintOptions = {}): LintReport {
	const reports = dirs.map((dir) => lintTemplateDir(dir, options));
	return {
		dirs: reports.flatMap((report) => report.dirs),
		templates: reports.reduce((sum, report) => sum + report.templates, 0),
		files: reports.reduce((sum, report) => sum + report.files, 0),
		problems: reports.flatMap((report) => report.problems),
	};
}
