import {AuthError} from '../../errors.js';

/** Runs `task` over `items` with at most `concurrency` at a time; results in the order of `items`. */
export async function mapLimited<T, R>(
	items: readonly T[],
	concurrency: number,
	task: (item: T) => Promise<R>,
): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await task(items[index] as T);
		}
	};
	await Promise.all(Array.from({length: Math.min(Math.max(1, concurrency), items.length)}, worker));
	return results;
}

/** How many KPI threads a desk reads at once (each ticket costs a request per page of its thread). */
export const threadReadConcurrency = 4;

/**
 * Reads each item's extra data (a KPI thread) a few at a time, best effort per item: a read that fails gives null for
 * that item, except credentials the desk does not accept (401) or an interrupt, which stop the whole read. A 403 on
 * some items (tickets a restricted agent may not read) leaves those out; a 403 on every item is the token's missing
 * scope, not theirs, and stops the read as a 401 would.
 */
export async function readEachBestEffort<T, R>(
	items: readonly T[],
	read: (item: T) => Promise<R>,
	signal?: AbortSignal,
): Promise<(R | null)[]> {
	let refused: AuthError | null = null;
	let refusals = 0;
	const results = await mapLimited(items, threadReadConcurrency, async (item) => {
		try {
			return await read(item);
		} catch (error) {
			if (signal?.aborted === true) throw error;
			if (error instanceof AuthError) {
				if (!error.forbidden) throw error;
				refused ??= error;
				refusals++;
			}
			return null;
		}
	});
	if (refused !== null && refusals === items.length) throw refused;
	return results;
}
