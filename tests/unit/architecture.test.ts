import {readdirSync, readFileSync} from 'node:fs';
import {join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const srcDir = fileURLToPath(new URL('../../src/', import.meta.url));

type Rule = {readonly layers: readonly string[]; readonly packages: readonly string[]};

/** docs/ARCHITECTURE.md's table as data: what each layer may import (node: built-ins are always allowed). */
const allowed: Record<string, Rule> = {
	errors: {layers: [], packages: []},
	context: {layers: ['config', 'io', 'providers/help-desk', 'store'], packages: []},
	main: {layers: ['cli', 'context', 'errors', 'text'], packages: ['commander']},
	production: {layers: ['*'], packages: ['*']},
	io: {layers: [], packages: []},
	domain: {layers: [], packages: ['zod']},
	text: {layers: [], packages: ['html-to-text']},
	kpi: {layers: ['domain'], packages: []},
	templates: {
		layers: ['domain', 'text', 'errors', 'providers/help-desk'],
		packages: ['liquidjs', 'yaml', 'zod', '@orama/stemmers'],
	},
	config: {layers: ['errors'], packages: ['conf', 'zod']},
	store: {layers: ['domain', 'errors'], packages: ['pg', 'pg-cursor']},
	'providers/help-desk': {layers: ['domain'], packages: []},
	'providers/http': {layers: ['errors', 'domain', 'text', 'providers/help-desk'], packages: ['undici', 'zod']},
	'providers/*': {
		layers: ['domain', 'errors', 'text', 'providers/http', 'providers/help-desk', 'store'],
		packages: ['undici', 'zod'],
	},
	services: {
		layers: ['domain', 'kpi', 'templates', 'store', 'text', 'errors', 'providers/help-desk'],
		packages: ['zod', 'date-holidays'],
	},
	cli: {
		// providers/demo: the demo desk is local data csr administers itself (csr demo reset|outage).
		layers: [
			'providers/demo',
			'services',
			'domain',
			'text',
			'io',
			'config',
			'templates',
			'store',
			'kpi',
			'errors',
			'context',
			'providers/help-desk',
			'tui',
		],
		packages: ['commander', 'zod', 'chalk', 'echarts'],
	},
	tui: {layers: ['services', 'domain', 'text', 'errors', 'kpi', 'providers/help-desk'], packages: ['ink', 'react']},
};

/** The layer a src-relative path belongs to: a top-level file, a folder, or a provider. */
function layerOf(path: string): string {
	const parts = path.replace(/\\/g, '/').split('/');
	const [first, second] = parts;
	if (parts.length === 1) return (first ?? '').replace(/\.(ts|tsx|js)$/, '');
	if (first === 'providers') {
		if (second === 'help-desk.ts' || second === 'help-desk.js' || second === 'capabilities')
			return 'providers/help-desk';
		if (second === 'http') return 'providers/http';
		return `providers/${second}`;
	}
	return first ?? '';
}

function ruleFor(layer: string): Rule | undefined {
	return allowed[layer] ?? (layer.startsWith('providers/') ? allowed['providers/*'] : undefined);
}

function sourceFiles(directory: string): string[] {
	return readdirSync(directory, {withFileTypes: true}).flatMap((entry) => {
		const path = join(directory, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
	});
}

const importPattern = /(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;

function violationsIn(file: string, text: string): string[] {
	const from = relative(srcDir, file);
	const layer = layerOf(from);
	const rule = ruleFor(layer);
	if (rule === undefined) return [`${from}: folder "${layer}" is not in docs/ARCHITECTURE.md`];
	const problems: string[] = [];
	for (const match of text.matchAll(importPattern)) {
		const specifier = match[1] ?? '';
		if (specifier.startsWith('node:')) continue;
		if (specifier.startsWith('.')) {
			const target = layerOf(relative(srcDir, resolve(join(file, '..'), specifier)));
			if (target === layer || rule.layers.includes('*') || rule.layers.includes(target)) continue;
			problems.push(`${from} (${layer}) imports ${specifier} (${target})`);
		} else {
			const packageName = specifier.startsWith('@')
				? specifier.split('/').slice(0, 2).join('/')
				: (specifier.split('/')[0] ?? '');
			if (rule.packages.includes('*') || rule.packages.includes(packageName)) continue;
			problems.push(`${from} (${layer}) imports package ${packageName}`);
		}
	}
	return problems;
}

/** A run module (cli/run/X.ts) owns its input types; only the declaration (cli/commands/X.ts) points at it. */
function runImportsOfCommands(file: string, text: string): string[] {
	const from = relative(srcDir, file).replace(/\\/g, '/');
	if (!from.startsWith('cli/run/')) return [];
	return [...text.matchAll(importPattern)]
		.map((match) => match[1] ?? '')
		.filter((specifier) => specifier.startsWith('.'))
		.filter((specifier) =>
			relative(srcDir, resolve(join(file, '..'), specifier))
				.replace(/\\/g, '/')
				.startsWith('cli/commands/'),
		)
		.map((specifier) => `${from} imports ${specifier}`);
}

const lineCeiling = 400;

/** Data files (the demo desk's seed corpora) may be longer than the ceiling; code may not. */
const dataFiles = [
	'providers/demo/corpus.ts',
	'providers/demo/corpus-da.ts',
	'providers/demo/corpus-de.ts',
	'providers/demo/corpus-en.ts',
	'providers/demo/corpus-nb.ts',
	'providers/demo/corpus-sv.ts',
];

function lineCount(text: string): number {
	return text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
}

describe('architecture', () => {
	it('keeps every layer to the imports docs/ARCHITECTURE.md allows', () => {
		const problems = sourceFiles(srcDir).flatMap((file) => violationsIn(file, readFileSync(file, 'utf8')));
		expect(problems).toEqual([]);
	});

	it('catches a domain module that imports undici and a UI import in services', () => {
		expect(violationsIn(join(srcDir, 'domain/ticket.ts'), "import {request} from 'undici';")).toHaveLength(1);
		expect(violationsIn(join(srcDir, 'services/queue.ts'), "import {Box} from 'ink';")).toHaveLength(1);
		expect(
			violationsIn(join(srcDir, 'cli/run/queue.ts'), "import {x} from '../../providers/zendesk/map.js';"),
		).toHaveLength(1);
	});

	it('keeps cli/run from importing cli/commands (the declaration imports the run module, never back)', () => {
		const problems = sourceFiles(srcDir).flatMap((file) => runImportsOfCommands(file, readFileSync(file, 'utf8')));
		expect(problems).toEqual([]);
		expect(
			runImportsOfCommands(join(srcDir, 'cli/run/reply.ts'), "import type {ReplyFlags} from '../commands/reply.js';"),
		).toHaveLength(1);
		expect(
			runImportsOfCommands(join(srcDir, 'cli/commands/reply.ts'), "import type {ReplyFlags} from '../run/reply.js';"),
		).toEqual([]);
	});

	it(`keeps every file under src/ to ${lineCeiling} lines, the demo corpora excepted`, () => {
		const files = sourceFiles(srcDir).map((file) => ({
			path: relative(srcDir, file).replace(/\\/g, '/'),
			lines: lineCount(readFileSync(file, 'utf8')),
		}));
		const excepted = new Set(dataFiles);
		const oversized = files.filter((file) => file.lines > lineCeiling && !excepted.has(file.path));
		expect(oversized).toEqual([]);
		const known = new Set(files.map((file) => file.path));
		expect([...excepted].filter((path) => !known.has(path))).toEqual([]);
		expect(lineCount('line\n'.repeat(lineCeiling + 1))).toBe(lineCeiling + 1);
	});

	it('keeps only main.ts, production.ts and io/ near process', () => {
		const offenders = sourceFiles(srcDir)
			.filter((file) => !/(production|main)\.ts$|\/io\//.test(file))
			.filter((file) => /\bprocess\.(env|exit|stdout|stderr|stdin|argv|on)\b/.test(readFileSync(file, 'utf8')))
			.map((file) => relative(srcDir, file));
		expect(offenders).toEqual([]);
	});
});
