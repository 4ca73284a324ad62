import {existsSync, mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import type {ResolvedProfile} from '../../config/profiles.js';
import type {Context, GlobalOptions} from '../../context.js';
import {ExitCode, messageOf, SilentExit, UsageError} from '../../errors.js';
import {type HelpDesk, hasMacros} from '../../providers/help-desk.js';
import {TemplateError} from '../../templates/errors.js';
import {type LintProblem, type LintReport, lintTemplateDir} from '../../templates/lint.js';
import {baseLocale, normalizeLocale, parseLocaleFlag} from '../../templates/locale.js';
import {
	findTemplate,
	listTemplates,
	parseTemplateName,
	type TemplateDir,
	type TemplateEntry,
	templateDirs,
} from '../../templates/lookup.js';
import {loadAndRender, loadTemplateFile} from '../../templates/render.js';
import type {TemplateAgent} from '../../templates/scope.js';
import {parseVarFlags} from '../../templates/vars.js';
import {csvRow} from '../../text/csv.js';
import {toDisplayLine, toDisplayText, toSafeJson} from '../../text/display-text.js';
import {activeProfile, canShowProgress, formatOf, openDesk, parseTicketId} from '../options.js';
import {formatTable} from '../output/table.js';

export type TemplatesShowFlags = {locale?: string};

export type TemplatesRenderFlags = {ticket: string; locale?: string; var?: string[]};

export type TemplatesNewFlags = {locale?: string; team?: boolean; fromTicket?: string};

export type TemplatesLintFlags = {locales?: string};

/** Template folders in lookup order for this context. */
export function templateDirsFor(context: Context): TemplateDir[] {
	return templateDirs({cwd: context.cwd, configDir: context.paths.configDir});
}

/** The agent templates sign with: the profile's agent settings, completed by the help desk's signed-in user. */
export async function agentForTemplates(
	profile: ResolvedProfile,
	desk: HelpDesk,
	signal: AbortSignal,
): Promise<TemplateAgent> {
	const {agent, email} = profile.profile;
	const {signature, signatures} = agent;
	if (agent.name && email) return {name: agent.name, email, signature, signatures};
	const me = await desk.whoAmI(signal);
	return {name: agent.name ?? me.name, email: email ?? me.email, signature, signatures};
}

type ListRow = {
	name: string;
	title: string | null;
	description: string | null;
	internal: boolean | null;
	locales: string[];
	source: string;
	dir: string | null;
};

/**
 * The desk's active macros as list rows (`macro:ID`, used with `csr reply --macro ID`). The demo desk has none, so
 * it is not opened; a desk that cannot be reached costs a warning, not the template list.
 */
async function macroRows(globals: GlobalOptions, context: Context): Promise<ListRow[]> {
	if (activeProfile(context, globals).profile.provider === 'demo') return [];
	let desk: HelpDesk | undefined;
	try {
		desk = (await openDesk(context, globals)).desk;
		if (!hasMacros(desk)) return [];
		const macros = await desk.listMacros(context.signal);
		return macros
			.filter((macro) => macro.active)
			.map((macro) => ({
				name: `macro:${macro.id}`,
				title: macro.title,
				description: macro.description,
				internal: null,
				locales: [],
				source: 'macro',
				dir: null,
			}));
	} catch (error) {
		context.io.stderr.write(`csr: the desk's macros are not listed: ${toDisplayLine(messageOf(error))}\n`);
		return [];
	} finally {
		await desk?.close();
	}
}

function toListRow(entry: TemplateEntry): ListRow {
	const file = entry.base ?? [...entry.variants.values()][0]!;
	const row = {name: entry.name, locales: [...entry.variants.keys()], source: entry.dir.origin, dir: entry.dir.path};
	try {
		const {meta} = loadTemplateFile(file);
		return {...row, title: meta.title ?? null, description: meta.description ?? null, internal: meta.internal};
	} catch (error) {
		if (!(error instanceof TemplateError)) throw error;
		return {...row, title: null, description: null, internal: null};
	}
}

export async function runTemplatesList(globals: GlobalOptions, context: Context): Promise<void> {
	const rows = [...listTemplates(templateDirsFor(context)).map(toListRow), ...(await macroRows(globals, context))];
	const format = formatOf(globals);
	const out = context.io.stdout;
	if (format === 'json') out.write(`${toSafeJson(rows, 2)}\n`);
	else if (format === 'ndjson') out.write(rows.map((row) => `${toSafeJson(row)}\n`).join(''));
	else if (format === 'csv') {
		out.write(csvRow(['name', 'title', 'description', 'internal', 'locales', 'source', 'dir']));
		for (const row of rows) {
			out.write(
				csvRow([row.name, row.title, row.description, row.internal, row.locales.join(' '), row.source, row.dir]),
			);
		}
	} else {
		const table = formatTable(
			rows,
			[
				{header: 'NAME', width: 28, value: (row) => toDisplayLine(row.name)},
				{header: 'LOCALES', width: 14, value: (row) => row.locales.join(' ')},
				{header: 'SOURCE', width: 8, value: (row) => row.source},
				{
					header: 'TITLE',
					value: (row) =>
						row.title === null
							? row.internal === null
								? '(invalid: see csr templates lint)'
								: ''
							: `${toDisplayLine(row.title)}${row.internal ? ' (internal note)' : ''}`,
				},
			],
			context.io.columns,
			false,
		);
		out.write(table);
	}
}

export async function runTemplatesShow(
	name: string,
	flags: TemplatesShowFlags,
	globals: GlobalOptions,
	context: Context,
): Promise<void> {
	const locale = flags.locale === undefined ? baseLocale : parseLocaleFlag(flags.locale);
	const file = findTemplate(parseTemplateName(name), locale, templateDirsFor(context));
	// Read, not load: a template with a syntax error must still be shown so it can be fixed.
	const text = readFileSync(file.path, 'utf8');
	if (formatOf(globals) === 'json') {
		const json = {name: file.name, locale: file.locale, file: file.path, source: file.dir.origin, text};
		context.io.stdout.write(`${toSafeJson(json, 2)}\n`);
		return;
	}
	const display = toDisplayText(text);
	context.io.stdout.write(display.endsWith('\n') ? display : `${display}\n`);
}

export async function runTemplatesRender(
	name: string,
	flags: TemplatesRenderFlags,
	globals: GlobalOptions,
	context: Context,
): Promise<void> {
	const ticketId = parseTicketId('--ticket', flags.ticket);
	const vars = parseVarFlags(flags.var);
	const localeFlag = flags.locale === undefined ? undefined : parseLocaleFlag(flags.locale);
	const dirs = templateDirsFor(context);
	// An unknown name fails before any request; a template with only some locales is checked after the ticket's is known.
	if (!listTemplates(dirs).some((entry) => entry.name === parseTemplateName(name)))
		findTemplate(name, baseLocale, dirs);
	const {desk, profile} = await openDesk(context, globals);
	try {
		const thread = await desk.getThread(ticketId, context.signal);
		const agent = await agentForTemplates(profile, desk, context.signal);
		const rendered = loadAndRender({
			name,
			localeFlag,
			profileLocale: profile.profile.defaultLocale,
			ticket: thread.ticket,
			ticketId,
			agent,
			vars,
			dirs,
			now: context.now(),
		});
		if (rendered.unusedVars.length > 0) {
			context.io.stderr.write(
				`csr: warning: template "${name}" does not use ${rendered.unusedVars.map((key) => `--var ${key}`).join(', ')}\n`,
			);
		}
		if (formatOf(globals) === 'json') {
			const {unusedVars: _unused, ...json} = rendered;
			context.io.stdout.write(`${toSafeJson({ticketId, ...json}, 2)}\n`);
			return;
		}
		if (canShowProgress(globals, context)) context.io.stderr.write(`${describeRendered(rendered)}\n`);
		context.io.stdout.write(`${toDisplayText(rendered.body)}\n`);
	} finally {
		await desk.close();
	}
}

function describeRendered(rendered: ReturnType<typeof loadAndRender>): string {
	const {status, priority, group, tags} = rendered.changes;
	const changes = [
		status && `status ${status}`,
		priority && `priority ${priority}`,
		group && `group ${group}`,
		...(tags?.add ?? []).map((tag) => `+${tag}`),
		...(tags?.remove ?? []).map((tag) => `-${tag}`),
	].filter(Boolean);
	const kind = rendered.internal ? 'internal note' : 'public reply';
	return `# ${rendered.file} (${kind}${changes.length > 0 ? `; sets ${changes.join(', ')}` : ''})`;
}

// Greeting and sign-off for new skeletons, so a Danish template starts Danish.
const skeletonWords: Readonly<Record<string, {hello: string; thanks: string; regards: string}>> = {
	en: {hello: 'Hi', thanks: 'Thank you for getting in touch.', regards: 'Best regards,'},
	da: {hello: 'Hej', thanks: 'Tak fordi du skrev til os.', regards: 'Venlig hilsen'},
	sv: {hello: 'Hej', thanks: 'Tack för att du hörde av dig.', regards: 'Vänliga hälsningar'},
	nb: {hello: 'Hei', thanks: 'Takk for at du tok kontakt.', regards: 'Vennlig hilsen'},
	de: {hello: 'Hallo', thanks: 'Vielen Dank für Ihre Nachricht.', regards: 'Viele Grüße'},
};

/** A new template that lints clean: front matter with the keys commented, a greeting that copes with no name. */
export function templateSkeleton(name: string, locale: string): string {
	const words = skeletonWords[locale] ?? skeletonWords[baseLocale]!;
	const title = name.replace(/[-_]+/g, ' ').replace(/^./, (first) => first.toUpperCase());
	return [
		'---',
		`title: ${title}`,
		'description: When to use this template.',
		'internal: false',
		'# set:',
		'#   status: pending',
		'#   tags: {add: [example]}',
		'# vars:',
		'#   order_id: {required: true, description: The order number}',
		'---',
		`${words.hello}{% if ticket.requester.first_name != blank %} {{ ticket.requester.first_name }}{% endif %},`,
		'',
		words.thanks,
		'',
		words.regards,
		'{{ agent.signature }}',
		'',
	].join('\n');
}

export async function runTemplatesNew(
	name: string,
	flags: TemplatesNewFlags,
	globals: GlobalOptions,
	context: Context,
): Promise<void> {
	parseTemplateName(name);
	let locale = flags.locale === undefined ? baseLocale : parseLocaleFlag(flags.locale);
	let text = templateSkeleton(name, locale);
	if (flags.fromTicket !== undefined) {
		const {draftTemplateFromTicket} = await import('./knowledge-drafts.js');
		({text, locale} = await draftTemplateFromTicket(flags.fromTicket, flags.locale, globals, context));
	}
	const dirs = templateDirsFor(context);
	const dir = dirs.find((candidate) => candidate.origin === (flags.team ? 'team' : 'user'))!;
	const fileName = locale === baseLocale ? `${name}.md` : `${name}.${locale}.md`;
	const path = join(dir.path, fileName);
	// The config dir holds the 0600 config file; create it private, as the config store does.
	if (!flags.team) mkdirSync(context.paths.configDir, {recursive: true, mode: 0o700});
	mkdirSync(dir.path, {recursive: true});
	try {
		writeFileSync(path, text, {flag: 'wx'});
	} catch (error) {
		if ((error as {code?: unknown}).code !== 'EEXIST') throw error;
		throw new UsageError(`${path} already exists`, 'Edit it, or pick another name; csr never overwrites a template.');
	}
	context.io.stdout.write(`${path}\n`);
	if (canShowProgress(globals, context)) {
		context.io.stderr.write(`Edit it, then check it with \`csr templates lint ${dir.label}\`.\n`);
	}
}

function parseLocales(raw: string): string[] {
	const values = raw.split(',').map((value) => value.trim());
	const locales = values.map((value) => normalizeLocale(value));
	const bad = values.find((_, index) => locales[index] === null);
	if (bad !== undefined || values.length === 0) {
		throw new UsageError(`invalid --locales "${raw}": expected a comma-separated list like en,da,sv,nb,de`);
	}
	return [...new Set(locales as string[])];
}

function foldersToLint(dir: string | undefined, context: Context): TemplateDir[] {
	if (dir === undefined) return templateDirsFor(context).filter((candidate) => existsSync(candidate.path));
	const path = resolve(context.cwd, dir);
	if (!existsSync(path) || !statSync(path).isDirectory()) {
		throw new UsageError(`no template folder ${dir}`, 'Pass a folder of NAME.md and NAME.LOCALE.md files.');
	}
	return [{path, origin: 'user', label: dir.replace(/\/+$/, '') || dir}];
}

function writeProblems(problems: readonly LintProblem[], write: (text: string) => void): void {
	let file: string | null = null;
	for (const problem of problems) {
		if (problem.file !== file) {
			file = problem.file;
			write(`${toDisplayLine(file)}\n`);
		}
		write(`  ${problem.line === null ? '' : `line ${problem.line}: `}${toDisplayLine(problem.message)}\n`);
	}
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export async function runTemplatesLint(
	dir: string | undefined,
	flags: TemplatesLintFlags,
	globals: GlobalOptions,
	context: Context,
): Promise<void> {
	const locales = flags.locales === undefined ? undefined : parseLocales(flags.locales);
	const reports: LintReport[] = foldersToLint(dir, context).map((folder) =>
		lintTemplateDir(folder, {locales, now: context.now()}),
	);
	const problems = reports.flatMap((report) => report.problems);
	if (formatOf(globals) === 'json') {
		const json = {
			ok: problems.length === 0,
			folders: reports.map((report) => ({dir: report.dirs[0], templates: report.templates, files: report.files})),
			problems,
		};
		context.io.stdout.write(`${toSafeJson(json, 2)}\n`);
	} else {
		const write = (text: string): void => void context.io.stdout.write(text);
		writeProblems(problems, write);
		for (const report of reports) {
			const count = report.problems.length;
			const files = new Set(report.problems.map((problem) => problem.file)).size;
			write(
				`${toDisplayLine(report.dirs[0] ?? '')}: ${plural(report.templates, 'template')}, ${plural(report.files, 'file')}, ${
					count === 0 ? 'no problems' : `${plural(count, 'problem')} in ${plural(files, 'file')}`
				}\n`,
			);
		}
	}
	if (problems.length > 0) throw new SilentExit(ExitCode.failed);
}
