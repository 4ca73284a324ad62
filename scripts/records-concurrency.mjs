#!/usr/bin/env node
// Several csr processes writing the interaction log at once: each child runs `csr log add` N times through csr's own
// entry point (main() from the built dist/, in-process, so no per-record process spawn), all against one fresh
// CSR_DATA_DIR. The children wait at a barrier so they start writing together. Afterwards the parent checks the count,
// PRAGMA integrity_check, and how often the writers interleaved.
//
//   npm run build && node scripts/records-concurrency.mjs [--records 1000] [--processes 2] [--home DIR] [--dist DIR]
//
// Prints one JSON line: {processes, perProcess, records, expected, integrity, interleavings, ms}. Exit 0 when the
// count is exact and the database is intact, 1 otherwise.
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createInterface} from 'node:readline';
import {DatabaseSync} from 'node:sqlite';
import {fileURLToPath, pathToFileURL} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
	const index = args.indexOf(name);
	return index === -1 ? fallback : args[index + 1];
};

function envFor(home) {
	return {HOME: home, CSR_CONFIG_DIR: join(home, 'config'), CSR_DATA_DIR: join(home, 'data'), NO_COLOR: '1'};
}

async function child() {
	const home = option('--home');
	const tag = option('--tag');
	const count = Number(option('--records', '1000'));
	const dist = option('--dist', join(root, 'dist'));
	const load = (path) => import(pathToFileURL(join(dist, path)).href);
	const [{main}, {createContext}, {createTestIo}] = await Promise.all([
		load('cli/main.js'),
		load('cli/production.js'),
		load('io/streams.js'),
	]);
	const io = createTestIo();
	const context = createContext({env: envFor(home), io});
	// Barrier: say we are loaded, then wait for the parent's go.
	process.stdout.write('ready\n');
	await new Promise((resolve) => createInterface({input: process.stdin}).once('line', resolve));
	for (let index = 0; index < count; index++) {
		const argv = [
			'log',
			'add',
			'--customer',
			`${tag}@example.com`,
			'--type',
			'call',
			'--summary',
			`${tag} #${index}`,
			'--duration',
			'1m',
		];
		const exitCode = await main(argv, context);
		if (exitCode !== 0) {
			process.stderr.write(`${tag}: csr log add #${index} exited ${exitCode}: ${io.stderrText()}\n`);
			process.exit(1);
		}
	}
	process.exit(0);
}

async function parent() {
	const processes = Number(option('--processes', '2'));
	const perProcess = Number(option('--records', '1000'));
	const ownHome = option('--home') === undefined;
	const home = option('--home') ?? mkdtempSync(join(tmpdir(), 'csr-concurrency-'));
	const started = performance.now();
	try {
		const children = Array.from({length: processes}, (_, index) =>
			spawn(
				process.execPath,
				[
					fileURLToPath(import.meta.url),
					'--child',
					'--home',
					home,
					'--tag',
					`p${index}`,
					'--records',
					String(perProcess),
					'--dist',
					option('--dist', join(root, 'dist')),
				],
				{
					stdio: ['pipe', 'pipe', 'inherit'],
				},
			),
		);
		const exits = children.map((process_) => new Promise((resolve) => process_.on('exit', (code) => resolve(code))));
		await Promise.all(
			children.map(
				(process_) => new Promise((resolve) => createInterface({input: process_.stdout}).once('line', resolve)),
			),
		);
		for (const process_ of children) process_.stdin.end('go\n');
		const codes = await Promise.all(exits);
		const ms = Math.round(performance.now() - started);
		const db = new DatabaseSync(join(home, 'data', 'csr.db'), {readOnly: true});
		const records = Number(db.prepare('SELECT COUNT(*) AS n FROM records').get().n);
		const integrity = String(db.prepare('PRAGMA integrity_check').get().integrity_check);
		// How often consecutive rows (in write order) came from different processes: > 0 means they really overlapped.
		let interleavings = 0;
		let previous;
		for (const row of db.prepare('SELECT customer_email FROM records ORDER BY rowid').iterate()) {
			if (previous !== undefined && row.customer_email !== previous) interleavings += 1;
			previous = row.customer_email;
		}
		db.close();
		const expected = processes * perProcess;
		const result = {processes, perProcess, records, expected, integrity, interleavings, childExitCodes: codes, ms};
		process.stdout.write(`${JSON.stringify(result)}\n`);
		process.exitCode = records === expected && integrity === 'ok' && codes.every((code) => code === 0) ? 0 : 1;
	} finally {
		if (ownHome) rmSync(home, {recursive: true, force: true});
	}
}

await (args.includes('--child') ? child() : parent());
