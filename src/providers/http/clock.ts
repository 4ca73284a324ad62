import {setTimeout as delay} from 'node:timers/promises';

/** Time for the HTTP layer: pacing, backoff and Retry-After waits. Tests inject a virtual clock (no real sleeps). */
export type Clock = {
	/** Milliseconds since the epoch. */
	now(): number;
	/** Resolves after `ms`, rejects with an AbortError when the signal fires. */
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
	/** 0 ≤ n < 1, for jitter. */
	random(): number;
};

export const systemClock: Clock = {
	now: () => Date.now(),
	sleep: async (ms, signal) => {
		if (ms <= 0) {
			signal?.throwIfAborted();
			return;
		}
		await delay(ms, undefined, {signal});
	},
	random: Math.random,
};
