import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';
import {at, reportNumbers} from '../support/report-html.js';

// With --by (and in csr report), the overall snapshot is the sum of one dimension's groups read in the same queries:
// it must be the very snapshot plain `csr stats` prints, whatever the dimension.

let contexts: TestContext[] = [];
afterEach(() => {
	for (const created of contexts) created.cleanup();
	contexts = [];
});

describe('csr stats --by keeps the overall snapshot', () => {
	it('prints the same overall numbers for every --by as without it, and the report shows them too', async () => {
		const ctx = createTestContext({now: new Date()});
		contexts.push(ctx);
		expect((await runCsr(['demo', 'reset', '--tickets', '600', '--seed', '5'], ctx)).exitCode).toBe(0);
		const stats = async (...args: string[]) => {
			const result = await runCsr(['stats', '--json', '--since', '14d', ...args], ctx);
			expect(result.exitCode, result.stderr).toBe(0);
			return JSON.parse(result.stdout) as Record<string, unknown>;
		};
		const plain = await stats();
		expect((plain['tickets'] as {created: number}).created).toBeGreaterThan(100);
		const groupsBy = new Map<string, {key: string}[]>();
		for (const by of ['channel', 'agent', 'group', 'day', 'week']) {
			const {groups, ...overall} = await stats('--by', by, '--no-sync');
			expect(overall, `--by ${by}`).toEqual(plain);
			expect((groups as unknown[]).length, `--by ${by}`).toBeGreaterThan(1);
			groupsBy.set(by, groups as {key: string}[]);
		}
		// The report reads the overall snapshot and four dimensions at once: its numbers are csr stats' own.
		const file = join(ctx.home, 'r.html');
		const report = await runCsr(['report', '--html', file, '--since', '14d', '--no-sync', '--quiet'], ctx);
		expect(report.exitCode, report.stderr).toBe(0);
		const {cards, rows} = reportNumbers(readFileSync(file, 'utf8'));
		expect(cards.size).toBeGreaterThan(5);
		for (const [path, value] of cards) expect(value, path).toEqual(at(plain, path) ?? null);
		let compared = 0;
		for (const [row, cells] of rows) {
			const [by, key] = row.split(':') as [string, string];
			const group =
				by === 'team'
					? (plain['team'] as {agent: string}[]).find((member) => member.agent === key)
					: groupsBy.get(by)?.find((candidate) => candidate.key === key);
			expect(group, row).toBeDefined();
			for (const [path, value] of cells) expect(value, `${row} ${path}`).toEqual(at(group, path) ?? null);
			compared++;
		}
		expect(compared).toBeGreaterThan(10);
	});
});
