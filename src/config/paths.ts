import {homedir} from 'node:os';
import {join} from 'node:path';

export type Env = Readonly<Record<string, string | undefined>>;

export type Paths = {readonly configDir: string; readonly dataDir: string};

/** $CSR_CONFIG_DIR else XDG config home; $CSR_DATA_DIR else XDG data home (PRODUCT.md §2). */
export function resolvePaths(env: Env): Paths {
	const home = env['HOME'] || homedir();
	const configHome = env['XDG_CONFIG_HOME'] || join(home, '.config');
	const dataHome = env['XDG_DATA_HOME'] || join(home, '.local', 'share');
	return {
		configDir: env['CSR_CONFIG_DIR'] || join(configHome, 'csr'),
		dataDir: env['CSR_DATA_DIR'] || join(dataHome, 'csr'),
	};
}
