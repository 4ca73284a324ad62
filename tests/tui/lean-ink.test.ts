import {execFileSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Imports Ink in a fresh Node (built code, as `csr tui` runs) and reports what was loaded. */
function importInk(lean: boolean): {render: string; esToolkitModules: number; barrel: boolean} {
	const script = `
		import {registerHooks} from 'node:module';
		const urls = [];
		registerHooks({load(url, context, next) { urls.push(url); return next(url, context); }});
		${lean ? "(await import('./dist/cli/run/lean-ink.js')).loadInkLean();" : ''}
		const ink = await import('ink');
		console.log(JSON.stringify({
			render: typeof ink.render,
			esToolkitModules: urls.filter((url) => url.includes('/es-toolkit/')).length,
			barrel: urls.some((url) => url.endsWith('/es-toolkit/dist/compat/index.mjs')),
		}));`;
	const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {cwd: root, encoding: 'utf8'});
	return JSON.parse(output);
}

describe('loadInkLean', () => {
	it('keeps Ink working while loading a handful of es-toolkit modules instead of its 400-module barrel', () => {
		const plain = importInk(false);
		const lean = importInk(true);
		expect(plain).toMatchObject({render: 'function', barrel: true});
		expect(plain.esToolkitModules).toBeGreaterThan(100);
		expect(lean).toMatchObject({render: 'function', barrel: false});
		expect(lean.esToolkitModules).toBeLessThan(10);
	});
});
