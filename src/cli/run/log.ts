import {open} from 'node:fs/promises';
import type {Context, GlobalOptions} from '../../context.js';
import {LogType, logTypes, Outcome, outcomes} from '../../domain/records.js';
import {durationForms, parseDuration, parseWhen, whenForms} from '../../domain/time.js';
import {FailedError, UsageError} from '../../errors.js';
import {checkAttachments, readAttachmentFile} from '../../services/attachments.js';
import {checkLogTicketInput, logWithNewTicket} from '../../services/logged-tickets.js';
import {
	type Actor,
	actionsOfTypes,
	getRecord,
	type ImportFormat,
	importRecords,
	isEmail,
	type LogInput,
	listRecords,
	logInteraction,
	purgeCustomer,
	readImportRows,
	recordTypeNames,
	toRecordJson,
} from '../../services/records.js';
import {createSqliteRecordStore, type RecordQuery, type RecordStore} from '../../store/record-store.js';
import {teamStoreOf} from '../../store/team-queue.js';
import {createTeamRecordStore} from '../../store/team-record-store.js';
import {toDisplayLine, toSafeJson} from '../../text/display-text.js';
import {
	activeProfile,
	canShowProgress,
	colorOf,
	formatOf,
	maxLimit,
	parseList,
	parsePositiveInt,
	parseTicketId,
} from '../options.js';
import {createPaint} from '../output/paint.js';
import {formatInstant, formatRecordDetail, formatRecords, toFollowUpJson, writeRecordPages} from '../output/records.js';

export type LogAddFlags = {
	ticket?: string;
	customer?: string;
	customerName?: string;
	type?: string;
	summary?: string;
	duration?: string;
	outcome?: string;
	followup?: string;
	createTicket?: boolean;
	subject?: string;
	attach?: string[];
};

export type LogFilterFlags = {
	ticket?: string;
	customer?: string;
	type?: string;
	outcome?: string;
	since?: string;
	until?: string;
	agent?: string;
	limit?: string;
	all?: boolean;
};

export type LogPurgeFlags = {customer?: string; yes?: boolean};

/**
 * The record store of this command: the local database, or the team store when one is configured (the database
 * handle is then routed to it, see cli/team-routing.ts). Warnings (a write kept locally) go to stderr.
 */
export function recordStoreOf(context: Context): RecordStore {
	const db = context.store();
	const target = teamStoreOf(db);
	if (target === undefined) return createSqliteRecordStore(db);
	return createTeamRecordStore(db, target, {
		now: context.now,
		onWarning: (message) => context.io.stderr.write(`csr: ${toDisplayLine(message)}\n`),
	});
}

function parseEmail(flag: string, raw: string): string {
	const email = raw.trim();
	if (!isEmail(email)) throw new UsageError(`invalid ${flag} "${raw}": expected an email address`);
	return email;
}

/** `--since 7d`, `--until 2026-12-01`, … as an ISO instant; a bad value exits 2 with the accepted forms. */
export function parseInstantFlag(flag: string, raw: string, now: Date, direction: 'past' | 'future'): string {
	const when = parseWhen(raw, now, direction);
	if (when === null) throw new UsageError(`invalid ${flag} "${raw}": expected ${whenForms}`);
	return when.toISOString();
}

function parseOne<T extends string>(flag: string, raw: string, allowed: readonly T[]): T {
	const value = raw.trim().toLowerCase();
	if (!(allowed as readonly string[]).includes(value)) {
		throw new UsageError(`invalid ${flag} "${raw}": expected one of ${allowed.join(', ')}`);
	}
	return value as T;
}

function agentEmailOf(context: Context, globals: GlobalOptions): string | null {
	const {profile} = activeProfile(context, globals);
	return profile.email ?? profile.user;
}

export function parseRecordFilters(
	flags: LogFilterFlags,
	globals: GlobalOptions,
	context: Context,
	defaultLimit: number | undefined,
): RecordQuery {
	const now = context.now();
	let agent: string | undefined;
	if (flags.agent !== undefined) {
		agent = flags.agent.trim() === 'me' ? (agentEmailOf(context, globals) ?? '') : flags.agent.trim();
	}
	return {
		ticketId: flags.ticket === undefined ? undefined : parseTicketId('--ticket', flags.ticket),
		customerEmail: flags.customer === undefined ? undefined : parseEmail('--customer', flags.customer),
		actions: flags.type === undefined ? undefined : actionsOfTypes(parseList('--type', flags.type, recordTypeNames)),
		outcomes: flags.outcome === undefined ? undefined : parseList('--outcome', flags.outcome, outcomes),
		since: flags.since === undefined ? undefined : parseInstantFlag('--since', flags.since, now, 'past'),
		until: flags.until === undefined ? undefined : parseInstantFlag('--until', flags.until, now, 'past'),
		agent,
		limit:
			flags.limit !== undefined
				? parsePositiveInt('--limit', flags.limit, maxLimit)
				: flags.all
					? undefined
					: defaultLimit,
	};
}

export async function runLogAdd(flags: LogAddFlags, globals: GlobalOptions, context: Context): Promise<void> {
	const now = context.now();
	const type = parseOne('--type', flags.type ?? '', logTypes);
	let durationSec: number | null = null;
	if (flags.duration !== undefined) {
		durationSec = parseDuration(flags.duration);
		if (durationSec === null) throw new UsageError(`invalid --duration "${flags.duration}": expected ${durationForms}`);
	}
	const input = {
		type: LogType.parse(type),
		ticketId: flags.ticket === undefined ? null : parseTicketId('--ticket', flags.ticket),
		customerEmail: flags.customer === undefined ? null : parseEmail('--customer', flags.customer),
		customerName: flags.customerName?.trim() || null,
		summary: flags.summary ?? '',
		durationSec,
		outcome: flags.outcome === undefined ? null : Outcome.parse(parseOne('--outcome', flags.outcome, outcomes)),
		followUpAt: flags.followup === undefined ? null : parseInstantFlag('--followup', flags.followup, now, 'future'),
	};
	// Offline on purpose: the agent and profile come from the local config, never from the help desk.
	const resolved = activeProfile(context, globals);
	// A record knows its customer from the start, so `log purge --customer` finds it: from --customer, else from what
	// csr already knows about the ticket, else (best effort, never failing the log) from the desk.
	if (input.ticketId !== null && input.customerEmail === null) {
		const known = await recordStoreOf(context).customerOfTicket(input.ticketId);
		const customer = known ?? (await requesterOf(input.ticketId, resolved, globals, context));
		if (customer !== null)
			Object.assign(input, {customerEmail: customer.email, customerName: input.customerName ?? customer.name});
	}
	const actor = {
		agent: resolved.profile.email ?? resolved.profile.user,
		profile: resolved.name,
		provider: resolved.profile.provider,
	};
	if (flags.createTicket) return logWithTicket(input, actor, resolved, flags, globals, context);
	if (flags.subject !== undefined) throw new UsageError('--subject names a new ticket: use it with --create-ticket');
	if ((flags.attach ?? []).length > 0)
		throw new UsageError(
			'--attach goes with --create-ticket: a logged interaction keeps no files',
			'Add --create-ticket, or send the file with `csr reply ID --attach FILE`.',
		);
	const {record, followUp} = await logInteraction(recordStoreOf(context), input, actor, {now});
	if (formatOf(globals) === 'json') {
		context.io.stdout.write(`${toSafeJson({record, followUp: followUp && toFollowUpJson(followUp)}, 2)}\n`);
		return;
	}
	context.io.stdout.write(`${record.id}\n`);
	if (followUp !== null && canShowProgress(globals, context)) {
		context.io.stderr.write(`follow-up ${followUp.id} due ${formatInstant(followUp.dueAt)} UTC\n`);
	}
}

/** `--create-ticket`: the contact becomes a new ticket (summary as internal note), then the record links to it. */
async function logWithTicket(
	input: LogInput,
	actor: Actor,
	resolved: ReturnType<typeof activeProfile>,
	flags: LogAddFlags,
	globals: GlobalOptions,
	context: Context,
): Promise<void> {
	checkLogTicketInput(input);
	// Read and hashed now; at send they are read again and must hash the same (as `csr new --attach`).
	const attachments = (flags.attach ?? []).map((path) => readAttachmentFile(path, '--attach').planned);
	const desk = await context.openHelpDesk(resolved, {verbose: globals.verbose === true});
	try {
		checkAttachments(desk, attachments, `${resolved.name} (${resolved.profile.provider})`);
		const env = {
			desk,
			db: context.store(),
			profile: resolved.name,
			agent: actor.agent,
			now: context.now,
			signal: context.signal,
		};
		const done = await logWithNewTicket(env, recordStoreOf(context), input, actor, {
			now: context.now(),
			subject: flags.subject,
			attachments,
		});
		if (formatOf(globals) === 'json') {
			const {record, followUp, ticketId, created} = done;
			context.io.stdout.write(
				`${toSafeJson({record, followUp: followUp && toFollowUpJson(followUp), ticketId, created}, 2)}\n`,
			);
			return;
		}
		context.io.stdout.write(`${done.record.id}\n`);
		if (canShowProgress(globals, context)) {
			const what = done.created ? 'opened ticket' : 'ticket already opened by an earlier run:';
			context.io.stderr.write(`${what} ${toDisplayLine(done.ticketId)}\n`);
			if (done.followUp !== null)
				context.io.stderr.write(`follow-up ${done.followUp.id} due ${formatInstant(done.followUp.dueAt)} UTC\n`);
		}
	} finally {
		await desk.close();
	}
}

/** The ticket's requester from the desk; null when the desk cannot say (down, no such ticket, no access). */
async function requesterOf(
	ticketId: string,
	profile: ReturnType<typeof activeProfile>,
	globals: GlobalOptions,
	context: Context,
): Promise<{email: string; name: string | null} | null> {
	try {
		const desk = await context.openHelpDesk(profile, {verbose: globals.verbose === true});
		try {
			const [ticket] = await desk.getTickets([ticketId], context.signal);
			const email = ticket?.requester.email ?? null;
			return email === null ? null : {email, name: ticket?.requester.name ?? null};
		} finally {
			await desk.close();
		}
	} catch {
		return null;
	}
}

export async function runLogList(flags: LogFilterFlags, globals: GlobalOptions, context: Context): Promise<void> {
	const query = parseRecordFilters(flags, globals, context, 50);
	const limit = query.limit;
	// One more than asked tells whether there are more, without a COUNT over the whole log.
	const found = await listRecords(recordStoreOf(context), {
		...query,
		limit: limit === undefined ? undefined : limit + 1,
	});
	const records = limit === undefined ? found : found.slice(0, limit);
	context.io.stdout.write(formatRecords(records, formatOf(globals), {columns: context.io.columns}));
	// Stopping at the limit is said also in a pipe: a script must not take a partial list for the whole.
	if (found.length > records.length && globals.quiet !== true)
		context.io.stderr.write(`Showing the ${records.length} newest records; use --limit or --all for more.\n`);
	if (canShowProgress(globals, context) && records.length === 0) context.io.stderr.write('No records match.\n');
}

export async function runLogShow(id: string, globals: GlobalOptions, context: Context): Promise<void> {
	const record = await getRecord(recordStoreOf(context), id);
	const format = formatOf(globals);
	if (format === 'table') {
		context.io.stdout.write(formatRecordDetail(record, createPaint(colorOf(globals, context))));
	} else if (format === 'json') {
		context.io.stdout.write(`${toSafeJson(toRecordJson(record), 2)}\n`);
	} else {
		context.io.stdout.write(formatRecords([record], format, {columns: context.io.columns}));
	}
}

export async function runLogExport(flags: LogFilterFlags, globals: GlobalOptions, context: Context): Promise<void> {
	const format = formatOf(globals, 'ndjson');
	if (format !== 'ndjson' && format !== 'csv') {
		throw new UsageError(
			`log export writes ndjson or csv, not ${format}`,
			'Use --format ndjson (default) or --format csv.',
		);
	}
	const query: RecordQuery = {...parseRecordFilters(flags, globals, context, undefined), order: 'oldest'};
	// Small pages: a page is what stays alive across a young-generation GC, and V8 grows that generation (and the RSS)
	// when much survives; 50 keeps a 1M-record export near 110 MB where 1,000 reaches 210 MB.
	const pages = recordStoreOf(context).iterateRecords(query, 50);
	const count = await writeRecordPages(context.io.stdout, pages, format);
	if (canShowProgress(globals, context) && !context.io.stdoutIsTty) {
		context.io.stderr.write(`exported ${count} record${count === 1 ? '' : 's'}\n`);
	}
}

export async function runLogImport(file: string, globals: GlobalOptions, context: Context): Promise<void> {
	let format: ImportFormat | undefined;
	if (globals.format === 'ndjson' || globals.format === 'csv') format = globals.format;
	else if (globals.format !== undefined || globals.json) {
		throw new UsageError(
			'log import reads ndjson or csv',
			'Leave --format out to detect it, or give --format ndjson|csv.',
		);
	}
	const handle =
		file === '-'
			? null
			: await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
					throw new UsageError(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
				});
	const source = handle === null ? context.io.stdin : handle.createReadStream();
	const isTty = canShowProgress(globals, context);
	const isVerbose = globals.verbose === true;
	let hasShownProgress = false;
	const clearProgress = (): void => {
		if (hasShownProgress) context.io.stderr.write('\r\u001B[K');
		hasShownProgress = false;
	};
	try {
		const result = await importRecords(recordStoreOf(context), readImportRows(source, format), {
			batchSize: 1000,
			signal: context.signal,
			onBatch: (progress) => {
				// Written only after the batch committed: what is reported here survives a crash.
				hasShownProgress = isTty;
				if (isTty) context.io.stderr.write(`\rimported ${progress.rows} rows (${plural(progress.batches, 'batch')})…`);
				else if (isVerbose)
					context.io.stderr.write(`csr: batch ${progress.batches} committed, ${progress.rows} rows\n`);
			},
		});
		clearProgress();
		if (formatOf(globals) === 'json') {
			context.io.stdout.write(`${toSafeJson({imported: result.imported, present: result.present})}\n`);
		} else {
			context.io.stdout.write(`imported ${result.imported}, already present ${result.present}\n`);
		}
	} finally {
		clearProgress(); // also when the import failed part-way, before the error is printed
		await handle?.close();
	}
}

export async function runLogPurge(flags: LogPurgeFlags, globals: GlobalOptions, context: Context): Promise<void> {
	const email = parseEmail('--customer', flags.customer ?? '');
	const store = recordStoreOf(context);
	if (flags.yes !== true) {
		if (!context.io.stdinIsTty) {
			throw new UsageError(
				`refusing to erase the records of ${email} without confirmation`,
				'There is no terminal to ask on: add --yes.',
			);
		}
		const counts = await store.countCustomer(email);
		const question = `Erase ${plural(counts.records, 'record')} and ${plural(counts.followUps, 'follow-up')} of ${email}? This cannot be undone.`;
		if (counts.records + counts.followUps > 0 && !(await context.confirm(question))) {
			throw new FailedError('nothing was erased');
		}
	}
	const result = await purgeCustomer(store, email);
	if (formatOf(globals) === 'json') {
		context.io.stdout.write(`${toSafeJson({customer: email, ...result}, 2)}\n`);
	} else {
		context.io.stdout.write(
			`erased ${plural(result.records, 'record')} and ${plural(result.followUps, 'follow-up')} of ${toDisplayLine(email)}${result.otherTraces > 0 ? ` (and ${plural(result.otherTraces, 'queued message, draft or journal entry', 'queued messages, drafts or journal entries')})` : ''}${result.mentions > 0 ? `; the address was removed from ${plural(result.mentions, 'other text')}` : ''}\n`,
		);
	}
	if (result.team !== undefined && canShowProgress(globals, context)) {
		context.io.stderr.write(
			`team store ${teamStoreOf(context.store())?.key ?? ''}: erased ${plural(result.team.records, 'record')} and ${plural(result.team.followUps, 'follow-up')}${result.team.vacuumed ? '' : '; VACUUM was not allowed for this role, so the deleted rows stay in the table files until autovacuum (or the owner) runs'}\n`,
		);
	}
	if (!result.scrubbed) {
		context.io.stderr.write(
			'csr: another csr process is reading the database, so old copies may remain in its log file; run the purge again when it has finished.\n',
		);
	}
}

function plural(count: number, noun: string, plural?: string): string {
	if (plural !== undefined) return `${count} ${count === 1 ? noun : plural}`;
	return `${count} ${noun}${count === 1 ? '' : noun.endsWith('h') ? 'es' : 's'}`;
}
