import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {globalsOf} from '../globals.js';

export function registerShowCommand(program: Command, context: Context): void {
	program
		.command('show')
		.description('show a ticket: header, customer context and the thread, oldest first')
		.argument('<id>', 'ticket id')
		.addHelpText('after', '\nExamples:\n  csr show 12\n  csr show 12 --json | jq .messages[].text')
		.action(async (id: string, _flags: unknown, command: Command) => {
			const {runShow} = await import('../run/show.js');
			await runShow(id, globalsOf(command), context);
		});
}
