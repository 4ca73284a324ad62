import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import type {ExportPage, HelpDesk, TicketFacts} from '../../src/providers/help-desk.js';
import {officeWeek} from '../support/business-hours.js';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';
import {aTicket, createMemoryHelpDesk} from '../support/memory-help-desk.js';

// Next reply and requester wait, calendar and business minutes, from the desk's thread (or the desk's own figures).

const now = new Date('2026-11-25T12:00:00Z');
const minutes = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;
const anna = {id: 'a1', name: 'Anna', email: 'anna@example.com'};

let contexts: TestContext[] = [];
afterEach(() => {
	for (const created of contexts) created.cleanup();
	contexts = [];
});

const hours = {
	timeZone: 'Europe/Copenhagen',
	weekly: officeWeek,
};

type Case = {id: string; createdAt: string; thread: [string, 'c' | 'a'][]; solvedAt: string | null};

/** Copenhagen in November is UTC+1: business hours are 08:00–16:00 UTC, Monday to Friday. */
const cases: Case[] = [
	// Next replies 1,080 (business 60 + 60) and 3,900 (30 + 30): mean 2,490 (90). Requester waits 120 + 1,080 +
	// 3,900 + 180 = 5,280 calendar, 120 + 120 + 60 + 180 = 480 business.
	{
		id: '1',
		createdAt: '2026-11-16T08:00:00Z',
		thread: [
			['2026-11-16T08:00:00Z', 'c'],
			['2026-11-16T10:00:00Z', 'a'],
			['2026-11-16T15:00:00Z', 'c'],
			['2026-11-16T15:30:00Z', 'c'],
			['2026-11-17T09:00:00Z', 'a'],
			['2026-11-20T15:30:00Z', 'c'],
			['2026-11-23T08:30:00Z', 'a'],
			['2026-11-23T09:00:00Z', 'c'],
		],
		solvedAt: '2026-11-23T12:00:00Z',
	},
	// Open: a next reply of 120 (all in business hours); no requester wait while unsolved.
	{
		id: '2',
		createdAt: '2026-11-17T08:00:00Z',
		thread: [
			['2026-11-17T08:00:00Z', 'c'],
			['2026-11-17T08:30:00Z', 'a'],
			['2026-11-17T09:00:00Z', 'c'],
			['2026-11-17T11:00:00Z', 'a'],
		],
		solvedAt: null,
	},
	// Solved after one reply: no next reply; requester wait 60 (business 60).
	{
		id: '3',
		createdAt: '2026-11-18T08:00:00Z',
		thread: [
			['2026-11-18T08:00:00Z', 'c'],
			['2026-11-18T09:00:00Z', 'a'],
		],
		solvedAt: '2026-11-18T10:00:00Z',
	},
];

/** With the thread; or without it, with the desk's own requester wait as Zendesk gives it (hand-computed). */
function factsOf(withThread: boolean): TicketFacts[] {
	const deskWait: Record<string, [number, number]> = {'1': [5280, 480], '3': [60, 60]};
	return cases.map((c) => {
		const firstReplyAt = c.thread.find(([, who]) => who === 'a')?.[0] ?? null;
		return {
			ticket: aTicket({id: c.id, createdAt: c.createdAt, status: c.solvedAt === null ? 'open' : 'solved'}),
			firstReplyAt,
			firstReplyMinutes: firstReplyAt === null ? null : minutes(c.createdAt, firstReplyAt),
			firstReplyBusinessMinutes: null,
			solvedAt: c.solvedAt,
			fullResolutionMinutes: c.solvedAt === null ? null : minutes(c.createdAt, c.solvedAt),
			fullResolutionBusinessMinutes: null,
			reopens: 0,
			publicAgentReplies: c.thread.filter(([, who]) => who === 'a').length,
			slaBreached: null,
			...(withThread
				? {
						publicMessages: c.thread.map(([at, who]) => ({
							at,
							channel: 'email' as const,
							agent: who === 'a' ? anna : null,
						})),
					}
				: {
						requesterWaitMinutes: deskWait[c.id]?.[0] ?? null,
						requesterWaitBusinessMinutes: deskWait[c.id]?.[1] ?? null,
					}),
		};
	});
}

function context(facts: TicketFacts[], providerName: string, businessHours: unknown): TestContext {
	const base = createMemoryHelpDesk([]);
	const none = async (): Promise<ExportPage<never>> => ({items: [], nextCursor: null});
	const helpDesk: HelpDesk = {
		...base,
		providerName,
		exportTicketFacts: async () => ({items: facts, nextCursor: null}),
		exportSatisfaction: none,
		exportSurveys: none,
	};
	const created = createTestContext({now, helpDesk});
	contexts.push(created);
	mkdirSync(join(created.home, 'config'), {recursive: true});
	const config = {profiles: {demo: {provider: 'demo', businessHours}}};
	writeFileSync(join(created.home, 'config', 'config.json'), JSON.stringify(config), {mode: 0o600});
	return created;
}

const args = ['stats', '--json', '--since', '2026-11-10'];

describe('csr stats: next reply and requester wait', () => {
	it('measures both from the thread in calendar and business minutes, beside each other', async () => {
		const ctx = context(factsOf(true), 'fixture', hours);
		const {exitCode, stdout} = await runCsr(args, ctx);
		expect(exitCode).toBe(0);
		const report = JSON.parse(stdout);
		// Next reply per ticket: 2,490 and 120 (business 90 and 120). p90 = low + 0.9 × (high − low).
		expect(report.nextReplyMinutes).toEqual({median: 1305, mean: 1305, p90: 2253, count: 2});
		expect(report.nextReplyBusinessMinutes).toEqual({median: 105, mean: 105, p90: 117, count: 2});
		// Requester wait of the solved tickets: 5,280 and 60 (business 480 and 60).
		expect(report.requesterWaitMinutes).toEqual({median: 2670, mean: 2670, p90: 4758, count: 2});
		expect(report.requesterWaitBusinessMinutes).toEqual({median: 270, mean: 270, p90: 438, count: 2});
	});

	it('shows them in the table and says in --explain how they are measured', async () => {
		const ctx = context(factsOf(true), 'fixture', hours);
		const {stdout} = await runCsr(['stats', '--since', '2026-11-10', '--explain', '--no-color'], ctx);
		expect(stdout).toMatch(/Next reply {3}median 21h 45m/);
		expect(stdout).toMatch(/Req\. wait {4}median 44h 30m .*\n {13}business hours: median 4h 30m/);
		expect(stdout).toContain('nextReplyMinutes\n  Tickets created in the window with a next reply');
		expect(stdout).toContain('Used: 2 of 3 created tickets had a customer message answered after the first reply.');
		expect(stdout).toContain('requesterWaitMinutes');
		expect(stdout).toContain('Used: 2 of 2 solved tickets');
	});

	it('adds their columns to CSV', async () => {
		const ctx = context(factsOf(true), 'fixture', hours);
		const {stdout} = await runCsr(['stats', '--format', 'csv', '--since', '2026-11-10'], ctx);
		const [header, row] = stdout
			.trim()
			.split('\n')
			.map((line) => line.split(','));
		const at = (column: string) => row?.[header?.indexOf(column) ?? -1];
		expect(at('next_reply_minutes_median')).toBe('1305');
		expect(at('next_reply_business_minutes_p90')).toBe('117');
		expect(at('requester_wait_minutes_count')).toBe('2');
		expect(at('requester_wait_business_minutes_mean')).toBe('270');
	});

	it('uses the desk’s own requester wait where it gives one, and it agrees with csr’s on the same schedule', async () => {
		const ours = JSON.parse((await runCsr(args, context(factsOf(true), 'fixture', hours))).stdout);
		const theirs = JSON.parse((await runCsr(args, context(factsOf(false), 'zendesk', hours))).stdout);
		expect(theirs.requesterWaitMinutes).toEqual(ours.requesterWaitMinutes);
		expect(theirs.requesterWaitBusinessMinutes).toEqual(ours.requesterWaitBusinessMinutes);
		// Without the thread there is no next reply: the key is left out, not 0.
		expect(theirs).not.toHaveProperty('nextReplyMinutes');
	});

	it('leaves the business figures out without business hours, and per group they follow the same rules', async () => {
		const ctx = context(factsOf(true), 'fixture', null);
		const report = JSON.parse((await runCsr(args, ctx)).stdout);
		expect(report.nextReplyMinutes).toMatchObject({median: 1305, count: 2});
		expect(report).not.toHaveProperty('nextReplyBusinessMinutes');
		expect(report).not.toHaveProperty('requesterWaitBusinessMinutes');
		const byDay = JSON.parse((await runCsr([...args, '--by', 'day', '--no-sync'], ctx)).stdout);
		const monday = byDay.groups.find((group: {key: string}) => group.key === '2026-11-16');
		expect(monday.nextReplyMinutes).toEqual({median: 2490, mean: 2490, p90: 2490, count: 1});
		const wednesday = byDay.groups.find((group: {key: string}) => group.key === '2026-11-18');
		expect(wednesday.requesterWaitMinutes).toEqual({median: 60, mean: 60, p90: 60, count: 1});
	});
});
