import chalk from 'chalk';
import type {ResolvedProfile} from '../../config/profiles.js';
import {settingDefinitions} from '../../config/schema.js';
import type {Context, GlobalOptions} from '../../context.js';
import {parseDuration} from '../../domain/time.js';
import {messageOf, UsageError} from '../../errors.js';
import type {HelpDesk} from '../../providers/help-desk.js';
import {loadBusinessCalendars} from '../../services/business-hours.js';
import {computeDashboard, dashboardTickets} from '../../services/dashboard.js';
import {parseSlaTargets} from '../../services/sla.js';
import {syncStats} from '../../services/sync.js';
import type {DashboardServices} from '../../tui/dashboard-model.js';
import {activeProfile, colorOf, openDesk} from '../options.js';
import {settingValue} from './config.js';

/** Config `timezone` ("today" starts at its midnight), else the system's. */
function timeZoneSetting(context: Context): string {
	const raw = settingValue(context.config().read().settings, 'timezone');
	const parsed = settingDefinitions.timezone.parse.safeParse(raw);
	return parsed.success && typeof parsed.data === 'string'
		? parsed.data
		: Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export type DashboardFlags = {interval?: string; sync?: boolean};

export const defaultIntervalSec = 30;

/** `30s`, `2m`, `1m30s`, or a bare number of seconds; at least 5 seconds (each refresh syncs the desk). */
export function parseInterval(raw: string | undefined): number {
	if (raw === undefined) return defaultIntervalSec;
	const seconds = /^\s*\d+\s*$/.test(raw) ? Number(raw) : parseDuration(raw);
	if (seconds === null || seconds < 5) {
		throw new UsageError(`invalid --interval "${raw}": give at least 5 seconds, like 30s or 2m`);
	}
	return seconds;
}

/** Ticket subjects for a list on the board are a side lookup: never fail the list. */
async function subjectsOf(desk: HelpDesk, ids: readonly string[], signal: AbortSignal): Promise<Map<string, string>> {
	try {
		const tickets = await desk.getTickets(ids.slice(0, 200), signal);
		return new Map(tickets.map((ticket) => [ticket.id, ticket.subject]));
	} catch {
		return new Map();
	}
}

/**
 * The board's services over the profile's KPI cache and desk: each load syncs the cache (incrementally; a failure
 * keeps the cache as it is and says so) and computes the board from it.
 */
export async function createDashboardServices(
	context: Context,
	profile: ResolvedProfile,
	desk: HelpDesk,
	options: {intervalMs: number; sync: boolean},
): Promise<DashboardServices> {
	const db = context.store();
	const calendars = await loadBusinessCalendars(profile.profile.businessHours ?? null, db);
	const slaTargets = parseSlaTargets(profile.profile.slaTargets);
	const timeZone = timeZoneSetting(context);
	const query = () => ({profile: profile.name, now: context.now(), calendars, timeZone, slaTargets});
	return {
		profileName: profile.name,
		intervalMs: options.intervalMs,
		async load(signal) {
			let warning: string | null = null;
			if (options.sync) {
				try {
					await syncStats(desk, db, {profile: profile.name, now: context.now}, signal);
				} catch (error) {
					signal.throwIfAborted();
					warning = `could not sync: ${messageOf(error)}`;
				}
			}
			return {...computeDashboard(db, query()), warning};
		},
		async tickets(selection, signal) {
			const tickets = dashboardTickets(db, query(), selection);
			const subjects = await subjectsOf(
				desk,
				tickets.map((ticket) => ticket.ticketId),
				signal,
			);
			return tickets.map((ticket) => ({...ticket, subject: subjects.get(ticket.ticketId) ?? null}));
		},
	};
}

/** `csr dashboard`: the live board, full screen, until q. */
export async function runDashboard(flags: DashboardFlags, globals: GlobalOptions, context: Context): Promise<void> {
	const intervalSec = parseInterval(flags.interval);
	if (!context.io.stdinIsTty || !context.io.stdoutIsTty) {
		throw new UsageError(
			'csr dashboard needs a terminal (stdin and stdout must be a TTY)',
			'In scripts use `csr stats --json`.',
		);
	}
	if (!colorOf(globals, context)) chalk.level = 0;
	activeProfile(context, globals);
	const {desk, profile} = await openDesk(context, globals);
	try {
		const services = await createDashboardServices(context, profile, desk, {
			intervalMs: intervalSec * 1000,
			sync: flags.sync !== false,
		});
		const {startDashboard} = await import('../../tui/start-dashboard.js');
		const terminal = {stdin: context.io.stdin, stdout: context.io.stdout, stderr: context.io.stderr};
		await startDashboard(services, terminal);
	} finally {
		await desk.close();
	}
}
