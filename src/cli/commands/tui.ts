import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {globalsOf} from '../globals.js';

export function registerTuiCommand(program: Command, context: Context): void {
	program
		.command('tui')
		.description('the full-screen workstation: queue, thread, replies with templates (also `csr` alone on a terminal)')
		.addHelpText(
			'after',
			'\nKeys: j/k move, enter open, r reply, n note, s status, a assign, e escalate, f follow-up, / filter,\nspace select, g refresh, ? all keys, q back or quit.\n\nExamples:\n  csr\n  csr tui --profile acme',
		)
		.action(async (_flags: unknown, command: Command) => {
			const {runTui} = await import('../run/tui.js');
			await runTui(globalsOf(command), context);
		});
}
