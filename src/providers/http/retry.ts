export type RetryPolicy = {
	/** Tries per request for server errors and dropped connections (the first try counts). */
	readonly maxAttempts: number;
	/** Extra tries a request may spend waiting out 429s. */
	readonly maxRateLimitRetries: number;
	readonly baseDelayMs: number;
	readonly maxDelayMs: number;
	/** Longest total time a request may spend waiting (Retry-After, backoff); beyond it the request fails as temporary. */
	readonly patienceMs: number;
};

export const defaultRetryPolicy: RetryPolicy = {
	maxAttempts: 4,
	maxRateLimitRetries: 10,
	baseDelayMs: 500,
	maxDelayMs: 20_000,
	patienceMs: 120_000,
};

/** Retry-After as milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfterMs(value: string | undefined, nowMs: number): number | null {
	if (value === undefined || value.trim() === '') return null;
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	const date = Date.parse(trimmed);
	return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

/** Exponential backoff with "equal jitter": half the step fixed, half random, so retries never synchronise. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number): number {
	const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
	return Math.round(step / 2 + (random() * step) / 2);
}
