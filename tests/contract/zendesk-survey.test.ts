import {afterEach, describe, expect, it} from 'vitest';
import {ExitCode} from '../../src/errors.js';
import {createZendeskHelpDesk} from '../../src/providers/zendesk/zendesk-help-desk.js';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';
import {fakeTimeouts} from '../support/desk-on-fake.js';
import {createVirtualClock} from '../support/fake-server.js';
import {startFakeZendesk} from './fake-zendesk.js';
import {zendeskSetup} from './zendesk-setup.js';

// `csr survey send` on Zendesk: a CSAT survey carries Zendesk's own rating placeholder (the rating lands in Zendesk's
// satisfaction ratings); NPS and CES, which Zendesk has no survey for, need the profile's link.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function onZendesk() {
	const clock = createVirtualClock(Date.now());
	const fake = await startFakeZendesk({clock, tickets: 4, statusFor: () => 'solved'});
	cleanups.push(() => fake.close());
	const base = createTestContext();
	cleanups.push(() => base.cleanup());
	const context: TestContext = {
		...base,
		openHelpDesk: async () => createZendeskHelpDesk(zendeskSetup(fake.url, clock), {clock, timeouts: fakeTimeouts}),
	};
	const lastPublicComment = (ticketId: number) =>
		(fake.comments.get(ticketId) ?? []).filter((comment) => comment.public && comment.author_id === fake.me.id).at(-1);
	return {fake, context, lastPublicComment};
}

describe('csr survey send on Zendesk', () => {
	it("asks for CSAT with Zendesk's {{satisfaction.rating_url}}, with no survey.url set, once", async () => {
		const {context, lastPublicComment} = await onZendesk();
		const result = await runCsr(['survey', 'send', '2', '--kind', 'csat'], context);
		expect(result.exitCode, result.stderr).toBe(0);
		const comment = lastPublicComment(2);
		expect(comment?.body).toContain('It takes less than a minute: {{satisfaction.rating_url}}');
		const again = await runCsr(['survey', 'send', '2', '--kind', 'csat'], context);
		expect(again.stdout).toMatch(/skipped\s+#2\s+already surveyed/);
		expect(lastPublicComment(2)?.id).toBe(comment?.id);
	});

	it('uses the profile link for NPS, and names what is missing without one', async () => {
		const {context, lastPublicComment} = await onZendesk();
		const none = await runCsr(['survey', 'send', '3', '--kind', 'nps'], context);
		expect(none.exitCode).toBe(ExitCode.usage);
		expect(none.stderr).toContain('zendesk has no NPS rating link of its own');
		const link = 'https://survey.example.com/{kind}?ticket={ticket}';
		expect((await runCsr(['config', 'set', 'survey.url', link], context)).exitCode).toBe(0);
		const sent = await runCsr(['survey', 'send', '3', '--kind', 'nps'], context);
		expect(sent.exitCode, sent.stderr).toBe(0);
		expect(lastPublicComment(3)?.body).toContain('https://survey.example.com/nps?ticket=3');
		// The configured link does not replace Zendesk's own CSAT link; an explicit --url does.
		await runCsr(['survey', 'send', '4', '--kind', 'csat', '--url', 'https://csat.example.com/{ticket}'], context);
		expect(lastPublicComment(4)?.body).toContain('https://csat.example.com/4');
		expect(lastPublicComment(4)?.body).not.toContain('satisfaction.rating_url');
	});
});
