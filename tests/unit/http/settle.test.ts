import {describe, expect, it} from 'vitest';
import {findAfterInterruption, lateWriteMs} from '../../../src/providers/http/settle.js';

/** A marker lookup that finds the write from its `landsAt`-th call (null: never). */
function lookup(landsAt: number | null) {
	let calls = 0;
	return {
		find: async () => {
			calls += 1;
			return landsAt !== null && calls >= landsAt ? 'sc-1' : null;
		},
		calls: () => calls,
	};
}

describe('findAfterInterruption', () => {
	it('looks again while the interrupted attempt is young, and returns what landed late', async () => {
		const marker = lookup(2);
		const started = new Date().toISOString();
		expect(await findAfterInterruption(marker.find, started, () => new Date())).toBe('sc-1');
		expect(marker.calls()).toBe(2);
	});

	it('looks once for an attempt older than the window, or one whose start is unknown', async () => {
		const old = lookup(2);
		const longAgo = new Date(Date.now() - lateWriteMs - 1000).toISOString();
		expect(await findAfterInterruption(old.find, longAgo, () => new Date())).toBeNull();
		expect(old.calls()).toBe(1);
		const unknown = lookup(2);
		expect(await findAfterInterruption(unknown.find, undefined, () => new Date())).toBeNull();
		expect(unknown.calls()).toBe(1);
	});

	it('stops waiting when the run is interrupted (exit 130)', async () => {
		const never = lookup(null);
		const controller = new AbortController();
		const waiting = findAfterInterruption(never.find, new Date().toISOString(), () => new Date(), controller.signal);
		controller.abort();
		await expect(waiting).rejects.toMatchObject({exitCode: 130});
	});
});
