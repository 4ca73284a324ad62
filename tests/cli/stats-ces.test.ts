import {join} from 'node:path';
import {DatabaseSync} from 'node:sqlite';
import {afterEach, describe, expect, it} from 'vitest';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';

let contexts: TestContext[] = [];
afterEach(() => {
	for (const created of contexts) created.cleanup();
	contexts = [];
});

/** CES answers in the window straight from the demo desk's table. */
function cesAnswers(ctx: TestContext, since: string, until: string): number[] {
	const db = new DatabaseSync(join(ctx.home, 'data', 'demo.db'), {readOnly: true});
	try {
		return db
			.prepare("SELECT score FROM surveys WHERE kind = 'ces' AND at_ms >= ? AND at_ms < ?")
			.all(Date.parse(since), Date.parse(until))
			.map((row) => Number(row['score']));
	} finally {
		db.close();
	}
}

describe('csr stats: CES states its scale', () => {
	it('gives the mean, the scale and the share of easy answers, on the configured scale', async () => {
		const ctx = createTestContext();
		contexts.push(ctx);
		await runCsr(['demo', 'reset', '--tickets', '300', '--seed', '5'], ctx);
		const report = JSON.parse((await runCsr(['stats', '--since', '30d', '--json'], ctx)).stdout);
		const answers = cesAnswers(ctx, report.window.since, report.window.until);
		expect(answers.length).toBeGreaterThan(10);
		const share = (min: number) =>
			Math.round((answers.filter((a) => a >= min).length / answers.length) * 10_000) / 10_000;
		expect(report.ces).toEqual({
			mean: Math.round((answers.reduce((sum, a) => sum + a, 0) / answers.length) * 100) / 100,
			count: answers.length,
			scale: {min: 1, max: 7, easyMin: 5},
			easyShare: share(5),
		});
		const table = await runCsr(['stats', '--since', '30d', '--no-sync'], ctx);
		expect(table.stdout).toMatch(/CES\s+\d\.\d\d on 1–7 {3}easy \(≥ 5\) \d+\.\d%/);

		expect((await runCsr(['config', 'set', 'stats.cesScale', '1-5'], ctx)).exitCode).toBe(0);
		const five = JSON.parse((await runCsr(['stats', '--since', '30d', '--json', '--no-sync'], ctx)).stdout);
		expect(five.ces.scale).toEqual({min: 1, max: 5, easyMin: 3});
		expect(five.ces.easyShare).toBe(share(3));
	});

	it('refuses a malformed scale setting with exit 2', async () => {
		const ctx = createTestContext();
		contexts.push(ctx);
		const set = await runCsr(['config', 'set', 'stats.cesScale', 'seven'], ctx);
		expect(set.exitCode).toBe(2);
	});
});
