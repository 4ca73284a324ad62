import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {globalsOf} from '../globals.js';
import type {NewFlags} from '../run/new.js';

export function registerNewCommand(program: Command, context: Context): void {
	program
		.command('new')
		.description('open a ticket for a customer with your first public message (or many: --to -, --var-file)')
		.option('--to <email>', 'the requester; comma-separated for several, - to read one email a line from stdin')
		.option('--name <name>', "the requester's name when the desk does not know them yet")
		.option('--subject <text>', 'the ticket subject')
		.option('--template <name>', 'render this template for each requester (csr templates list)')
		.option('--body <text>', 'the message text (placeholders work, as in reply --body: {{ vars.name }})')
		.option('--body-file <path>', 'read the message from a file')
		.option('--raw', 'send --body or --body-file text exactly as typed, placeholders and all')
		.option(
			'--var-file <csv>',
			'per-requester template variables: a CSV with an email column (and the recipients when no --to)',
		)
		.option('--channel <channel>', 'email, phone or chat (default email)')
		.option('--status <status>', 'status of the new ticket (default new, open when assigned)')
		.option('--tag <tag>', 'tag the new ticket (repeatable)', (value: string, previous: string[] = []) => [
			...previous,
			value,
		])
		.option(
			'--cc <email>',
			'copy this address on the new ticket (repeatable)',
			(value: string, previous: string[] = []) => [...previous, value],
		)
		.option(
			'--attach <file>',
			"attach this file to the first message (repeatable; checked against the desk's size limit first)",
			(value: string, previous: string[] = []) => [...previous, value],
		)
		.option('--group <name>', 'put the ticket in this group')
		.option('--assignee <who>', 'me or an agent email')
		.option('--locale <locale>', 'template locale')
		.option('--dry-run', 'render and show what would be created; change nothing')
		.option('-y, --yes', 'do not ask before opening more than one ticket')
		.addHelpText(
			'after',
			'\nExamples:\n  csr new --to ann@example.com --subject "Your order" --body "Hi Ann, …"\n  cut -d, -f1 list.txt | csr new --to - --subject "Outage" --template outage-notice --yes\n  csr new --var-file customers.csv --subject "Your renewal" --template renewal --yes\n  csr new --var-file customers.csv --subject "Your order" --body "Hi {{ vars.first_name }}, your order {{ vars.order }} ships today." --yes\n  csr new --to ann@example.com --subject "Your return label" --template send-label --attach label.pdf',
		)
		.action(async (flags: NewFlags, command: Command) => {
			const {runNew} = await import('../run/new.js');
			await runNew(flags, globalsOf(command), context);
		});
}
