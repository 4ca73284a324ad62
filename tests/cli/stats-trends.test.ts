import {afterEach, describe, expect, it} from 'vitest';
import {formatTrendCharts} from '../../src/cli/output/trend-charts.js';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';

let contexts: TestContext[] = [];
afterEach(() => {
	for (const created of contexts) created.cleanup();
	contexts = [];
});

type Group = {key: string; window: {since: string; until: string}; tickets: {created: number; solved: number}};

describe('csr stats --by week and the trend charts', () => {
	it('groups by ISO week (Mondays, UTC), clipped to the window, adding up to the whole', async () => {
		const ctx = createTestContext({now: new Date('2026-11-20T12:00:00Z')});
		contexts.push(ctx);
		await runCsr(['demo', 'reset', '--tickets', '300', '--seed', '5'], ctx);
		const {exitCode, stdout} = await runCsr(['stats', '--since', '2026-10-15', '--by', 'week', '--json'], ctx);
		expect(exitCode).toBe(0);
		const report = JSON.parse(stdout);
		const groups: Group[] = report.groups;
		// 15 October 2026 is a Thursday: its week starts Monday 12 October; 20 November is in the week of the 16th.
		expect(groups.map((group) => group.key)).toEqual([
			'2026-10-12',
			'2026-10-19',
			'2026-10-26',
			'2026-11-02',
			'2026-11-09',
			'2026-11-16',
		]);
		expect(groups[0]?.window).toEqual({since: '2026-10-15T00:00:00.000Z', until: '2026-10-19T00:00:00.000Z'});
		expect(groups[5]?.window).toEqual({since: '2026-11-16T00:00:00.000Z', until: '2026-11-20T12:00:00.000Z'});
		const sum = (pick: (group: Group) => number) => groups.reduce((total, group) => total + pick(group), 0);
		expect(sum((group) => group.tickets.created)).toBe(report.tickets.created);
		expect(sum((group) => group.tickets.solved)).toBe(report.tickets.solved);
		// The same days by day add up to each week.
		const byDay = JSON.parse(
			(await runCsr(['stats', '--since', '2026-10-15', '--by', 'day', '--json', '--no-sync'], ctx)).stdout,
		);
		const week = (day: string) => groups.findLast((group) => group.key <= day)?.key;
		const created = new Map<string, number>();
		for (const day of byDay.groups as Group[]) {
			const key = week(day.key) as string;
			created.set(key, (created.get(key) ?? 0) + day.tickets.created);
		}
		expect(Object.fromEntries(created)).toEqual(Object.fromEntries(groups.map((g) => [g.key, g.tickets.created])));
	});

	it('draws one line per KPI under the table, readable without colour', async () => {
		const ctx = createTestContext({now: new Date('2026-11-20T12:00:00Z'), env: {NO_COLOR: '1'}});
		contexts.push(ctx);
		await runCsr(['demo', 'reset', '--tickets', '300', '--seed', '5'], ctx);
		const {exitCode, stdout} = await runCsr(['stats', '--since', '30d', '--by', 'day'], ctx);
		expect(exitCode).toBe(0);
		expect(stdout).not.toContain('\u001B');
		expect(stdout).toContain('Trends per day, 2026-10-21 → 2026-11-20: first · low–high · last');
		for (const label of [
			'created',
			'solved',
			'first reply median',
			'resolution median',
			'next reply median',
			'requester wait median',
			'one-touch',
			'CSAT',
			'NPS',
			'CES mean',
		]) {
			expect(stdout).toMatch(new RegExp(`\\n${label} +[▁▂▃▄▅▆▇█ ]{31} \\S`));
		}
		const weekly = await runCsr(['stats', '--since', '30d', '--by', 'week', '--no-sync'], ctx);
		expect(weekly.stdout).toContain('Trends per week, 2026-10-19 → 2026-11-16');
		const json = await runCsr(['stats', '--since', '30d', '--by', 'week', '--json', '--no-sync'], ctx);
		expect(json.stdout).not.toContain('Trends per');
		// With csr's own SLA targets: their breach rate per day, business hours and calendar, beside the desk's.
		await runCsr(['config', 'set', 'sla.firstReply', '8h, high=4h'], ctx);
		const targeted = await runCsr(['stats', '--since', '30d', '--by', 'day', '--no-sync'], ctx);
		for (const label of ['SLA breach \\(desk\\)', 'SLA breach \\(csr\\), business', '  calendar']) {
			expect(targeted.stdout).toMatch(new RegExp(`\\n${label} +[▁▂▃▄▅▆▇█ ]{31} \\S`));
		}
	});

	it('fits the chart to the terminal, several periods a bar when they do not fit', () => {
		const groups = Array.from({length: 200}, (_, i) => ({
			key: `d${i}`,
			tickets: {created: i, solved: 0, reopened: 0},
			backlog: {open: 0, pending: 0, onHold: 0, byAge: {'<1d': 0, '1-3d': 0, '3-7d': 0, '>7d': 0}},
			firstReplyMinutes: {median: null, mean: null, p90: null, count: 0},
			resolutionMinutes: {median: null, mean: null, p90: null, count: 0},
			oneTouchRate: null,
			reopenRate: null,
			slaBreachRate: null,
			csat: {score: null, good: 0, bad: 0, byChannel: {}, trend: []},
			nps: null,
			ces: null,
			agents: [],
			window: {since: '', until: ''},
		}));
		const text = formatTrendCharts(groups, 100, 'day');
		for (const line of text.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(100);
		expect(text).toContain('(6 days a bar)'); // 36 columns for the chart at 100
		expect(text).toMatch(/\ncreated +▁[▁▂▃▄▅▆▇█]+█ +0 · 0–199 · 199/);
		expect(formatTrendCharts(groups.slice(0, 1), 100, 'day')).toBe('');
	});
});
