#!/usr/bin/env node
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 19)) {
	process.stderr.write(
		`csr: Node.js ${process.versions.node} is too old; csr needs 22.19 or newer.\n` +
			'Run `. scripts/ensure-node.sh` in the csr checkout (it installs Node 24), or use ./csr.\n',
	);
	process.exit(2);
}
// Reuse V8's compiled code across runs: startup time is most of a short command's time.
const {enableCompileCache} = await import('node:module');
enableCompileCache?.();
const {main} = await import('../dist/main.js');
const {productionContext} = await import('../dist/production.js');
// React (loaded only by `csr tui`) picks its build on first import; the development build is several times slower.
process.env.NODE_ENV ??= 'production';
process.exitCode = await main(process.argv.slice(2), productionContext());
