import {readFileSync} from 'node:fs';
import {Command, Option} from 'commander';
import type {Context} from '../context.js';
import {registerAuthCommand} from './commands/auth.js';
import {registerCompletionCommand} from './commands/completion.js';
import {registerConfigCommand} from './commands/config.js';
import {registerDemoCommand} from './commands/demo.js';
import {registerFollowupCommand} from './commands/followup.js';
import {registerKbCommand} from './commands/kb.js';
import {registerLogCommand} from './commands/log.js';
import {registerOutboxCommand} from './commands/outbox.js';
import {registerProfileCommand} from './commands/profile.js';
import {registerQueueCommand} from './commands/queue.js';
import {registerReplyCommand} from './commands/reply.js';
import {registerReportCommand} from './commands/report.js';
import {registerShowCommand} from './commands/show.js';
import {registerStatsCommand} from './commands/stats.js';
import {registerStoreCommand} from './commands/store.js';
import {registerSyncCommand} from './commands/sync.js';
import {registerTemplatesCommand} from './commands/templates.js';
import {registerTuiCommand} from './commands/tui.js';
import {registerUpdateCommands} from './commands/update.js';
import {globalsOf} from './globals.js';

function readVersion(): string {
	const packageJson = new URL('../../package.json', import.meta.url);
	return (JSON.parse(readFileSync(packageJson, 'utf8')) as {version: string}).version;
}

/**
 * The command tree. Command files only declare flags and lazily import their run module, so `csr --version`
 * and `csr --help` load no more than commander.
 */
export function buildProgram(context: Context): Command {
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
			outputError: (text, write) => write(text.startsWith('error:') ? `csr: ${text.slice(7)}` : text),
		});
	program.hook('preAction', async (_program, action) => {
		await context.prepare();
		const {routeToConfiguredTeamStore} = await import('./team-routing.js');
		const path: string[] = [];
		for (let command: Command | null = action; command?.parent; command = command.parent) path.unshift(command.name());
		routeToConfiguredTeamStore(context, globalsOf(action), path.join(' '));
	});
	registerQueueCommand(program, context);
	registerShowCommand(program, context);
	registerReplyCommand(program, context);
	registerUpdateCommands(program, context);
	registerOutboxCommand(program, context);
	registerLogCommand(program, context);
	registerFollowupCommand(program, context);
	registerStoreCommand(program, context);
	registerKbCommand(program, context);
	registerStatsCommand(program, context);
	registerReportCommand(program, context);
	registerSyncCommand(program, context);
	registerProfileCommand(program, context);
	registerAuthCommand(program, context);
	registerConfigCommand(program, context);
	registerCompletionCommand(program, context);
	registerDemoCommand(program, context);
	registerTemplatesCommand(program, context);
	registerTuiCommand(program, context);
	program.action(async () => {
		if (context.io.stdinIsTty && context.io.stdoutIsTty) {
			const tui = program.commands.find((command) => command.name() === 'tui');
			if (tui) return tui.parseAsync([], {from: 'user'}) as unknown as Promise<void>;
		}
		program.outputHelp();
	});
	return program;
}
