import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {globalsOf} from '../globals.js';
import type {ReplyFlags} from '../run/reply.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

function addMessageOptions(command: Command): Command {
	return command
		.option('--template <name>', 'render this template for each ticket (csr templates list)')
		.option('--macro <id>', 'apply a help desk macro (Zendesk): rendered by the desk, sent by csr')
		.option(
			'--body <text>',
			'the message text; {{ ticket.requester.first_name }} and the other template variables are filled',
		)
		.option('--body-file <path>', 'read the message from a file (- for stdin); placeholders filled as for --body')
		.option('--editor', 'edit the message in $VISUAL/$EDITOR (pre-filled with the rendered template)')
		.option('--raw', 'send --body, --body-file or --editor text exactly as typed, placeholders and all')
		.option('--var <key=value>', 'a template variable (repeatable)', collect)
		.option('--attach <file>', "attach this file (repeatable; checked against the desk's size limit first)", collect)
		.option('--cc <email>', 'copy this address on the reply (repeatable; public replies only)', collect)
		.option('--locale <locale>', "template locale (default: the requester's, then the profile's, then en)")
		.option('--status <status>', 'set this status with the message (new, open, pending, on-hold, solved)')
		.option('--dry-run', 'render and show what would be sent; change nothing')
		.option('-y, --yes', 'do not ask before writing to more than one ticket')
		.option('--concurrency <n>', 'tickets in flight at once (default from config, 4)')
		.option('--force', 'send even if the ticket changed or already got this reply')
		.option('--resume <run-id>', 'continue an interrupted bulk run');
}

export function registerReplyCommand(program: Command, context: Context): void {
	addMessageOptions(
		program
			.command('reply')
			.description('send a public reply (or --internal note) to one or many tickets')
			.argument('[ids...]', 'ticket ids, or - to read them from stdin')
			.option('--internal', 'an internal note instead of a public reply'),
	)
		.addHelpText(
			'after',
			'\nExamples:\n  csr reply 12 --template delivery-delay\n  csr reply 12 --body "Thanks, Anna — refunded." --status solved\n  csr reply 12 --template return-label --attach label.pdf --cc warehouse@example.com\n  csr queue --tag outage --ids | csr reply - --template outage-notice --yes\n  csr reply --resume r1a2b3c4d5',
		)
		.action(async (ids: string[], flags: ReplyFlags, command: Command) => {
			const {runReply} = await import('../run/reply.js');
			await runReply(ids, flags, globalsOf(command), context);
		});
	addMessageOptions(
		program
			.command('note')
			.description('add an internal note (same as reply --internal)')
			.argument('[ids...]', 'ticket ids, or - to read them from stdin'),
	).action(async (ids: string[], flags: ReplyFlags, command: Command) => {
		const {runReply} = await import('../run/reply.js');
		await runReply(ids, {...flags, internal: true}, globalsOf(command), context);
	});
}
