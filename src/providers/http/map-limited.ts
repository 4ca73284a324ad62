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
 * that item, except an expired credential or an interrupt, which stop the whole read.
 */
export async function readEachBestEffort<T, R>(
	items: readonly T[],
	read: (item: T) => Promise<R>,
	signal?: AbortSignal,
): Promise<(R | null)[]> {
	return mapLimited(items, threadReadConcurrency, async (item) => {
		try {
			return await read(item);
		} catch (error) {
			if (error instanceof AuthError || signal?.aborted === true) throw error;
			return null;
		}
	});
}
