import {existsSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import type {ExportPage, HelpDesk, TicketFacts} from '../../src/providers/help-desk.js';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';
import {aTicket, createMemoryHelpDesk} from '../support/memory-help-desk.js';
import {at, reportNumbers} from '../support/report-html.js';

let contexts: TestContext[] = [];
afterEach(() => {
	for (const created of contexts) created.cleanup();
	contexts = [];
});

function context(options: Parameters<typeof createTestContext>[0] = {}): TestContext {
	const created = createTestContext(options);
	contexts.push(created);
	return created;
}

describe('csr report --html', () => {
	it('writes one self-contained page whose numbers equal csr stats --json', async () => {
		const ctx = context();
		expect((await runCsr(['demo', 'reset', '--tickets', '150', '--seed', '11'], ctx)).exitCode).toBe(0);
		// csr's own SLA targets: the report shows them beside the desk's verdict, as csr stats --json does.
		expect((await runCsr(['config', 'set', 'sla.firstReply', '8h, high=4h, urgent=4h'], ctx)).exitCode).toBe(0);
		expect((await runCsr(['config', 'set', 'sla.resolution', '3d, urgent=8h'], ctx)).exitCode).toBe(0);
		const written = await runCsr(['report', '--html', 'kpis.html', '--since', '30d'], ctx);
		expect(written.exitCode).toBe(0);
		const path = join(ctx.home, 'kpis.html');
		expect(written.stderr).toContain(`Wrote ${path}`);
		expect(statSync(path).mode & 0o777).toBe(0o600);
		const html = readFileSync(path, 'utf8');
		// Nothing to fetch when it is opened: no scripts at all, no external styles, images or fonts, and a CSP.
		expect(html).not.toMatch(/<script/i);
		expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
		expect(html).not.toMatch(/@import|url\(\s*['"]?(?!#)/i); // url(#clip) is a reference inside the page
		expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
		expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(8);
		expect(html).toContain('Next reply and requester wait per day (median minutes)');

		const stats = JSON.parse((await runCsr(['stats', '--since', '30d', '--json', '--no-sync'], ctx)).stdout);
		const {cards, rows} = reportNumbers(html);
		expect(cards.size).toBeGreaterThan(25);
		for (const [path, value] of cards) expect(value, path).toEqual(at(stats, path));
		for (const key of [
			'firstReplyBusinessMinutes.median',
			'csat.good',
			'nps.promoters',
			'ces.count',
			'backlog.onHold',
			'nextReplyMinutes.median',
			'nextReplyBusinessMinutes.median',
			'requesterWaitMinutes.median',
			'requesterWaitBusinessMinutes.median',
			'slaBreachCsr.business.rate',
			'slaBreachCsr.calendar.rate',
			'slaBreachCsr.business.firstReply.rate',
		]) {
			expect(cards.has(key), key).toBe(true);
		}
		// The team table: each agent's figures from the desk, as csr stats --json's team.
		expect(stats.team.length).toBeGreaterThan(2);
		for (const member of stats.team) {
			const row = rows.get(`team:${member.agent}`);
			expect(row, member.agent).toBeDefined();
			for (const [path, value] of row ?? []) expect(value, `team ${member.agent} ${path}`).toEqual(at(member, path));
		}
		for (const by of ['agent', 'group', 'channel']) {
			const grouped = JSON.parse(
				(await runCsr(['stats', '--since', '30d', '--json', '--no-sync', '--by', by], ctx)).stdout,
			);
			expect(grouped.groups.length).toBeGreaterThan(0);
			for (const group of grouped.groups) {
				const row = rows.get(`${by}:${group.key}`);
				expect(row, `${by} ${group.key}`).toBeDefined();
				// csr's SLA targets per row, in business hours (the demo profile has them).
				expect(row?.has('slaBreachCsr.business.rate'), `${by} ${group.key} SLA`).toBe(true);
				for (const [path, value] of row ?? [])
					expect(value, `${by} ${group.key} ${path}`).toEqual(at(group, path) ?? null);
			}
		}
	});

	it('escapes agent, group and channel names from the desk', async () => {
		const hostile = '<img src=x onerror=alert(1)>"\'&';
		const facts: TicketFacts[] = [1, 2, 3].map((n) => ({
			ticket: aTicket({
				id: String(n),
				createdAt: '2026-11-18T10:00:00Z',
				status: 'solved',
				assignee: {id: 'a', name: hostile, email: null},
				group: {id: 'g', name: '</style><script>alert(2)</script>'},
			}),
			firstReplyAt: '2026-11-18T11:00:00Z',
			firstReplyMinutes: 60,
			firstReplyBusinessMinutes: null,
			solvedAt: '2026-11-18T12:00:00Z',
			fullResolutionMinutes: 120,
			fullResolutionBusinessMinutes: null,
			reopens: 0,
			publicAgentReplies: 1,
			slaBreached: null,
		}));
		const none = async (): Promise<ExportPage<never>> => ({items: [], nextCursor: null});
		const desk: HelpDesk = {
			...createMemoryHelpDesk([]),
			exportTicketFacts: async () => ({items: facts, nextCursor: null}),
			exportSatisfaction: none,
			exportSurveys: none,
		};
		const ctx = context({now: new Date('2026-11-20T12:00:00Z'), helpDesk: desk});
		const {exitCode, stdout} = await runCsr(['report', '--html', '-'], ctx);
		expect(exitCode).toBe(0);
		expect(stdout).not.toContain('<img');
		expect(stdout).not.toMatch(/<script/i);
		expect(stdout).not.toMatch(/<\/style><(?!\/head>)/);
		expect(stdout).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;');
		expect(stdout).toContain('&lt;/style&gt;&lt;script&gt;');
	});

	it('refuses a bad window or no file with exit 2 and an unwritable file with exit 1', async () => {
		const ctx = context();
		const bad = await runCsr(['report', '--html', 'r.html', '--since', 'fortnight'], ctx);
		expect(bad.exitCode).toBe(2);
		expect(bad.stderr).toContain('invalid --since "fortnight"');
		const missing = await runCsr(['report'], ctx);
		expect(missing.exitCode).toBe(2);
		await runCsr(['demo', 'reset', '--tickets', '20', '--seed', '2'], ctx);
		expect((await runCsr(['report', '--html', 'kpis.html'], ctx)).exitCode).toBe(0);
		// A path below a file cannot be written.
		const again = await runCsr(['report', '--html', join('kpis.html', 'x.html')], ctx);
		expect(again.exitCode).toBe(1);
		expect(again.stderr).toContain('could not write the report');
		expect(again.stderr).not.toMatch(/\n\s+at /);
		expect(existsSync(join(ctx.home, 'kpis.html'))).toBe(true);
	});
});
