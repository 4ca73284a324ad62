import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {globalsOf} from '../globals.js';
import type {CustomerFlags} from '../run/customer.js';

export function registerCustomerCommand(program: Command, context: Context): void {
	program
		.command('customer')
		.description(
			'the whole customer: profile, every ticket (newest first), records, follow-ups, ratings, drafts, outbox',
		)
		.argument('<email|id>', "the customer's email address, or the desk's id of the customer")
		.option('--limit <n>', 'at most this many tickets, records and follow-ups (default 20)')
		.option('--all', 'every ticket, record and follow-up (follows pages)')
		.option('--no-sync', 'read the ratings from the local KPI cache as it is, without syncing it first')
		.addHelpText(
			'after',
			'\nExamples:\n  csr customer ann@example.com\n  csr customer ann@example.com --json | jq .tickets[].status\n  csr customer 1234 --all',
		)
		.action(async (key: string, flags: CustomerFlags, command: Command) => {
			const {runCustomer} = await import('../run/customer.js');
			await runCustomer(key, flags, globalsOf(command), context);
		});
}
