/**
 * Percentiles by linear interpolation between closest ranks (Hyndman & Fan type 7: Excel PERCENTILE.INC, NumPy's
 * and R's default). For n sorted values x[0..n-1] and a fraction p, h = (n − 1)·p and the result is
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]). The median (p = 0.5) is the usual median: the middle value, or the
 * mean of the two middle values when n is even.
 */

export const medianFraction = 0.5;
export const p90Fraction = 0.9;

/** Which two 0-based positions of the sorted values a percentile needs, and the weight of the upper one. */
export type PercentilePosition = {readonly lower: number; readonly upper: number; readonly weight: number};

export function percentilePosition(count: number, fraction: number): PercentilePosition {
	if (!Number.isInteger(count) || count < 1) throw new RangeError(`percentile of ${count} values`);
	if (fraction < 0 || fraction > 1) throw new RangeError(`percentile fraction ${fraction}`);
	const h = (count - 1) * fraction;
	const lower = Math.floor(h);
	return {lower, upper: Math.min(lower + 1, count - 1), weight: h - lower};
}

/** The percentile from the values at the two positions percentilePosition named. */
export function interpolate(position: PercentilePosition, lowerValue: number, upperValue: number): number {
	return position.weight === 0 ? lowerValue : lowerValue + position.weight * (upperValue - lowerValue);
}

/** A percentile of values already sorted ascending; null when there are none. */
export function percentileOfSorted(sorted: readonly number[], fraction: number): number | null {
	if (sorted.length === 0) return null;
	const position = percentilePosition(sorted.length, fraction);
	return interpolate(position, sorted[position.lower] as number, sorted[position.upper] as number);
}
