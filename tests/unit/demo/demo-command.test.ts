import {afterEach, describe, expect, it} from 'vitest';
import {createDemoHelpDesk} from '../../../src/providers/demo/demo-help-desk.js';
import {createTestContext, runCsr, type TestContext} from '../../support/context.js';

const now = new Date('2026-03-02T12:00:00Z');
let context: TestContext;
afterEach(() => context.cleanup());

function openDesk() {
	return createDemoHelpDesk({
		profileName: 'demo',
		baseUrl: null,
		email: 'you@demo.csr',
		user: null,
		token: null,
		tokenSource: null,
		oauth: null,
		saveOAuth: () => {},
		dataDir: context.paths.dataDir,
		now: () => now,
		log: undefined,
	});
}

describe('csr demo', () => {
	it('resets the desk to N tickets from a seed and says so in one line on stderr', async () => {
		context = createTestContext({now});
		const result = await runCsr(['demo', 'reset', '--tickets', '40', '--seed', '3'], context);
		expect(result).toEqual({exitCode: 0, stdout: '', stderr: 'demo desk reset: 40 tickets (seed 3)\n'});
		const desk = openDesk();
		try {
			const page = await desk.listTickets({
				statuses: ['new', 'open', 'pending', 'on-hold', 'solved', 'closed'],
				assignee: 'any',
				sort: 'urgency',
				limit: 100,
			});
			expect(page.totalCount).toBe(40);
		} finally {
			await desk.close();
		}
	});

	it('prints a JSON summary on stdout with --json; defaults to 300 tickets, seed 1', async () => {
		context = createTestContext({now});
		const result = await runCsr(['demo', 'reset', '--json'], context);
		expect(result.exitCode).toBe(0);
		expect(JSON.parse(result.stdout)).toMatchObject({tickets: 300, seed: 1, messages: expect.any(Number)});
	});

	it('rejects a bad --tickets or --seed with exit code 2', async () => {
		context = createTestContext({now});
		for (const args of [
			['--tickets', '0'],
			['--tickets', 'many'],
			['--tickets', '2000000'],
			['--seed', '1.5'],
		]) {
			const result = await runCsr(['demo', 'reset', ...args], context);
			expect(result.exitCode, args.join(' ')).toBe(2);
			expect(result.stderr).toMatch(/^csr: invalid --(tickets|seed)/);
		}
	});

	it('switches the simulated outage on and off; while on, writes fail as temporary', async () => {
		context = createTestContext({now});
		expect((await runCsr(['demo', 'outage', 'on'], context)).exitCode).toBe(0);
		const desk = openDesk();
		try {
			const [open] = (await desk.listTickets({statuses: ['open'], assignee: 'any', sort: 'urgency', limit: 1})).tickets;
			const id = open?.id ?? '';
			const failure = await desk.updateTicket(id, {priority: 'low'}, {}).catch((error: unknown) => error);
			expect(failure).toMatchObject({kind: 'temporary', message: 'demo desk unreachable (simulated outage)'});
			expect((await runCsr(['demo', 'outage', 'off'], context)).exitCode).toBe(0);
			const ticket = await desk.updateTicket(id, {priority: 'low'}, {});
			expect(ticket.priority).toBe('low');
		} finally {
			await desk.close();
		}
		const bad = await runCsr(['demo', 'outage', 'maybe'], context);
		expect(bad.exitCode).toBe(2);
		expect(bad.stderr).toContain('expected on or off');
	});
});
