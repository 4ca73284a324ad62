#!/usr/bin/env node
import {execFileSync} from 'node:child_process';
// npm run build: bundles src/ into dist/ with esbuild (ESM, code splitting). Startup is most of a short command's
// time, and most of startup was finding and reading modules: `csr --version` loaded 45 files, `csr queue --json` 175
// (zod alone 95), the TUI 530 before its queue was on screen. Bundled, each command loads its entry and a few chunks;
// every dynamic import() in src/ stays a lazily loaded chunk, so heavy dependencies still load only where needed.
// Type checking is `npm run typecheck` (tsc); esbuild only strips types.
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {builtinModules, createRequire} from 'node:module';
import {dirname, join, relative, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist');

/**
 * Entry points: bin/csr.js loads cli/main and cli/production; scripts/team-writer.mjs and records-concurrency.mjs
 * load those and io/streams; the benches load tui/start and templates/*; services/sla.ts runs store/sla-worker as a
 * worker thread. Everything else is a chunk.
 */
const entryPoints = {
	'cli/main': 'src/main.ts',
	'cli/production': 'src/production.ts',
	'io/streams': 'src/io/streams.ts',
	'tui/start': 'src/tui/start.tsx',
	'templates/suggest': 'src/templates/suggest.ts',
	'templates/lookup': 'src/templates/lookup.ts',
	// csr stats and csr report start it as a worker thread (services/sla.ts), by this path.
	'store/sla-worker': 'src/store/sla-worker.ts',
};

/**
 * Left in node_modules and loaded from there at run time: packages only commands whose own work dwarfs loading them
 * use (HTTP to a desk, Postgres, charts, holidays, config writes), so bundling them would only grow dist/; and
 * Ink's optional devtools, which is not installed.
 */
const external = ['undici', 'pg', 'pg-cursor', 'echarts', 'date-holidays', 'conf', 'react-devtools-core'];

/**
 * Yoga (Ink's layout engine) ships its WebAssembly as a data: URL and reads it with fetch() when there is one: on
 * Node that loads Node's own HTTP client (undici) and its fetch machinery before the TUI's first frame, tens of ms.
 * Without fetch it decodes the same bytes itself. This hides fetch from that one file; on any surprise (the code
 * changed) the file is left as it is, with a warning.
 */
const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	setup(build) {
		build.onLoad({filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, ({path}) => {
			const source = readFileSync(path, 'utf8');
			const uses = source.split('"function"!=typeof fetch').length - 1;
			if (uses !== 2) {
				return {contents: source, warnings: [{text: `yoga-layout changed (fetch used ${uses} times): left as it is`}]};
			}
			return {contents: source.replaceAll('"function"!=typeof fetch', 'true'), loader: 'js'};
		});
	},
};

rmSync(outdir, {recursive: true, force: true});
const result = await build({
	absWorkingDir: root,
	entryPoints,
	outdir,
	chunkNames: 'chunks/[name]-[hash]',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node22',
	jsx: 'automatic',
	external,
	plugins: [yogaWithoutFetch],
	// React and Ink pick their production code at build time (the development build is several times slower).
	define: {'process.env.NODE_ENV': '"production"'},
	// CommonJS dependencies (React) call require() for Node built-ins; an ES module has no require of its own. Built-ins
	// come straight from process.getBuiltinModule; Node's CommonJS loader is made only for a package (and only once).
	banner: {
		js: 'var __csrRequireOf;const require=Object.assign((id)=>globalThis.process.getBuiltinModule(id)??(__csrRequireOf??=globalThis.process.getBuiltinModule("node:module").createRequire(import.meta.url))(id),{resolve:(...args)=>(__csrRequireOf??=globalThis.process.getBuiltinModule("node:module").createRequire(import.meta.url)).resolve(...args)});',
	},
	// Source maps for `--verbose` stack traces (bin/csr.js turns them on only then: reading them costs startup).
	sourcemap: 'linked',
	legalComments: 'none',
	metafile: true,
	logLevel: 'warning',
});

// src/ reaches the package root as `new URL('../../package.json', import.meta.url)` (cli/program.ts) and
// `'../../templates/'` (templates/lookup.ts): from src/<folder>/<file>. The same must hold in dist/.
const outputs = Object.keys(result.metafile.outputs).filter((path) => path.endsWith('.js'));
for (const path of outputs) {
	const parts = relative(outdir, join(root, path)).split(sep);
	if (parts.length !== 2) throw new Error(`build: ${path} is not at dist/<folder>/<file>.js`);
}

/**
 * Built-ins without their ES facade: `import {readFileSync} from "node:fs"` becomes
 * `const {readFileSync} = globalThis.process.getBuiltinModule("node:fs")`. An ES import of a built-in makes Node build
 * a facade that reads every export once: `node:process` then loads the diagnostic report and the list of allowed
 * flags, `node:fs` its streams and promises, `node:util` TextDecoder; with commander's child_process (now loaded when
 * first used) about 8 ms of `csr --version`. Only files in no import cycle with another output are rewritten: in a
 * cycle, code of this file could run before these lines do.
 */
const builtins = new Set(
	builtinModules.flatMap((name) => (name.startsWith('node:') ? [name] : [name, `node:${name}`])),
);
const staticImports = (path) =>
	result.metafile.outputs[path].imports.filter((entry) => entry.kind === 'import-statement' && !entry.external);
function isInCycle(start) {
	const seen = new Set();
	const stack = staticImports(start).map((entry) => entry.path);
	while (stack.length > 0) {
		const next = stack.pop();
		if (next === start) return true;
		if (seen.has(next)) continue;
		seen.add(next);
		stack.push(...staticImports(next).map((entry) => entry.path));
	}
	return false;
}
const builtinImport =
	/^import\s+(?:([\w$]+)\s*,\s*)?(?:(\{[^}]*\})|\*\s+as\s+([\w$]+)|([\w$]+))?\s*(?:from\s*)?"([^"]+)";$/gm;
/** Built-in modules Node has loaded before any of csr's code runs: nothing to save by loading them later. */
const loadedAtStart = new Set(
	JSON.parse(
		execFileSync(process.execPath, ['-e', 'console.log(JSON.stringify(process.moduleLoadList))'], {encoding: 'utf8'}),
	).flatMap((entry) => (entry.startsWith('NativeModule ') ? [entry.slice('NativeModule '.length)] : [])),
);
const require = createRequire(import.meta.url);
/** A module object that loads the built-in on first use. */
const lazyBuiltin =
	'function __csrLazyBuiltin(id){let m;const get=()=>m??=globalThis.process.getBuiltinModule(id);return new Proxy({},{get:(_,k)=>get()[k],set:(_,k,v)=>{get()[k]=v;return true},has:(_,k)=>k in get(),ownKeys:()=>Reflect.ownKeys(get()),getOwnPropertyDescriptor:(_,k)=>{const d=Reflect.getOwnPropertyDescriptor(get(),k);return d&&{...d,configurable:true}}});}';
/** The source with its built-in imports as constants on the banner's line (so line numbers and source maps hold). */
function withoutFacades(source, file) {
	const constants = [];
	const body = source.replace(builtinImport, (statement, defaultAndNamed, named, namespace, plain, specifier) => {
		if (!builtins.has(specifier)) return statement;
		const module = `globalThis.process.getBuiltinModule(${JSON.stringify(specifier)})`;
		if (named === undefined) {
			const name = namespace ?? plain;
			// A whole module not loaded yet is loaded at its first use (commander's child_process: only for executable
			// subcommands); one that is a function (events, module) cannot be, nor need be.
			const isLazy = !loadedAtStart.has(specifier.replace(/^node:/, '')) && typeof require(specifier) !== 'function';
			const value = /^(node:)?process$/.test(specifier)
				? 'globalThis.process'
				: isLazy
					? `__csrLazyBuiltin(${JSON.stringify(specifier)})`
					: module;
			if (name !== undefined) constants.push(`const ${name} = ${value};`);
		} else {
			if (/\bdefault\b/.test(named)) throw new Error(`build: ${file}: cannot rewrite ${statement}`);
			const bindings = named
				.slice(1, -1)
				.split(',')
				.map((binding) => binding.trim())
				.filter(Boolean)
				.map((binding) => binding.split(/\s+as\s+/));
			// A function of a module not loaded yet (terminal-size's execFileSync, a randomUUID) loads it when first called.
			// Constructors (capitalised) and values are read now.
			const isLoaded = loadedAtStart.has(specifier.replace(/^node:/, ''));
			const isLazy = ([name]) => !isLoaded && /^[a-z]/.test(name) && typeof require(specifier)[name] === 'function';
			const eager = bindings.filter((binding) => !isLazy(binding));
			for (const binding of bindings.filter(isLazy)) {
				const [name, local = name] = binding;
				constants.push(`function ${local}(...args){return ${module}.${name}(...args);}`);
			}
			const pattern = `{ ${eager.map(([name, local]) => (local === undefined ? name : `${name}: ${local}`)).join(', ')} }`;
			if (defaultAndNamed !== undefined)
				constants.push(`const ${defaultAndNamed} = ${module}, ${pattern} = ${defaultAndNamed};`);
			else if (eager.length > 0) constants.push(`const ${pattern} = ${module};`);
		}
		// Built-ins have no dependencies: declared first, they are ready before any code of this file runs.
		return '\n'.repeat(statement.split('\n').length - 1);
	});
	if (constants.length === 0) return source;
	if (constants.some((constant) => constant.includes('__csrLazyBuiltin('))) constants.unshift(lazyBuiltin);
	const lineEnd = body.indexOf('\n');
	if (!body.startsWith('var __csrRequireOf;')) throw new Error(`build: ${file} does not start with the banner`);
	return `${body.slice(0, lineEnd)}${constants.join('')}${body.slice(lineEnd)}`;
}
for (const path of outputs) {
	if (isInCycle(path)) continue;
	const file = join(root, path);
	const source = readFileSync(file, 'utf8');
	const rewritten = withoutFacades(source, path);
	if (rewritten !== source) writeFileSync(file, rewritten);
}

// Which sources each output holds, for tests/e2e/lazy-loading.test.ts (what a command loads, by package).
const inputsByOutput = Object.fromEntries(
	outputs.map((path) => [
		relative(outdir, join(root, path)).split(sep).join('/'),
		Object.keys(result.metafile.outputs[path].inputs),
	]),
);
mkdirSync(dirname(join(outdir, 'inputs.json')), {recursive: true});
writeFileSync(join(outdir, 'inputs.json'), `${JSON.stringify(inputsByOutput, null, '\t')}\n`);
