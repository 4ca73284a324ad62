/**
 * Rates and scores. Every function returns null, never 0, when there is nothing to measure: "no data" and "zero"
 * mean different things to a supervisor.
 */

/** Minutes are shown to a tenth of a minute (6 seconds): finer than any help desk's own reporting. */
export function roundMinutes(minutes: number): number {
	return Math.round(minutes * 10) / 10;
}

/** Rates are fractions 0–1 kept to four decimals (a hundredth of a percent). */
export function roundRate(rate: number): number {
	return Math.round(rate * 10_000) / 10_000;
}

/** part / whole as a fraction 0–1; null when whole is 0. */
export function rate(part: number, whole: number): number | null {
	return whole > 0 ? roundRate(part / whole) : null;
}

/** A mean of minutes from a sum and a count; null when the count is 0. */
export function meanMinutes(sum: number, count: number): number | null {
	return count > 0 ? roundMinutes(sum / count) : null;
}

/** CSAT = good / (good + bad), a fraction 0–1. Offered-but-unanswered surveys never reach this function. */
export function csatScore(good: number, bad: number): number | null {
	return rate(good, good + bad);
}

/** How a 1–5 satisfaction answer counts, as Zendesk maps its 1–5 scale: 4–5 good, 1–3 bad. */
export function csatFromFivePoint(value: number): 'good' | 'bad' {
	if (!Number.isInteger(value) || value < 1 || value > 5) throw new RangeError(`satisfaction ${value} is not 1–5`);
	return value >= 4 ? 'good' : 'bad';
}

/** NPS answers (0–10): 9–10 promoters, 7–8 passives, 0–6 detractors. */
export const npsPromoterMin = 9;
export const npsDetractorMax = 6;

export type NpsCategory = 'promoter' | 'passive' | 'detractor';

export function npsCategory(score: number): NpsCategory {
	if (score >= npsPromoterMin) return 'promoter';
	if (score <= npsDetractorMax) return 'detractor';
	return 'passive';
}

export type NpsCounts = {readonly promoters: number; readonly passives: number; readonly detractors: number};

/** NPS = % promoters − % detractors, from −100 to +100, to one decimal; null without answers. */
export function npsScore(counts: NpsCounts): number | null {
	const total = counts.promoters + counts.passives + counts.detractors;
	if (total === 0) return null;
	return Math.round(((counts.promoters - counts.detractors) / total) * 1000) / 10;
}

/** A CES scale: answers from min to max, "easy" from easyMin up. Default 1–7, easy ≥ 5 (the CES 2.0 scale). */
export type CesScale = {readonly min: number; readonly max: number; readonly easyMin: number};
export const defaultCesScale: CesScale = {min: 1, max: 7, easyMin: 5};

/** `1-7` → the scale (easy from max − 2: 5 on 1–7, 3 on 1–5); null if malformed. */
export function parseCesScale(text: string): CesScale | null {
	const match = /^\s*(\d{1,2})\s*-\s*(\d{1,2})\s*$/.exec(text);
	if (!match) return null;
	const [min, max] = [Number(match[1]), Number(match[2])];
	if (max - min < 2) return null;
	return {min, max, easyMin: max - 2};
}

/** CES mean to two decimals (scales are short, 1–5 or 1–7); null without answers. */
export function cesMean(sum: number, count: number): number | null {
	return count > 0 ? Math.round((sum / count) * 100) / 100 : null;
}

/** CES answers on the 1–7 scale (7: very easy): 1–3 say the customer found it hard. */
export const cesHardMax = 3;

/** One-touch: a solved ticket with at most this many public agent replies (Zendesk's Explore formula, replies < 2). */
export const oneTouchMaxReplies = 1;
