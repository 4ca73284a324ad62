import type {Context, GlobalOptions} from '../../context.js';
import {Priority, TicketStatus} from '../../domain/ticket.js';
import {UsageError} from '../../errors.js';
import type {TicketChanges} from '../../providers/help-desk.js';
import {deliverOne, hashIntent} from '../../services/delivery.js';
import {applyUpdates} from '../../services/updates.js';
import {activeProfile, readTicketIds} from '../options.js';
import {createResultPrinter} from '../output/results.js';
import {parseAssignee} from './queue.js';

export type UpdateFlags = {
	yes?: boolean;
	to?: string;
	group?: string;
	reason?: string;
	priority?: string;
	dryRun?: boolean;
	force?: boolean;
};

async function confirmMany(
	count: number,
	flags: UpdateFlags,
	context: Context,
	profile: string,
	idsFromStdin: boolean,
	what: string,
): Promise<void> {
	if (count <= 1 || flags.yes) return;
	if (!context.io.stdinIsTty || idsFromStdin) throw new UsageError(`refusing to change ${count} tickets without --yes`);
	if (!(await context.confirm(`${what} on ${count} tickets on profile ${profile}?`)))
		throw new UsageError('cancelled; nothing was changed');
}

async function runUpdate(
	args: string[],
	changes: TicketChanges,
	action: 'status' | 'assign' | 'tag',
	what: string,
	flags: UpdateFlags,
	globals: GlobalOptions,
	context: Context,
): Promise<void> {
	const profile = activeProfile(context, globals);
	const ids = await readTicketIds(args, context);
	await confirmMany(ids.length, flags, context, profile.name, args.length === 1 && args[0] === '-', what);
	const desk = await context.openHelpDesk(profile, {verbose: globals.verbose === true});
	try {
		const printer = createResultPrinter(globals, context, ids.length);
		const results = await applyUpdates(
			{
				desk,
				db: context.store(),
				profile: profile.name,
				agent: profile.profile.email,
				now: context.now,
				signal: context.signal,
			},
			ids,
			changes,
			action,
			(result, done, total) => printer.onResult(result, done, total),
		);
		printer.finish(results, {
			interrupted: context.signal.aborted && results.length < ids.length,
			resumeHint: 'the same command (updates are safe to repeat)',
		});
	} finally {
		await desk.close();
	}
}

export async function runStatus(
	args: string[],
	flags: UpdateFlags,
	globals: GlobalOptions,
	context: Context,
): Promise<void> {
	const raw = args.at(-1);
	if (args.length < 2 || raw === undefined)
		throw new UsageError('give ticket ids and a status', 'For example: csr status 12 solved');
	const status = TicketStatus.safeParse(raw.toLowerCase());
	if (!status.success)
		throw new UsageError(`invalid status "${raw}": expected one of ${TicketStatus.options.join(', ')}`);
	await runUpdate(
		args.slice(0, -1),
		{status: status.data},
		'status',
		`Set status ${status.data}`,
		flags,
		globals,
		context,
	);
}

export async function runAssign(
	args: string[],
	flags: UpdateFlags,
	globals: GlobalOptions,
	context: Context,
): Promise<void> {
	if (flags.to === undefined && flags.group === undefined)
		throw new UsageError('give --to me|none|EMAIL and/or --group NAME');
	let assignee: TicketChanges['assignee'];
	if (flags.to !== undefined) {
		const who = parseAssignee(flags.to);
		if (who === 'any') throw new UsageError('invalid --to "any": expected me, none or an email address');
		assignee = who === 'none' ? null : who;
	}
	await runUpdate(args, {assignee, group: flags.group}, 'assign', 'Assign', flags, globals, context);
}

export async function runTag(
	args: string[],
	flags: UpdateFlags,
	globals: GlobalOptions,
	context: Context,
): Promise<void> {
	const tags = args.filter((arg) => /^[+-]./.test(arg));
	const ids = args.filter((arg) => !/^[+-]./.test(arg));
	if (tags.length === 0)
		throw new UsageError('give tags to add (+tag) or remove (-tag)', 'For example: csr tag 12 +vip -spam');
	const bad = tags.find((tag) => !/^[+-][\p{L}\p{N}_:.\-/]+$/u.test(tag));
	if (bad !== undefined) throw new UsageError(`invalid tag "${bad}"`, 'Tags are letters, digits and _ : . - /');
	const add = tags.filter((tag) => tag.startsWith('+')).map((tag) => tag.slice(1));
	const remove = tags.filter((tag) => tag.startsWith('-')).map((tag) => tag.slice(1));
	await runUpdate(ids, {tags: {add, remove}}, 'tag', 'Change tags', flags, globals, context);
}

export async function runEscalate(
	rawId: string,
	flags: UpdateFlags,
	globals: GlobalOptions,
	context: Context,
): Promise<void> {
	const [id] = await readTicketIds([rawId], context);
	const reason = (flags.reason ?? '').trim();
	const group = (flags.group ?? '').trim();
	if (reason === '')
		throw new UsageError('--reason must not be empty', 'The receiving team reads it as an internal note.');
	let priority: Priority | undefined;
	if (flags.priority !== undefined) {
		const parsed = Priority.safeParse(flags.priority.toLowerCase());
		if (!parsed.success)
			throw new UsageError(`invalid --priority "${flags.priority}": expected one of ${Priority.options.join(', ')}`);
		priority = parsed.data;
	}
	const profile = activeProfile(context, globals);
	const desk = await context.openHelpDesk(profile, {verbose: globals.verbose === true});
	try {
		const [ticket] = await desk.getTickets([id as string], context.signal);
		if (ticket === undefined) throw new UsageError(`ticket ${id} not found on ${profile.name}`);
		const body = `Escalated to ${group}: ${reason}`;
		const changes: TicketChanges = {group, ...(priority ? {priority} : {})};
		const printer = createResultPrinter(globals, context, 1);
		const result = await deliverOne(
			{
				desk,
				db: context.store(),
				profile: profile.name,
				agent: profile.profile.email,
				now: context.now,
				signal: context.signal,
			},
			{
				ticketId: ticket.id,
				isPublic: false,
				body,
				changes,
				template: null,
				intentHash: hashIntent([profile.name, ticket.id, 'escalate', group, reason, priority ?? null]),
				expectedUpdatedAt: ticket.updatedAt,
				customer: {email: ticket.requester.email, name: ticket.requester.name},
				channel: ticket.channel,
				action: 'escalate',
				outcome: 'escalated',
				durationSec: null,
			},
			{runId: null, force: flags.force === true},
		);
		printer.onResult(result, 1, 1);
		printer.finish([result], {});
	} finally {
		await desk.close();
	}
}
