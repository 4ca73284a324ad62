import {afterEach, describe, expect, it} from 'vitest';
import {ProviderError} from '../../src/errors.js';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';
import {aTicket, createMemoryHelpDesk} from '../support/memory-help-desk.js';

let context: TestContext;
afterEach(() => context.cleanup());

/** A desk that is down until `state.failure` is cleared. */
function setup() {
	const state: {failure: Error | undefined} = {
		failure: new ProviderError('the desk is unreachable', {kind: 'temporary', status: 503}),
	};
	const desk = createMemoryHelpDesk([aTicket({id: '7'}), aTicket({id: '8'})], {failWrites: () => state.failure});
	context = createTestContext({helpDesk: desk});
	return {desk, state};
}

const bodies = (desk: ReturnType<typeof setup>['desk'], ticketId: string) =>
	desk.sent.filter((sent) => sent.ticketId === ticketId).map((sent) => sent.message.body);

describe('csr outbox retry: order per ticket, and csr does not trip over its own changes', () => {
	it('a reply then a note queued on one ticket both go out, in that order, after the desk returns', async () => {
		const {desk, state} = setup();
		expect((await runCsr(['reply', '7', '--body', 'First, the reply'], context)).exitCode).toBe(75);
		expect((await runCsr(['note', '7', '--body', 'Then the note'], context)).exitCode).toBe(75);
		state.failure = undefined;
		const retry = await runCsr(['outbox', 'retry', '--yes', '--json'], context);
		expect(retry.exitCode, retry.stderr).toBe(0);
		expect((JSON.parse(retry.stdout) as {result: string}[]).map((result) => result.result)).toEqual(['sent', 'sent']);
		expect(bodies(desk, '7')).toEqual(['First, the reply', 'Then the note']);
		expect(JSON.parse((await runCsr(['outbox', 'list', '--json'], context)).stdout)).toEqual([]);
	});

	it('a change by someone else still stops the note; list shows the current error and suggests drop', async () => {
		const {desk, state} = setup();
		await runCsr(['note', '7', '--body', 'Queued note'], context);
		state.failure = undefined;
		// Another agent answers meanwhile (no stamp: not through csr).
		await desk.sendMessage('7', {body: 'I took this one', public: true}, {idempotencyKey: 'other'});
		const retry = await runCsr(['outbox', 'retry', '--json'], context);
		expect(retry.exitCode).toBe(1);
		expect(JSON.parse(retry.stdout)[0].reason).toContain('changed since it was read');
		const list = await runCsr(['outbox', 'list'], context);
		expect(list.stdout).toMatch(/#7\s+note\s+2\s+failed\s+ticket 7 changed since it was read/);
		expect(list.stderr).toMatch(/1 message\(s\) failed for good .*csr outbox drop [0-9a-f]{8} --yes/);
	});

	it('when the first message to a ticket fails for good, the later one waits instead of overtaking it', async () => {
		const {desk, state} = setup();
		await runCsr(['reply', '7', '--body', 'The reply'], context);
		await runCsr(['note', '7', '--body', 'The note about the reply'], context);
		await runCsr(['reply', '8', '--body', 'Other ticket'], context);
		let calls = 0;
		state.failure = undefined;
		const failFirst = desk.sendMessage;
		desk.sendMessage = async (...args) => {
			calls += 1;
			if (calls === 1) throw new ProviderError('ticket 7 is closed', {kind: 'permanent', status: 422});
			return failFirst(...args);
		};
		const retry = await runCsr(['outbox', 'retry', '--json'], context);
		const results = JSON.parse(retry.stdout) as {ticketId: string; result: string; reason?: string}[];
		expect(results.map((result) => `${result.ticketId} ${result.result}`)).toEqual(['7 failed', '7 queued', '8 sent']);
		expect(results[1]?.reason).toContain('waits for an earlier message');
		expect(bodies(desk, '7')).toEqual([]);
	});
});
