import {type ChildProcess, spawn} from 'node:child_process';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type FakeZendesk, startFakeZendesk} from '../contract/fake-zendesk.js';
import {binPath, createSandbox} from '../support/e2e.js';
import {createVirtualClock} from '../support/fake-server.js';

// The built bin against a fake Zendesk where a third of the requesters' other tickets are forbidden (403), as for an
// agent restricted to their groups. Needs `npm run build` first (npm test does it).

const tickets = 150;
let fake: FakeZendesk;
let box: ReturnType<typeof createSandbox>;

beforeAll(async () => {
	fake = await startFakeZendesk({clock: createVirtualClock(Date.now()), tickets, statusFor: () => 'open'});
	fake.intercept = (request) => {
		const match = /^\/api\/v2\/users\/(\d+)\/tickets\/requested/.exec(request.pathname);
		if (match && Number(match[1]) % 3 === 0)
			return {status: 403, json: {error: 'Forbidden', description: 'You do not have access to this page.'}};
		return undefined;
	};
	box = createSandbox();
	const added = await box.csr(
		['profile', 'add', 'zd', '--provider', 'zendesk', '--url', fake.url, '--token-stdin', '--use'],
		{
			stdin: 'good-token',
		},
	);
	expect(added.exitCode, added.stderr).toBe(0);
});

afterAll(async () => {
	box.cleanup();
	await fake.close();
});

const publicAgentComments = (ticketId: number, marker: string) =>
	(fake.comments.get(ticketId) ?? []).filter(
		(comment) =>
			comment['author_id'] === fake.me.id && comment['public'] === true && String(comment['body']).includes(marker),
	).length;

describe('side lookups never block the work (Zendesk, a third of requesters forbidden)', () => {
	it('csr show works for every ticket, saying what is not visible', async () => {
		let hidden = 0;
		for (let id = 1; id <= 12; id++) {
			const shown = await box.csr(['show', String(id)]);
			expect(shown.exitCode, `#${id}: ${shown.stderr}`).toBe(0);
			expect(shown.stdout).toContain('Customer');
			if (shown.stdout.includes('other tickets: (not visible to you)')) hidden += 1;
		}
		expect(hidden).toBeGreaterThan(0);
		const json = JSON.parse((await box.csr(['show', '1', '--json'])).stdout) as {customer: {notVisible?: string[]}};
		expect(json.customer.notVisible).toContain('recentTickets');
	}, 90_000);

	it('a bulk reply killed with SIGKILL after the desk applied a batch, then re-run, answers every ticket exactly once', async () => {
		const marker = 'Killed run, answered once';
		const ids = Array.from({length: tickets}, (_, index) => String(index + 1)).join('\n');
		const args = ['reply', '-', '--body', marker, '--yes', '--format', 'ndjson'];
		let child: ChildProcess | undefined;
		// Kill csr the moment Zendesk has applied its first update_many, before csr hears the answer.
		fake.afterRoute = (request, answer) => {
			if (
				request.pathname.startsWith('/api/v2/tickets/update_many') &&
				child !== undefined &&
				child.exitCode === null
			) {
				child.kill('SIGKILL');
			}
			return answer;
		};
		const killed = await new Promise<{signal: NodeJS.Signals | null}>((resolve) => {
			child = spawn(process.execPath, [binPath, ...args], {env: box.env, stdio: ['pipe', 'ignore', 'ignore']});
			child.stdin?.end(ids);
			child.on('close', (_code, signal) => resolve({signal}));
		});
		fake.afterRoute = undefined;
		expect(killed.signal).toBe('SIGKILL');
		const applied = Array.from({length: tickets}, (_, index) => publicAgentComments(index + 1, marker));
		expect(applied.filter((count) => count === 1).length).toBeGreaterThan(0);
		expect(applied.filter((count) => count === 0).length).toBeGreaterThan(0);

		const rerun = await box.csr(args, {stdin: ids});
		expect(rerun.exitCode, rerun.stderr).toBe(0);
		const lines = rerun.stdout
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line) as {ticketId: string; result: string; reason?: string});
		expect(new Set(lines.map((line) => line.ticketId)).size).toBe(tickets);
		expect(lines.every((line) => line.result === 'sent' || line.result === 'skipped')).toBe(true);
		for (let id = 1; id <= tickets; id++) expect(publicAgentComments(id, marker), `ticket ${id}`).toBe(1);
	});
});
