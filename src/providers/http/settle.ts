import {setTimeout as sleep} from 'node:timers/promises';
import {InterruptedError} from '../../errors.js';

/**
 * How long a write csr sent may still be applied by a desk's server after csr stopped waiting for it (killed
 * mid-request, or timed out while the request sat in the server's queue): the HTTP read timeout (30 s) and a margin.
 */
export const lateWriteMs = 35_000;

/**
 * Looks for what an interrupted attempt made (by its marker); while nothing is found and the attempt is younger than
 * `lateWriteMs`, looks again once a second, since a request queued in the server when csr was killed lands a moment
 * later (seen on a real RT 5). Without the attempt's start, one look.
 */
export async function findAfterInterruption<T>(
	find: () => Promise<T | null>,
	attemptStartedAt: string | undefined,
	now: () => Date,
	signal?: AbortSignal,
): Promise<T | null> {
	const startedMs = attemptStartedAt === undefined ? Number.NaN : Date.parse(attemptStartedAt);
	for (;;) {
		const found = await find();
		if (found !== null) return found;
		const waitMs = Number.isNaN(startedMs) ? 0 : startedMs + lateWriteMs - now().getTime();
		if (waitMs <= 0) return null;
		await sleep(Math.min(1000, waitMs), undefined, {signal}).catch((error: unknown) => {
			if (signal?.aborted) throw new InterruptedError();
			throw error;
		});
	}
}

/**
 * What an interrupted forward (or other keyed write) made, looked for by its key: null on a first attempt, or when the
 * write carries no key; else `findAfterInterruption` with the attempt's start.
 */
export function findEarlierAttempt<T>(
	options: {
		readonly idempotencyKey?: string | undefined;
		readonly afterInterruption?: boolean | undefined;
		readonly interruptedAttemptStartedAt?: string | undefined;
	},
	now: () => Date,
	find: (key: string) => Promise<T | null>,
	signal?: AbortSignal,
): Promise<T | null> {
	const key = options.idempotencyKey;
	if (options.afterInterruption !== true || key === undefined) return Promise.resolve(null);
	return findAfterInterruption(() => find(key), options.interruptedAttemptStartedAt, now, signal);
}
