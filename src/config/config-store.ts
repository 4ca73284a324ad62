import {chmodSync, mkdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import * as z from 'zod';
import {UsageError} from '../errors.js';
import {ConfigFile} from './schema.js';

export type ConfigStore = {
	readonly path: string;
	read(): ConfigFile;
	update(change: (config: ConfigFile) => ConfigFile): Promise<ConfigFile>;
};

/**
 * The config file: read with a plain JSON parse (most commands only read, and `conf` with its JSON-schema engine
 * costs ~100 ms to load), written through conf with an explicit cwd (no `-nodejs` suffix) and mode 0600. Validated
 * with zod either way; a broken file is an error naming it, never silently replaced.
 */
export function openConfigStore(configDir: string): ConfigStore {
	const path = join(configDir, 'config.json');
	const parse = (raw: unknown): ConfigFile => {
		const parsed = ConfigFile.safeParse(raw);
		if (!parsed.success) {
			throw new UsageError(
				`config file ${path} is invalid:\n${z.prettifyError(parsed.error)}`,
				'Fix the file or run `csr config path` to find it.',
			);
		}
		return parsed.data;
	};
	const readRaw = (): unknown => {
		let text: string;
		try {
			text = readFileSync(path, 'utf8');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
			throw new UsageError(
				`cannot read the config file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
			);
		}
		try {
			return text.trim() === '' ? {} : JSON.parse(text);
		} catch (error) {
			throw new UsageError(
				`config file ${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
				'Fix or move the file, then run the command again.',
			);
		}
	};
	return {
		path,
		read: () => parse(readRaw()),
		async update(change) {
			const next = ConfigFile.parse(change(parse(readRaw())));
			mkdirSync(configDir, {recursive: true, mode: 0o700});
			const {default: Conf} = await import('conf');
			const conf = new Conf<Record<string, unknown>>({
				cwd: configDir,
				configName: 'config',
				projectSuffix: '',
				configFileMode: 0o600,
				clearInvalidConfig: false,
			});
			conf.store = next as unknown as Record<string, unknown>;
			// conf creates the file with configFileMode, but a file made by hand keeps its mode; tighten it.
			chmodSync(path, 0o600);
			return next;
		},
	};
}
