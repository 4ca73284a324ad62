import {Command, Option} from 'commander';
import {afterEach, describe, expect, it} from 'vitest';
import {registerAuthCommand} from '../../src/cli/commands/auth.js';
import {registerKbCommand} from '../../src/cli/commands/kb.js';
import {CsrError, ExitCode} from '../../src/errors.js';
import type {HelpDesk} from '../../src/providers/help-desk.js';
import {createTestContext, runCsr as runMain, type TestContext} from '../support/context.js';
import {createVirtualClock} from '../support/fake-server.js';
import {aTicket, createMemoryHelpDesk} from '../support/memory-help-desk.js';
import {selectZendeskProfile} from '../support/zendesk-profile.js';
import {type FakeZendesk, startFakeZendesk} from './fake-zendesk.js';

// The kb and auth commands through commander with the real context (temp config, real providers). Most tests build a
// program with just these two commands (exit codes checked on the thrown CsrError, which main() maps one to one);
// the last one runs them through main() and the whole program.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The shared test context (temp HOME, config and data), removed after each test. */
function testContext(env: Record<string, string>, helpDesk?: HelpDesk): TestContext {
	const context = createTestContext({env, ...(helpDesk === undefined ? {} : {helpDesk})});
	cleanups.push(() => context.cleanup());
	return context;
}

async function runCsr(
	argv: string[],
	context: TestContext,
): Promise<{exitCode: number; stdout: string; stderr: string}> {
	const before = {out: context.io.stdoutText().length, err: context.io.stderrText().length};
	const program = new Command('csr')
		.addOption(new Option('--profile <name>'))
		.addOption(new Option('--format <format>').choices(['table', 'json', 'ndjson', 'csv']))
		.option('--json')
		.option('--verbose')
		.option('--quiet')
		.exitOverride()
		.configureOutput({
			writeOut: (text) => context.io.stdout.write(text),
			writeErr: (text) => context.io.stderr.write(text),
		});
	program.hook('preAction', () => context.prepare());
	registerKbCommand(program, context);
	registerAuthCommand(program, context);
	let exitCode: number = ExitCode.ok;
	try {
		await program.parseAsync(argv, {from: 'user'});
	} catch (error) {
		if (!(error instanceof CsrError)) throw error;
		context.io.stderr.write(`csr: ${error.message}\n${error.hint ? `${error.hint}\n` : ''}`);
		exitCode = error.exitCode;
	}
	return {
		exitCode,
		stdout: context.io.stdoutText().slice(before.out),
		stderr: context.io.stderrText().slice(before.err),
	};
}

/** A temp config with a Zendesk profile "acme" on the fake, made current. */
async function withZendeskProfile(
	env: Record<string, string> = {},
): Promise<{context: TestContext; fake: FakeZendesk}> {
	const fake = await startFakeZendesk({clock: createVirtualClock(Date.now()), tickets: 10});
	cleanups.push(() => fake.close());
	const context = testContext(env);
	await selectZendeskProfile(context, fake.url);
	return {context, fake};
}

async function waitFor<T>(read: () => T | undefined): Promise<T> {
	for (let tries = 0; tries < 2000; tries++) {
		const value = read();
		if (value !== undefined) return value;
		await new Promise((resolve) => setTimeout(resolve, 1));
	}
	throw new Error('gave up waiting');
}

describe('csr kb search', () => {
	it('lists Help Center articles for a Zendesk profile', async () => {
		const {context} = await withZendeskProfile({CSR_TOKEN: 'bearer:good-token'});
		const table = await runCsr(['kb', 'search', 'refund', '--locale', 'da'], context);
		expect(table.exitCode).toBe(0);
		expect(table.stdout).toContain('Refunds and returns');
		expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+LANG\s+TITLE\s+URL/);
		const json = await runCsr(['kb', 'search', 'printing', '--json'], context);
		expect(JSON.parse(json.stdout).map((article: {id: string}) => article.id)).toEqual(['35467', '35468']);
	});

	it('shows one Help Center article as text, and says so for an unknown id', async () => {
		const {context} = await withZendeskProfile({CSR_TOKEN: 'bearer:good-token'});
		const shown = await runCsr(['kb', 'show', '35467'], context);
		expect(shown.exitCode, shown.stderr).toBe(0);
		expect(shown.stdout).toMatch(/^Printing orders\nen · http:\/\/127\.0\.0\.1:\d+\/hc\/en\/articles\/35467\n\n/);
		expect(shown.stdout).toContain('Open the order and choose Print.');
		expect(shown.stdout).not.toContain('<p>');
		const json = JSON.parse((await runCsr(['kb', 'show', '35467', '--json'], context)).stdout) as {body: string};
		expect(json.body).toContain('choose Print');
		const missing = await runCsr(['kb', 'show', '99'], context);
		expect(missing.exitCode).toBe(ExitCode.failed);
		expect(missing.stderr).toContain('Zendesk Help Center has no article 99');
	});

	it('is a usage error on a profile without a knowledge base', async () => {
		const context = testContext({}, createMemoryHelpDesk([aTicket()]));
		const result = await runCsr(['kb', 'search', 'refund'], context);
		expect(result.exitCode).toBe(ExitCode.usage);
		expect(result.stderr).toContain('has no knowledge base csr can read');
	});
});

describe('csr auth', () => {
	it('logs in with the browser, stores the tokens in the profile, and says who is signed in', async () => {
		const {context, fake} = await withZendeskProfile();
		const running = runCsr(['auth', 'login', '--client-id', 'csr_cli'], context);
		const authorizeUrl = await waitFor(
			() => /(http:\/\/\S+\/oauth\/authorizations\/new\S+)/.exec(context.io.stderrText())?.[1],
		);
		const url = new URL(authorizeUrl);
		const back = new URL(url.searchParams.get('redirect_uri') ?? '');
		back.searchParams.set('code', fake.issueCode(url.searchParams.get('code_challenge') ?? ''));
		back.searchParams.set('state', url.searchParams.get('state') ?? '');
		await fetch(back);
		const result = await running;
		expect(result.exitCode).toBe(0);
		expect(result.stderr).toContain(
			`Signed in to ${new URL(fake.url).host} as Agent Smith <agent@example.com> (profile acme).`,
		);
		const stored = context.config().read().profiles['acme']?.oauth;
		expect(stored).toMatchObject({
			accessToken: fake.issuedTokens[0]?.access,
			refreshToken: fake.issuedTokens[0]?.refresh,
			clientId: 'csr_cli',
		});
		expect(result.stdout).toBe('');

		const status = await runCsr(['auth', 'status'], context);
		expect(status.exitCode).toBe(0);
		expect(status.stdout).toContain('Signed in: Agent Smith <agent@example.com>');
		expect(status.stdout).toContain('Auth:      OAuth bearer token from `csr auth login`');
		expect(status.stdout).not.toContain(fake.issuedTokens[0]?.access ?? '?');

		const logout = await runCsr(['auth', 'logout'], context);
		expect(logout.exitCode).toBe(0);
		expect(logout.stderr).toContain('removed the stored tokens and revoked the token');
		expect(context.config().read().profiles['acme']?.oauth).toBeNull();
		expect(fake.requests.some((request) => request.method === 'DELETE')).toBe(true);
	});

	it('needs an OAuth client id', async () => {
		const {context} = await withZendeskProfile();
		const result = await runCsr(['auth', 'login'], context);
		expect(result.exitCode).toBe(ExitCode.usage);
		expect(result.stderr).toContain('needs the OAuth client id');
	});

	it('exits 4 when the token gives no real access, though Zendesk answers /users/me with 200', async () => {
		const {context, fake} = await withZendeskProfile({CSR_TOKEN: 'wrong-token'});
		const result = await runCsr(['auth', 'status'], context);
		expect(result.exitCode).toBe(ExitCode.auth);
		expect(result.stderr).toContain('anonymous user');
		expect(fake.requests[0]?.pathname).toBe('/api/v2/users/me.json');
	});

	it('shows the basic-auth rule and keeps the token out of --verbose output', async () => {
		const {context} = await withZendeskProfile({CSR_TOKEN: 'bearer:good-token'});
		const json = await runCsr(['auth', 'status', '--json', '--verbose'], context);
		expect(json.exitCode).toBe(0);
		expect(JSON.parse(json.stdout)).toMatchObject({
			profile: 'acme',
			provider: 'zendesk',
			agent: {name: 'Agent Smith'},
			auth: {scheme: 'bearer', from: '$CSR_TOKEN'},
		});
		expect(json.stderr).toContain('http: → GET /api/v2/users/me.json');
		expect(json.stderr).not.toContain('good-token');
	});
});

describe('kb and auth in the whole program', () => {
	it('are registered, and main maps their errors to exit codes 2 and 4', async () => {
		const fake = await startFakeZendesk({clock: createVirtualClock(Date.now()), tickets: 3});
		cleanups.push(() => fake.close());
		const context = createTestContext({env: {CSR_TOKEN: 'wrong-token'}});
		cleanups.push(() => context.cleanup());
		const help = await runMain(['--help'], context);
		expect(help.stdout).toMatch(/^\s+kb\b/m);
		expect(help.stdout).toMatch(/^\s+auth\b/m);
		const demo = await runMain(['kb', 'search', '?!'], context);
		expect(demo.exitCode).toBe(ExitCode.usage);
		expect(demo.stderr).toContain('nothing to search for');
		await context.prepare();
		await context.config().update((config) => ({
			...config,
			profiles: {
				...config.profiles,
				acme: {
					provider: 'zendesk',
					url: fake.url,
					email: null,
					user: null,
					defaultLocale: 'en',
					agent: {name: null, signature: null, signatures: {}},
					token: null,
					oauth: null,
					views: {},
				},
			},
		}));
		const denied = await runMain(['--profile', 'acme', 'auth', 'status'], context);
		expect(denied.exitCode).toBe(ExitCode.auth);
		expect(denied.stderr).toContain('csr: Zendesk did not accept the credentials');
		expect(denied.stderr).not.toContain('wrong-token');
	});
});
