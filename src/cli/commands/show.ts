import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {globalsOf} from '../globals.js';
import type {ShowFlags} from '../run/show.js';

export function registerShowCommand(program: Command, context: Context): void {
	program
		.command('show')
		.description('show a ticket: header, customer context and the thread, oldest first')
		.argument('<id>', 'ticket id')
		.option('--save-attachments <dir>', "save the thread's attachments in DIR (safe file names) instead of showing it")
		.option('--force', 'with --save-attachments: overwrite files already in DIR')
		.addHelpText(
			'after',
			'\nExamples:\n  csr show 12\n  csr show 12 --json | jq .messages[].text\n  csr show 12 --save-attachments ~/Downloads/ticket-12',
		)
		.action(async (id: string, flags: ShowFlags, command: Command) => {
			const {runShow} = await import('../run/show.js');
			await runShow(id, globalsOf(command), context, flags);
		});
}
