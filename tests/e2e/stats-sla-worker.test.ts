import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createSandbox} from '../support/e2e.js';
import {createLoadRecorder} from '../support/load-recorder.js';

// The built csr works out its SLA aggregates on a worker thread (store/sla-worker.ts) while the main thread computes
// the rest of csr stats: the figures must be whole and the same as the main thread's, run after run.

const box = createSandbox();
const recorder = createLoadRecorder(box.home);

beforeAll(async () => {
	expect((await box.csr(['demo', 'reset', '--tickets', '300', '--seed', '7'])).exitCode).toBe(0);
	// Short targets over a window that ended days ago: every judged ticket is met or breached, none still running, so
	// two runs give the same figures.
	expect((await box.csr(['config', 'set', 'sla.firstReply', '1h, urgent=30m'])).exitCode).toBe(0);
	expect((await box.csr(['config', 'set', 'sla.resolution', '2h'])).exitCode).toBe(0);
}, 60_000);
afterAll(() => box.cleanup());

const until = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
const args = ['stats', '--json', '--since', '60d', '--until', until];

describe('csr stats: SLA aggregates on a worker thread', () => {
	it('gives every created ticket its verdict, per --by key summing to the whole, the same each run', async () => {
		const overall = await box.csr([...args], {env: recorder.env()});
		expect(overall.exitCode, overall.stderr).toBe(0);
		expect(recorder.loaded().some((url) => url.endsWith('/dist/store/sla-worker.js'))).toBe(true);
		const report = JSON.parse(overall.stdout);
		const sla = report.slaBreachCsr;
		expect(sla.judged + sla.withoutTarget).toBe(report.tickets.created);
		expect(sla.judged).toBeGreaterThan(50);
		for (const clock of [sla.calendar, sla.business]) {
			expect(clock.running).toBe(0);
			expect(clock.breached + clock.met).toBe(sla.judged);
		}
		const byAgent = JSON.parse((await box.csr([...args, '--by', 'agent', '--no-sync'])).stdout);
		const sum = (pick: (group: {slaBreachCsr: typeof sla}) => number) =>
			byAgent.groups.reduce((total: number, group: {slaBreachCsr: typeof sla}) => total + pick(group), 0);
		expect(sum((group) => group.slaBreachCsr.judged)).toBe(sla.judged);
		expect(sum((group) => group.slaBreachCsr.business.breached)).toBe(sla.business.breached);
		const again = JSON.parse((await box.csr([...args, '--no-sync'])).stdout);
		expect(again.slaBreachCsr).toEqual(sla);
	}, 60_000);
});
