import type {Context, GlobalOptions} from '../../context.js';
import {UsageError} from '../../errors.js';
import {retryOutbox} from '../../services/outbox.js';
import {findOutboxItem, listOutbox, type OutboxItem, removeOutboxItem} from '../../store/outbox.js';
import {csvRow} from '../../text/csv.js';
import {toDisplayLine, toSafeJson} from '../../text/display-text.js';
import {activeProfile, formatOf} from '../options.js';
import {createResultPrinter} from '../output/results.js';
import {formatTable} from '../output/table.js';

export type OutboxFlags = {yes?: boolean; force?: boolean; all?: boolean};

const toJson = (item: OutboxItem) => ({
	id: item.id,
	profile: item.profile,
	ticketId: item.ticketId,
	public: item.isPublic,
	template: item.template,
	body: item.body,
	createdAt: item.createdAt,
	attempts: item.attempts,
	lastError: item.lastError,
	lastAttemptAt: item.lastAttemptAt,
	failedAt: item.failedAt,
});

export async function runOutboxList(globals: GlobalOptions, context: Context): Promise<void> {
	const profile = activeProfile(context, globals);
	const items = listOutbox(context.store(), profile.name);
	const format = formatOf(globals);
	if (globals.quiet !== true) hintFailed(items, context);
	if (format === 'json') context.io.stdout.write(`${toSafeJson(items.map(toJson), 2)}\n`);
	else if (format === 'ndjson') context.io.stdout.write(items.map((item) => `${toSafeJson(toJson(item))}\n`).join(''));
	else if (format === 'csv') {
		context.io.stdout.write(
			csvRow(['id', 'ticket_id', 'public', 'template', 'created_at', 'attempts', 'last_error', 'failed_at', 'body']) +
				items
					.map((item) =>
						csvRow([
							item.id,
							item.ticketId,
							item.isPublic,
							item.template,
							item.createdAt,
							item.attempts,
							item.lastError,
							item.failedAt,
							item.body,
						]),
					)
					.join(''),
		);
	} else {
		if (items.length === 0) {
			if (context.io.stderrIsTty) context.io.stderr.write('The outbox is empty.\n');
			return;
		}
		context.io.stdout.write(
			formatTable(
				items,
				[
					{header: 'ID', width: 8, value: (item) => item.id.slice(0, 8)},
					{header: 'TICKET', width: 7, value: (item) => `#${item.ticketId}`},
					{header: 'KIND', width: 6, value: (item) => (item.isPublic ? 'reply' : 'note')},
					{header: 'TRIES', width: 5, value: (item) => String(item.attempts)},
					{header: 'STATE', width: 7, value: (item) => (item.failedAt === null ? 'waiting' : 'failed')},
					{header: 'LAST ERROR', width: 40, value: (item) => toDisplayLine(item.lastError ?? '')},
					{header: 'MESSAGE', value: (item) => toDisplayLine(item.body)},
				],
				context.io.columns,
				false,
			),
		);
	}
}

/** Items a retry refused for good will not go through by retrying: say what to do with them, in every format. */
function hintFailed(items: readonly OutboxItem[], context: Context): void {
	const failed = items.filter((item) => item.failedAt !== null);
	if (failed.length === 0) return;
	const ids = failed.map((item) => item.id.slice(0, 8)).join(' ');
	context.io.stderr.write(
		`csr: ${failed.length} message(s) failed for good (see LAST ERROR). Discard with: csr outbox drop ${ids} --yes` +
			'\n(or, if the ticket only changed since, send anyway with csr outbox retry ID --force)\n',
	);
}

function pick(ids: readonly string[], all: OutboxItem[], context: Context): OutboxItem[] {
	if (ids.length === 0) return all;
	return ids.map((id) => {
		const item = findOutboxItem(context.store(), id);
		if (item === undefined || !all.some((candidate) => candidate.id === item.id))
			throw new UsageError(`no outbox item ${id} for this profile`, 'See csr outbox list.');
		return item;
	});
}

export async function runOutboxRetry(
	ids: string[],
	flags: OutboxFlags,
	globals: GlobalOptions,
	context: Context,
): Promise<void> {
	const profile = activeProfile(context, globals);
	const db = context.store();
	const items = pick(ids, listOutbox(db, profile.name), context);
	if (items.length === 0) {
		context.io.stderr.write('The outbox is empty.\n');
		return;
	}
	const desk = await context.openHelpDesk(profile, {verbose: globals.verbose === true});
	try {
		const printer = createResultPrinter(globals, context, items.length);
		const results = await retryOutbox(
			{desk, db, profile: profile.name, agent: profile.profile.email, now: context.now, signal: context.signal},
			items,
			{force: flags.force === true, onResult: (result, done, total) => printer.onResult(result, done, total)},
		);
		printer.finish(results, {
			interrupted: context.signal.aborted && results.length < items.length,
			resumeHint: 'csr outbox retry',
		});
	} finally {
		await desk.close();
	}
}

export async function runOutboxDrop(
	ids: string[],
	flags: OutboxFlags,
	globals: GlobalOptions,
	context: Context,
): Promise<void> {
	const profile = activeProfile(context, globals);
	const db = context.store();
	if (ids.length === 0 && !flags.all) throw new UsageError('give outbox item ids, or --all');
	const items = pick(flags.all ? [] : ids, listOutbox(db, profile.name), context);
	if (!flags.yes) {
		if (!context.io.stdinIsTty)
			throw new UsageError(`refusing to drop ${items.length} undelivered message(s) without --yes`);
		if (!(await context.confirm(`Discard ${items.length} undelivered message(s)? They will not be sent.`)))
			throw new UsageError('cancelled; nothing dropped');
	}
	for (const item of items) removeOutboxItem(db, item.id);
	context.io.stderr.write(`dropped ${items.length} message(s) from the outbox\n`);
}
