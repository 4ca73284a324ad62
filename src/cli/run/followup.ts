import type {Context, GlobalOptions} from '../../context.js';
import {parseSpanMs, spanForms} from '../../domain/time.js';
import {UsageError} from '../../errors.js';
import {
	addFollowUp,
	completeFollowUp,
	countDueFollowUps,
	type FollowUpView,
	formatDueHint,
	listFollowUps,
	snoozeFollowUp,
} from '../../services/followups.js';
import {isEmail} from '../../services/records.js';
import {isTeamRecordStore} from '../../store/team-record-store.js';
import {toDisplayLine, toSafeJson} from '../../text/display-text.js';
import {activeProfile, colorOf, formatOf, maxLimit, parsePositiveInt, parseTicketId} from '../options.js';
import {createPaint} from '../output/paint.js';
import {formatFollowUps, formatInstant, toFollowUpJson} from '../output/records.js';
import {parseInstantFlag, recordStoreOf} from './log.js';

export type FollowUpAddFlags = {in?: string; at?: string; note?: string; customer?: string; to?: string};

export type FollowUpListFlags = {
	due?: boolean;
	overdue?: boolean;
	done?: boolean;
	all?: boolean;
	limit?: string;
	mine?: boolean;
	team?: boolean;
};

export type FollowUpSnoozeFlags = {in?: string; at?: string};

/** --in SPAN or --at DATE, exactly one; a bad value exits 2 with the accepted forms. */
function parseDue(flags: {in?: string; at?: string}, now: Date): Date {
	if ((flags.in === undefined) === (flags.at === undefined)) {
		throw new UsageError('give exactly one of --in and --at', 'For example --in 3d or --at 2026-12-01T09:00.');
	}
	if (flags.in !== undefined) {
		const span = parseSpanMs(flags.in);
		if (span === null) throw new UsageError(`invalid --in "${flags.in}": expected ${spanForms}`);
		return new Date(now.getTime() + span);
	}
	return new Date(parseInstantFlag('--at', flags.at ?? '', now, 'future'));
}

export async function runFollowUpAdd(
	ticket: string,
	flags: FollowUpAddFlags,
	globals: GlobalOptions,
	context: Context,
): Promise<void> {
	const now = context.now();
	const ticketId = parseTicketId('ticket id', ticket);
	const dueAt = parseDue(flags, now);
	const store = recordStoreOf(context);
	const resolved = activeProfile(context, globals);
	const agent = resolved.profile.email ?? resolved.profile.user;
	let assignee: string | null = agent;
	if (flags.to !== undefined) {
		if (!isTeamRecordStore(store)) {
			throw new UsageError(
				'--to needs a team store: without one, follow-ups live on this machine only',
				'Set one with `csr config set store.url postgres://…` (docs/TEAM-STORE.md).',
			);
		}
		assignee = flags.to.trim();
		if (!isEmail(assignee)) throw new UsageError(`invalid --to "${flags.to}": expected an email address`);
	}
	const followUp = await addFollowUp(
		store,
		{
			ticketId,
			dueAt,
			note: flags.note ?? null,
			customerEmail: flags.customer?.trim(),
			profile: resolved.name,
			agent,
			assignee,
		},
		{now},
	);
	if (formatOf(globals) === 'json') context.io.stdout.write(`${toSafeJson(toFollowUpJson(followUp), 2)}\n`);
	else context.io.stdout.write(`${followUp.id}\n`);
}

export async function runFollowUpList(
	flags: FollowUpListFlags,
	globals: GlobalOptions,
	context: Context,
): Promise<void> {
	const now = context.now();
	const view: FollowUpView = flags.overdue
		? 'overdue'
		: flags.due
			? 'due'
			: flags.done
				? 'done'
				: flags.all
					? 'all'
					: 'open';
	const limit = flags.limit === undefined ? undefined : parsePositiveInt('--limit', flags.limit, maxLimit);
	if (flags.mine && flags.team) throw new UsageError('give at most one of --mine and --team');
	const store = recordStoreOf(context);
	// Alone, every follow-up on this machine is the agent's; with a team store, --mine (the default) narrows.
	let assignee: string | undefined;
	if (isTeamRecordStore(store) ? flags.team !== true : flags.mine === true) {
		const {profile} = activeProfile(context, globals);
		assignee = profile.email ?? profile.user ?? undefined;
		if (assignee === undefined) {
			throw new UsageError(
				'csr does not know who you are: the profile has no email or user',
				'Set it with `csr profile add NAME --email YOU@…` again, or use --team.',
			);
		}
	}
	const followUps = await listFollowUps(store, view, now, {limit, assignee});
	const paint = createPaint(colorOf(globals, context));
	context.io.stdout.write(formatFollowUps(followUps, formatOf(globals), {columns: context.io.columns, now, paint}));
	if (followUps.length === 0 && context.io.stderrIsTty && globals.quiet !== true) {
		context.io.stderr.write(view === 'open' ? 'No open follow-ups.\n' : `No ${view} follow-ups.\n`);
	}
}

export async function runFollowUpDone(id: string, globals: GlobalOptions, context: Context): Promise<void> {
	const {followUp, wasAlreadyDone} = await completeFollowUp(recordStoreOf(context), id, context.now());
	if (formatOf(globals) === 'json') {
		context.io.stdout.write(`${toSafeJson(toFollowUpJson(followUp), 2)}\n`);
		return;
	}
	const when = formatInstant(followUp.doneAt);
	context.io.stderr.write(
		wasAlreadyDone
			? `follow-up ${toDisplayLine(followUp.id)} was already done (${when} UTC)\n`
			: `follow-up ${toDisplayLine(followUp.id)} done\n`,
	);
}

export async function runFollowUpSnooze(
	id: string,
	flags: FollowUpSnoozeFlags,
	globals: GlobalOptions,
	context: Context,
): Promise<void> {
	const dueAt = parseDue(flags, context.now());
	const followUp = await snoozeFollowUp(recordStoreOf(context), id, dueAt);
	if (formatOf(globals) === 'json') {
		context.io.stdout.write(`${toSafeJson(toFollowUpJson(followUp), 2)}\n`);
		return;
	}
	context.io.stderr.write(`follow-up ${toDisplayLine(followUp.id)} now due ${formatInstant(followUp.dueAt)} UTC\n`);
}

/**
 * `csr queue`'s one-line hint about due follow-ups (stderr, TTY only, not with --quiet): one COUNT on the local
 * database. Never fails the queue: a locked or unreadable database just means no hint.
 */
export async function writeDueFollowUpHint(globals: GlobalOptions, context: Context): Promise<void> {
	if (!context.io.stderrIsTty || globals.quiet === true) return;
	try {
		const store = recordStoreOf(context);
		// With a team store, the hint counts this agent's follow-ups, as `followup list` does.
		const {profile} = activeProfile(context, globals);
		const me = isTeamRecordStore(store) ? (profile.email ?? profile.user ?? undefined) : undefined;
		const hint = formatDueHint(await countDueFollowUps(store, context.now(), me));
		if (hint !== null) context.io.stderr.write(`${hint}\n`);
	} catch {
		// The hint is a nicety; the queue itself already printed.
	}
}
