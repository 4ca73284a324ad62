// Randomness: a small seeded PRNG (mulberry32), one stream per ticket so a ticket does not change when another does.

export type Random = {
	next(): number;
	int(min: number, max: number): number;
	chance(probability: number): boolean;
	pick<T>(items: readonly T[]): T;
	weighted<K extends string>(weights: Partial<Record<K, number>>): K;
	/** A standard normal deviate (Box-Muller). */
	gaussian(): number;
};

function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Mixes two integers into a 32-bit seed (murmur3's finaliser). */
export function mixSeed(a: number, b: number): number {
	let h = Math.imul((a ^ 0x9e3779b9) >>> 0, 0x85ebca6b) ^ Math.imul(b >>> 0, 0xc2b2ae35);
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}

export function createRandom(seed: number): Random {
	const next = mulberry32(seed);
	const random: Random = {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		chance: (probability) => next() < probability,
		pick: <T>(items: readonly T[]): T => {
			const item = items[Math.floor(next() * items.length)];
			if (item === undefined) throw new Error('pick from an empty list');
			return item;
		},
		weighted: <K extends string>(weights: Partial<Record<K, number>>): K => {
			const entries = Object.entries(weights) as [K, number][];
			const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
			let roll = next() * total;
			for (const [key, weight] of entries) {
				roll -= weight;
				if (roll < 0) return key;
			}
			const last = entries[entries.length - 1];
			if (last === undefined) throw new Error('weighted pick from no weights');
			return last[0];
		},
		gaussian: () => {
			const u = Math.max(next(), 1e-12);
			return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
		},
	};
	return random;
}
