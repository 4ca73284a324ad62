import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {globalsOf} from '../globals.js';
import type {FollowUpAddFlags, FollowUpListFlags, FollowUpSnoozeFlags} from '../run/followup.js';

export function registerFollowupCommand(program: Command, context: Context): void {
	const followup = program.command('followup').description('follow-ups: reminders to get back to a ticket');
	followup
		.command('add')
		.description('remind yourself to get back to a ticket (prints the follow-up id)')
		.argument('<ticket>', 'ticket id')
		.option('--in <span>', 'due after this long: 30m, 4h, 3d, 1w')
		.option('--at <date>', 'due at this date or datetime (UTC unless it has a zone)')
		.option('--note <text>', 'what to do')
		.option('--customer <email>', "the customer (default: from the ticket's latest record)")
		.option('--to <email>', 'give it to a colleague (needs a team store)')
		.addHelpText(
			'after',
			'\nExamples:\n  csr followup add 42 --in 3d --note "check the refund arrived"\n  csr followup add 42 --at 2026-12-01T09:00',
		)
		.action(async (ticket: string, flags: FollowUpAddFlags, command: Command) => {
			const {runFollowUpAdd} = await import('../run/followup.js');
			await runFollowUpAdd(ticket, flags, globalsOf(command), context);
		});
	followup
		.command('list')
		.description('open follow-ups, soonest first')
		.option('--due', 'only those due today (UTC), overdue included')
		.option('--overdue', 'only those whose time has passed')
		.option('--done', 'only finished ones')
		.option('--all', 'open and finished')
		.option('--limit <n>', 'at most this many')
		.option('--mine', 'only yours, given to you or made by you (default with a team store)')
		.option('--team', "everyone's (with a team store)")
		.action(async (flags: FollowUpListFlags, command: Command) => {
			const {runFollowUpList} = await import('../run/followup.js');
			await runFollowUpList(flags, globalsOf(command), context);
		});
	followup
		.command('done')
		.description('mark a follow-up done')
		.argument('<id>', 'follow-up id (or a unique prefix of 4+ characters)')
		.action(async (id: string, _flags: unknown, command: Command) => {
			const {runFollowUpDone} = await import('../run/followup.js');
			await runFollowUpDone(id, globalsOf(command), context);
		});
	followup
		.command('snooze')
		.description('move a follow-up later')
		.argument('<id>', 'follow-up id (or a unique prefix of 4+ characters)')
		.option('--in <span>', 'due again after this long from now: 1h, 1d, 1w')
		.option('--at <date>', 'due again at this date or datetime')
		.action(async (id: string, flags: FollowUpSnoozeFlags, command: Command) => {
			const {runFollowUpSnooze} = await import('../run/followup.js');
			await runFollowUpSnooze(id, flags, globalsOf(command), context);
		});
}
