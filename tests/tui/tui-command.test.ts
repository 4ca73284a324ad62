import {afterEach, describe, expect, it} from 'vitest';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';

let context: TestContext;
afterEach(() => context.cleanup());

describe('csr tui', () => {
	it('refuses to start without a terminal, with exit code 2', async () => {
		context = createTestContext({tty: false});
		const {exitCode, stderr, stdout} = await runCsr(['tui'], context);
		expect(exitCode).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toContain('csr tui needs a terminal');
		expect(stderr).toContain('csr queue');
	});
});
