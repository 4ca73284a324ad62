import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import type {Ticket} from '../../src/domain/ticket.js';
import type {ExportPage, HelpDesk, TicketFacts} from '../../src/providers/help-desk.js';
import {officeWeek} from '../support/business-hours.js';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';
import {aTicket, createMemoryHelpDesk} from '../support/memory-help-desk.js';

const now = new Date('2026-11-20T12:00:00Z');
const minutes = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;

let contexts: TestContext[] = [];
afterEach(() => {
	for (const created of contexts) created.cleanup();
	contexts = [];
});

const office = officeWeek;
const hours = {
	timeZone: 'Europe/Copenhagen',
	weekly: office,
	holidays: ['DK'],
	groups: {Weekend: {weekly: {sat: ['10:00-14:00'], sun: ['10:00-14:00']}}},
};

function desk(facts: TicketFacts[], providerName = 'fixture'): HelpDesk {
	const base = createMemoryHelpDesk([]);
	const one = async (): Promise<ExportPage<never>> => ({items: [], nextCursor: null});
	return {
		...base,
		providerName,
		exportTicketFacts: async () => ({items: facts, nextCursor: null}),
		exportSatisfaction: one,
		exportSurveys: one,
	};
}

function context(helpDesk: HelpDesk, businessHours: unknown): TestContext {
	const created = createTestContext({now, helpDesk});
	contexts.push(created);
	mkdirSync(join(created.home, 'config'), {recursive: true});
	const config = {profiles: {demo: {provider: 'demo', businessHours}}};
	writeFileSync(join(created.home, 'config', 'config.json'), JSON.stringify(config), {mode: 0o600});
	return created;
}

type Case = {
	ticket: Partial<Ticket>;
	firstReplyAt: string | null;
	solvedAt: string | null;
	business: [number | null, number | null];
};

/** Hand-computed on Mon–Fri 09:00–17:00 Copenhagen (CET, UTC+1); the Weekend group works Sat/Sun 10:00–14:00. */
const cases: Case[] = [
	// Mon 09:00 local → reply 11:30 (150); solved Tue 10:00: Monday 480 + Tuesday 60.
	{
		ticket: {id: '1', createdAt: '2026-11-16T08:00:00Z'},
		firstReplyAt: '2026-11-16T10:30:00Z',
		solvedAt: '2026-11-17T09:00:00Z',
		business: [150, 540],
	},
	// Fri 16:00 local → reply Mon 10:00 (60 + 60); solved Wed 17:30: 60 + 480 + 480 + 480.
	{
		ticket: {id: '2', createdAt: '2026-11-13T15:00:00Z'},
		firstReplyAt: '2026-11-16T09:00:00Z',
		solvedAt: '2026-11-18T16:30:00Z',
		business: [120, 1500],
	},
	// Saturday, answered on Saturday: no business time at all.
	{
		ticket: {id: '3', createdAt: '2026-11-14T10:00:00Z'},
		firstReplyAt: '2026-11-14T12:00:00Z',
		solvedAt: null,
		business: [0, null],
	},
	// The Weekend group: Sat 11:00 local → Sun 11:00 local: Saturday 11–14 (180) + Sunday 10–11 (60).
	{
		ticket: {id: '4', createdAt: '2026-11-14T10:00:00Z', group: {id: 'g9', name: 'Weekend'}},
		firstReplyAt: '2026-11-15T10:00:00Z',
		solvedAt: null,
		business: [240, null],
	},
];

function factsOf(withDeskBusiness: boolean): TicketFacts[] {
	return cases.map((c) => ({
		ticket: aTicket({...c.ticket, status: c.solvedAt === null ? 'open' : 'solved', updatedAt: '2026-11-19T00:00:00Z'}),
		firstReplyAt: c.firstReplyAt,
		firstReplyMinutes: c.firstReplyAt === null ? null : minutes(c.ticket.createdAt as string, c.firstReplyAt),
		firstReplyBusinessMinutes: withDeskBusiness ? c.business[0] : null,
		solvedAt: c.solvedAt,
		fullResolutionMinutes: c.solvedAt === null ? null : minutes(c.ticket.createdAt as string, c.solvedAt),
		fullResolutionBusinessMinutes: withDeskBusiness ? c.business[1] : null,
		reopens: 0,
		publicAgentReplies: 1,
		slaBreached: null,
	}));
}

describe('csr stats in business hours', () => {
	it('measures first reply and resolution on the profile’s and the group’s schedule, beside calendar time', async () => {
		const ctx = context(desk(factsOf(false)), hours);
		const {exitCode, stdout} = await runCsr(['stats', '--json', '--since', '2026-11-10'], ctx);
		expect(exitCode).toBe(0);
		const report = JSON.parse(stdout);
		// Business first replies 150, 120, 0, 240: median 135, mean 127.5, p90 150 + 0.7 × 90.
		expect(report.firstReplyBusinessMinutes).toEqual({median: 135, mean: 127.5, p90: 213, count: 4});
		// Business resolutions 540 and 1500.
		expect(report.resolutionBusinessMinutes).toEqual({median: 1020, mean: 1020, p90: 1404, count: 2});
		expect(report.resolutionMinutes).toEqual({median: 4395, mean: 4395, p90: 6711, count: 2});
		const byGroup = JSON.parse(
			(await runCsr(['stats', '--json', '--since', '2026-11-10', '--by', 'group', '--no-sync'], ctx)).stdout,
		);
		const weekend = byGroup.groups.find((group: {key: string}) => group.key === 'Weekend');
		expect(weekend.firstReplyBusinessMinutes).toMatchObject({median: 240, count: 1});
	});

	it('uses the desk’s own business times where it gives them, and they agree with csr on the same schedule', async () => {
		const ours = context(desk(factsOf(false)), hours);
		const theirs = context(desk(factsOf(true), 'zendesk'), hours);
		const args = ['stats', '--json', '--since', '2026-11-10', '--explain'];
		const mine = await runCsr(args, ours);
		const desks = await runCsr(args, theirs);
		expect(JSON.parse(desks.stdout)).toEqual(JSON.parse(mine.stdout));
		expect(desks.stderr).toContain("4 cached tickets with demo's own business times; 0 measured by csr");
		expect(mine.stderr).toContain("0 cached tickets with demo's own business times; 4 measured by csr");
		expect(mine.stderr).toContain('Schedule, group Weekend: Europe/Copenhagen; mon closed;');
	});

	it('measures again after the schedule changes, and drops csr’s figures when it is removed', async () => {
		const ctx = context(desk(factsOf(false)), hours);
		await runCsr(['stats', '--json'], ctx);
		await ctx.config().update((config) => {
			const demo = config.profiles['demo'];
			if (demo === undefined) throw new Error('no demo profile');
			// Monday 16 November closed: ticket 1 then has no business time until Tuesday.
			const closed = {...hours, closed: ['2026-11-16']};
			return {...config, profiles: {...config.profiles, demo: {...demo, businessHours: closed}}};
		});
		const report = JSON.parse((await runCsr(['stats', '--json', '--no-sync', '--since', '2026-11-10'], ctx)).stdout);
		// Ticket 1: reply on the closed Monday (0); ticket 2: Friday's 60 only. Resolutions 60 and 1020.
		expect(report.firstReplyBusinessMinutes).toMatchObject({median: 30, count: 4});
		expect(report.resolutionBusinessMinutes).toMatchObject({median: 540, count: 2});
		await ctx.config().update((config) => {
			const demo = config.profiles['demo'];
			if (demo === undefined) throw new Error('no demo profile');
			return {...config, profiles: {...config.profiles, demo: {...demo, businessHours: null}}};
		});
		const plain = JSON.parse((await runCsr(['stats', '--json', '--no-sync'], ctx)).stdout);
		expect(plain).not.toHaveProperty('firstReplyBusinessMinutes');
	});

	it('refuses a schedule with an unknown time zone with exit 2 and a hint', async () => {
		const ctx = context(desk(factsOf(false)), {...hours, timeZone: 'Europe/Atlantis'});
		const {exitCode, stderr} = await runCsr(['stats', '--json'], ctx);
		expect(exitCode).toBe(2);
		expect(stderr).toContain('unknown time zone "Europe/Atlantis"');
	});
});
