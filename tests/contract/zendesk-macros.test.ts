import {afterEach, describe, expect, it} from 'vitest';
import {ExitCode} from '../../src/errors.js';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';
import {createVirtualClock} from '../support/fake-server.js';
import {selectZendeskProfile} from '../support/zendesk-profile.js';
import {type FakeZendesk, startFakeZendesk} from './fake-zendesk.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function zendeskProfile(): Promise<{context: TestContext; fake: FakeZendesk}> {
	const fake = await startFakeZendesk({clock: createVirtualClock(Date.now()), tickets: 6, statusFor: () => 'open'});
	cleanups.push(() => fake.close());
	const context = createTestContext({env: {CSR_TOKEN: 'bearer:good-token'}});
	cleanups.push(() => context.cleanup());
	await selectZendeskProfile(context, fake.url, {email: null, agentName: 'Agent Uno'});
	return {context, fake};
}

describe('Zendesk macros through csr', () => {
	it("lists the account's active macros with the templates", async () => {
		const {context} = await zendeskProfile();
		const result = await runCsr(['templates', 'list', '--json'], context);
		expect(result.exitCode).toBe(0);
		const rows = JSON.parse(result.stdout) as {name: string; source: string; title: string}[];
		const macros = rows.filter((row) => row.source === 'macro');
		expect(macros.map((row) => row.name).sort()).toEqual(['macro:25', 'macro:360111062754']);
		expect(macros.find((row) => row.name === 'macro:25')?.title).toBe('Close and Save');
		expect(rows.some((row) => row.name === 'delivery-delay')).toBe(true);
	});

	it('applies a macro with csr reply --macro: Zendesk renders it, csr sends it once, journaled', async () => {
		const {context, fake} = await zendeskProfile();
		const before = fake.comments.get(2)?.length ?? 0;
		const first = await runCsr(['reply', '2', '--macro', '25', '--json'], context);
		expect(first.exitCode).toBe(0);
		expect(JSON.parse(first.stdout)).toMatchObject([{ticketId: '2', result: 'sent'}]);
		const added = (fake.comments.get(2) ?? []).slice(before);
		expect(added).toHaveLength(1);
		expect(added[0]).toMatchObject({body: 'Assigned to Agent Uno.', public: false});
		expect(fake.requests.some((request) => /\/tickets\/2\/macros\/25\/apply/.test(request.path))).toBe(true);
		const again = await runCsr(['reply', '2', '--macro', '25', '--json'], context);
		expect(JSON.parse(again.stdout)).toMatchObject([{ticketId: '2', result: 'skipped'}]);
		expect(fake.comments.get(2)?.slice(before)).toHaveLength(1);
	});

	it('refuses --macro on a desk without macros, and a malformed id, with exit 2', async () => {
		const context = createTestContext();
		cleanups.push(() => context.cleanup());
		const demo = await runCsr(['reply', '1', '--macro', '25'], context);
		expect(demo.exitCode).toBe(ExitCode.usage);
		expect(demo.stderr).toContain('has no macros');
		expect((await runCsr(['reply', '1', '--macro', 'close-it'], context)).exitCode).toBe(ExitCode.usage);
	});
});
