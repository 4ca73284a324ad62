import type {Command} from 'commander';
import type {GlobalOptions} from '../context.js';

/**
 * Global options as the command sees them (commander merges them with optsWithGlobals). Its own module, free of
 * zod and config, because every command declaration imports it at startup.
 */
export function globalsOf(command: Command): GlobalOptions {
	return command.optsWithGlobals() as GlobalOptions;
}
