import {afterEach, describe, expect, it} from 'vitest';
import {createSandbox} from '../support/e2e.js';

let box: ReturnType<typeof createSandbox>;
afterEach(() => box.cleanup());

const reportKeys = [
	'window',
	'tickets',
	'backlog',
	'firstReplyMinutes',
	'resolutionMinutes',
	'oneTouchRate',
	'reopenRate',
	'slaBreachRate',
	'csat',
	'nps',
	'ces',
	'agents',
	// The built-in demo profile has business hours (Copenhagen office hours, DK holidays): csr measures them.
	'firstReplyBusinessMinutes',
	'resolutionBusinessMinutes',
	// The demo desk exports its threads: next reply and requester wait, calendar and business minutes.
	'nextReplyMinutes',
	'nextReplyBusinessMinutes',
	'requesterWaitMinutes',
	'requesterWaitBusinessMinutes',
	// The demo desk exports who replied and who solved: per-agent figures for the whole team.
	'team',
	// csr's own SLA targets: none set on the built-in profile, so null (csr never invents a target).
	'slaBreachCsr',
];

describe('csr sync and csr stats (built bin, demo desk)', () => {
	it('syncs on first use and prints the PRODUCT.md §7 shape', async () => {
		box = createSandbox();
		expect((await box.csr(['demo', 'reset', '--tickets', '300', '--seed', '5'])).exitCode).toBe(0);
		const first = await box.csr(['stats', '--json']);
		expect(first.exitCode).toBe(0);
		// No TTY: no progress, no notes.
		expect(first.stderr).toBe('');
		const report = JSON.parse(first.stdout);
		expect(Object.keys(report)).toEqual(reportKeys);
		expect(report.tickets.created).toBeGreaterThan(0);
		expect(report.csat.trend).toHaveLength(31);
		expect(report.firstReplyBusinessMinutes.count).toBe(report.firstReplyMinutes.count);
		expect(report.resolutionBusinessMinutes.count).toBe(report.resolutionMinutes.count);
		expect(report.requesterWaitBusinessMinutes.count).toBe(report.requesterWaitMinutes.count);
		expect(report.resolutionBusinessMinutes.mean).toBeLessThan(report.resolutionMinutes.mean);

		const synced = await box.csr(['sync', '--json']);
		expect(synced.exitCode).toBe(0);
		expect(JSON.parse(synced.stdout)).toMatchObject({profile: 'demo', cached: {tickets: 300}});
		const again = JSON.parse((await box.csr(['stats', '--json', '--no-sync'])).stdout);
		expect(again.tickets).toEqual(report.tickets);
	});

	it('writes one CSV row per channel for --since 7d --by channel', async () => {
		box = createSandbox();
		await box.csr(['demo', 'reset', '--tickets', '300', '--seed', '5']);
		const csv = await box.csr(['stats', '--since', '7d', '--by', 'channel', '--format', 'csv']);
		expect(csv.exitCode).toBe(0);
		const lines = csv.stdout.split('\r\n');
		expect(lines.at(-1)).toBe('');
		const [header, ...rows] = lines.slice(0, -1);
		expect(header?.split(',').slice(0, 4)).toEqual(['key', 'since', 'until', 'tickets_created']);
		const json = JSON.parse(
			(await box.csr(['stats', '--since', '7d', '--by', 'channel', '--json', '--no-sync'])).stdout,
		);
		const channels = json.groups.map((group: {key: string}) => group.key);
		expect(channels.length).toBeGreaterThan(1);
		expect(rows.map((row) => row.split(',')[0])).toEqual(channels);
		for (const row of rows) expect(row.split(',')).toHaveLength(header?.split(',').length ?? 0);
	});

	it('gives nulls and exit 0 for an empty window, and exit 2 for a bad one', async () => {
		box = createSandbox();
		await box.csr(['demo', 'reset', '--tickets', '50', '--seed', '5']);
		const empty = await box.csr(['stats', '--json', '--since', '2001-01-01', '--until', '2001-02-01']);
		expect(empty.exitCode).toBe(0);
		const report = JSON.parse(empty.stdout);
		expect(report.tickets.created).toBe(0);
		expect(report.firstReplyMinutes.median).toBeNull();
		expect(report.oneTouchRate).toBeNull();
		expect(report.csat.score).toBeNull();
		expect(report.nps).toBeNull();
		const bad = await box.csr(['stats', '--since', 'last tuesday']);
		expect(bad.exitCode).toBe(2);
		expect(bad.stderr).toContain('invalid --since "last tuesday"');
		expect(bad.stderr).not.toMatch(/\n\s+at /);
	});
});
