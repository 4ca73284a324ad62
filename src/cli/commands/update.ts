import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {globalsOf} from '../globals.js';
import type {UpdateFlags} from '../run/update.js';

export function registerUpdateCommands(program: Command, context: Context): void {
	program
		.command('status')
		.description('set the status of one or many tickets')
		.argument('<ids-and-status...>', 'ticket ids (or -) followed by the status: new, open, pending, on-hold, solved')
		.option('-y, --yes', 'do not ask before changing more than one ticket')
		.addHelpText(
			'after',
			'\nExamples:\n  csr status 12 solved\n  csr queue --tag spam --ids | csr status - closed --yes',
		)
		.action(async (args: string[], flags: UpdateFlags, command: Command) => {
			const {runStatus} = await import('../run/update.js');
			await runStatus(args, flags, globalsOf(command), context);
		});
	program
		.command('assign')
		.description('assign tickets to an agent and/or a group')
		.argument('<ids...>', 'ticket ids, or -')
		.option('--to <who>', 'me, none or an agent email')
		.option('--group <name>', 'a group')
		.option('-y, --yes', 'do not ask before changing more than one ticket')
		.action(async (ids: string[], flags: UpdateFlags, command: Command) => {
			const {runAssign} = await import('../run/update.js');
			await runAssign(ids, flags, globalsOf(command), context);
		});
	program
		.command('tag')
		.description('add (+tag) and remove (-tag) tags; other tags stay')
		.argument('<ids-and-tags...>', 'ticket ids (or -) followed by +ADD and -REMOVE tags')
		.option('-y, --yes', 'do not ask before changing more than one ticket')
		// "-spam" is a tag to remove, not an option.
		.allowUnknownOption()
		.addHelpText('after', '\nExamples:\n  csr tag 12 +vip -spam\n  csr tag 12 13 14 +outage --yes')
		.action(async (args: string[], flags: UpdateFlags, command: Command) => {
			const {runTag} = await import('../run/update.js');
			await runTag(args, flags, globalsOf(command), context);
		});
	program
		.command('escalate')
		.description('hand a ticket to another team: group, internal note with the reason, optional priority')
		.argument('<id>', 'ticket id')
		.requiredOption('--group <name>', 'the team that takes over')
		.requiredOption('--reason <text>', 'why: the internal note the team reads')
		.option('--priority <priority>', 'low, normal, high or urgent')
		.option('--force', 'escalate even if the ticket changed since csr read it')
		.addHelpText(
			'after',
			'\nExample:\n  csr escalate 12 --group Technical --reason "Router reboots every hour; logs attached" --priority high',
		)
		.action(async (id: string, flags: UpdateFlags, command: Command) => {
			const {runEscalate} = await import('../run/update.js');
			await runEscalate(id, flags, globalsOf(command), context);
		});
}
