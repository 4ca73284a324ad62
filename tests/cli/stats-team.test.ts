import {join} from 'node:path';
import {DatabaseSync} from 'node:sqlite';
import {afterEach, describe, expect, it} from 'vitest';
import {percentileOfSorted} from '../../src/kpi/percentile.js';
import {insertRecord} from '../../src/store/records.js';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';

let contexts: TestContext[] = [];
afterEach(() => {
	for (const created of contexts) created.cleanup();
	contexts = [];
});

function context(): TestContext {
	const created = createTestContext();
	contexts.push(created);
	return created;
}

/** Straight from the demo desk's own tables: public agent messages per author (email lower-cased) in the window. */
function repliesPerAuthor(ctx: TestContext, since: string, until: string): Record<string, number> {
	const db = new DatabaseSync(join(ctx.home, 'data', 'demo.db'), {readOnly: true});
	try {
		const rows = db
			.prepare(
				`SELECT lower(u.email) AS agent, COUNT(*) AS n FROM messages m JOIN users u ON u.id = m.author_id
				WHERE m.author_role = 'agent' AND m.is_public = 1 AND m.created_ms >= ? AND m.created_ms < ? GROUP BY agent`,
			)
			.all(Date.parse(since), Date.parse(until));
		return Object.fromEntries(rows.map((row) => [String(row['agent']), Number(row['n'])]));
	} finally {
		db.close();
	}
}

/** From the demo desk's tables: per first replier, the first reply minutes of tickets created in the window. */
function firstRepliesPerAgent(ctx: TestContext, since: string, until: string): Map<string, number[]> {
	const db = new DatabaseSync(join(ctx.home, 'data', 'demo.db'), {readOnly: true});
	try {
		const rows = db
			.prepare(
				`SELECT t.id, t.created_ms, m.created_ms AS at, lower(u.email) AS agent FROM tickets t
				JOIN messages m ON m.ticket_id = t.id AND m.author_role = 'agent' AND m.is_public = 1
				JOIN users u ON u.id = m.author_id
				WHERE t.created_ms >= ? AND t.created_ms < ? ORDER BY t.id, m.created_ms, m.id`,
			)
			.all(Date.parse(since), Date.parse(until));
		const seen = new Set<number>();
		const result = new Map<string, number[]>();
		for (const row of rows) {
			const id = Number(row['id']);
			if (seen.has(id)) continue;
			seen.add(id);
			const minutes = Math.round((Number(row['at']) - Number(row['created_ms'])) / 60_000);
			const agent = String(row['agent']);
			result.set(agent, [...(result.get(agent) ?? []), minutes]);
		}
		return result;
	} finally {
		db.close();
	}
}

type Member = {
	agent: string;
	replies: number;
	solved: number;
	oneTouchRate: number | null;
	csat: {good: number; bad: number};
	firstReplyMinutes: {median: number | null; mean: number | null; p90: number | null; count: number};
};

describe('csr stats: the whole team from the desk', () => {
	it('counts each agent’s public replies in the window, as the desk’s threads have them', async () => {
		const ctx = context();
		expect((await runCsr(['demo', 'reset', '--tickets', '400', '--seed', '3'], ctx)).exitCode).toBe(0);
		const report = JSON.parse((await runCsr(['stats', '--since', '30d', '--json'], ctx)).stdout);
		const team: Member[] = report.team;
		const expected = repliesPerAuthor(ctx, report.window.since, report.window.until);
		expect(Object.keys(expected).length).toBeGreaterThan(3);
		const replies = Object.fromEntries(team.filter((m) => m.replies > 0).map((m) => [m.agent, m.replies]));
		expect(replies).toEqual(expected);
		// First reply times per agent: the desk's first public agent message, median and p90 by type 7.
		for (const [agent, values] of firstRepliesPerAgent(ctx, report.window.since, report.window.until)) {
			const sorted = [...values].sort((a, b) => a - b);
			const member = team.find((m) => m.agent === agent);
			expect(member?.firstReplyMinutes, agent).toEqual({
				median: Math.round((percentileOfSorted(sorted, 0.5) as number) * 10) / 10,
				mean: Math.round((sorted.reduce((sum, v) => sum + v, 0) / sorted.length) * 10) / 10,
				p90: Math.round((percentileOfSorted(sorted, 0.9) as number) * 10) / 10,
				count: sorted.length,
			});
		}
		// Solves per agent add up to the solved tickets that an agent (not the system) solved.
		const solved = team.reduce((sum, member) => sum + member.solved, 0);
		expect(solved).toBeGreaterThan(0);
		expect(solved).toBeLessThanOrEqual(report.tickets.solved);
		const ratings = team.reduce((sum, member) => sum + member.csat.good + member.csat.bad, 0);
		expect(ratings).toBeLessThanOrEqual(report.csat.good + report.csat.bad);
		// The table shows the team after the summary: each agent's replies and solves.
		const table = (await runCsr(['stats', '--since', '30d', '--no-sync'], ctx)).stdout;
		expect(table).toContain('Team         from the desk');
		for (const member of team) {
			expect(table).toMatch(
				new RegExp(`\\n {13}${member.agent.replace(/\./g, '\\.')} +${member.replies} +${member.solved} `),
			);
		}
		// A shorter window counts fewer replies, again exactly the desk's.
		const week = JSON.parse((await runCsr(['stats', '--since', '7d', '--json', '--no-sync'], ctx)).stdout);
		const weekExpected = repliesPerAuthor(ctx, week.window.since, week.window.until);
		expect(
			Object.fromEntries((week.team as Member[]).filter((m) => m.replies > 0).map((m) => [m.agent, m.replies])),
		).toEqual(weekExpected);
	});

	it('leaves nothing from before a demo reset: neither the desk’s team nor the local log', async () => {
		const ctx = context();
		await runCsr(['demo', 'reset', '--tickets', '300', '--seed', '4'], ctx);
		await ctx.prepare();
		// A millisecond after the first reset, as the desk_resets row says (not the clock again: a tie or a step back
		// of the clock would put the record at or before the reset).
		const reset = ctx.store().prepare("SELECT at FROM desk_resets WHERE provider = 'demo'").get() as {at: string};
		insertRecord(ctx.store(), {
			id: 'r-old',
			at: new Date(Date.parse(reset.at) + 1).toISOString(),
			agent: 'you@demo.csr',
			profile: 'demo',
			provider: 'demo',
			ticketId: '1',
			customer: {email: null, name: null},
			channel: 'email',
			action: 'reply',
			template: null,
			status: null,
			outcome: null,
			durationSec: 300,
			summary: null,
			followUpAt: null,
		});
		// The window ends at the stats run's now, which must be later than the record (this all fits in one millisecond).
		await new Promise((resolve) => setTimeout(resolve, 5));
		const before = JSON.parse((await runCsr(['stats', '--since', '30d', '--json'], ctx)).stdout);
		expect(before.agents).toEqual([{agent: 'you@demo.csr', replies: 1, notes: 0, calls: 0, handleMinutes: 5}]);
		const oldTeam = before.team.reduce((sum: number, member: Member) => sum + member.replies, 0);

		await runCsr(['demo', 'reset', '--tickets', '40', '--seed', '9'], ctx);
		const after = JSON.parse((await runCsr(['stats', '--since', '30d', '--json'], ctx)).stdout);
		expect(after.agents).toEqual([]);
		const expected = repliesPerAuthor(ctx, after.window.since, after.window.until);
		const newTeam = Object.fromEntries(
			(after.team as Member[]).filter((m) => m.replies > 0).map((m) => [m.agent, m.replies]),
		);
		expect(newTeam).toEqual(expected);
		expect(Object.values(newTeam).reduce((sum, n) => sum + n, 0)).toBeLessThan(oldTeam);
	});
});
