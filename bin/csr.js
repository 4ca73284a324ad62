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
// (getBuiltinModule, not import(): an imported built-in gets an ES facade that reads every export first.)
process.getBuiltinModule('node:module').enableCompileCache?.();
// --verbose prints stack traces: point them at src/ (dist/ has source maps; reading them costs startup otherwise).
if (process.argv.includes('--verbose')) process.setSourceMapsEnabled(true);
// The bundle has React's production build; packages loaded from node_modules should agree (`||=`: an empty
// NODE_ENV is as good as none).
process.env.NODE_ENV ||= 'production';
// dist/ is esbuild's bundle (scripts/build.mjs): an entry and a few chunks per command.
const [{main}, {productionContext}] = await Promise.all([
	import('../dist/cli/main.js'),
	import('../dist/cli/production.js'),
]);
process.exitCode = await main(process.argv.slice(2), productionContext());
