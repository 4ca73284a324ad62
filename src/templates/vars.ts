import {UsageError} from '../errors.js';
import {varNamePattern} from './front-matter.js';

/** `--var KEY=VALUE` flags (repeatable) → values by name; the value may contain `=`, the last of a repeated key wins. */
export function parseVarFlags(flags: readonly string[] | undefined): Record<string, string> {
	const vars: Record<string, string> = {};
	for (const flag of flags ?? []) {
		const separator = flag.indexOf('=');
		const key = separator === -1 ? '' : flag.slice(0, separator).trim();
		if (!varNamePattern.test(key)) {
			throw new UsageError(
				`invalid --var "${flag}": expected KEY=VALUE`,
				'KEY is letters, digits and _ (like order_id); for example --var order_id=A-1001.',
			);
		}
		vars[key] = flag.slice(separator + 1);
	}
	return vars;
}
