import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {globalsOf} from '../globals.js';
import type {OutboxFlags} from '../run/outbox.js';

export function registerOutboxCommand(program: Command, context: Context): void {
	const outbox = program.command('outbox').description('replies that could not be delivered yet');
	outbox
		.command('list')
		.description('list undelivered messages of the active profile')
		.action(async (_flags: unknown, command: Command) => {
			const {runOutboxList} = await import('../run/outbox.js');
			await runOutboxList(globalsOf(command), context);
		});
	outbox
		.command('retry')
		.description('send what the outbox holds (each item once; drift is checked again)')
		.argument('[ids...]', 'outbox item ids (default: all of the active profile)')
		.option('--force', 'send even if the ticket changed since the message was written')
		.option('-y, --yes', 'accepted like on the other bulk commands (retrying sends what was already confirmed)')
		.action(async (ids: string[], flags: OutboxFlags, command: Command) => {
			const {runOutboxRetry} = await import('../run/outbox.js');
			await runOutboxRetry(ids, flags, globalsOf(command), context);
		});
	outbox
		.command('drop')
		.description('discard undelivered messages')
		.argument('[ids...]', 'outbox item ids')
		.option('--all', 'every item of the active profile')
		.option('-y, --yes', 'do not ask')
		.action(async (ids: string[], flags: OutboxFlags, command: Command) => {
			const {runOutboxDrop} = await import('../run/outbox.js');
			await runOutboxDrop(ids, flags, globalsOf(command), context);
		});
}
