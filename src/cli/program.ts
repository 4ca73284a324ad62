import {readFileSync} from 'node:fs';
import {Command, Option} from 'commander';
import type {Context} from '../context.js';
import {registerAuthCommand} from './commands/auth.js';
import {registerCompletionCommand} from './commands/completion.js';
import {registerConfigCommand} from './commands/config.js';
import {registerCustomerCommand} from './commands/customer.js';
import {registerDashboardCommand} from './commands/dashboard.js';
import {registerDemoCommand} from './commands/demo.js';
import {registerFeedbackCommand} from './commands/feedback.js';
import {registerFollowupCommand} from './commands/followup.js';
import {registerForwardCommand} from './commands/forward.js';
import {registerKbCommand} from './commands/kb.js';
import {registerLogCommand} from './commands/log.js';
import {registerMergeCommand} from './commands/merge.js';
import {registerNewCommand} from './commands/new.js';
import {registerOutboxCommand} from './commands/outbox.js';
import {registerProfileCommand} from './commands/profile.js';
import {registerQueueCommand} from './commands/queue.js';
import {registerReplyCommand} from './commands/reply.js';
import {registerReportCommand} from './commands/report.js';
import {registerShowCommand} from './commands/show.js';
import {registerStatsCommand} from './commands/stats.js';
import {registerStoreCommand} from './commands/store.js';
import {registerSurveyCommand} from './commands/survey.js';
import {registerSyncCommand} from './commands/sync.js';
import {registerTemplatesCommand} from './commands/templates.js';
import {registerTuiCommand} from './commands/tui.js';
import {registerUpdateCommands} from './commands/update.js';
import {globalsOf} from './globals.js';

function readVersion(): string {
	const packageJson = new URL('../../package.json', import.meta.url);
	return (JSON.parse(readFileSync(packageJson, 'utf8')) as {version: string}).version;
}

/** Commander's messages in csr's voice: "csr: unknown command 'lsit' (did you mean list?)". */
function inCsrWords(text: string): string {
	const message = text.startsWith('error: ') ? `csr: ${text.slice(7)}` : text;
	return message.replace(/\n\(Did you mean (.+)\?\)/, ' (did you mean $1?)');
}

/** Root options that take a value: the word after them is no command. */
const rootOptionsWithValue = new Set(['--profile', '--format']);

/**
 * Which commands `argv` needs declared: its command word's (`queue`), none for `csr --version`, the workstation's for
 * `csr` on a terminal, else all (help, completion, a typo's suggestions). Declaring all ~30 commands with their
 * ~300 options was a fifth of `csr --version`; a command word no declaration claims (a typo) declares them all.
 */
function neededBy(argv: readonly string[], context: Context): ((names: readonly string[]) => boolean) | 'all' {
	const words = [...argv];
	while (words.length > 0) {
		const word = words.shift() as string;
		if (word === '--') break;
		if (rootOptionsWithValue.has(word)) words.shift();
		else if (!word.startsWith('-'))
			return ['help', 'completion'].includes(word) ? 'all' : (names) => names.includes(word);
	}
	const before = argv.slice(0, argv.indexOf('--') === -1 ? argv.length : argv.indexOf('--'));
	if (before.includes('-h') || before.includes('--help')) return 'all';
	if (before.includes('-V') || before.includes('--version')) return () => false;
	if (context.io.stdinIsTty && context.io.stdoutIsTty) return (names) => names.includes('tui');
	return 'all';
}

/**
 * The command tree. Command files only declare flags and lazily import their run module, so `csr --version`
 * and `csr --help` load no more than commander. With `argv`, only the commands it needs are declared.
 */
export function buildProgram(context: Context, argv?: readonly string[]): Command {
	const needed = argv === undefined ? 'all' : neededBy(argv, context);
	if (needed !== 'all') {
		const program = declareProgram(context, needed);
		// Whatever the command word is, it must be declared now; a typo (or a command declared unconditionally that
		// took it) gets the whole tree, with its suggestions.
		const word = argv?.find(
			(candidate, index) => !candidate.startsWith('-') && !rootOptionsWithValue.has(argv[index - 1] ?? ''),
		);
		if (word === undefined || program.commands.some((command) => command.name() === word)) return program;
	}
	return declareProgram(context, () => true);
}

function declareProgram(context: Context, wants: (names: readonly string[]) => boolean): Command {
	const program = new Command('csr')
		.description('A terminal workstation for customer-service agents')
		.version(readVersion(), '-V, --version', 'print the version')
		.addOption(
			new Option('--profile <name>', 'help desk profile to use (default: $CSR_PROFILE, the current profile, or demo)'),
		)
		.addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'ndjson', 'csv']))
		.option('--json', 'same as --format json')
		.option('--no-color', 'no colour in output (also NO_COLOR)')
		.option('--verbose', 'show details: HTTP requests (secrets redacted), causes, stack traces')
		.option('--quiet', 'no progress or hints on stderr')
		.showSuggestionAfterError(true)
		// Set before any .command(): those subcommands inherit it; .addCommand() ones would not.
		.exitOverride()
		.configureOutput({
			writeOut: (text) => context.io.stdout.write(text),
			writeErr: (text) => context.io.stderr.write(text),
			outputError: (text, write) => write(inCsrWords(text)),
		});
	program.hook('preAction', async (_program, action) => {
		await context.prepare();
		const {routeToConfiguredTeamStore} = await import('./team-routing.js');
		const path: string[] = [];
		for (let command: Command | null = action; command?.parent; command = command.parent) path.unshift(command.name());
		routeToConfiguredTeamStore(context, globalsOf(action), path.join(' '));
	});
	if (wants(['queue'])) registerQueueCommand(program, context);
	if (wants(['show'])) registerShowCommand(program, context);
	if (wants(['customer'])) registerCustomerCommand(program, context);
	if (wants(['reply', 'note'])) registerReplyCommand(program, context);
	if (wants(['status', 'assign', 'tag', 'escalate'])) registerUpdateCommands(program, context);
	if (wants(['new'])) registerNewCommand(program, context);
	if (wants(['merge'])) registerMergeCommand(program, context);
	if (wants(['forward'])) registerForwardCommand(program, context);
	if (wants(['outbox'])) registerOutboxCommand(program, context);
	if (wants(['log'])) registerLogCommand(program, context);
	if (wants(['followup'])) registerFollowupCommand(program, context);
	if (wants(['store'])) registerStoreCommand(program, context);
	if (wants(['kb'])) registerKbCommand(program, context);
	if (wants(['feedback'])) registerFeedbackCommand(program, context);
	if (wants(['survey'])) registerSurveyCommand(program, context);
	if (wants(['stats'])) registerStatsCommand(program, context);
	if (wants(['report'])) registerReportCommand(program, context);
	if (wants(['dashboard'])) registerDashboardCommand(program, context);
	if (wants(['sync'])) registerSyncCommand(program, context);
	if (wants(['profile'])) registerProfileCommand(program, context);
	if (wants(['auth'])) registerAuthCommand(program, context);
	if (wants(['config'])) registerConfigCommand(program, context);
	if (wants(['completion'])) registerCompletionCommand(program, context);
	if (wants(['demo'])) registerDemoCommand(program, context);
	if (wants(['templates'])) registerTemplatesCommand(program, context);
	if (wants(['tui'])) registerTuiCommand(program, context);
	program
		.command('help')
		.description('show help for csr or one of its commands (same as --help)')
		.argument('[command...]', 'a command, e.g. queue or log list')
		.action(async (words: string[]) => {
			const {helpFor} = await import('./unknown-command.js');
			helpFor(program, words);
		});
	// Words the root was given that are no command are a typo, not arguments; settings made here are not inherited.
	program.allowExcessArguments(true);
	program.action(async () => {
		if (program.args.length > 0) {
			const {rejectStrayWords} = await import('./unknown-command.js');
			rejectStrayWords(program, program);
		}
		if (context.io.stdinIsTty && context.io.stdoutIsTty) {
			const tui = program.commands.find((command) => command.name() === 'tui');
			if (tui) return tui.parseAsync([], {from: 'user'}) as unknown as Promise<void>;
		}
		program.outputHelp();
	});
	return program;
}
