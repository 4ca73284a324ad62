#!/usr/bin/env node
// npm run bench: prints medians for speed and memory goals. Each scripts/bench/*.mjs exports
// `name` and `run(tools)`; pass names as arguments to run only some (e.g. `npm run bench -- startup`).
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {availableParallelism, loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'csr.js');

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A fresh sandbox (HOME, config and data dirs) so benches never touch the user's own data. */
function sandbox() {
	const home = mkdtempSync(join(tmpdir(), 'csr-bench-'));
	const env = {
		PATH: process.env.PATH,
		HOME: home,
		CSR_CONFIG_DIR: join(home, 'config'),
		CSR_DATA_DIR: join(home, 'data'),
		NO_COLOR: '1',
	};
	return {home, env, cleanup: () => rmSync(home, {recursive: true, force: true})};
}

/** Runs a command `runs` times and returns wall-clock times in ms (and peak RSS in MB with /usr/bin/time when asked). */
function time(command, args, {env, runs = 15, input} = {}) {
	const times = [];
	for (let index = 0; index < runs; index++) {
		const started = process.hrtime.bigint();
		const result = spawnSync(command, args, {env, input, stdio: ['pipe', 'ignore', 'pipe'], maxBuffer: 1 << 30});
		const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
		if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
		times.push(elapsed);
	}
	return times;
}

/** Peak resident memory of one run, in MB (GNU time's %M, or Node's own report as a fallback). */
function peakRssMb(args, {env}) {
	const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, ...args], {
		env,
		stdio: ['ignore', 'ignore', 'pipe'],
		maxBuffer: 1 << 30,
	});
	if (result.error || result.status !== 0) return null;
	const lines = result.stderr.toString().trim().split('\n');
	return Number(lines.at(-1)) / 1024;
}

function csr(args, options) {
	const result = spawnSync(process.execPath, [bin, ...args], {...options, maxBuffer: 1 << 30});
	if (result.status !== 0) throw new Error(`csr ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
	return result;
}

function report(label, values, unit = 'ms') {
	const shown = typeof values === 'number' ? values : median(values);
	console.log(`${label.padEnd(58)} ${shown.toFixed(1).padStart(9)} ${unit}`);
	return shown;
}

const tools = {root, bin, median, sandbox, time, csr, report, peakRssMb, node: process.execPath};
const wanted = process.argv.slice(2);
const benchDir = join(root, 'scripts', 'bench');
console.log(`csr benchmarks — node ${process.version}, ${new Date().toISOString()}`);
// Numbers from a busy machine are slower: say how busy it was, at the start and at the end.
const load = () =>
	`load average ${loadavg()
		.map((value) => value.toFixed(2))
		.join(' ')} on ${availableParallelism()} cores`;
console.log(load());
process.on('exit', () => console.log(`\n${load()}`));
for (const file of readdirSync(benchDir)
	.filter((name) => name.endsWith('.mjs'))
	.sort()) {
	const bench = await import(pathToFileURL(join(benchDir, file)).href);
	if (wanted.length > 0 && !wanted.includes(bench.name)) continue;
	console.log(`\n# ${bench.name}`);
	await bench.run(tools);
}
