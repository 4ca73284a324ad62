import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';

/**
 * A module hook (`NODE_OPTIONS=--import=…`) that writes the URL of every module the built csr loads, worker threads
 * included, to a file in `dir`: which files a command loaded, for tests of what it loads.
 */
export function createLoadRecorder(dir: string) {
	const file = join(dir, 'loads.txt');
	const hook = join(dir, 'record-loads.mjs');
	writeFileSync(
		hook,
		`import {registerHooks} from 'node:module';
import {appendFileSync} from 'node:fs';
registerHooks({load(url, context, next) { appendFileSync(${JSON.stringify(file)}, url + '\\n'); return next(url, context); }});
`,
	);
	return {
		/** The environment that records; the file is emptied first. */
		env(): Record<string, string> {
			writeFileSync(file, '');
			return {NODE_OPTIONS: `--import=${pathToFileURL(hook).href}`};
		},
		/** The URLs loaded since env() was last called. */
		loaded(): string[] {
			return readFileSync(file, 'utf8').split('\n').filter(Boolean);
		},
	};
}
