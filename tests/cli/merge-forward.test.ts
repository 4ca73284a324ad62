import {afterEach, describe, expect, it} from 'vitest';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';
import {createMemoryHelpDesk} from '../support/memory-help-desk.js';

let context: TestContext;
afterEach(() => context.cleanup());

describe('csr merge and csr forward: input and desks without them', () => {
	it('on a desk that cannot merge or forward, says so naming the desk (exit 2) and writes nothing', async () => {
		context = createTestContext({helpDesk: createMemoryHelpDesk([])});
		const merge = await runCsr(['merge', '12', '--into', '13', '--yes'], context);
		expect(merge.exitCode).toBe(2);
		expect(merge.stderr).toContain('(memory) cannot merge tickets from csr');
		expect(merge.stderr).not.toContain('    at ');
		const forward = await runCsr(['forward', '12', '--to', 'claims@carrier.example'], context);
		expect(forward.exitCode).toBe(2);
		expect(forward.stderr).toContain('(memory) cannot forward tickets from csr');
		expect(context.store().prepare('SELECT COUNT(*) AS n FROM deliveries').get()).toEqual({n: 0});
		expect(context.store().prepare('SELECT COUNT(*) AS n FROM records').get()).toEqual({n: 0});
	});

	it('refuses ids that are not numbers, a target among the sources and a bad address, before any request', async () => {
		const desk = createMemoryHelpDesk([]);
		context = createTestContext({helpDesk: desk});
		const word = await runCsr(['merge', 'abc', '--into', '13'], context);
		expect(word.exitCode).toBe(2);
		expect(word.stderr).toContain('invalid ticket id "abc" among the sources');
		const self = await runCsr(['merge', '13', '#14', '--into', '#13'], context);
		expect(self.exitCode).toBe(2);
		expect(self.stderr).toContain('ticket 13 is both a source and the target');
		const noTarget = await runCsr(['merge', '13'], context);
		expect(noTarget.exitCode).toBe(2);
		expect(noTarget.stderr).toContain('--into');
		const address = await runCsr(['forward', '12', '--to', 'carrier'], context);
		expect(address.exitCode).toBe(2);
		expect(address.stderr).toContain('invalid email "carrier" in --to');
	});
});
