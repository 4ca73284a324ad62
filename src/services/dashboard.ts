import type {BusinessClock} from '../kpi/business-hours.js';
import {csatScore} from '../kpi/scores.js';
import type {SlaTargets} from '../kpi/sla-targets.js';
import {localDayNumber, localTimeToUtc} from '../kpi/time-zone.js';
import {readDayActivity, readUnsolvedTickets, type UnsolvedTicket} from '../store/dashboard.js';
import type {Database} from '../store/database.js';
import {type BusinessCalendars, clockFor} from './business-hours.js';
import {csrDueAt} from './sla-due.js';

/**
 * csr dashboard: the team's state now, from the KPI cache (synced just before): unsolved tickets per agent and group,
 * SLA targets in the next hour (business time when the profile has business hours), who waits longest, and today's
 * replies, solves and CSAT. Core computes, the Ink board only renders.
 */

export const soonMinutes = 60;

export type DashboardRow = {
	readonly key: string;
	/** new + open: the agents' move. */
	readonly open: number;
	readonly pending: number;
	readonly onHold: number;
	/** Unsolved with the SLA target within the next (business) hour, not yet past. */
	readonly breachSoon: number;
	/** Unsolved and past the SLA target. */
	readonly breached: number;
	readonly repliesToday: number;
	readonly solvedToday: number;
};

export type Dashboard = {
	readonly at: string;
	/** Start of "today": midnight in the agent's time zone (setting `timezone`, else the system's). */
	readonly todaySince: string;
	readonly timeZone: string;
	/** Whether csr's own SLA targets are set (they give the tickets without a desk SLA a due time). */
	readonly csrTargets: boolean;
	/** Whether "the next hour" is counted in business hours (the profile has them) or on the clock. */
	readonly businessHours: boolean;
	readonly totals: DashboardRow & {readonly waiting: number};
	readonly agents: readonly DashboardRow[];
	readonly groups: readonly DashboardRow[];
	readonly csatToday: {readonly score: number | null; readonly good: number; readonly bad: number};
	/** The tickets whose requesters wait longest (new or open), oldest first. */
	readonly oldestWaiting: readonly DashboardTicket[];
};

export type DashboardTicket = UnsolvedTicket & {
	readonly sla: 'breached' | 'soon' | 'ok' | 'none';
	/** Whose target `slaDueAt` is: the desk's SLA, csr's own targets (for tickets without the desk's), or none. */
	readonly slaSource: 'desk' | 'csr' | null;
};

/** The tickets behind a number on the board. */
export type DashboardSelection =
	| {readonly kind: 'agent' | 'group'; readonly key: string}
	| {readonly kind: 'breachSoon' | 'breached' | 'waiting' | 'unsolved'};

type Query = {
	readonly profile: string;
	readonly now: Date;
	readonly calendars: BusinessCalendars | null;
	/** The agent's time zone for "today"; UTC when not given. */
	readonly timeZone?: string;
	/** csr's own SLA targets, for tickets the desk gives no SLA due time. */
	readonly slaTargets?: SlaTargets | null;
};

function slaOf(dueAt: string | null, clock: BusinessClock | null, query: Query): DashboardTicket['sla'] {
	if (dueAt === null) return 'none';
	const due = Date.parse(dueAt);
	const now = query.now.getTime();
	if (due < now) return 'breached';
	const horizon = clock?.addMinutes(now, soonMinutes)?.getTime() ?? now + soonMinutes * 60_000;
	return due < horizon ? 'soon' : 'ok';
}

function classify(db: Database, query: Query): DashboardTicket[] {
	return readUnsolvedTickets(db, query.profile).map((ticket) => {
		const clock =
			query.calendars === null ? null : clockFor(query.calendars, ticket.group === '(none)' ? null : ticket.group);
		const targets = query.slaTargets ?? null;
		const ours = ticket.slaDueAt === null && targets !== null ? csrDueAt(ticket, targets, clock) : null;
		const slaDueAt = ticket.slaDueAt ?? ours;
		const slaSource = ticket.slaDueAt !== null ? 'desk' : ours !== null ? 'csr' : null;
		return {...ticket, slaDueAt, slaSource, sla: slaOf(slaDueAt, clock, query)};
	});
}

function emptyRow(key: string): DashboardRow {
	return {key, open: 0, pending: 0, onHold: 0, breachSoon: 0, breached: 0, repliesToday: 0, solvedToday: 0};
}

function addTicket(row: DashboardRow, ticket: DashboardTicket): DashboardRow {
	const isOpen = ticket.status === 'new' || ticket.status === 'open';
	return {
		...row,
		open: row.open + (isOpen ? 1 : 0),
		pending: row.pending + (ticket.status === 'pending' ? 1 : 0),
		onHold: row.onHold + (ticket.status === 'on-hold' ? 1 : 0),
		breachSoon: row.breachSoon + (ticket.sla === 'soon' ? 1 : 0),
		breached: row.breached + (ticket.sla === 'breached' ? 1 : 0),
	};
}

function sortedRows(rows: Map<string, DashboardRow>): DashboardRow[] {
	return [...rows.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Local midnight of `at`'s day in `timeZone`. */
const startOfDay = (at: Date, timeZone: string) =>
	new Date(localTimeToUtc(timeZone, localDayNumber(timeZone, at.getTime()), 0));

export function computeDashboard(db: Database, query: Query, options: {oldest?: number} = {}): Dashboard {
	const tickets = classify(db, query);
	const timeZone = query.timeZone ?? 'UTC';
	const since = startOfDay(query.now, timeZone).toISOString();
	const today = readDayActivity(db, query.profile, since, query.now.toISOString());
	const agents = new Map<string, DashboardRow>();
	const groups = new Map<string, DashboardRow>();
	let totals = emptyRow('');
	const row = (rows: Map<string, DashboardRow>, key: string) => rows.get(key) ?? emptyRow(key);
	for (const ticket of tickets) {
		agents.set(ticket.agent, addTicket(row(agents, ticket.agent), ticket));
		groups.set(ticket.group, addTicket(row(groups, ticket.group), ticket));
		totals = addTicket(totals, ticket);
	}
	for (const [agent, replies] of today.replies) agents.set(agent, {...row(agents, agent), repliesToday: replies});
	for (const [agent, solved] of today.solved) agents.set(agent, {...row(agents, agent), solvedToday: solved});
	for (const [group, replies] of today.repliesByGroup)
		groups.set(group, {...row(groups, group), repliesToday: replies});
	for (const [group, solved] of today.solvedByGroup) groups.set(group, {...row(groups, group), solvedToday: solved});
	const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
	const waiting = waitingTickets(tickets);
	const {good, bad} = today.ratings;
	return {
		at: query.now.toISOString(),
		todaySince: since,
		timeZone,
		csrTargets: (query.slaTargets ?? null) !== null,
		businessHours: query.calendars !== null,
		totals: {
			...totals,
			repliesToday: sum(today.replies.values()),
			solvedToday: sum(today.solved.values()),
			waiting: waiting.length,
		},
		agents: sortedRows(agents),
		groups: sortedRows(groups),
		csatToday: {score: csatScore(good, bad), good, bad},
		oldestWaiting: waiting.slice(0, options.oldest ?? 5),
	};
}

function waitingTickets(tickets: readonly DashboardTicket[]): DashboardTicket[] {
	return tickets
		.filter((ticket) => ticket.waitingSince !== null)
		.sort((a, b) => ((a.waitingSince ?? '') < (b.waitingSince ?? '') ? -1 : a.waitingSince === b.waitingSince ? 0 : 1));
}

/** The tickets behind a number: a row's unsolved tickets, those near or past their SLA, or those waiting. */
export function dashboardTickets(db: Database, query: Query, selection: DashboardSelection): DashboardTicket[] {
	const tickets = classify(db, query);
	switch (selection.kind) {
		case 'agent':
			return tickets.filter((ticket) => ticket.agent === selection.key);
		case 'group':
			return tickets.filter((ticket) => ticket.group === selection.key);
		case 'breachSoon':
			return tickets.filter((ticket) => ticket.sla === 'soon');
		case 'breached':
			return tickets.filter((ticket) => ticket.sla === 'breached');
		case 'waiting':
			return waitingTickets(tickets);
		case 'unsolved':
			return tickets;
	}
}
