import {afterEach, describe, expect, it} from 'vitest';
import {type FakeZendesk, startFakeZendesk, triggerVia} from '../contract/fake-zendesk.js';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';
import {createVirtualClock} from '../support/fake-server.js';
import {selectZendeskProfile} from '../support/zendesk-profile.js';

// `csr stats --json` on a Zendesk profile (the fake): the team's solves go to the agent whose audit solved the
// ticket, not to its assignee, unless no agent did (a trigger, the requester).

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function zendeskProfile(): Promise<{context: TestContext; fake: FakeZendesk}> {
	// A minute ago: the fake stamps each change a second later than the last, all before the stats run's now.
	const fake = await startFakeZendesk({clock: createVirtualClock(Date.now() - 60_000), tickets: 30});
	cleanups.push(() => fake.close());
	const context = createTestContext({env: {CSR_TOKEN: 'bearer:good-token'}});
	cleanups.push(() => context.cleanup());
	await selectZendeskProfile(context, fake.url);
	return {context, fake};
}

type Member = {agent: string; replies: number; solved: number};

describe('csr stats on Zendesk: who solved, from the audits', () => {
	it('credits a colleague who solved a ticket assigned to someone else; a trigger’s solve goes to the assignee', async () => {
		const {context, fake} = await zendeskProfile();
		const smith = fake.me.id;
		const dana = 1002;
		// Tickets 3, 6, 9 and 12 are assigned to Agent Smith (agent@example.com).
		expect([3, 6, 9, 12].map((id) => fake.tickets.get(id)?.assignee_id)).toEqual([smith, smith, smith, smith]);
		// Dana answers ticket 3 and solves it; a trigger solves 6; Smith solves 9 himself; the requester solves 12.
		fake.addComment(3, dana, 'Your replacement is on its way.', true);
		fake.setStatus(3, dana, 'solved');
		fake.setStatus(6, -1, 'solved', triggerVia);
		fake.setStatus(9, smith, 'solved');
		fake.setStatus(12, 2012, 'solved');

		// The fake's own solved tickets are a month old: a one-day window holds only these four.
		const result = await runCsr(['stats', '--since', '1d', '--json'], context);
		expect(result.exitCode, result.stderr).toBe(0);
		const report = JSON.parse(result.stdout) as {tickets: {solved: number}; team: Member[]};
		expect(report.tickets.solved).toBe(4);
		const team = Object.fromEntries(report.team.map((member) => [member.agent, member]));
		expect(team['dana@example.com']).toMatchObject({replies: 1, solved: 1});
		// Smith's own solve, the trigger's and the requester's (both credited to him as the assignee); not Dana's.
		expect(team['agent@example.com']).toMatchObject({replies: 0, solved: 3});
		expect(report.team.reduce((sum, member) => sum + member.solved, 0)).toBe(4);
		// Read from the audits, one request a ticket; the comments are not read for the KPIs.
		expect(fake.requests.filter((request) => request.pathname === '/api/v2/tickets/3/audits.json')).toHaveLength(1);
		expect(fake.requests.some((request) => request.pathname.endsWith('/comments.json'))).toBe(false);

		const table = (await runCsr(['stats', '--since', '1d', '--no-sync'], context)).stdout;
		expect(table).toMatch(/\n {13}agent@example\.com +0 +3 /);
		expect(table).toMatch(/\n {13}dana@example\.com +1 +1 /);
	});
});
