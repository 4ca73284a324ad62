import type {Dashboard, DashboardRow, DashboardSelection, DashboardTicket} from '../services/dashboard.js';

/** What the live board may call (cli/run/dashboard.ts builds them over the KPI cache and the desk). */
export type DashboardServices = {
	readonly profileName: string;
	/** How often the board syncs and redraws; 0: only on `g`. */
	readonly intervalMs: number;
	/** Syncs the KPI cache (best effort: a failure is shown as `warning`, the cache as it is is used) and computes. */
	load(signal: AbortSignal): Promise<Dashboard & {readonly warning: string | null}>;
	/** The tickets behind a number, with their subjects when the desk gives them (best effort). */
	tickets(selection: DashboardSelection, signal: AbortSignal): Promise<DashboardListTicket[]>;
};

export type DashboardListTicket = DashboardTicket & {readonly subject: string | null};

/** A line of the board's list: a section title, or something whose tickets Enter opens. */
export type BoardItem =
	| {readonly kind: 'title'; readonly label: string}
	| {
			readonly kind: 'total';
			readonly label: string;
			readonly count: number;
			readonly selection: DashboardSelection;
	  }
	| {readonly kind: 'row'; readonly row: DashboardRow; readonly selection: DashboardSelection};

export function boardItems(dashboard: Dashboard): BoardItem[] {
	const {totals} = dashboard;
	const hour = dashboard.businessHours ? 'the next business hour' : 'the next hour';
	// Tickets without the desk's SLA get csr's own targets' due time when they are set.
	const target = dashboard.csrTargets ? 'SLA target (desk or csr)' : 'SLA target';
	return [
		{
			kind: 'total',
			label: 'Unsolved now',
			count: totals.open + totals.pending + totals.onHold,
			selection: {kind: 'unsolved'},
		},
		{kind: 'total', label: `${target} in ${hour}`, count: totals.breachSoon, selection: {kind: 'breachSoon'}},
		{kind: 'total', label: `Past the ${target}`, count: totals.breached, selection: {kind: 'breached'}},
		{kind: 'total', label: 'Requesters waiting for an answer', count: totals.waiting, selection: {kind: 'waiting'}},
		{kind: 'title', label: 'AGENT'},
		...dashboard.agents.map((row): BoardItem => ({kind: 'row', row, selection: {kind: 'agent', key: row.key}})),
		{kind: 'title', label: 'GROUP'},
		...dashboard.groups.map((row): BoardItem => ({kind: 'row', row, selection: {kind: 'group', key: row.key}})),
	];
}

/** The next selectable item from `index` in direction `step` (titles are skipped); stays put at either end. */
export function moveSelection(items: readonly BoardItem[], index: number, step: 1 | -1): number {
	for (let next = index + step; next >= 0 && next < items.length; next += step) {
		if (items[next]?.kind !== 'title') return next;
	}
	return index;
}

/** The first line of a list that keeps `selected` visible in `height` lines, given the current first line. */
export function scrollTop(selected: number, top: number, height: number, length: number): number {
	if (height <= 0) return 0;
	let first = Math.min(top, Math.max(0, length - height));
	if (selected < first) first = selected;
	if (selected >= first + height) first = selected - height + 1;
	return Math.max(0, first);
}

/** `45m`, `5h`, `3d`: how long ago, compact. */
export function formatAge(sinceIso: string, now: Date): string {
	const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(sinceIso)) / 60_000));
	if (minutes < 60) return `${minutes}m`;
	if (minutes < 48 * 60) return `${Math.floor(minutes / 60)}h`;
	return `${Math.floor(minutes / 1440)}d`;
}

/** The SLA column of a ticket: `late 2h`, `in 40m`, or blank without a target. */
export function formatSlaCell(ticket: DashboardTicket, now: Date): string {
	if (ticket.slaDueAt === null) return '';
	const due = Date.parse(ticket.slaDueAt);
	const minutes = Math.floor(Math.abs(due - now.getTime()) / 60_000);
	const span =
		minutes < 60
			? `${minutes}m`
			: minutes < 48 * 60
				? `${Math.floor(minutes / 60)}h`
				: `${Math.floor(minutes / 1440)}d`;
	return due < now.getTime() ? `late ${span}` : `in ${span}`;
}

/** The number columns of an agent or group row, and their titles: each five wide. */
export const rowColumns = ['OPEN', 'PEND', 'HOLD', '<1H', 'LATE', 'REPL', 'SOLV'] as const;

export function rowNumbers(row: DashboardRow): number[] {
	return [row.open, row.pending, row.onHold, row.breachSoon, row.breached, row.repliesToday, row.solvedToday];
}
