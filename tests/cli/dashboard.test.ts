import {afterEach, describe, expect, it} from 'vitest';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';

let contexts: TestContext[] = [];
afterEach(() => {
	for (const created of contexts) created.cleanup();
	contexts = [];
});

describe('csr dashboard', () => {
	it('refuses a pipe and a too-short or malformed --interval with exit 2 and a hint, never a stack trace', async () => {
		const ctx = createTestContext();
		contexts.push(ctx);
		const piped = await runCsr(['dashboard'], ctx);
		expect(piped.exitCode).toBe(2);
		expect(piped.stderr).toContain('csr dashboard needs a terminal');
		expect(piped.stderr).toContain('csr stats --json');
		for (const interval of ['2s', 'soon', '0']) {
			const bad = await runCsr(['dashboard', '--interval', interval], ctx);
			expect(bad.exitCode, interval).toBe(2);
			expect(bad.stderr).toContain(`invalid --interval "${interval}": give at least 5 seconds, like 30s or 2m`);
			expect(bad.stderr).not.toMatch(/\n\s+at /);
		}
	});
});
