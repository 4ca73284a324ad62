import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {ConfigStore} from './config/config-store.js';
import {type Env, resolvePaths} from './config/paths.js';
import type {ResolvedProfile} from './config/profiles.js';
import type {Profile} from './config/schema.js';
import type {Context} from './context.js';
import {UsageError} from './errors.js';
import {type IoStreams, systemIo} from './io/streams.js';
import type {HelpDesk, ProviderSetup} from './providers/help-desk.js';
import type {Database} from './store/database.js';

/** Builds the provider for a profile; shared by the real context and by tests that want real providers. */
export async function openHelpDeskFor(
	resolved: ResolvedProfile,
	options: {
		verbose: boolean;
		dataDir: string;
		now: () => Date;
		stderr: NodeJS.WritableStream;
		config: () => ConfigStore;
		/** $CSR_DEMO_LATENCY_MS: makes the demo desk answer like a remote one (demos of progress, crash tests). */
		demoLatencyMs: number;
		/** csr.db, for the contacts cache of remote desks; without it a desk caches in memory only. */
		store?: (() => Database) | undefined;
	},
): Promise<HelpDesk> {
	const {profile} = resolved;
	const setup: ProviderSetup = {
		profileName: resolved.name,
		baseUrl: profile.url,
		email: profile.email,
		user: profile.user,
		token: resolved.token,
		tokenSource: resolved.tokenSource,
		oauth: profile.oauth,
		saveOAuth: async (tokens) => {
			await options.config().update((config) => {
				const existing = config.profiles[resolved.name];
				if (existing === undefined) return config;
				return {...config, profiles: {...config.profiles, [resolved.name]: {...existing, oauth: tokens}}};
			});
		},
		dataDir: options.dataDir,
		now: options.now,
		log: options.verbose ? (line) => options.stderr.write(`${line}\n`) : undefined,
	};
	switch (profile.provider) {
		case 'demo': {
			const {createDemoHelpDesk} = await import('./providers/demo/demo-help-desk.js');
			const desk = createDemoHelpDesk(setup);
			return options.demoLatencyMs > 0 ? withLatency(desk, options.demoLatencyMs) : desk;
		}
		case 'zendesk': {
			const {createZendeskHelpDesk} = await import('./providers/zendesk/zendesk-help-desk.js');
			return createZendeskHelpDesk(setup);
		}
		case 'freshdesk': {
			const {createFreshdeskHelpDesk} = await import('./providers/freshdesk/freshdesk-help-desk.js');
			return createFreshdeskHelpDesk({...setup, contacts: await contactCacheFor(setup, options.store)});
		}
		case 'rt': {
			const {createRtHelpDesk} = await import('./providers/rt/rt-help-desk.js');
			return createRtHelpDesk({...setup, maxAttachmentBytes: await rtMaxAttachmentBytes(profile, options.config)});
		}
		case 'zammad': {
			const {createZammadHelpDesk} = await import('./providers/zammad/zammad-help-desk.js');
			return createZammadHelpDesk(setup);
		}
		case 'helpscout': {
			const {createHelpScoutHelpDesk} = await import('./providers/helpscout/helpscout-help-desk.js');
			return createHelpScoutHelpDesk(setup);
		}
		default:
			throw new UsageError(`the ${profile.provider} provider is not available yet`, 'Use a demo or zendesk profile.');
	}
}

/** The profile's contacts cache in csr.db; undefined (memory only) when there is no store or it cannot be opened. */
async function contactCacheFor(
	setup: ProviderSetup,
	store: (() => Database) | undefined,
): Promise<ProviderSetup['contacts']> {
	if (store === undefined) return undefined;
	try {
		const {openContactCache} = await import('./store/contact-cache.js');
		return openContactCache(store(), setup.profileName, setup.now);
	} catch (error) {
		// The cache saves requests; a store that cannot be opened must not stop a read of the desk.
		setup.log?.(`contacts cache unavailable: ${error instanceof Error ? error.message : String(error)}`);
		return undefined;
	}
}

/** Delays every call of a desk, as a network would. */
function withLatency(desk: HelpDesk, latencyMs: number): HelpDesk {
	const delay = () => new Promise((resolve) => setTimeout(resolve, latencyMs));
	// Every call of the desk, optional capabilities included (knowledge base, creation, macros): a wrapper that listed
	// methods by name would drop the ones it did not know, and their type guards would then say the desk lacks them.
	return new Proxy(desk, {
		get(target, name, receiver) {
			const value: unknown = Reflect.get(target, name, receiver);
			if (typeof value !== 'function' || name === 'close') return value;
			return async (...args: unknown[]) => {
				await delay();
				return (value as (...callArgs: unknown[]) => unknown).apply(target, args);
			};
		},
	});
}

export type ContextOptions = {
	readonly env: Env;
	readonly io: IoStreams;
	readonly now?: () => Date;
	readonly signal?: AbortSignal;
	readonly cwd?: string;
};

/** A real context: real config and data directories, real providers. Tests pass test streams and temp dirs. */
export function createContext(options: ContextOptions): Context {
	const {env, io} = options;
	const paths = resolvePaths(env);
	const now = options.now ?? (() => new Date());
	let config: ConfigStore | undefined;
	let database: Database | undefined;
	const context: Context = {
		io,
		env,
		paths,
		cwd: options.cwd ?? process.cwd(),
		now,
		signal: options.signal ?? new AbortController().signal,
		prepare: loadStoreModules,
		config() {
			if (config === undefined) {
				// Loaded lazily: `csr --version` must not pay for conf and zod.
				config = loadConfigStore(paths.configDir);
			}
			return config;
		},
		openHelpDesk: (resolved, {verbose}) =>
			openHelpDeskFor(resolved, {
				verbose,
				dataDir: paths.dataDir,
				now,
				stderr: io.stderr,
				config: context.config,
				demoLatencyMs: Number(env['CSR_DEMO_LATENCY_MS'] ?? 0) || 0,
				store: () => context.store(),
			}),
		store() {
			if (database === undefined) database = loadDatabase(join(paths.dataDir, 'csr.db'));
			return database;
		},
		editText: async (initial, fileName) => editInEditor(env, initial, fileName),
		confirm: async (question) => {
			const {createInterface} = await import('node:readline/promises');
			const readline = createInterface({input: io.stdin, output: io.stderr});
			try {
				const answer = await readline.question(`${question} [y/N] `);
				return /^y(es)?$/i.test(answer.trim());
			} finally {
				readline.close();
			}
		},
	};
	return context;
}

// Synchronous loaders behind lazy getters; required on first use only.
let configModule: typeof import('./config/config-store.js') | undefined;
let databaseModule: typeof import('./store/database.js') | undefined;

async function loadStoreModules(): Promise<void> {
	configModule ??= await import('./config/config-store.js');
	databaseModule ??= await import('./store/database.js');
}

function loadConfigStore(configDir: string): ConfigStore {
	if (configModule === undefined) throw new Error('config module not loaded');
	return configModule.openConfigStore(configDir);
}

function loadDatabase(path: string): Database {
	if (databaseModule === undefined) throw new Error('database module not loaded');
	return databaseModule.openDatabase(path);
}

async function editInEditor(env: Env, initial: string, fileName: string): Promise<string> {
	const {spawnSync} = await import('node:child_process');
	const editor = env['VISUAL'] || env['EDITOR'] || 'vi';
	const directory = mkdtempSync(join(tmpdir(), 'csr-edit-'));
	const file = join(directory, fileName.replace(/[^A-Za-z0-9._-]/g, '_'));
	try {
		writeFileSync(file, initial, {mode: 0o600});
		// The editor string may carry arguments ("code --wait"); run it through the shell like git does.
		const result = spawnSync(`${editor} "$CSR_EDIT_FILE"`, {
			shell: true,
			stdio: 'inherit',
			env: {...process.env, CSR_EDIT_FILE: file},
		});
		if (result.status !== 0)
			throw new UsageError(
				`the editor (${editor}) exited with status ${result.status ?? 'unknown'}`,
				'Nothing was sent.',
			);
		return readFileSync(file, 'utf8');
	} finally {
		rmSync(directory, {recursive: true, force: true});
	}
}

/** The context `bin/csr.js` runs with: the process's streams and environment, Ctrl-C → abort. */
export function productionContext(): Context {
	const controller = new AbortController();
	let interrupts = 0;
	process.on('SIGINT', () => {
		interrupts += 1;
		if (interrupts > 1) process.exit(130);
		controller.abort();
	});
	// Personal data and tokens: nothing csr creates should be readable by others.
	process.umask(0o077);
	const noColor = process.argv.includes('--no-color');
	return createContext({env: process.env, io: systemIo(process.env, noColor), signal: controller.signal});
}

/** The RT server's `$MaxAttachmentSize` as the profile (or the global setting) says it; undefined: RT's default. */
async function rtMaxAttachmentBytes(profile: Profile, config: () => ConfigStore): Promise<number | undefined> {
	const own = profile.rtMaxAttachmentBytes;
	if (own !== null && own !== undefined) return own;
	const raw = config().read().settings['rt.maxAttachmentSize'];
	if (raw === undefined) return undefined;
	const {settingDefinitions} = await import('./config/schema.js');
	const global = settingDefinitions['rt.maxAttachmentSize'].parse.safeParse(raw);
	return global.success ? global.data : undefined;
}
