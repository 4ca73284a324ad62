import {describe, expect, it} from 'vitest';
import {AuthError} from '../../../src/errors.js';
import {errorForStatus} from '../../../src/providers/http/errors.js';
import {mapLimited, readEachBestEffort} from '../../../src/providers/http/map-limited.js';

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

describe('readEachBestEffort (KPI threads, a ticket at a time)', () => {
	const forbidden = () => errorForStatus({...status, status: 403});
	const status = {
		provider: 'Zendesk',
		status: 0,
		method: 'GET',
		path: '/api/v2/tickets/2/comments.json',
		description: {summary: '', details: []},
		authHint: 'Run csr auth login.',
	};

	it('leaves out the tickets the desk refuses (403) and keeps the others', async () => {
		const results = await readEachBestEffort([1, 2, 3], async (id) => {
			if (id === 2) throw forbidden();
			return `thread ${id}`;
		});
		expect(results).toEqual(['thread 1', null, 'thread 3']);
	});

	it('stops when the desk refuses every ticket (the token lacks a scope), or does not accept the credentials', async () => {
		await expect(
			readEachBestEffort([1, 2], async () => {
				throw forbidden();
			}),
		).rejects.toThrow('refused access (403');
		await expect(
			readEachBestEffort([1, 2, 3], async (id) => {
				if (id === 3) throw errorForStatus({...status, status: 401});
				return id;
			}),
		).rejects.toBeInstanceOf(AuthError);
	});

	it('gives null for any other failure of one ticket', async () => {
		const results = await readEachBestEffort([1, 2], async (id) => {
			if (id === 1) throw errorForStatus({...status, status: 503});
			return id;
		});
		expect(results).toEqual([null, 2]);
	});
});
