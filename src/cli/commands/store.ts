import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {globalsOf} from '../globals.js';
import type {StorePushFlags} from '../run/store.js';

export function registerStoreCommand(program: Command, context: Context): void {
	const store = program
		.command('store')
		.description('the team store (PostgreSQL) that holds the shared interaction log and follow-ups');
	store
		.command('test')
		.description('connect to the team store and check its schema version')
		.action(async (_flags: unknown, command: Command) => {
			const {runStoreTest} = await import('../run/store.js');
			await runStoreTest(globalsOf(command), context);
		});
	store
		.command('migrate')
		.description("create or update the team store's tables (as the database owner)")
		.action(async (_flags: unknown, command: Command) => {
			const {runStoreMigrate} = await import('../run/store.js');
			await runStoreMigrate(globalsOf(command), context);
		});
	store
		.command('status')
		.description('push what waits on this machine for the team store, and show what still waits')
		.addHelpText('after', '\nExit code 0 when nothing waits, 75 when records or follow-ups still wait.')
		.action(async (_flags: unknown, command: Command) => {
			const {runStoreStatus} = await import('../run/store.js');
			await runStoreStatus(globalsOf(command), context);
		});
	store
		.command('push')
		.description(
			"share this machine's records and follow-ups from before the team store (idempotent: nothing goes twice)",
		)
		.option('--dry-run', 'count what would be pushed, send nothing')
		.addHelpText('after', '\nExamples:\n  csr store push --dry-run\n  csr store push')
		.action(async (flags: StorePushFlags, command: Command) => {
			const {runStorePush} = await import('../run/store.js');
			await runStorePush(flags, globalsOf(command), context);
		});
}
