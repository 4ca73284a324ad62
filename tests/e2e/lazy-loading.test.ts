import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createSandbox} from '../support/e2e.js';
import {createLoadRecorder} from '../support/load-recorder.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** scripts/build.mjs writes which sources each bundled file holds. */
const inputsByOutput = JSON.parse(readFileSync(join(root, 'dist', 'inputs.json'), 'utf8')) as Record<string, string[]>;

/** Packages that only the commands needing them may load: the TUI, templates, desks over HTTP, Postgres, charts. */
const heavy = [
	'ink',
	'react',
	'react-reconciler',
	'yoga-layout',
	'liquidjs',
	'yaml',
	'html-to-text',
	'pg',
	'pg-cursor',
	'echarts',
	'undici',
	'date-holidays',
	'conf',
	'@orama/stemmers',
];

const box = createSandbox();
const recorder = createLoadRecorder(box.home);

function packageOf(path: string): string | null {
	const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
	return match?.[1] ?? null;
}

/** Runs the built csr and returns the npm packages whose code it loaded: from node_modules, or inside dist's bundle. */
async function packagesLoadedBy(args: string[]): Promise<Set<string>> {
	const result = await box.csr(args, {env: recorder.env()});
	expect(result.exitCode, result.stderr).toBe(0);
	const urls = recorder.loaded();
	const packages = new Set<string>();
	for (const url of urls) {
		if (!url.startsWith('file:')) continue;
		const path = fileURLToPath(url).split('\\').join('/');
		const inDist = path.split('/dist/')[1];
		const sources = path.startsWith(`${root.split('\\').join('/')}dist/`) && inDist ? inputsByOutput[inDist] : [path];
		expect(sources, `${path} is not in dist/inputs.json: rebuild`).toBeDefined();
		for (const source of sources ?? []) {
			const name = packageOf(source);
			if (name) packages.add(name);
		}
	}
	return packages;
}

beforeAll(async () => {
	expect((await box.csr(['demo', 'reset', '--tickets', '300', '--seed', '7'])).exitCode).toBe(0);
});
afterAll(() => box.cleanup());

describe('what a short command loads', () => {
	it('csr --version loads commander and no other package', async () => {
		expect([...(await packagesLoadedBy(['--version']))]).toEqual(['commander']);
	});

	it('csr queue --json loads no heavy package (the TUI, templates, HTTP, Postgres, charts stay unloaded)', async () => {
		const packages = await packagesLoadedBy(['queue', '--json']);
		// What it needs is seen, so an empty answer cannot pass for a lean one.
		expect(packages).toContain('commander');
		expect(packages).toContain('zod');
		expect(heavy.filter((name) => packages.has(name))).toEqual([]);
	});

	it('sees a heavy package when a command does load one', async () => {
		const packages = await packagesLoadedBy(['templates', 'render', 'delivery-delay', '--ticket', '13']);
		expect(packages).toContain('liquidjs');
	});
});
