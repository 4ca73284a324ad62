#!/usr/bin/env node
// npm run build: bundles src/ into dist/ with esbuild (ESM, code splitting). Startup is most of a short command's
// time, and most of startup was finding and reading modules: `csr --version` loaded 45 files, `csr queue --json` 175
// (zod alone 95), the TUI 530 before its queue was on screen. Bundled, each command loads its entry and a few chunks;
// every dynamic import() in src/ stays a lazily loaded chunk, so heavy dependencies still load only where needed.
// Type checking is `npm run typecheck` (tsc); esbuild only strips types.
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {dirname, join, relative, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist');

/**
 * Entry points: bin/csr.js loads cli/main and cli/production; scripts/team-writer.mjs and records-concurrency.mjs
 * load those and io/streams; the benches load tui/start and templates/*. Everything else is a chunk.
 */
const entryPoints = {
	'cli/main': 'src/main.ts',
	'cli/production': 'src/production.ts',
	'io/streams': 'src/io/streams.ts',
	'tui/start': 'src/tui/start.tsx',
	'templates/suggest': 'src/templates/suggest.ts',
	'templates/lookup': 'src/templates/lookup.ts',
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
	// CommonJS dependencies (React) call require() for Node built-ins; an ES module has no require of its own.
	banner: {
		js: "import {createRequire as __csrRequire} from 'node:module';const require=__csrRequire(import.meta.url);",
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

// Which sources each output holds, for tests/e2e/lazy-loading.test.ts (what a command loads, by package).
const inputsByOutput = Object.fromEntries(
	outputs.map((path) => [
		relative(outdir, join(root, path)).split(sep).join('/'),
		Object.keys(result.metafile.outputs[path].inputs),
	]),
);
mkdirSync(dirname(join(outdir, 'inputs.json')), {recursive: true});
writeFileSync(join(outdir, 'inputs.json'), `${JSON.stringify(inputsByOutput, null, '\t')}\n`);
