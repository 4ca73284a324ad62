import type {Context, GlobalOptions} from '../../context.js';
import {channels, priorities, type Ticket, ticketStatuses} from '../../domain/ticket.js';
import {slaMinutesLeft, sortKeys} from '../../domain/urgency.js';
import {UsageError} from '../../errors.js';
import type {AssigneeFilter, TicketQuery} from '../../providers/help-desk.js';
import {listQueue} from '../../services/queue.js';
import {applyLocalFilter} from '../../services/queue-filter.js';
import {findView, saveQueueView} from '../../services/saved-views.js';
import {listSavedViews} from '../../store/views.js';
import {
	activeProfile,
	canShowProgress,
	colorOf,
	formatOf,
	maxLimit,
	openDesk,
	parseList,
	parsePositiveInt,
} from '../options.js';
import {createPaint} from '../output/paint.js';
import {formatTickets} from '../output/tickets.js';

export type QueueFlags = {
	view?: string;
	status?: string;
	assignee?: string;
	group?: string;
	priority?: string;
	channel?: string;
	tag?: string[];
	search?: string;
	requester?: string;
	sort?: string;
	limit?: string;
	all?: boolean;
	ids?: boolean;
	saveView?: string;
};

export function parseAssignee(raw: string | undefined): AssigneeFilter {
	const value = (raw ?? 'any').trim();
	if (value === 'me' || value === 'none' || value === 'any') return value;
	if (/^[^\s@]+@[^\s@]+$/.test(value)) return {email: value.toLowerCase()};
	throw new UsageError(`invalid --assignee "${value}": expected me, none, any or an email address`);
}

/** Flags → a provider-neutral query. A saved view of the profile supplies defaults that flags override. */
export function parseQueueFlags(
	flags: QueueFlags,
	savedView: Record<string, unknown> | undefined,
): TicketQuery & {all: boolean} {
	const merged: QueueFlags = {...(savedView as QueueFlags | undefined), ...stripUndefined(flags)};
	const sort = (merged.sort ?? 'urgency').toLowerCase();
	if (!(sortKeys as readonly string[]).includes(sort)) {
		throw new UsageError(`invalid --sort "${sort}": expected one of ${sortKeys.join(', ')}`);
	}
	const tags = Array.isArray(merged.tag) ? merged.tag : typeof merged.tag === 'string' ? [merged.tag] : [];
	return {
		statuses: parseList('--status', merged.status ?? 'new,open,pending', ticketStatuses),
		assignee: parseAssignee(merged.assignee),
		group: merged.group,
		priorities: merged.priority === undefined ? undefined : parseList('--priority', merged.priority, priorities),
		channels: merged.channel === undefined ? undefined : parseList('--channel', merged.channel, channels),
		tags: tags.map((tag) => tag.trim()).filter((tag) => tag !== ''),
		// Desks without a requester filter still narrow by the email as free text; the result is then checked exactly.
		search: merged.search ?? (merged.requester?.trim() || undefined),
		requester: merged.requester?.trim() || undefined,
		view: savedView === undefined ? merged.view : undefined,
		sort: sort as TicketQuery['sort'],
		limit: merged.limit === undefined ? 50 : parsePositiveInt('--limit', String(merged.limit), maxLimit),
		// `--ids` feeds a pipe (`| csr reply -`): the whole queue unless --limit says otherwise, never the first page
		// of it by accident.
		all: merged.all === true || (merged.ids === true && merged.limit === undefined),
	};
}

const isBreached = (ticket: Ticket, now: Date) => (slaMinutesLeft(ticket, now) ?? 0) < 0;

function stripUndefined<T extends object>(value: T): Partial<T> {
	return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

export async function runQueue(flags: QueueFlags, globals: GlobalOptions, context: Context): Promise<void> {
	const profile = activeProfile(context, globals);
	// One store of views with the TUI: the config's, those saved (TUI `V` s, --save-view), the built-in ones; the
	// local store is read only for a name the config does not have.
	const configViews = profile.profile.views;
	const view =
		flags.view === undefined
			? undefined
			: findView(flags.view, configViews, () => listSavedViews(context.store(), profile.name));
	const {saveView: saveAs, ...filters} = flags;
	const {all, ...query} = parseQueueFlags(filters, view?.flags);
	if (saveAs !== undefined) {
		const filter = saveQueueView(context.store(), profile.name, {
			name: saveAs,
			base: view,
			flags: {...filters},
			configViews,
			at: context.now().toISOString(),
		});
		if (globals.quiet !== true) context.io.stderr.write(`Saved the view "${saveAs.trim()}": ${filter}\n`);
	}
	const format = formatOf(globals);
	const {desk} = await openDesk(context, globals);
	const showProgress = canShowProgress(globals, context) && all;
	try {
		const listed = await listQueue(
			desk,
			query,
			{
				all,
				onProgress: showProgress
					? (loaded, total) =>
							context.io.stderr.write(`\rloading tickets: ${loaded}${total === null ? '' : ` of ${total}`}`)
					: undefined,
			},
			context.signal,
		);
		if (showProgress) context.io.stderr.write('\r\u001B[K');
		const wanted = query.requester?.toLowerCase();
		const byRequester =
			wanted === undefined
				? listed
				: {...listed, tickets: listed.tickets.filter((ticket) => ticket.requester.email?.toLowerCase() === wanted)};
		// A view's local part (SLA breached, idle days) narrows what the desk listed.
		const result =
			view?.local === undefined
				? byRequester
				: {
						...byRequester,
						tickets: [...applyLocalFilter(byRequester.tickets, view.local, context.now(), isBreached)],
						// The desk's total counts tickets the local part leaves out.
						totalCount: null,
					};
		if (flags.ids) {
			context.io.stdout.write(result.tickets.map((ticket) => `${ticket.id}\n`).join(''));
		} else {
			const paint = createPaint(colorOf(globals, context));
			context.io.stdout.write(
				formatTickets(result.tickets, format, {now: context.now(), columns: context.io.columns, paint}),
			);
		}
		// A cap is a truncation the user must hear about even in a pipe; the rest are TTY niceties.
		if (result.cap) {
			context.io.stderr.write(`csr: the help desk stopped at ${result.cap.limit} results. ${result.cap.hint}\n`);
		}
		// So is stopping at the limit while more match: a script must not work on a partial queue without knowing.
		if (result.hasMore && globals.quiet !== true) {
			const total = result.totalCount === null ? '' : ` of ${result.totalCount}`;
			context.io.stderr.write(`Showing ${result.tickets.length}${total}; use --all or --limit for more.\n`);
		}
		if (context.io.stderrIsTty && globals.quiet !== true && result.tickets.length === 0)
			context.io.stderr.write('No tickets match.\n');
	} finally {
		await desk.close();
	}
	if (canShowProgress(globals, context)) await (await import('./followup.js')).writeDueFollowUpHint(globals, context);
}
