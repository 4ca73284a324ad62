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
