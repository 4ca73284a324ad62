import type {Command} from 'commander';
import type {Context} from '../../context.js';
import {globalsOf} from '../globals.js';
import type {LogAddFlags, LogFilterFlags, LogPurgeFlags} from '../run/log.js';

function withFilters(command: Command): Command {
	return command
		.option('--ticket <id>', 'only this ticket')
		.option('--customer <email>', 'only this customer (case-insensitive)')
		.option('--type <list>', 'comma-separated: call,chat,email,visit,note or reply,status,assign,tag,escalate')
		.option('--outcome <list>', 'comma-separated: resolved,escalated,follow-up,no-answer')
		.option('--since <when>', 'from this time on: 7d, 24h, 30m, or a date/datetime (UTC)')
		.option('--until <when>', 'before this time (exclusive): same forms as --since')
		.option('--agent <email>', 'only this agent (me: the active profile)')
		.option('--limit <n>', 'at most this many records');
}

export function registerLogCommand(program: Command, context: Context): void {
	const log = program
		.command('log')
		.description('interaction records: what you did in csr and the calls, chats and visits you log');
	log
		.command('add')
		.description('log work that happened outside the help desk (prints the record id)')
		.option('--ticket <id>', 'the ticket it belongs to')
		.option('--customer <email>', 'the customer (required without --ticket)')
		.option('--customer-name <name>', "the customer's name")
		.requiredOption('--type <type>', 'call, chat, email, visit or note')
		.requiredOption('--summary <text>', 'what happened')
		.option('--duration <time>', 'handle time: 45s, 7m, 1h30m, 1:30:00, or 90 (minutes)')
		.option('--outcome <outcome>', 'resolved, escalated, follow-up or no-answer')
		.option('--followup <when>', 'also set a follow-up: 2d, 4h, or a date/datetime (UTC)')
		.option('--create-ticket', 'open a ticket for --customer with the summary as an internal note, and link the record')
		.option('--subject <text>', 'subject of the ticket --create-ticket opens (default: "Phone call: <summary>")')
		.option(
			'--attach <file>',
			"with --create-ticket: attach this file to the ticket's first note (repeatable; the desk's limits checked first)",
			(value: string, previous: string[] = []) => [...previous, value],
		)
		.addHelpText(
			'after',
			'\nExamples:\n  csr log add --ticket 42 --type call --summary "Explained the refund" --duration 7m --outcome resolved\n  csr log add --customer ann@example.com --type call --summary "No answer" --outcome no-answer --followup 1d\n  csr log add --customer ann@example.com --type call --summary "Parcel lost; promised a refund" --create-ticket',
		)
		.action(async (flags: LogAddFlags, command: Command) => {
			const {runLogAdd} = await import('../run/log.js');
			await runLogAdd(flags, globalsOf(command), context);
		});
	withFilters(log.command('list').description('list records, newest first (default 50)'))
		.option('--all', 'every matching record')
		.action(async (flags: LogFilterFlags, command: Command) => {
			const {runLogList} = await import('../run/log.js');
			await runLogList(flags, globalsOf(command), context);
		});
	log
		.command('show')
		.description('one record in full')
		.argument('<id>', 'record id (or a unique prefix of 4+ characters)')
		.action(async (id: string, _flags: unknown, command: Command) => {
			const {runLogShow} = await import('../run/log.js');
			await runLogShow(id, globalsOf(command), context);
		});
	withFilters(log.command('export').description('stream records, oldest first, as ndjson (default) or --format csv'))
		.addHelpText(
			'after',
			'\nExamples:\n  csr log export --since 30d > records.ndjson\n  csr log export --format csv --customer ann@example.com',
		)
		.action(async (flags: LogFilterFlags, command: Command) => {
			const {runLogExport} = await import('../run/log.js');
			await runLogExport(flags, globalsOf(command), context);
		});
	log
		.command('import')
		.description('import records from an export (ndjson or csv; re-importing adds nothing twice)')
		.argument('<file>', 'a file, or - for stdin')
		.addHelpText('after', '\nThe format is detected from the content; --format ndjson|csv forces it.')
		.action(async (file: string, _flags: unknown, command: Command) => {
			const {runLogImport} = await import('../run/log.js');
			await runLogImport(file, globalsOf(command), context);
		});
	log
		.command('purge')
		.description("erase a customer's records and follow-ups, leaving no copy in the database files")
		.requiredOption('--customer <email>', 'the customer (case-insensitive)')
		.option('--yes', 'do not ask for confirmation (needed without a terminal)')
		.action(async (flags: LogPurgeFlags, command: Command) => {
			const {runLogPurge} = await import('../run/log.js');
			await runLogPurge(flags, globalsOf(command), context);
		});
}
