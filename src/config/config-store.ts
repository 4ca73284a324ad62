import {chmodSync, existsSync, mkdirSync} from 'node:fs';
import {join} from 'node:path';
import Conf from 'conf';
import {z} from 'zod';
import {UsageError} from '../errors.js';
import {ConfigFile} from './schema.js';

export type ConfigStore = {
	readonly path: string;
	read(): ConfigFile;
	update(change: (config: ConfigFile) => ConfigFile): ConfigFile;
};

/** conf with an explicit cwd (no `-nodejs` suffix), mode 0600, validated with zod after loading. */
export function openConfigStore(configDir: string): ConfigStore {
	const path = join(configDir, 'config.json');
	let conf: Conf<Record<string, unknown>> | undefined;
	const open = (): Conf<Record<string, unknown>> => {
		if (conf === undefined) {
			mkdirSync(configDir, {recursive: true, mode: 0o700});
			try {
				conf = new Conf<Record<string, unknown>>({
					cwd: configDir,
					configName: 'config',
					projectSuffix: '',
					configFileMode: 0o600,
					clearInvalidConfig: false,
				});
			} catch (error) {
				throw new UsageError(
					`config file ${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
					'Fix or move the file, then run the command again.',
				);
			}
		}
		return conf;
	};
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
	return {
		path,
		read() {
			if (!existsSync(path)) return parse({});
			return parse(open().store);
		},
		update(change) {
			const store = open();
			const next = ConfigFile.parse(change(parse(store.store)));
			store.store = next as unknown as Record<string, unknown>;
			// conf creates the file with configFileMode, but a file made by hand keeps its mode; tighten it.
			chmodSync(path, 0o600);
			return next;
		},
	};
}
