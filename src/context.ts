import type {ConfigStore} from './config/config-store.js';
import type {Env, Paths} from './config/paths.js';
import type {ResolvedProfile} from './config/profiles.js';
import type {IoStreams} from './io/streams.js';
import type {HelpDesk} from './providers/help-desk.js';
import type {Database} from './store/database.js';

/** Everything a command needs from the outside world; tests build one with buffers, temp dirs and a fixed clock. */
export type Context = {
	readonly io: IoStreams;
	readonly env: Env;
	readonly paths: Paths;
	/** Where csr was started (team templates live in ./.csr/templates). */
	readonly cwd: string;
	readonly now: () => Date;
	/** Aborted on Ctrl-C. */
	readonly signal: AbortSignal;
	/** Loads what config() and store() need; runs before any command action, never for --version or --help. */
	prepare(): Promise<void>;
	config(): ConfigStore;
	/** The provider for a profile. Tests inject fakes here. */
	openHelpDesk(profile: ResolvedProfile, options: {verbose: boolean}): Promise<HelpDesk>;
	/** csr's local database (records, follow-ups, journal, outbox, drafts, sync cache), opened once. */
	store(): Database;
	/** Lets the agent edit text in $VISUAL/$EDITOR and returns the result. */
	editText(initial: string, fileName: string): Promise<string>;
	/** Asks a yes/no question on the terminal; only called when a TTY can answer. */
	confirm(question: string): Promise<boolean>;
};

/** Options every command accepts (PRODUCT.md §3). */
export type GlobalOptions = {
	readonly profile?: string | undefined;
	readonly format?: 'table' | 'json' | 'ndjson' | 'csv' | undefined;
	readonly json?: boolean | undefined;
	readonly color?: boolean | undefined;
	readonly verbose?: boolean | undefined;
	readonly quiet?: boolean | undefined;
};
