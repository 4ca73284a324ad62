import {readFileSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import type {Template} from 'liquidjs';
import type {Ticket} from '../domain/ticket.js';
import type {TicketChanges} from '../providers/help-desk.js';
import {type ErrorPlace, liquidEngine, parseLiquid, toTemplateError} from './engine.js';
import {TemplateError} from './errors.js';
import {type FrontMatter, parseTemplateSource} from './front-matter.js';
import {chooseLocale} from './locale.js';
import {findTemplate, type TemplateDir, type TemplateFile} from './lookup.js';
import {type TemplateAgent, toTemplateScope} from './scope.js';

/** A template file read, validated and parsed once; render it for as many tickets as needed. */
export type LoadedTemplate = {
	readonly name: string;
	readonly file: TemplateFile;
	readonly meta: FrontMatter;
	/** The file as written (front matter included). */
	readonly text: string;
	readonly bodyLine: number;
	readonly parsed: Template[];
	/** File line of the first use of each `vars.NAME` in the body. */
	readonly varLines: ReadonlyMap<string, number>;
};

/** Ticket changes a template applies with its message (front matter `set`); never an assignee. */
export type TemplateChanges = Pick<TicketChanges, 'status' | 'priority' | 'group' | 'tags'>;

export type RenderedTemplate = {
	readonly name: string;
	/** The locale of the file used (`en` when a missing variant fell back to `NAME.md`). */
	readonly locale: string;
	/** The template file as messages show it. */
	readonly file: string;
	readonly title: string;
	/** Markdown text for the message body. */
	readonly body: string;
	/** true: send as an internal note. */
	readonly internal: boolean;
	readonly changes: TemplateChanges;
	/** Paths of the files the template declares (front matter `attachments`), resolved from its folder. */
	readonly attachments: readonly string[];
	/** Given vars the template neither declares nor uses: most likely a typo in `--var`. */
	readonly unusedVars: readonly string[];
};

export type RenderInput = {
	readonly ticket: Ticket;
	readonly agent: TemplateAgent;
	/** From `--var`; front matter defaults fill the rest. */
	readonly vars?: Readonly<Record<string, string>> | undefined;
	readonly now: Date;
	/** Named in errors; defaults to the ticket's id. */
	readonly ticketId?: string | undefined;
};

/** Reads, validates and parses a template file. Errors are TemplateErrors naming the file and line. */
export function loadTemplateFile(file: TemplateFile): LoadedTemplate {
	let text: string;
	try {
		text = readFileSync(file.path, 'utf8');
	} catch (error) {
		throw new TemplateError({
			template: file.name,
			reason: `cannot be read: ${(error as Error).message}`,
			file: file.displayPath,
		});
	}
	const source = parseTemplateSource(text, {template: file.name, file: file.displayPath});
	const place: ErrorPlace = {template: file.name, file: file.displayPath, bodyLine: source.bodyLine};
	const parsed = parseLiquid(source.body, place);
	const varLines = new Map<string, number>();
	try {
		for (const variable of liquidEngine().analyzeSync(parsed, {partials: false}).globals['vars'] ?? []) {
			const name = variable.segments[1];
			if (typeof name === 'string' && !varLines.has(name))
				varLines.set(name, variable.location.row + source.bodyLine - 1);
		}
	} catch {
		// Analysis only improves line numbers in messages; rendering still checks every variable.
	}
	return {
		name: file.name,
		file,
		meta: source.meta,
		text,
		bodyLine: source.bodyLine,
		parsed,
		varLines,
	};
}

/** The front matter line that declares `vars.NAME`, for a required var the body never uses. */
function declarationLine(template: LoadedTemplate, varName: string): number | null {
	const lines = template.text.split(/\r?\n/).slice(0, template.bodyLine - 1);
	const index = lines.findIndex((line) => new RegExp(`^\\s+${varName}\\s*:`).test(line));
	return index === -1 ? null : index + 1;
}

/** The values a render uses: front matter defaults, then the given vars. A required var without a value is an error. */
export function resolveVars(
	template: LoadedTemplate,
	given: Readonly<Record<string, string>>,
	ticketId: string | undefined,
): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [name, spec] of Object.entries(template.meta.vars))
		if (spec.default !== undefined) values[name] = spec.default;
	Object.assign(values, given);
	for (const [name, spec] of Object.entries(template.meta.vars)) {
		if (spec.required && (values[name] ?? '').trim() === '') {
			throw new TemplateError({
				template: template.name,
				reason: `needs variable ${name}`,
				variable: name,
				file: template.file.displayPath,
				line: template.varLines.get(name) ?? declarationLine(template, name),
				ticketId,
				hint: `Pass it with --var ${name}=VALUE${spec.description ? ` (${spec.description})` : ''}.`,
			});
		}
	}
	return values;
}

/**
 * Renders a loaded template for one ticket. Ticket and customer text go into the Liquid scope as data, never into
 * template source, so a requester named `{{agent.email}}` is greeted by exactly that name.
 */
export function renderTemplate(template: LoadedTemplate, input: RenderInput): RenderedTemplate {
	const ticketId = input.ticketId ?? input.ticket.id;
	const vars = resolveVars(template, input.vars ?? {}, ticketId);
	const scope = toTemplateScope({
		ticket: input.ticket,
		agent: input.agent,
		vars,
		now: input.now,
		locale: template.file.locale,
	});
	let output: string;
	try {
		output = String(liquidEngine().renderSync(template.parsed, scope));
	} catch (error) {
		throw toTemplateError(error, {
			template: template.name,
			file: template.file.displayPath,
			bodyLine: template.bodyLine,
			ticketId,
		});
	}
	return {
		name: template.name,
		locale: template.file.locale,
		file: template.file.displayPath,
		title: template.meta.title ?? template.name,
		body: tidy(output),
		internal: template.meta.internal,
		changes: toChanges(template.meta),
		attachments: (template.meta.attachments ?? []).map((file) => resolve(dirname(template.file.path), file)),
		unusedVars: Object.keys(input.vars ?? {}).filter(
			(name) => template.meta.vars[name] === undefined && !template.varLines.has(name),
		),
	};
}

/** Tags leave blank lines and trailing spaces behind; a reply should not. */
function tidy(output: string): string {
	return output
		.replace(/[ \t]+$/gm, '')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

function toChanges(meta: FrontMatter): TemplateChanges {
	const {status, priority, group, tags} = meta.set;
	return {
		...(status === undefined ? {} : {status}),
		...(priority === undefined ? {} : {priority}),
		...(group === undefined ? {} : {group}),
		...(tags === undefined || (tags.add.length === 0 && tags.remove.length === 0)
			? {}
			: {tags: {add: [...tags.add], remove: [...tags.remove]}}),
	};
}

export type TemplateRequest = RenderInput & {
	readonly name: string;
	/** `--locale`; wins over the requester's locale. */
	readonly localeFlag?: string | null | undefined;
	/** The profile's `defaultLocale`, used when the requester has none. */
	readonly profileLocale?: string | null | undefined;
	readonly dirs: readonly TemplateDir[];
	/** Loaded templates by file path; pass the same map for every ticket of a bulk run to read each file once. */
	readonly cache?: Map<string, LoadedTemplate> | undefined;
};

/**
 * Picks the locale (flag, requester, profile, en), finds the file (team, user, built-in), and renders it for the
 * ticket. Every error is a TemplateError naming the ticket; nothing should be sent to it.
 */
export function loadAndRender(request: TemplateRequest): RenderedTemplate {
	const ticketId = request.ticketId ?? request.ticket.id;
	const locale = chooseLocale({
		flag: request.localeFlag,
		requesterLocale: request.ticket.requester.locale,
		profileDefault: request.profileLocale,
	});
	const file = findTemplate(request.name, locale, request.dirs);
	let template = request.cache?.get(file.path);
	if (template === undefined) {
		try {
			template = loadTemplateFile(file);
		} catch (error) {
			throw error instanceof TemplateError ? error.forTicket(ticketId) : error;
		}
		request.cache?.set(file.path, template);
	}
	return renderTemplate(template, {...request, ticketId});
}
