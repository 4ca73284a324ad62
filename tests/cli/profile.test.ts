import {statSync} from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';

let context: TestContext;
afterEach(() => context.cleanup());

describe('csr profile and config', () => {
	it('adds a profile with a token from stdin into a 0600 config and never prints the token', async () => {
		context = createTestContext({stdin: 'sup3r-s3cret-token\n'});
		const add = await runCsr(
			[
				'profile',
				'add',
				'acme',
				'--provider',
				'zendesk',
				'--url',
				'https://acme.zendesk.com',
				'--email',
				'me@acme.com',
				'--token-stdin',
				'--use',
			],
			context,
		);
		expect(add.exitCode).toBe(0);
		const path = (await runCsr(['config', 'path'], context)).stdout.trim();
		expect(statSync(path).mode & 0o777).toBe(0o600);
		const list = await runCsr(['profile', 'list', '--json'], context);
		const rows = JSON.parse(list.stdout) as {name: string; active: boolean; token: string | null}[];
		expect(rows.find((row) => row.name === 'acme')).toMatchObject({active: true, token: 'config'});
		const everything = context.io.stdoutText() + context.io.stderrText();
		expect(everything).not.toContain('sup3r-s3cret-token');
	});

	it('stores a signature per locale, and the Danish one signs a Danish template', async () => {
		context = createTestContext();
		const add = await runCsr(
			[
				...['profile', 'add', 'local', '--provider', 'demo', '--agent-name', 'Anna', '--email', 'anna@example.com'],
				...['--signature', 'Anna\\nSupport', '--signature-for', 'da=Anna\\nKundeservice', '--use'],
			],
			context,
		);
		expect(add.exitCode, add.stderr).toBe(0);
		const danish = await runCsr(
			['templates', 'render', 'exchange', '--ticket', '1', '--locale', 'da', '--var', 'order_id=7'],
			context,
		);
		expect(danish.stdout).toMatch(/Venlig hilsen\nAnna\nKundeservice\n$/);
		const english = await runCsr(
			['templates', 'render', 'exchange', '--ticket', '1', '--locale', 'en', '--var', 'order_id=7'],
			context,
		);
		expect(english.stdout).toMatch(/Best regards,\nAnna\nSupport\n$/);
		const bad = await runCsr(['profile', 'add', 'x', '--provider', 'demo', '--signature-for', 'Kundeservice'], context);
		expect(bad.exitCode).toBe(2);
		expect(bad.stderr).toContain('expected LOCALE=TEXT');
	});

	it('refuses plain http to a remote host with exit 2', async () => {
		context = createTestContext();
		const result = await runCsr(
			['profile', 'add', 'x', '--provider', 'zendesk', '--url', 'http://acme.zendesk.com'],
			context,
		);
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toContain('must use https://');
	});

	it('uses, lists and removes profiles; demo is built in', async () => {
		context = createTestContext();
		await runCsr(['profile', 'add', 'rt', '--provider', 'rt', '--url', 'http://127.0.0.1:8080'], context);
		expect((await runCsr(['profile', 'use', 'rt'], context)).exitCode).toBe(0);
		expect((await runCsr(['profile', 'list'], context)).stdout).toMatch(/\*\s+rt\s+rt/);
		expect((await runCsr(['profile', 'remove', 'rt'], context)).exitCode).toBe(0);
		expect((await runCsr(['profile', 'use', 'nope'], context)).exitCode).toBe(2);
		expect((await runCsr(['profile', 'list'], context)).stdout).toMatch(/\*\s+demo/);
	});

	it('gets and sets settings, validating values', async () => {
		context = createTestContext();
		expect((await runCsr(['config', 'get', 'tui.refreshSeconds'], context)).stdout).toBe('60\n');
		expect((await runCsr(['config', 'set', 'tui.refreshSeconds', '30'], context)).exitCode).toBe(0);
		expect((await runCsr(['config', 'get', 'tui.refreshSeconds'], context)).stdout).toBe('30\n');
		expect((await runCsr(['config', 'set', 'tui.refreshSeconds', 'soon'], context)).exitCode).toBe(2);
		expect((await runCsr(['config', 'get', 'nope'], context)).exitCode).toBe(2);
	});

	it('reports a broken config file as a usage error naming the file', async () => {
		context = createTestContext();
		const {mkdirSync, writeFileSync} = await import('node:fs');
		mkdirSync(context.paths.configDir, {recursive: true});
		writeFileSync(`${context.paths.configDir}/config.json`, '{"profiles": {"x": {"provider": "nope"}}}');
		const result = await runCsr(['profile', 'list'], context);
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toContain('config.json is invalid');
		expect(result.stderr).not.toMatch(/\n\s+at /);
	});
});
