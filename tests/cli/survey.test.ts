import {afterEach, describe, expect, it} from 'vitest';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';
import {aTicket, createMemoryHelpDesk} from '../support/memory-help-desk.js';

const contexts: TestContext[] = [];
afterEach(() => {
	for (const context of contexts.splice(0)) context.cleanup();
});

function setup() {
	const desk = createMemoryHelpDesk([
		aTicket({id: '1', requester: {id: 'u1', name: 'Sven Ek', email: 'sven@example.se', locale: 'sv-SE'}}),
		aTicket({
			id: '2',
			channel: 'chat',
			requester: {id: 'u2', name: 'Anna Berg', email: 'anna@example.com', locale: 'en'},
		}),
	]);
	const context = createTestContext({helpDesk: desk, now: new Date('2026-11-20T12:00:00Z')});
	contexts.push(context);
	return {desk, context};
}

const link = 'https://survey.example.com/{kind}?ticket={ticket}&lang={locale}';

describe('csr survey send', () => {
	it("asks each customer in their language with the ticket's link, once, and skips tickets surveyed lately", async () => {
		const {desk, context} = setup();
		const first = await runCsr(['survey', 'send', '1', '2', '--kind', 'nps', '--url', link], context);
		expect(first.exitCode, first.stderr).toBe(0);
		expect(desk.sent.map((sent) => sent.ticketId)).toEqual(['1', '2']);
		const swedish = desk.sent[0]!.message.body;
		expect(swedish).toContain('Hej Sven!');
		expect(swedish).toContain('rekommendera oss');
		expect(swedish).toContain('https://survey.example.com/nps?ticket=1&lang=sv');
		expect(desk.sent[1]!.message.body).toContain('https://survey.example.com/nps?ticket=2&lang=en');
		expect(desk.sent[1]!.message.public).toBe(true);

		const again = await runCsr(['survey', 'send', '1', '2', '--kind', 'csat', '--url', link], context);
		expect(again.exitCode).toBe(0);
		expect(again.stdout).toMatch(/skipped\s+#1\s+already surveyed on 2026-11-20/);
		expect(desk.sent).toHaveLength(2);

		const forced = await runCsr(['survey', 'send', '1', '--kind', 'nps', '--url', link, '--force'], context);
		expect(forced.exitCode).toBe(0);
		expect(desk.sent).toHaveLength(2);

		const log = JSON.parse((await runCsr(['log', 'list', '--json'], context)).stdout) as {template: string | null}[];
		expect(log.filter((record) => record.template === 'survey-request')).toHaveLength(2);
	});

	it('sends again once the window has passed', async () => {
		const {desk, context} = setup();
		await runCsr(['survey', 'send', '1', '--kind', 'csat', '--url', link, '--within', '0m'], context);
		const later = createTestContext({
			helpDesk: desk,
			home: context.home,
			now: new Date('2026-12-25T12:00:00Z'),
		});
		const result = await runCsr(['survey', 'send', '1', '--kind', 'csat', '--url', link], later);
		expect(result.exitCode, result.stderr).toBe(0);
		expect(desk.sent).toHaveLength(2);
	});

	it('needs a kind and a survey link', async () => {
		const {context} = setup();
		const noLink = await runCsr(['survey', 'send', '1', '--kind', 'csat'], context);
		expect(noLink.exitCode).toBe(2);
		expect(noLink.stderr).toContain('csr config set survey.url');
		const badKind = await runCsr(['survey', 'send', '1', '--kind', 'stars', '--url', link], context);
		expect(badKind.exitCode).toBe(2);
		expect(badKind.stderr).toContain('expected one of csat, nps, ces');
		expect((await runCsr(['config', 'set', 'survey.url', link], context)).exitCode).toBe(0);
		const dry = await runCsr(['survey', 'send', '2', '--kind', 'ces', '--dry-run'], context);
		expect(dry.stdout).toContain('How easy was it to get your question answered?');
	});
});
