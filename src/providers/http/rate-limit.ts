import type {Clock} from './clock.js';

/** Which response headers advertise a quota. Every name is lower-case. */
export type RateLimitHeaderNames = {
	/** Requests left in the current window, account-wide. */
	readonly remaining: readonly string[];
	/** The window's size in requests. */
	readonly limit: readonly string[];
	/** Seconds until the window resets (an epoch-seconds value is accepted too). */
	readonly reset: readonly string[];
	/**
	 * Prefix of structured per-endpoint headers "total=N; remaining=N; resets=N" (Zendesk:
	 * `zendesk-ratelimit-tickets-index`, `zendesk-ratelimit-incremental-exports`). Undefined: none.
	 */
	readonly structuredPrefix?: string | undefined;
	/** Window length assumed when a response gives `remaining` without a reset time. */
	readonly defaultWindowSec: number;
	/** Headers that say how long to wait after a 429, besides the standard `Retry-After` (Help Scout: `x-ratelimit-retry-after`). */
	readonly retryAfter?: readonly string[] | undefined;
};

/** The common names: `x-rate-limit-*` (Zendesk, Freshdesk), IETF `ratelimit-*`, GitHub-style `x-ratelimit-*`. */
export const defaultRateLimitHeaders: RateLimitHeaderNames = {
	remaining: ['x-rate-limit-remaining', 'ratelimit-remaining', 'x-ratelimit-remaining'],
	limit: ['x-rate-limit', 'ratelimit-limit', 'x-ratelimit-total', 'x-ratelimit-limit'],
	reset: ['ratelimit-reset', 'x-rate-limit-reset', 'x-ratelimit-reset'],
	structuredPrefix: undefined,
	defaultWindowSec: 60,
};

export type RateLimitReading = {
	/** 'account', or the structured header's name for an endpoint quota. */
	readonly bucket: string;
	readonly limit: number | null;
	readonly remaining: number;
	readonly resetSec: number | null;
};

const integer = (value: string | undefined): number | null => {
	if (value === undefined) return null;
	const number = Number(value.split(',')[0]?.trim());
	return Number.isFinite(number) ? number : null;
};

function first(headers: Readonly<Record<string, string>>, names: readonly string[]): string | undefined {
	for (const name of names) {
		const value = headers[name];
		if (value !== undefined) return value;
	}
	return undefined;
}

/** The quotas a response advertises. */
export function readRateLimits(
	headers: Readonly<Record<string, string>>,
	names: RateLimitHeaderNames,
	nowMs: number,
): RateLimitReading[] {
	const readings: RateLimitReading[] = [];
	const remaining = integer(first(headers, names.remaining));
	if (remaining !== null) {
		let resetSec = integer(first(headers, names.reset));
		// Some providers send an epoch time instead of a delta.
		if (resetSec !== null && resetSec > 1_000_000_000) resetSec = Math.max(0, resetSec - nowMs / 1000);
		readings.push({bucket: 'account', limit: integer(first(headers, names.limit)), remaining, resetSec});
	}
	if (names.structuredPrefix !== undefined) {
		for (const [name, value] of Object.entries(headers)) {
			if (!name.startsWith(names.structuredPrefix)) continue;
			const fields = Object.fromEntries(
				value.split(';').map((part) => {
					const [key = '', raw = ''] = part.split('=');
					return [key.trim().toLowerCase(), raw.trim()];
				}),
			);
			const left = integer(fields['remaining']);
			if (left === null) continue;
			readings.push({
				bucket: name,
				limit: integer(fields['total']),
				remaining: left,
				resetSec: integer(fields['resets']),
			});
		}
	}
	return readings;
}

type Bucket = {
	limit: number | null;
	/** Our estimate: the last advertised value minus what we sent since. */
	remaining: number;
	resetAt: number;
	lastSentAt: number;
	/** Endpoint buckets apply to the routes that reported them; the account bucket to every route. */
	readonly routes: Set<string> | null;
};

export type RatePacer = {
	/**
	 * Waits until one more request stays within every quota advertised so far, then counts it as sent. `cost` is what
	 * the request uses of the quota (Help Scout counts a write as 2).
	 */
	acquire(route: string, signal?: AbortSignal, cost?: number): Promise<void>;
	/** A response (or a failure) for a request that acquire() counted. */
	release(route: string, readings: readonly RateLimitReading[]): void;
	/** After a 429: nobody sends before `untilMs`. */
	pauseUntil(untilMs: number): void;
};

/**
 * Paces requests from the provider's advertised quota so a long run slows down before it hits the wall: no wait while
 * plenty is left; below a low-water mark the remaining requests are spread evenly over the time left in the window;
 * at zero it waits for the reset. It never sends more requests than the advertised remaining quota allows.
 */
export function createRatePacer(clock: Clock, options: {defaultWindowSec: number}): RatePacer {
	const buckets = new Map<string, Bucket>();
	let pausedUntil = 0;
	let inFlight = 0;

	const applies = (bucket: Bucket, route: string): boolean => bucket.routes === null || bucket.routes.has(route);
	const lowWater = (bucket: Bucket): number =>
		bucket.limit === null ? 10 : Math.max(2, Math.ceil(bucket.limit * 0.2));

	function waitFor(bucket: Bucket, now: number, cost: number): number {
		if (now >= bucket.resetAt) {
			// A new window: the old estimate no longer holds.
			bucket.remaining = bucket.limit ?? Number.POSITIVE_INFINITY;
			bucket.resetAt = Number.POSITIVE_INFINITY;
			return 0;
		}
		if (bucket.remaining < cost) return bucket.resetAt - now;
		if (bucket.remaining < lowWater(bucket)) {
			const interval = (bucket.resetAt - now) / bucket.remaining;
			return Math.max(0, bucket.lastSentAt + interval - now);
		}
		return 0;
	}

	return {
		async acquire(route, signal, cost = 1) {
			for (;;) {
				const now = clock.now();
				let wait = Math.max(0, pausedUntil - now);
				for (const bucket of buckets.values()) {
					if (applies(bucket, route)) wait = Math.max(wait, waitFor(bucket, now, Math.max(1, cost)));
				}
				if (wait <= 0) break;
				await clock.sleep(Math.ceil(wait), signal);
			}
			const now = clock.now();
			for (const bucket of buckets.values()) {
				if (!applies(bucket, route)) continue;
				bucket.remaining -= Math.max(1, cost);
				bucket.lastSentAt = now;
			}
			inFlight += 1;
		},
		release(route, readings) {
			inFlight = Math.max(0, inFlight - 1);
			const now = clock.now();
			for (const reading of readings) {
				const existing = buckets.get(reading.bucket);
				const resetAt =
					reading.resetSec !== null
						? now + reading.resetSec * 1000
						: existing !== undefined && existing.resetAt > now && Number.isFinite(existing.resetAt)
							? existing.resetAt
							: now + options.defaultWindowSec * 1000;
				// Requests still in flight were sent before this answer was counted: assume each will use one.
				const remaining = reading.remaining - inFlight;
				if (existing === undefined) {
					buckets.set(reading.bucket, {
						limit: reading.limit,
						remaining,
						resetAt,
						lastSentAt: now,
						routes: reading.bucket === 'account' ? null : new Set([route]),
					});
					continue;
				}
				existing.limit = reading.limit ?? existing.limit;
				existing.routes?.add(route);
				// Within one window the count only goes down; answers can arrive out of order.
				const sameWindow = Math.abs(resetAt - existing.resetAt) < 2000 && Number.isFinite(existing.resetAt);
				existing.remaining = sameWindow ? Math.min(existing.remaining, remaining) : remaining;
				existing.resetAt = resetAt;
			}
		},
		pauseUntil(untilMs) {
			pausedUntil = Math.max(pausedUntil, untilMs);
		},
	};
}
