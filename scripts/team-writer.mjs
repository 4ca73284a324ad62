#!/usr/bin/env node
import {join} from 'node:path';
// One agent's machine writing to a team store: runs `csr log add` N times through csr's own entry point (main() from
// the built dist/, in-process: one process, N commands, no per-record spawn) with its own CSR_DATA_DIR and the
// team store from $CSR_STORE_URL. Used by tests/integration/pg-team-store.test.ts (20 of these at once).
//
//   node scripts/team-writer.mjs --home DIR --tag TAG --records N [--dist DIR]    write N records, then exit
//   node scripts/team-writer.mjs --home DIR --drain [--dist DIR]                   `csr store status` until 0 wait
//
// Writes "ready" and waits for a line on stdin before writing; prints "progress K" every 10 records.
import {createInterface} from 'node:readline';
import {fileURLToPath, pathToFileURL} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
	const index = args.indexOf(name);
	return index === -1 ? fallback : args[index + 1];
};
const home = option('--home');
const dist = option('--dist', join(root, 'dist'));
const load = (path) => import(pathToFileURL(join(dist, path)).href);
const [{main}, {createContext}, {createTestIo}] = await Promise.all([
	load('cli/main.js'),
	load('cli/production.js'),
	load('io/streams.js'),
]);
const env = {
	HOME: home,
	CSR_CONFIG_DIR: join(home, 'config'),
	CSR_DATA_DIR: join(home, 'data'),
	CSR_STORE_URL: process.env.CSR_STORE_URL ?? '',
	NO_COLOR: '1',
};
const run = async (argv) => {
	const io = createTestIo();
	const code = await main(argv, createContext({env, io}));
	return {code, stdout: io.stdoutText(), stderr: io.stderrText()};
};

if (args.includes('--drain')) {
	for (let attempt = 0; attempt < 50; attempt++) {
		const result = await run(['store', 'status', '--json']);
		if (result.code === 0) {
			process.stdout.write(result.stdout);
			process.exit(0);
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	process.stderr.write('the queue did not drain\n');
	process.exit(1);
}

const tag = option('--tag');
const count = Number(option('--records', '200'));
process.stdout.write('ready\n');
await new Promise((resolve) => createInterface({input: process.stdin}).once('line', resolve));
for (let index = 0; index < count; index++) {
	const result = await run([
		'log',
		'add',
		'--customer',
		`${tag}@example.com`,
		'--type',
		'call',
		'--summary',
		`${tag} #${index}`,
	]);
	if (result.code !== 0) {
		process.stderr.write(`${tag}: csr log add #${index} exited ${result.code}: ${result.stderr}\n`);
		process.exit(1);
	}
	if ((index + 1) % 10 === 0) process.stdout.write(`progress ${index + 1}\n`);
}
process.exit(0);
