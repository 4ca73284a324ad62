import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import type {Ticket} from '../../src/domain/ticket.js';
import type {ExportPage, HelpDesk, TicketFacts} from '../../src/providers/help-desk.js';
import {officeWeek} from '../support/business-hours.js';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';
import {aTicket, createMemoryHelpDesk} from '../support/memory-help-desk.js';

// "SLA breach (csr targets)": csr's own targets judged in calendar and business minutes, every figure by hand.

const now = new Date('2026-11-20T12:00:00Z'); // Friday 13:00 in Copenhagen (CET, UTC+1)
const minutes = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;

let contexts: TestContext[] = [];
afterEach(() => {
	for (const created of contexts) created.cleanup();
	contexts = [];
});

const hours = {
	timeZone: 'Europe/Copenhagen',
	weekly: officeWeek,
	holidays: ['DK'],
	groups: {Weekend: {weekly: {sat: ['10:00-14:00'], sun: ['10:00-14:00']}}},
};
/** First reply 8h (high 2h, the Weekend group 1h); resolution 16h (urgent 4h). */
const targets = {firstReply: '8h, high=2h, @Weekend=1h', resolution: '16h, urgent=4h'};

type Case = {ticket: Partial<Ticket>; firstReplyAt: string | null; solvedAt: string | null};

const cases: Case[] = [
	// T1 normal, Mon 09:00 local. Reply 150 cal / 150 biz (≤ 480: met, met). Solved Tue 10:00 local: 1500 cal
	// (> 960: breached), 480 + 60 = 540 biz (met).
	{
		ticket: {id: '1', priority: 'normal', createdAt: '2026-11-16T08:00:00Z'},
		firstReplyAt: '2026-11-16T10:30:00Z',
		solvedAt: '2026-11-17T09:00:00Z',
	},
	// T2 high, Fri 16:00 local. Reply Mon 10:00 local: 3960 cal (> 120 breached), 60 + 60 = 120 biz (= target: met).
	// Solved Wed 17:30 local: 7290 cal, 60 + 480 × 3 = 1500 biz: both > 960, breached.
	{
		ticket: {id: '2', priority: 'high', createdAt: '2026-11-13T15:00:00Z'},
		firstReplyAt: '2026-11-16T09:00:00Z',
		solvedAt: '2026-11-18T16:30:00Z',
	},
	// T3 urgent, open, no reply, Thu 16:30 local; now Fri 13:00 local: 1230 cal, 30 + 240 = 270 biz. First reply 8h:
	// breached on the clock, running in business time. Resolution 4h: breached on both.
	{ticket: {id: '3', priority: 'urgent', createdAt: '2026-11-19T15:30:00Z'}, firstReplyAt: null, solvedAt: null},
	// T4 low, the Weekend group (Sat/Sun 10–14), open. Sat 11:00 local → reply Sun 11:00 local: 1440 cal,
	// 180 + 60 = 240 biz: > 60, breached on both. Resolution 16h running: 8760 cal (breached), biz so far
	// 180 + 240 = 420 (running).
	{
		ticket: {id: '4', priority: 'low', createdAt: '2026-11-14T10:00:00Z', group: {id: 'g9', name: 'Weekend'}},
		firstReplyAt: '2026-11-15T10:00:00Z',
		solvedAt: null,
	},
	// T5 normal, open, created an hour ago (Fri 12:00 local): 60 cal, 60 biz: running everywhere.
	{ticket: {id: '5', priority: 'normal', createdAt: '2026-11-20T11:00:00Z'}, firstReplyAt: null, solvedAt: null},
	// T6 no priority, solved within the hour without a public reply: first reply not judged, resolution 60: met.
	{
		ticket: {id: '6', priority: null, createdAt: '2026-11-17T08:00:00Z'},
		firstReplyAt: null,
		solvedAt: '2026-11-17T09:00:00Z',
	},
];

function facts(rename: (group: string) => string = (group) => group): TicketFacts[] {
	return cases.map((c) => ({
		ticket: aTicket({
			...c.ticket,
			...(c.ticket.group?.name === undefined
				? {}
				: {group: {id: c.ticket.group.id, name: rename(c.ticket.group.name)}}),
			status: c.solvedAt === null ? 'open' : 'solved',
			updatedAt: '2026-11-19T00:00:00Z',
		}),
		firstReplyAt: c.firstReplyAt,
		firstReplyMinutes: c.firstReplyAt === null ? null : minutes(c.ticket.createdAt as string, c.firstReplyAt),
		firstReplyBusinessMinutes: null,
		solvedAt: c.solvedAt,
		fullResolutionMinutes: c.solvedAt === null ? null : minutes(c.ticket.createdAt as string, c.solvedAt),
		fullResolutionBusinessMinutes: null,
		reopens: 0,
		publicAgentReplies: c.firstReplyAt === null ? 0 : 1,
		// The desk's own verdict: only ticket 2 carries one (breached).
		slaBreached: c.ticket.id === '2' ? true : null,
	}));
}

function desk(rename?: (group: string) => string): HelpDesk {
	const base = createMemoryHelpDesk([]);
	const none = async (): Promise<ExportPage<never>> => ({items: [], nextCursor: null});
	return {
		...base,
		exportTicketFacts: async () => ({items: facts(rename), nextCursor: null}),
		exportSatisfaction: none,
		exportSurveys: none,
	};
}

function context(profile: Record<string, unknown>, rename?: (group: string) => string): TestContext {
	const created = createTestContext({now, helpDesk: desk(rename)});
	contexts.push(created);
	mkdirSync(join(created.home, 'config'), {recursive: true});
	const config = {profiles: {demo: {provider: 'demo', ...profile}}};
	writeFileSync(join(created.home, 'config', 'config.json'), JSON.stringify(config), {mode: 0o600});
	return created;
}

const args = ['stats', '--json', '--since', '2026-11-10'];

describe('csr stats: SLA breach against csr’s targets', () => {
	it('judges every ticket in calendar and business minutes, beside the desk’s own verdict', async () => {
		const ctx = context({businessHours: hours, slaTargets: targets});
		const {exitCode, stdout} = await runCsr(args, ctx);
		expect(exitCode).toBe(0);
		const report = JSON.parse(stdout);
		expect(report.slaBreachRate).toBe(1); // the desk's: one ticket with SLA data, breached
		expect(report.slaBreachCsr).toEqual({
			calendar: {
				// Tickets: 1–4 breached, 5 running, 6 met.
				rate: 0.8,
				breached: 4,
				met: 1,
				running: 1,
				firstReply: {rate: 0.75, breached: 3, met: 1, running: 1},
				resolution: {rate: 0.8, breached: 4, met: 1, running: 1},
			},
			business: {
				// Tickets: 1 met, 2–4 breached, 5 running, 6 met.
				rate: 0.6,
				breached: 3,
				met: 2,
				running: 1,
				firstReply: {rate: 0.3333, breached: 1, met: 2, running: 2},
				resolution: {rate: 0.5, breached: 2, met: 2, running: 2},
			},
			judged: 6,
			withoutTarget: 0,
		});
	});

	it('gives each --by group its own figures', async () => {
		const ctx = context({businessHours: hours, slaTargets: targets});
		const {stdout} = await runCsr([...args, '--by', 'group'], ctx);
		const weekend = JSON.parse(stdout).groups.find((group: {key: string}) => group.key === 'Weekend');
		expect(weekend.slaBreachCsr.business).toMatchObject({breached: 1, met: 0, running: 0});
		expect(weekend.slaBreachCsr.business.resolution).toEqual({rate: null, breached: 0, met: 0, running: 1});
	});

	it('leaves out tickets no target applies to, and has no business figures without business hours', async () => {
		const ctx = context({slaTargets: {firstReply: 'high=2h'}});
		const report = JSON.parse((await runCsr(args, ctx)).stdout);
		expect(report.slaBreachCsr.judged).toBe(1);
		expect(report.slaBreachCsr.withoutTarget).toBe(5);
		expect(report.slaBreachCsr.calendar.firstReply).toEqual({rate: 1, breached: 1, met: 0, running: 0});
		expect(report.slaBreachCsr.calendar.resolution).toEqual({rate: null, breached: 0, met: 0, running: 0});
		expect(report.slaBreachCsr.business).toBeNull();
	});

	it('is null without targets, and --explain says how to set them', async () => {
		const ctx = context({businessHours: hours});
		const {stdout, stderr} = await runCsr([...args, '--explain'], ctx);
		expect(JSON.parse(stdout).slaBreachCsr).toBeNull();
		expect(stderr).toContain('no SLA targets are set for this profile, so slaBreachCsr is null');
		expect(stderr).toContain('csr config set sla.firstReply "8h, high=4h, urgent=4h"');
		expect(stderr).toContain("The desk's own verdict is slaBreachRate");
	});

	it('matches group names as the desk spells them, quotes and all', async () => {
		// The group's name reaches SQL only as a bound value: a quote in it neither breaks nor changes the query.
		const hostile = `Week'end "); DROP TABLE sync_tickets; --`;
		const ctx = context(
			{
				businessHours: {...hours, groups: {[hostile]: hours.groups.Weekend}},
				slaTargets: {...targets, firstReply: `8h, high=2h, @${hostile}=1h`},
			},
			() => hostile,
		);
		const report = JSON.parse((await runCsr(args, ctx)).stdout);
		expect(report.slaBreachCsr.business).toMatchObject({rate: 0.6, breached: 3, met: 2, running: 1});
		expect(report.slaBreachCsr.calendar.firstReply).toEqual({rate: 0.75, breached: 3, met: 1, running: 1});
		const byGroup = JSON.parse((await runCsr([...args, '--by', 'group', '--no-sync'], ctx)).stdout);
		const group = byGroup.groups.find((g: {key: string}) => g.key === hostile);
		expect(group.slaBreachCsr.business).toMatchObject({breached: 1, met: 0, running: 0});
		// Still running on the group's weekend clock; the profile's weekday clock would have it breached.
		expect(group.slaBreachCsr.business.resolution).toEqual({rate: null, breached: 0, met: 0, running: 1});
	});

	it('puts both clocks in the CSV, per --by row, and no such columns without targets', async () => {
		const ctx = context({businessHours: hours, slaTargets: targets});
		const csv = (await runCsr(['stats', '--format', 'csv', '--since', '2026-11-10'], ctx)).stdout;
		const [header = '', row = ''] = csv.trim().split('\n');
		const cells = Object.fromEntries(header.split(',').map((name, index) => [name, row.split(',')[index]]));
		expect(cells).toMatchObject({
			sla_csr_calendar_rate: '0.8',
			sla_csr_calendar_breached: '4',
			sla_csr_calendar_running: '1',
			sla_csr_calendar_first_reply_rate: '0.75',
			sla_csr_business_rate: '0.6',
			sla_csr_business_met: '2',
			sla_csr_business_first_reply_rate: '0.3333',
			sla_csr_business_resolution_running: '2',
			sla_csr_judged: '6',
			sla_csr_without_target: '0',
		});
		const byGroup = (await runCsr(['stats', '--format', 'csv', '--since', '2026-11-10', '--by', 'group'], ctx)).stdout;
		const lines = byGroup.trim().split('\n');
		const columns = (lines[0] ?? '').split(',');
		const weekend = (lines.find((line) => line.startsWith('Weekend,')) ?? '').split(',');
		expect(weekend[columns.indexOf('sla_csr_business_breached')]).toBe('1');
		expect(weekend[columns.indexOf('sla_csr_business_resolution_running')]).toBe('1');
		const none = await runCsr(['stats', '--format', 'csv', '--since', '2026-11-10'], context({businessHours: hours}));
		expect(none.stdout.split('\n')[0]).not.toContain('sla_csr');
	});

	it('shows both clocks in the table', async () => {
		const ctx = context({businessHours: hours, slaTargets: targets});
		const {stdout} = await runCsr(['stats', '--since', '2026-11-10'], ctx);
		expect(stdout).toContain('SLA breach (csr targets), calendar: 80.0% (4 of 5)   first reply 75.0% (3 of 4)');
		expect(stdout).toContain('SLA breach (csr targets), business hours: 60.0% (3 of 5)   first reply 33.3% (1 of 3)');
	});
});

describe('csr config set sla.*', () => {
	it('stores the targets in the active profile and csr stats judges by them', async () => {
		const ctx = context({businessHours: hours});
		const set = await runCsr(['config', 'set', 'sla.firstReply', '8h, high=2h, @Weekend=1h'], ctx);
		expect(set.exitCode).toBe(0);
		await runCsr(['config', 'set', 'sla.resolution', '16h, urgent=4h'], ctx);
		expect((await runCsr(['config', 'get', 'sla.resolution'], ctx)).stdout).toBe('16h, urgent=4h\n');
		const report = JSON.parse((await runCsr(args, ctx)).stdout);
		expect(report.slaBreachCsr.business.rate).toBe(0.6);
		await runCsr(['config', 'set', 'sla.firstReply', 'none'], ctx);
		await runCsr(['config', 'set', 'sla.resolution', 'none'], ctx);
		expect(ctx.config().read().profiles['demo']?.slaTargets).toBeNull();
		expect(JSON.parse((await runCsr([...args, '--no-sync'], ctx)).stdout).slaBreachCsr).toBeNull();
	});

	it.each([
		['8x', '"8x": the duration must be like 30m, 4h, 1h30m or 2d'],
		['hi=4h', '"hi" is not a priority (low, normal, high, urgent); a group starts with @'],
		['8h, high=4h, high=2h', '"high=2h": a second target for the same tickets'],
		['high=0h', 'the duration must be like'],
		['@=4h', 'name the group after @'],
	])('refuses %s with exit 2 and says which entry is wrong', async (value, message) => {
		const ctx = context({});
		const {exitCode, stderr} = await runCsr(['config', 'set', 'sla.firstReply', value], ctx);
		expect(exitCode).toBe(2);
		expect(stderr).toContain(message);
		expect(stderr).toContain('For example: csr config set sla.firstReply');
		expect(ctx.config().read().profiles['demo']?.slaTargets ?? null).toBeNull();
	});
});
