import {join} from 'node:path';
import {DatabaseSync} from 'node:sqlite';
import {afterEach, describe, expect, it} from 'vitest';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';

let contexts: TestContext[] = [];
afterEach(() => {
	for (const created of contexts) created.cleanup();
	contexts = [];
});

/**
 * By hand from the demo desk's own tables: per channel, the share of tickets solved in the window (last solve in it,
 * solved or closed now) with at most one agent contact. A contact is each public agent message, except that on chat
 * and phone a message straight after another agent message (no customer line between, within 30 minutes) continues it.
 */
function oneTouchByHand(ctx: TestContext, since: string, until: string): Map<string, number> {
	const db = new DatabaseSync(join(ctx.home, 'data', 'demo.db'), {readOnly: true});
	try {
		const solved = db
			.prepare(
				`SELECT t.id, t.channel FROM tickets t WHERE t.status IN ('solved', 'closed') AND (
					SELECT max(e.at_ms) FROM events e WHERE e.ticket_id = t.id AND e.field = 'status'
						AND (e.new_value = 'solved' OR (e.new_value = 'closed' AND e.old_value <> 'solved'))
				) BETWEEN ? AND ?`,
			)
			.all(Date.parse(since), Date.parse(until) - 1);
		const lines = db.prepare(
			`SELECT author_role, created_ms, channel FROM messages WHERE ticket_id = ? AND is_public = 1
			AND author_role IN ('agent', 'customer') ORDER BY created_ms, id`,
		);
		const tally = new Map<string, {solved: number; oneTouch: number}>();
		for (const ticket of solved) {
			let touches = 0;
			let previous: Record<string, unknown> | undefined;
			for (const line of lines.all(Number(ticket['id']))) {
				if (line['author_role'] === 'agent') {
					const live = line['channel'] === 'chat' || line['channel'] === 'phone';
					const continues =
						previous?.['author_role'] === 'agent' &&
						live &&
						previous['channel'] === line['channel'] &&
						Number(line['created_ms']) - Number(previous['created_ms']) <= 30 * 60_000;
					if (!continues) touches++;
				}
				previous = line;
			}
			const channel = String(ticket['channel']);
			const entry = tally.get(channel) ?? {solved: 0, oneTouch: 0};
			tally.set(channel, {solved: entry.solved + 1, oneTouch: entry.oneTouch + (touches <= 1 ? 1 : 0)});
		}
		return new Map([...tally].map(([channel, {solved: n, oneTouch}]) => [channel, oneTouch / n]));
	} finally {
		db.close();
	}
}

describe('csr stats: one-touch on the default demo desk', () => {
	it('gives chat and email one-touch rates within 10 points of each other, each equal to the threads by hand', async () => {
		const ctx = createTestContext();
		contexts.push(ctx);
		const {exitCode, stdout} = await runCsr(['stats', '--since', '30d', '--by', 'channel', '--json'], ctx);
		expect(exitCode).toBe(0);
		const report = JSON.parse(stdout);
		const rate = (channel: string): number =>
			report.groups.find((group: {key: string}) => group.key === channel)?.oneTouchRate;
		const byHand = oneTouchByHand(ctx, report.window.since, report.window.until);
		for (const channel of ['chat', 'email', 'phone']) {
			expect(rate(channel), channel).toBeCloseTo(byHand.get(channel) ?? Number.NaN, 4);
		}
		expect(Math.abs(rate('chat') - rate('email'))).toBeLessThanOrEqual(0.1);
	});
});
