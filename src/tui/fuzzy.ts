/**
 * A fuzzy score for type-to-filter pickers: every character of the query must appear in order. Contiguous runs and
 * matches at word starts score higher; null when it does not match at all.
 */
export function fuzzyScore(query: string, text: string): number | null {
	const needle = query.trim().toLowerCase();
	if (needle === '') return 0;
	const haystack = text.toLowerCase();
	let score = 0;
	let position = -1;
	let run = 0;
	for (const character of needle) {
		if (character === ' ') continue;
		const found = haystack.indexOf(character, position + 1);
		if (found === -1) return null;
		run = found === position + 1 ? run + 1 : 0;
		const atWordStart = found === 0 || /[\s\-_./]/.test(haystack[found - 1] ?? '');
		score += 1 + run * 2 + (atWordStart ? 3 : 0);
		position = found;
	}
	return score - haystack.length / 100;
}

/** Items matching the query, best first (stable for equal scores). */
export function fuzzyFilter<T>(items: readonly T[], query: string, textOf: (item: T) => string): T[] {
	if (query.trim() === '') return [...items];
	return items
		.map((item, index) => ({item, index, score: fuzzyScore(query, textOf(item))}))
		.filter((entry): entry is {item: T; index: number; score: number} => entry.score !== null)
		.sort((a, b) => b.score - a.score || a.index - b.index)
		.map((entry) => entry.item);
}
