import {describe, expect, it} from 'vitest';
import {mapLimited} from '../../../src/providers/http/map-limited.js';

describe('mapLimited (the desks’ bounded parallel reads)', () => {
	it('keeps the order of the items and never runs more than the limit at once', async () => {
		let running = 0;
		let most = 0;
		const results = await mapLimited([5, 1, 4, 2, 3, 0], 2, async (delay) => {
			running += 1;
			most = Math.max(most, running);
			await new Promise((resolve) => setTimeout(resolve, delay));
			running -= 1;
			return delay * 10;
		});
		expect(results).toEqual([50, 10, 40, 20, 30, 0]);
		expect(most).toBe(2);
	});

	it('runs nothing for no items, and one at a time for a limit below one', async () => {
		expect(await mapLimited([], 4, async () => 1)).toEqual([]);
		let most = 0;
		let running = 0;
		await mapLimited([1, 2, 3], 0, async () => {
			running += 1;
			most = Math.max(most, running);
			await Promise.resolve();
			running -= 1;
		});
		expect(most).toBe(1);
	});
});
