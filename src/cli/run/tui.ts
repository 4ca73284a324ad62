import chalk from 'chalk';
import type {ResolvedProfile} from '../../config/profiles.js';
import {settingDefinitions} from '../../config/schema.js';
import type {Context, GlobalOptions} from '../../context.js';
import {UsageError} from '../../errors.js';
import type {HelpDesk} from '../../providers/help-desk.js';
import {viewToFilter} from '../../services/queue-filter.js';
import type {Session, TuiServices} from '../../tui/services.js';
import {activeProfile, colorOf} from '../options.js';
import {teamStoreUrlOf} from '../team-routing.js';
import {settingValue} from './config.js';
import {parseQueueFlags} from './queue.js';

/** The TUI loads up to this many tickets; the list is virtualised, so the cost is the desk's, not the screen's. */
const queueLimit = 10_000;

function refreshSecondsOf(context: Context): number {
	const raw = settingValue(context.config().read().settings, 'tui.refreshSeconds');
	const parsed = settingDefinitions['tui.refreshSeconds'].parse.safeParse(raw);
	return parsed.success ? parsed.data : 60;
}

/** Config `timezone`, else the system's. */
function timeZoneOf(context: Context): string {
	const raw = settingValue(context.config().read().settings, 'timezone');
	const parsed = settingDefinitions.timezone.parse.safeParse(raw);
	return parsed.success ? parsed.data : Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function afterSendOf(context: Context): 'next' | 'stay' {
	const raw = settingValue(context.config().read().settings, 'tui.afterSend');
	const parsed = settingDefinitions['tui.afterSend'].parse.safeParse(raw);
	return parsed.success ? parsed.data : 'next';
}

/** Who is working, their saved views, the refresh interval and the CLI's default queue. */
export function sessionOf(context: Context, profile: ResolvedProfile): Session {
	const {all: _all, ...defaults} = parseQueueFlags({}, undefined);
	// Read when a time is first shown: the first Intl formatter (the system's zone too) costs 10–30 ms of ICU set-up,
	// which the first frame need not wait for.
	let timeZone: string | undefined;
	return {
		profileName: profile.name,
		agentName: profile.profile.agent.name ?? profile.profile.email ?? 'agent',
		views: Object.entries(profile.profile.views).map(([name, view]) => ({name, filter: viewToFilter(view)})),
		refreshSeconds: refreshSecondsOf(context),
		afterSend: afterSendOf(context),
		get timeZone() {
			timeZone ??= timeZoneOf(context);
			return timeZone;
		},
		baseQuery: {...defaults, limit: queueLimit},
		teamStore: teamStoreUrlOf(context, profile) !== null,
	};
}

/**
 * Services whose implementation (templates, journal, store) loads after the first frame is drawn and the queue
 * listed: each call waits for it. Keeps Liquid, YAML and the journal off the path to the queue on screen. The queue
 * and a ticket's thread need only the desk, so they go to it as soon as it is open.
 */
export function lazyServices(
	session: Session,
	now: () => Date,
	desk: Promise<HelpDesk>,
	load: Promise<TuiServices & {close(): Promise<void>}>,
	onListed: () => void,
): TuiServices & {close(): Promise<void>} {
	const call =
		<K extends Exclude<keyof TuiServices, 'session' | 'now'> | 'close'>(name: K) =>
		async (...args: unknown[]) =>
			((await load)[name] as (...inner: unknown[]) => unknown)(...args);
	return {
		session,
		now,
		listQueue: async (query, signal, onFirstPage) => {
			try {
				const [{listQueue}, openDesk] = await Promise.all([import('../../services/queue.js'), desk]);
				return await listQueue(openDesk, query, {all: false, onFirstPage}, signal);
			} finally {
				onListed();
			}
		},
		getThread: async (ticketId, signal) => (await desk).getThread(ticketId, signal),
		listTemplates: call('listTemplates'),
		suggestTemplates: call('suggestTemplates'),
		renderTemplate: call('renderTemplate'),
		sendMessage: call('sendMessage'),
		sendBulk: call('sendBulk'),
		createTicket: call('createTicket'),
		updateTickets: call('updateTickets'),
		addFollowUp: call('addFollowUp'),
		listGroups: call('listGroups'),
		listAgents: call('listAgents'),
		hasHelpCenter: call('hasHelpCenter'),
		searchArticles: call('searchArticles'),
		statusCounts: call('statusCounts'),
		listOutbox: call('listOutbox'),
		listDueFollowUps: call('listDueFollowUps'),
		listFeedback: call('listFeedback'),
		lookUpCustomer: call('lookUpCustomer'),
		completeFollowUp: call('completeFollowUp'),
		snoozeFollowUp: call('snoozeFollowUp'),
		retryOutbox: call('retryOutbox'),
		dropOutbox: call('dropOutbox'),
		saveDraft: call('saveDraft'),
		loadDraft: call('loadDraft'),
		discardDraft: call('discardDraft'),
		listDrafts: call('listDrafts'),
		listSavedViews: call('listSavedViews'),
		saveView: call('saveView'),
		deleteView: call('deleteView'),
		editText: call('editText'),
		cannot: call('cannot'),
		attachFile: call('attachFile'),
		completePath: call('completePath'),
		planMerge: call('planMerge'),
		planForward: call('planForward'),
		// The services close the desk; when they never loaded, the desk is closed here.
		close: () =>
			load.then(
				(loaded) => loaded.close(),
				async () => (await desk.catch(() => null))?.close(),
			),
	} as TuiServices & {close(): Promise<void>};
}

/** `csr tui` (and `csr` alone on a terminal): the workstation. */
export async function runTui(globals: GlobalOptions, context: Context): Promise<void> {
	if (!context.io.stdinIsTty || !context.io.stdoutIsTty) {
		throw new UsageError(
			'csr tui needs a terminal (stdin and stdout must be a TTY)',
			'In scripts use `csr queue`, `csr show ID` and `csr reply`.',
		);
	}
	const profile = activeProfile(context, globals);
	// Ink colours through chalk, which knows --no-color but not NO_COLOR: csr's own decision wins.
	if (!colorOf(globals, context)) chalk.level = 0;
	const session = sessionOf(context, profile);
	const ui = import('../../tui/start.js');
	// The desk opens once the first frame is on screen; Liquid, YAML and the journal load once the listed queue is on
	// screen too (or a second after the first frame): loading them between the listing and its frame held the queue
	// back by tens of ms. Calls made before then wait.
	let firstFrame: () => void = () => {};
	const drawn = new Promise<void>((resolve) => {
		firstFrame = resolve;
	});
	const desk = drawn.then(() => context.openHelpDesk(profile, {verbose: false}));
	desk.catch(() => {});
	let queueShown: () => void = () => {};
	const queueOnScreen = new Promise<void>((resolve) => {
		queueShown = resolve;
	});
	drawn.then(() => setTimeout(queueShown, 1000).unref());
	let isListed = false;
	const implementation = queueOnScreen
		.then(() => import('./tui-services.js'))
		.then(({createTuiServices}) => createTuiServices(context, profile, session, desk));
	implementation.catch(() => {});
	const services = lazyServices(session, context.now, desk, implementation, () => {
		isListed = true;
	});
	try {
		const terminal = {stdin: context.io.stdin, stdout: context.io.stdout, stderr: context.io.stderr};
		await (await ui).startTui(services, terminal, {
			onFirstFrame: () => setImmediate(firstFrame),
			// The first frame drawn after the listing shows it.
			onFrame: () => {
				if (isListed) setImmediate(queueShown);
			},
		});
	} finally {
		await services.close().catch(() => {});
	}
}
