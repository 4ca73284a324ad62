import {describe, expect, it} from 'vitest';
import {createRatePacer, defaultRateLimitHeaders, readRateLimits} from '../../../src/providers/http/rate-limit.js';
import {createVirtualClock} from '../../support/fake-server.js';

const zendeskNames = {...defaultRateLimitHeaders, structuredPrefix: 'zendesk-ratelimit-'};

describe('readRateLimits', () => {
	it('reads x-rate-limit, ratelimit-* and structured zendesk-ratelimit-* headers', () => {
		const readings = readRateLimits(
			{
				'x-rate-limit': '700',
				'x-rate-limit-remaining': '699',
				'ratelimit-reset': '41',
				'zendesk-ratelimit-tickets-index': 'total=100; remaining=99; resets=41',
			},
			zendeskNames,
			0,
		);
		expect(readings).toEqual([
			{bucket: 'account', limit: 700, remaining: 699, resetSec: 41},
			{bucket: 'zendesk-ratelimit-tickets-index', limit: 100, remaining: 99, resetSec: 41},
		]);
	});

	it('accepts IETF names alone and turns an epoch reset into seconds from now', () => {
		const now = Date.parse('2026-03-02T12:00:00Z');
		const readings = readRateLimits(
			{'ratelimit-limit': '10', 'ratelimit-remaining': '3', 'ratelimit-reset': String(now / 1000 + 30)},
			defaultRateLimitHeaders,
			now,
		);
		expect(readings).toEqual([{bucket: 'account', limit: 10, remaining: 3, resetSec: 30}]);
	});

	it('reads nothing when no quota is advertised', () => {
		expect(readRateLimits({'content-type': 'application/json'}, zendeskNames, 0)).toEqual([]);
	});
});

describe('createRatePacer', () => {
	it('does not wait while plenty is left', async () => {
		const clock = createVirtualClock();
		const pacer = createRatePacer(clock, {defaultWindowSec: 60});
		await pacer.acquire('/a');
		pacer.release('/a', [{bucket: 'account', limit: 700, remaining: 600, resetSec: 60}]);
		for (let index = 0; index < 50; index++) await pacer.acquire('/a');
		expect(clock.sleptMs()).toBe(0);
	});

	it('spreads the last requests over the window and waits for the reset at zero', async () => {
		const clock = createVirtualClock();
		const pacer = createRatePacer(clock, {defaultWindowSec: 60});
		await pacer.acquire('/a');
		const start = clock.now();
		pacer.release('/a', [{bucket: 'account', limit: 100, remaining: 4, resetSec: 40}]);
		const sentAt: number[] = [];
		for (let index = 0; index < 6; index++) {
			await pacer.acquire('/a');
			sentAt.push(clock.now() - start);
		}
		// 4 left for 40 s: one every 10 s, never more than 4 before the window resets at 40 s.
		expect(sentAt).toEqual([10_000, 20_000, 30_000, 40_000, 40_000, 40_000]);
		expect(sentAt.filter((at) => at < 40_000).length).toBeLessThanOrEqual(4);
	});

	it('counts a request by its cost: a write worth 2 waits for the reset when 1 is left', async () => {
		const clock = createVirtualClock();
		const pacer = createRatePacer(clock, {defaultWindowSec: 60});
		await pacer.acquire('/a');
		const start = clock.now();
		pacer.release('/a', [{bucket: 'account', limit: 400, remaining: 3, resetSec: 30}]);
		await pacer.acquire('/a', undefined, 2);
		expect(clock.now() - start).toBeLessThan(30_000);
		await pacer.acquire('/a', undefined, 2);
		expect(clock.now() - start).toBe(30_000);
	});

	it('applies an endpoint quota only to the route that reported it', async () => {
		const clock = createVirtualClock();
		const pacer = createRatePacer(clock, {defaultWindowSec: 60});
		await pacer.acquire('/incremental');
		pacer.release('/incremental', [
			{bucket: 'zendesk-ratelimit-incremental-exports', limit: 10, remaining: 0, resetSec: 5},
		]);
		await pacer.acquire('/tickets');
		expect(clock.sleptMs()).toBe(0);
		await pacer.acquire('/incremental');
		expect(clock.sleptMs()).toBe(5000);
	});

	it('holds everyone back after a 429', async () => {
		const clock = createVirtualClock();
		const pacer = createRatePacer(clock, {defaultWindowSec: 60});
		pacer.pauseUntil(clock.now() + 3000);
		await pacer.acquire('/any');
		expect(clock.sleptMs()).toBe(3000);
	});
});
