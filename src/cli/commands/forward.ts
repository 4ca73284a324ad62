import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {globalsOf} from '../globals.js';
import type {ForwardFlags} from '../run/forward.js';

export function registerForwardCommand(program: Command, context: Context): void {
	program
		.command('forward')
		.description("send a ticket's thread to a third party (a carrier, a warehouse); recorded on the ticket as a note")
		.argument('<id>', 'the ticket to forward')
		.requiredOption('--to <email>', 'who gets it (repeatable)', (value: string, previous: string[] = []) => [
			...previous,
			value,
		])
		.option('--note <text>', 'your words above the forwarded messages (placeholders work, as in reply --body)')
		.option('--raw', 'use --note exactly as typed (no placeholders)')
		.option('--last', 'forward only the last public message, not the whole thread')
		.option(
			'--attach <file>',
			"send this file with it (repeatable; checked against the desk's size limit first)",
			(value: string, previous: string[] = []) => [...previous, value],
		)
		.option('--dry-run', 'show what would be sent; change nothing')
		.addHelpText(
			'after',
			'\nExamples:\n  csr forward 4512 --to claims@carrier.example --note "Parcel 1Z99 arrived damaged, photo attached by the customer"\n  csr forward 4512 --to stock@warehouse.example --to lead@warehouse.example --last\n  csr forward 4512 --to claims@carrier.example --attach damage.jpg --attach invoice.pdf',
		)
		.action(async (id: string, flags: ForwardFlags, command: Command) => {
			const {runForward} = await import('../run/forward.js');
			await runForward(id, flags, globalsOf(command), context);
		});
}
