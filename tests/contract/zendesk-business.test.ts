import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {threadWaits} from '../../src/kpi/waits.js';
import {applyBusinessHours, loadBusinessCalendars} from '../../src/services/business-hours.js';
import {toCachedTicket} from '../../src/services/sync.js';
import {openDatabase} from '../../src/store/database.js';
import {storeSyncPage} from '../../src/store/stats-cache.js';
import {officeWeek} from '../support/business-hours.js';
import {createVirtualClock} from '../support/fake-server.js';
import {zendeskOnFake} from './zendesk-setup.js';

// Zendesk's own business-hours metrics against csr's computation on the same schedule, for one ticket of the fake.

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
	await close?.();
	close = undefined;
});

const hours = {
	timeZone: 'Europe/Copenhagen',
	weekly: officeWeek,
};

// Copenhagen in November is UTC+1: the office is open 08:00–16:00 UTC, Monday to Friday.
const created = '2026-11-16T08:00:00Z';
const solved = '2026-11-23T12:00:00Z';
const thread: [string, 'customer' | 'agent'][] = [
	['2026-11-16T08:00:00Z', 'customer'],
	['2026-11-16T10:00:00Z', 'agent'],
	['2026-11-16T15:00:00Z', 'customer'],
	['2026-11-17T09:00:00Z', 'agent'],
	['2026-11-20T15:30:00Z', 'customer'],
	['2026-11-23T08:30:00Z', 'agent'],
	['2026-11-23T09:00:00Z', 'customer'],
];
/**
 * What Zendesk reports for it on that schedule (hand-computed; the ticket is open exactly while the requester
 * waits and pending otherwise, so Zendesk's requester wait, time in new/open/on-hold, is the thread's waits):
 * first reply 120 / 120; full resolution 10,320 calendar, 480 + 4 × 480 + 240 = 2,640 business; requester wait
 * 120 + 1,080 + 3,900 + 180 = 5,280 calendar, 120 + 120 + 60 + 180 = 480 business.
 */
const zendeskMetrics = {
	reply_time_in_minutes: {calendar: 120, business: 120},
	full_resolution_time_in_minutes: {calendar: 10_320, business: 2640},
	requester_wait_time_in_minutes: {calendar: 5280, business: 480},
	solved_at: solved,
};

async function ticketElevenOnFake() {
	const clock = createVirtualClock();
	const setup = await zendeskOnFake({clock, tickets: 12, statusFor: (id) => (id === 11 ? 'solved' : 'open')});
	close = setup.close;
	const {desk, fake} = setup;
	const ticket = fake.tickets.get(11);
	if (ticket === undefined) throw new Error('no ticket 11');
	ticket.created_at = created;
	ticket.assignee_id = fake.me.id;
	fake.comments.set(11, []);
	for (const [at, who] of thread) {
		fake.addComment(11, who === 'agent' ? fake.me.id : ticket.requester_id, `${who} at ${at}`, true);
		const last = fake.comments.get(11)?.at(-1);
		if (last) last.created_at = at;
	}
	// An internal note answers nobody.
	fake.addComment(11, fake.me.id, 'note', false);
	const note = fake.comments.get(11)?.at(-1);
	if (note) note.created_at = '2026-11-16T16:00:00Z';
	fake.afterRoute = (request, answer) => {
		if (request.pathname !== '/api/v2/incremental/tickets/cursor.json') return undefined;
		const body = answer.json as {tickets: {id: number}[]; metric_sets: {ticket_id: number}[]};
		return {
			...answer,
			json: {
				...body,
				metric_sets: body.metric_sets.map((metric) =>
					metric.ticket_id === 11 ? {...metric, ...zendeskMetrics} : metric,
				),
			},
		};
	};
	return {desk, fake};
}

describe('Zendesk next reply from the thread', () => {
	it('reads each exported ticket’s thread from its audits; csr measures next reply in calendar and business minutes', async () => {
		const {desk, fake} = await ticketElevenOnFake();
		const facts = (await desk.exportTicketFacts(null)).items.find((item) => item.ticket.id === '11');
		if (facts === undefined) throw new Error('ticket 11 not exported');
		expect(facts.publicMessages?.map((message) => [message.at, message.agent === null ? 'customer' : 'agent'])).toEqual(
			thread.map(([at, who]) => [new Date(at).toISOString(), who]),
		);
		// Solved by a trigger (the fake solved it before anyone was assigned): no agent solved it, so the assignee has it.
		expect(facts.solvedBy?.id).toBe(String(fake.me.id));
		const cached = toCachedTicket(facts);
		// Next replies: Mon 15:00 → Tue 09:00 (1,080) and Fri 15:30 → Mon 08:30 (3,900); the last customer message is
		// unanswered. Mean 2,490. Zendesk's own requester wait stays.
		expect(cached.nextReplyMinutes).toBe(2490);
		expect(cached.requesterWaitMinutes).toBe(5280);
		expect(cached.requesterWaitBusinessMinutes).toBe(480);
		// In business minutes (08:00–16:00 UTC): 60 + 60 and 30 + 30: mean 90, measured by csr although the row's
		// other business minutes are Zendesk's.
		const dir = mkdtempSync(join(tmpdir(), 'csr-zendesk-next-'));
		const db = openDatabase(join(dir, 'csr.db'));
		try {
			storeSyncPage(
				db,
				'z',
				{stream: 'tickets', items: [cached]},
				{provider: 'zendesk', cursor: null, at: 'now', completed: true},
			);
			await applyBusinessHours(db, 'z', hours);
			const row = db
				.prepare('SELECT next_reply_business_minutes, first_reply_business_minutes, business_source FROM sync_tickets')
				.get();
			expect(row).toEqual({
				next_reply_business_minutes: 90,
				first_reply_business_minutes: 120,
				business_source: 'desk',
			});
			// Measured once per schedule; without business hours it goes.
			expect((await applyBusinessHours(db, 'z', hours)).computed).toBe(0);
			await applyBusinessHours(db, 'z', null);
			expect(db.prepare('SELECT next_reply_business_minutes FROM sync_tickets').get()).toEqual({
				next_reply_business_minutes: null,
			});
		} finally {
			db.close();
			rmSync(dir, {recursive: true, force: true});
		}
	});
});

describe('Zendesk business-hours metrics', () => {
	it('are used for first reply, resolution and requester wait, and agree with csr’s on the same schedule', async () => {
		const clock = createVirtualClock();
		const setup = await zendeskOnFake({clock, tickets: 12, statusFor: (id) => (id === 11 ? 'solved' : 'open')});
		close = setup.close;
		const {desk, fake} = setup;
		const ticket = fake.tickets.get(11);
		if (ticket === undefined) throw new Error('no ticket 11');
		ticket.created_at = created;
		const agentId = fake.me.id;
		fake.comments.set(11, []);
		for (const [at, who] of thread) {
			fake.addComment(11, who === 'agent' ? agentId : ticket.requester_id, `${who} at ${at}`, true);
			const last = fake.comments.get(11)?.at(-1);
			if (last) last.created_at = at;
		}
		fake.afterRoute = (request, answer) => {
			if (request.pathname !== '/api/v2/incremental/tickets/cursor.json') return undefined;
			const body = answer.json as {tickets: {id: number}[]; metric_sets: {ticket_id: number}[]};
			return {
				...answer,
				json: {
					...body,
					metric_sets: body.metric_sets.map((metric) =>
						metric.ticket_id === 11 ? {...metric, ...zendeskMetrics} : metric,
					),
				},
			};
		};
		const facts = (await desk.exportTicketFacts(null)).items.find((item) => item.ticket.id === '11');
		expect(facts).toMatchObject({
			firstReplyBusinessMinutes: 120,
			fullResolutionBusinessMinutes: 2640,
			requesterWaitMinutes: 5280,
			requesterWaitBusinessMinutes: 480,
		});

		// csr on the same schedule, from the same ticket's thread as the desk shows it.
		const calendars = await loadBusinessCalendars(hours);
		if (calendars === null) throw new Error('no calendars');
		const shown = await desk.getThread('11');
		const messages = shown.messages
			.filter((message) => message.public)
			.map((message) => ({at: Date.parse(message.createdAt), byAgent: message.author.role === 'agent'}));
		const firstReply = messages.find((message) => message.byAgent)?.at ?? 0;
		const clockOf = calendars.profile;
		const start = Date.parse(shown.ticket.createdAt);
		expect(clockOf.minutesBetween(start, firstReply)).toBe(facts?.firstReplyBusinessMinutes);
		expect(clockOf.minutesBetween(start, Date.parse(solved))).toBe(facts?.fullResolutionBusinessMinutes);
		const waits = threadWaits(start, messages, Date.parse(solved)).requesterWaits ?? [];
		const sum = (measure: (wait: readonly [number, number]) => number) =>
			waits.map(measure).reduce((total, value) => total + value, 0);
		expect(sum(([from, to]) => clockOf.minutesBetween(from, to))).toBe(facts?.requesterWaitBusinessMinutes);
		expect(sum(([from, to]) => (to - from) / 60_000)).toBe(facts?.requesterWaitMinutes);
	});
});
