import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {parseTargetList} from '../../../src/kpi/sla-targets.js';
import {loadBusinessCalendars} from '../../../src/services/business-hours.js';
import {computeDashboard, dashboardTickets} from '../../../src/services/dashboard.js';
import {type Database, openDatabase} from '../../../src/store/database.js';
import {type CachedTicket, storeSyncPage} from '../../../src/store/stats-cache.js';
import {officeWeek} from '../../support/business-hours.js';

// csr dashboard: "today" in the agent's time zone, and csr's own SLA targets for tickets the desk gives no SLA,
// counted in business time. Every expected number by hand.

let dir: string;
let db: Database;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'csr-dashboard-sla-'));
	db = openDatabase(join(dir, 'csr.db'));
});
afterEach(() => {
	db.close();
	rmSync(dir, {recursive: true, force: true});
});

const now = new Date('2026-11-20T12:00:00Z'); // Friday 13:00 in Copenhagen (CET, UTC+1)
const hours = {
	timeZone: 'Europe/Copenhagen',
	weekly: officeWeek,
};

function ticket(id: string, fields: Partial<CachedTicket>): CachedTicket {
	return {
		ticketId: id,
		status: 'open',
		channel: 'email',
		agentKey: 'freja@example.com',
		groupName: null,
		createdAt: '2026-11-20T08:30:00Z',
		updatedAt: '2026-11-20T08:30:00Z',
		solvedAt: null,
		firstReplyAt: null,
		firstReplyMinutes: null,
		firstReplyBusinessMinutes: null,
		resolutionMinutes: null,
		resolutionBusinessMinutes: null,
		reopens: 0,
		publicAgentReplies: 0,
		slaBreached: null,
		priority: 'normal',
		...fields,
	};
}

function store(tickets: CachedTicket[]): void {
	storeSyncPage(
		db,
		'p',
		{stream: 'tickets', items: tickets},
		{provider: 'demo', cursor: null, at: 'now', completed: true},
	);
}

function targets(firstReply: string, resolution: string) {
	const parse = (text: string) => {
		const parsed = parseTargetList(text);
		if (!parsed.ok) throw new Error(parsed.error);
		return parsed.list;
	};
	return {firstReply: parse(firstReply), resolution: parse(resolution)};
}

describe('csr dashboard', () => {
	it('counts "today" from midnight in the agent’s time zone', async () => {
		store([
			ticket('1', {
				status: 'solved',
				solvedAt: '2026-11-19T23:30:00Z', // 00:30 Friday in Copenhagen, still Thursday in UTC
				replies: [
					{at: '2026-11-19T22:30:00Z', agentKey: 'freja@example.com'}, // Thursday 23:30 in Copenhagen
					{at: '2026-11-19T23:30:00Z', agentKey: 'freja@example.com'},
					{at: '2026-11-20T10:00:00Z', agentKey: 'freja@example.com'},
				],
			}),
		]);
		const copenhagen = computeDashboard(db, {profile: 'p', now, calendars: null, timeZone: 'Europe/Copenhagen'});
		expect(copenhagen.todaySince).toBe('2026-11-19T23:00:00.000Z');
		expect(copenhagen.totals).toMatchObject({repliesToday: 2, solvedToday: 1});
		const utc = computeDashboard(db, {profile: 'p', now, calendars: null, timeZone: 'UTC'});
		expect(utc.todaySince).toBe('2026-11-20T00:00:00.000Z');
		expect(utc.totals).toMatchObject({repliesToday: 1, solvedToday: 0});
		// New York: Friday 07:00 there, its midnight at 05:00Z.
		const newYork = computeDashboard(db, {profile: 'p', now, calendars: null, timeZone: 'America/New_York'});
		expect(newYork.todaySince).toBe('2026-11-20T05:00:00.000Z');
		expect(newYork.totals.repliesToday).toBe(1);
	});

	it('gives tickets without the desk’s SLA csr’s targets, due in business time', async () => {
		store([
			// A: normal, Fri 09:30 local, no reply: first reply 4 business hours → 13:30 local (12:30Z): in the next hour.
			ticket('A', {}),
			// B: high, Thu 15:00 local, no reply: 2 business hours → Thu 17:00 local: past.
			ticket('B', {priority: 'high', createdAt: '2026-11-19T14:00:00Z'}),
			// C: normal, Fri 12:30 local: 4 business hours → 16:30 local: later.
			ticket('C', {createdAt: '2026-11-20T11:30:00Z'}),
			// D: the desk's own SLA (12:20Z) is kept: in the next hour, whatever csr's target says.
			ticket('D', {priority: 'high', createdAt: '2026-11-19T14:00:00Z', slaDueAt: '2026-11-20T12:20:00Z'}),
			// E: low, Thu 16:30 local, replied: resolution 4h45m = Thu 30m + Fri 09:00–13:15 local (12:15Z): next hour.
			// On the clock it was due Thu 21:15 local: past.
			ticket('E', {priority: 'low', createdAt: '2026-11-19T15:30:00Z', firstReplyMinutes: 20, publicAgentReplies: 1}),
		]);
		const slaTargets = targets('4h, high=2h', 'low=4h45m');
		const calendars = await loadBusinessCalendars(hours);
		const query = {profile: 'p', now, calendars, timeZone: 'Europe/Copenhagen', slaTargets};
		const board = computeDashboard(db, query);
		expect(board.csrTargets).toBe(true);
		expect(board.businessHours).toBe(true);
		expect(board.totals).toMatchObject({breachSoon: 3, breached: 1});
		const soon = dashboardTickets(db, query, {kind: 'breachSoon'});
		// Oldest first, as the board lists them.
		expect(soon.map((t) => [t.ticketId, t.slaDueAt, t.slaSource])).toEqual([
			['D', '2026-11-20T12:20:00.000Z', 'desk'],
			['E', '2026-11-20T12:15:00.000Z', 'csr'],
			['A', '2026-11-20T12:30:00.000Z', 'csr'],
		]);
		const late = dashboardTickets(db, query, {kind: 'breached'});
		expect(late.map((t) => [t.ticketId, t.slaDueAt])).toEqual([['B', '2026-11-19T16:00:00.000Z']]);
		// Without business hours the targets run on the clock: E is past (Thu 20:15Z), A still in the next hour.
		const clock = computeDashboard(db, {...query, calendars: null});
		expect(clock.totals).toMatchObject({breachSoon: 2, breached: 2});
		// Without csr's targets only the desk's SLA counts.
		const deskOnly = computeDashboard(db, {...query, slaTargets: null});
		expect(deskOnly.totals).toMatchObject({breachSoon: 1, breached: 0});
		expect(deskOnly.csrTargets).toBe(false);
	});
});
