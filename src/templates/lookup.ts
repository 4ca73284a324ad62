import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {UsageError} from '../errors.js';
import {baseLocale} from './locale.js';

/** Where a template comes from: the team's set in the repository, the agent's own, or the library shipped with csr. */
export type TemplateOrigin = 'team' | 'user' | 'built-in';

export type TemplateDir = {
	readonly path: string;
	readonly origin: TemplateOrigin;
	/** How messages name the folder: `.csr/templates`, `/home/anna/.config/csr/templates`, `templates`. */
	readonly label: string;
};

export type TemplateFile = {
	readonly name: string;
	/** `en` for `NAME.md`. */
	readonly locale: string;
	readonly path: string;
	/** The file as messages show it: `templates/refund-confirmation.da.md`. */
	readonly displayPath: string;
	readonly dir: TemplateDir;
	/** true for `NAME.md`, the English text every locale falls back to. */
	readonly isBase: boolean;
};

/** One template name in the folder that owns it, with its locale variants. */
export type TemplateEntry = {
	readonly name: string;
	readonly dir: TemplateDir;
	/** By locale; `en` is `NAME.en.md` if present, else `NAME.md`. */
	readonly variants: ReadonlyMap<string, TemplateFile>;
	readonly base: TemplateFile | undefined;
};

export const templateNamePattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const fileNamePattern = /^([A-Za-z0-9][A-Za-z0-9_-]{0,63})(?:\.([a-z]{2,3}))?\.md$/;

/** The library shipped in the package; the same relative path works from src/templates and dist/templates. */
export function builtInTemplateDir(): TemplateDir {
	return {path: fileURLToPath(new URL('../../templates/', import.meta.url)), origin: 'built-in', label: 'templates'};
}

/** Lookup order, first wins: `./.csr/templates`, `$CSR_CONFIG_DIR/templates`, the built-in library (PRODUCT.md §4). */
export function templateDirs(places: {cwd: string; configDir: string}): TemplateDir[] {
	return [
		{path: join(places.cwd, '.csr', 'templates'), origin: 'team', label: join('.csr', 'templates')},
		{path: join(places.configDir, 'templates'), origin: 'user', label: join(places.configDir, 'templates')},
		builtInTemplateDir(),
	];
}

export function parseTemplateName(raw: string): string {
	if (!templateNamePattern.test(raw)) {
		throw new UsageError(
			`invalid template name "${raw}"`,
			'A template name is letters, digits, - and _, like refund-confirmation.',
		);
	}
	return raw;
}

/** `refund.da.md` → {name: refund, locale: da}; null for files that are not templates by name. */
export function parseTemplateFileName(fileName: string): {name: string; locale: string; isBase: boolean} | null {
	const match = fileNamePattern.exec(fileName);
	if (match === null) return null;
	return {name: match[1]!, locale: match[2] ?? baseLocale, isBase: match[2] === undefined};
}

/** The `.md` files in a folder: templates by name, and strays whose names do not follow `NAME[.LOCALE].md`. */
export function scanTemplateDir(dir: TemplateDir): {files: TemplateFile[]; strays: string[]} {
	let names: string[];
	try {
		names = readdirSync(dir.path).sort();
	} catch (error) {
		const code = (error as {code?: unknown}).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') return {files: [], strays: []};
		throw new UsageError(`cannot read template folder ${dir.label}: ${(error as Error).message}`);
	}
	const files: TemplateFile[] = [];
	const strays: string[] = [];
	for (const fileName of names) {
		if (!fileName.endsWith('.md')) continue;
		const parsed = parseTemplateFileName(fileName);
		if (parsed === null) {
			strays.push(fileName);
			continue;
		}
		files.push({...parsed, path: join(dir.path, fileName), displayPath: join(dir.label, fileName), dir});
	}
	return {files, strays};
}

function toEntries(dir: TemplateDir, files: readonly TemplateFile[]): TemplateEntry[] {
	const byName = new Map<string, TemplateFile[]>();
	for (const file of files) byName.set(file.name, [...(byName.get(file.name) ?? []), file]);
	return [...byName].map(([name, group]) => {
		const base = group.find((file) => file.isBase);
		const variants = new Map<string, TemplateFile>();
		if (base) variants.set(baseLocale, base);
		for (const file of group) if (!file.isBase) variants.set(file.locale, file);
		return {name, dir, variants, base};
	});
}

/** The templates of one folder, by name. */
export function listTemplatesIn(dir: TemplateDir): TemplateEntry[] {
	return toEntries(dir, scanTemplateDir(dir).files);
}

/**
 * Every template name, owned by the first folder that has any file of it: a team's `refund.md` replaces the built-in
 * refund in every locale, so a customer never gets a mix of the team's and the built-in wording.
 */
export function listTemplates(dirs: readonly TemplateDir[]): TemplateEntry[] {
	const owners = new Map<string, TemplateEntry>();
	for (const dir of dirs) {
		for (const entry of listTemplatesIn(dir)) if (!owners.has(entry.name)) owners.set(entry.name, entry);
	}
	return [...owners.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The file for a template in a locale: `NAME.LOCALE.md`, else `NAME.md` (English), in the first folder that has
 * the template. Unknown names are a UsageError listing where csr looked.
 */
export function findTemplate(name: string, locale: string, dirs: readonly TemplateDir[]): TemplateFile {
	parseTemplateName(name);
	for (const dir of dirs) {
		const entry = listTemplatesIn(dir).find((candidate) => candidate.name === name);
		if (entry === undefined) continue;
		const file = entry.variants.get(locale) ?? entry.base;
		if (file !== undefined) return file;
		const available = [...entry.variants.keys()].join(', ');
		throw new UsageError(
			`template "${name}" has no ${locale} variant and no ${name}.md in ${dir.label} (it has ${available})`,
			`Add ${join(dir.label, `${name}.md`)}, or pass --locale with one of: ${available}.`,
		);
	}
	const known = listTemplates(dirs).map((entry) => entry.name);
	const similar = known.filter((candidate) => candidate.includes(name) || name.includes(candidate));
	throw new UsageError(
		`no template named "${name}"`,
		`${similar.length > 0 ? `Did you mean ${similar.join(', ')}? ` : ''}Looked in ${dirs.map((dir) => dir.label).join(', ')}. See \`csr templates list\`.`,
	);
}
