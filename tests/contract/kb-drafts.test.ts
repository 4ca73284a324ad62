import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {ExitCode} from '../../src/errors.js';
import {createFreshdeskHelpDesk} from '../../src/providers/freshdesk/freshdesk-help-desk.js';
import {hasArticleDrafts} from '../../src/providers/help-desk.js';
import {createZendeskHelpDesk} from '../../src/providers/zendesk/zendesk-help-desk.js';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';
import {fakeTimeouts} from '../support/desk-on-fake.js';
import {startFakeFreshdesk} from '../support/fake-freshdesk.js';
import {createVirtualClock} from '../support/fake-server.js';
import {startFakeZendesk} from './fake-zendesk.js';
import {freshdeskKey, freshdeskSetup} from './freshdesk-setup.js';
import {zendeskSetup} from './zendesk-setup.js';

// `csr kb new --from-ticket ID` through main(): a draft on the desk where it keeps drafts (Zendesk Help Center,
// Freshdesk solutions, against the fakes), with the personal data taken out; a Markdown file elsewhere.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const question = (name: string, email: string): string =>
	`Hi, this is ${name}. My parcel for order 4471234 never arrived. Call me on +45 20 30 40 50 or write to ${email}.`;
const answer = (name: string): string =>
	`Hi ${name},\n\nWe have sent a new parcel today; you can track it in your account.\n\nBest regards,\nAgent Smith`;

function contextOn(
	openDesk: () => ReturnType<typeof createZendeskHelpDesk> | ReturnType<typeof createFreshdeskHelpDesk>,
) {
	const base = createTestContext();
	cleanups.push(() => base.cleanup());
	const context: TestContext = {...base, openHelpDesk: async () => openDesk()};
	return context;
}

async function onZendesk() {
	const clock = createVirtualClock(Date.now());
	const fake = await startFakeZendesk({clock, tickets: 3});
	cleanups.push(() => fake.close());
	const ticket = fake.tickets.get(2);
	if (ticket === undefined) throw new Error('no ticket 2');
	const customer = fake.users.get(ticket.requester_id);
	if (customer === undefined) throw new Error('no requester');
	fake.addComment(2, customer.id, question(customer.name, customer.email), true);
	fake.addComment(2, fake.me.id, answer(customer.name.split(' ')[0] ?? ''), true);
	const context = contextOn(() =>
		createZendeskHelpDesk(zendeskSetup(fake.url, clock), {clock, timeouts: fakeTimeouts}),
	);
	return {fake, context, customer};
}

async function onFreshdesk() {
	const clock = createVirtualClock(Date.now());
	const fake = await startFakeFreshdesk({clock, tickets: 3, apiKey: freshdeskKey});
	cleanups.push(() => fake.close());
	const ticket = fake.tickets.get(2);
	if (ticket === undefined) throw new Error('no ticket 2');
	const customer = fake.contacts.get(ticket.requester_id);
	if (customer === undefined) throw new Error('no requester');
	fake.addConversation(2, {
		userId: customer.id,
		body: question(customer.name, customer.email),
		incoming: true,
		private: false,
	});
	fake.addConversation(2, {userId: fake.me.id, body: answer(customer.name), incoming: false, private: false});
	const context = contextOn(() =>
		createFreshdeskHelpDesk(freshdeskSetup(fake.url, clock), {clock, timeouts: fakeTimeouts}),
	);
	return {fake, context, customer};
}

describe('csr kb new --from-ticket on Zendesk', () => {
	it("creates a Help Center draft in the section, without the customer's details", async () => {
		const {fake, context, customer} = await onZendesk();
		const result = await runCsr(
			['kb', 'new', '--from-ticket', '2', '--section', '360001', '--permission-group', '56', '--json'],
			context,
		);
		expect(result.exitCode, result.stderr).toBe(0);
		expect(fake.createdArticles).toHaveLength(1);
		const article = fake.createdArticles[0] as Record<string, unknown>;
		expect(article).toMatchObject({draft: true, section_id: 360001, permission_group_id: 56, user_segment_id: null});
		const body = String(article['body']);
		expect(body).toContain('We have sent a new parcel today');
		expect(body).toContain('never arrived');
		for (const detail of [customer.email, customer.name, '4471234', '20 30 40 50', 'Agent Smith']) {
			expect(body).not.toContain(detail);
		}
		const request = fake.requests.find(
			(candidate) => candidate.method === 'POST' && /sections/.test(candidate.pathname),
		);
		expect(JSON.parse(request?.body ?? '{}')).toMatchObject({notify_subscribers: false});
		const json = JSON.parse(result.stdout) as Record<string, unknown>;
		expect(json).toMatchObject({draft: true, id: String(article['id']), place: '360001', desk: 'zendesk'});
		expect(json['url']).toBe(article['html_url']);
		expect(existsSync(join(context.cwd, '.csr', 'kb'))).toBe(false);
	});

	it('takes the section and permission group from the config, and names what is missing', async () => {
		const {fake, context} = await onZendesk();
		const none = await runCsr(['kb', 'new', '--from-ticket', '2'], context);
		expect(none.exitCode).toBe(ExitCode.usage);
		expect(none.stderr).toContain('zendesk keeps article drafts in a Help Center section, and none is named');
		expect(none.stderr).toContain('csr config set kb.section ID');
		expect((await runCsr(['config', 'set', 'kb.section', '360002'], context)).exitCode).toBe(0);
		const noGroup = await runCsr(['kb', 'new', '--from-ticket', '2'], context);
		expect(noGroup.exitCode).toBe(ExitCode.usage);
		expect(noGroup.stderr).toContain('kb.permissionGroup');
		expect((await runCsr(['config', 'set', 'kb.permissionGroup', '56'], context)).exitCode).toBe(0);
		const made = await runCsr(['kb', 'new', '--from-ticket', '2'], context);
		expect(made.exitCode, made.stderr).toBe(0);
		expect(made.stdout).toMatch(/^draft 37486578 in 360002: http:\/\/127\.0\.0\.1:\d+\/hc\/en\/articles\/37486578\n$/);
		expect(fake.createdArticles.map((article) => article['section_id'])).toEqual([360002]);
		const unknown = await runCsr(['kb', 'new', '--from-ticket', '2', '--section', '999'], context);
		expect(unknown.exitCode).toBe(ExitCode.failed);
		expect(fake.createdArticles).toHaveLength(1);
	});

	it('writes the Markdown file instead with --markdown', async () => {
		const {fake, context} = await onZendesk();
		const result = await runCsr(['kb', 'new', '--from-ticket', '2', '--markdown'], context);
		expect(result.exitCode, result.stderr).toBe(0);
		expect(fake.createdArticles).toHaveLength(0);
		const files = readdirSync(join(context.cwd, '.csr', 'kb'));
		expect(files).toHaveLength(1);
		expect(readFileSync(join(context.cwd, '.csr', 'kb', files[0] ?? ''), 'utf8')).toContain('status: draft');
	});
});

describe('csr kb new --from-ticket on Freshdesk', () => {
	it('creates a draft solution article (status 1) in the folder', async () => {
		const {fake, context, customer} = await onFreshdesk();
		expect(hasArticleDrafts(createFreshdeskHelpDesk(freshdeskSetup(fake.url, createVirtualClock())))).toBe(true);
		const result = await runCsr(['kb', 'new', '--from-ticket', '2', '--section', '80'], context);
		expect(result.exitCode, result.stderr).toBe(0);
		expect(fake.createdSolutions).toHaveLength(1);
		const article = fake.createdSolutions[0] as Record<string, unknown>;
		expect(article).toMatchObject({status: 1, folder_id: 80});
		const description = String(article['description']);
		expect(description).toContain('We have sent a new parcel today');
		for (const detail of [customer.email, customer.name, '4471234']) expect(description).not.toContain(detail);
		expect(result.stdout).toBe(
			`draft ${String(article['id'])} in 80: ${fake.url}/a/solutions/articles/${String(article['id'])}\n`,
		);
		const missing = await runCsr(['kb', 'new', '--from-ticket', '2', '--section', '7'], context);
		expect(missing.exitCode).toBe(ExitCode.failed);
	});
});

describe('csr kb new --from-ticket on a desk without drafts', () => {
	it('refuses --section (its drafts are Markdown files in ./.csr/kb)', async () => {
		const context = createTestContext();
		cleanups.push(() => context.cleanup());
		const refused = await runCsr(['kb', 'new', '--from-ticket', '1', '--section', '80'], context);
		expect(refused.exitCode).toBe(ExitCode.usage);
		expect(refused.stderr).toContain('demo keeps no article drafts');
	});
});
