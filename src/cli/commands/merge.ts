import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {globalsOf} from '../globals.js';
import type {MergeFlags} from '../run/merge.js';

export function registerMergeCommand(program: Command, context: Context): void {
	program
		.command('merge')
		.description('merge duplicate tickets into one: the sources are closed with a note naming the target')
		.argument('<source...>', 'ticket ids to merge (closed afterwards)')
		.requiredOption('--into <target>', 'the ticket that stays open and gets a note naming the sources')
		.option('--comment <text>', 'your words for the notes (the placeholders of templates work, as in reply --body)')
		.option('--raw', 'use --comment exactly as typed (no placeholders)')
		.option('--dry-run', 'read the tickets and show the plan; change nothing')
		.option('-y, --yes', 'do not ask before merging (required without a terminal)')
		.addHelpText(
			'after',
			'\nExamples:\n  csr merge 4512 --into 4498 --dry-run\n  csr merge 4512 4513 --into 4498 --comment "Same order, one thread" --yes',
		)
		.action(async (sources: string[], flags: MergeFlags, command: Command) => {
			const {runMerge} = await import('../run/merge.js');
			await runMerge(sources, flags, globalsOf(command), context);
		});
}
