import {afterEach, describe, expect, it} from 'vitest';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';
import {createMemoryHelpDesk} from '../support/memory-help-desk.js';

let context: TestContext;
afterEach(() => context.cleanup());

describe('csr new', () => {
	it('on a desk that cannot open tickets, says so naming the desk (exit 2) and writes nothing', async () => {
		const desk = createMemoryHelpDesk([]);
		context = createTestContext({now: new Date('2026-11-20T12:00:00Z'), helpDesk: desk});
		const result = await runCsr(['new', '--to', 'ann@example.com', '--subject', 'Hello', '--body', 'Hi'], context);
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toContain('csr cannot open new tickets on memory (profile');
		expect(result.stderr).not.toContain('    at ');
		expect(context.store().prepare('SELECT COUNT(*) AS n FROM runs').get()).toEqual({n: 0});
	});

	it('names a real desk without creation in its own words (Zammad, Help Scout)', async () => {
		for (const [provider, name] of [
			['zammad', 'Zammad'],
			['helpscout', 'Help Scout'],
		]) {
			const desk = {...createMemoryHelpDesk([]), providerName: provider as string};
			context = createTestContext({helpDesk: desk});
			const result = await runCsr(['new', '--to', 'ann@example.com', '--subject', 'Hello', '--body', 'Hi'], context);
			expect(result.exitCode).toBe(2);
			expect(result.stderr).toContain(`csr cannot open new tickets on ${name}`);
			expect(result.stderr).toContain(`Open the ticket in ${name} itself`);
			context.cleanup();
		}
	});

	it('needs exactly one message source and refuses many recipients from a pipe without --yes', async () => {
		context = createTestContext({helpDesk: createMemoryHelpDesk([])});
		const two = await runCsr(
			['new', '--to', 'a@example.com', '--subject', 'S', '--body', 'x', '--template', 't'],
			context,
		);
		expect(two.exitCode).toBe(2);
		expect(two.stderr).toContain('exactly one of --template, --body and --body-file');
		const many = await runCsr(['new', '--to', 'a@example.com,b@example.com', '--subject', 'S', '--body', 'x'], context);
		expect(many.exitCode).toBe(2);
		expect(many.stderr).toContain('refusing to open 2 tickets without --yes');
	});
});
