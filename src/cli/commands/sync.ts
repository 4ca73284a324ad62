import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {globalsOf} from '../globals.js';
import type {SyncFlags} from '../run/sync.js';

export function registerSyncCommand(program: Command, context: Context): void {
	program
		.command('sync')
		.description('bring the local KPI cache up to date: tickets with their metrics, satisfaction ratings, surveys')
		.option('--full', "forget this profile's cache and read everything again")
		.addHelpText(
			'after',
			'\nIncremental and resumable: an interrupted sync continues where it stopped. `csr stats` syncs by itself when\nthe cache is older than the stats.maxCacheAgeMinutes setting (default 15).',
		)
		.action(async (flags: SyncFlags, command: Command) => {
			const {runSync} = await import('../run/sync.js');
			await runSync(flags, globalsOf(command), context);
		});
}
