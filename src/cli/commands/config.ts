import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {globalsOf} from '../globals.js';

export function registerConfigCommand(program: Command, context: Context): void {
	const config = program.command('config').description('read and change settings');
	config
		.command('get')
		.description('print a setting (all settings without a key)')
		.argument('[key]')
		.action(async (key: string | undefined, _flags: unknown, command: Command) => {
			const {runConfigGet} = await import('../run/config.js');
			await runConfigGet(key, globalsOf(command), context);
		});
	config
		.command('set')
		.description('change a setting')
		.argument('<key>')
		.argument('<value>')
		.action(async (key: string, value: string, _flags: unknown, command: Command) => {
			const {runConfigSet} = await import('../run/config.js');
			await runConfigSet(key, value, globalsOf(command), context);
		});
	config
		.command('path')
		.description('print where the config file and data directory are')
		.action(async (_flags: unknown, command: Command) => {
			const {runConfigPath} = await import('../run/config.js');
			await runConfigPath(globalsOf(command), context);
		});
}
