import {afterEach, describe, expect, it} from 'vitest';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';

let context: TestContext;
afterEach(() => context.cleanup());

describe('csr profile add for Zammad and Help Scout', () => {
	it('needs --url for Zammad, and takes http:// only for a loopback host', async () => {
		context = createTestContext();
		const missing = await runCsr(['profile', 'add', 'z', '--provider', 'zammad'], context);
		expect(missing.exitCode).toBe(2);
		expect(missing.stderr).toContain('a zammad profile needs --url');
		const remote = await runCsr(
			['profile', 'add', 'z', '--provider', 'zammad', '--url', 'http://zammad.example.com'],
			context,
		);
		expect(remote.exitCode).toBe(2);
		expect(remote.stderr).toContain('must use https://');
		const added = await runCsr(
			['profile', 'add', 'z', '--provider', 'zammad', '--url', 'https://zammad.example.com'],
			context,
		);
		expect(added.exitCode).toBe(0);
		expect(added.stderr).toContain('Give it a token with $CSR_TOKEN_Z');
	});

	it('adds Help Scout without --url (its API host is the default) and asks for the client credentials', async () => {
		context = createTestContext();
		const added = await runCsr(['profile', 'add', 'hs', '--provider', 'helpscout'], context);
		expect(added.exitCode, added.stderr).toBe(0);
		expect(added.stderr).toContain('CLIENT_ID:CLIENT_SECRET with $CSR_TOKEN_HS');
		const list = JSON.parse((await runCsr(['profile', 'list', '--json'], context)).stdout) as {
			name: string;
			provider: string;
			url: string | null;
		}[];
		expect(list.find((row) => row.name === 'hs')).toMatchObject({provider: 'helpscout', url: null});
	});
});
