/**
 * Takes a customer's personal data out of a text before it becomes a template or an article: email addresses,
 * phone numbers, order and tracking numbers, and the names the caller knows (customer, agent). What replaces each
 * kind is the caller's choice (a Liquid placeholder for a template, a neutral word for an article).
 */

export type Replacements = {
	readonly email: string;
	readonly phone: string;
	readonly order: string;
	/** Tracking (parcel) numbers. */
	readonly tracking: string;
	/** Known names, longest first is not needed: they are matched longest first. */
	readonly names: readonly {readonly name: string; readonly replacement: string}[];
};

export type Scrubbed = {
	readonly text: string;
	/** How many of each kind were replaced. */
	readonly counts: {email: number; phone: number; order: number; tracking: number; name: number};
};

const emailPattern = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// "order 1066122", "ordre nr. 1066122", "Bestellung #A-1001", "ordernummer: 55812", "tracking 00340434".
const orderPattern =
	/\b(orders?|ordre(?:nr|nummer)?|ordernummer|beställning(?:en)?|bestilling(?:en)?|bestellung|bestellnummer|auftrag|tracking(?:nummer| number)?|sporingsnummer|spårningsnummer|sendungsnummer|rma|retur(?:nummer)?)(\s*(?:no\.?|nr\.?|number|nummer|#|:|-)?\s*#?)([A-Z]{0,4}-?\d[\d-]{3,})/giu;
const trackingWord = /^(tracking|sporings|spårnings|sendungs)/i;
// International (+45 12 34 56 78) or grouped local numbers (040-123 45 67, 0171 2345678).
const phonePattern =
	/(?:\+\d{1,3}[\s.-]?)(?:\(?\d{1,4}\)?[\s.-]?){2,5}\d{1,4}|\b0\d{1,4}[\s/-]\d{2,4}(?:[\s-]?\d{2,4}){1,3}\b/g;
// Anything still shaped like an id: five or more digits, or letters-dash-digits (A-1001).
const idPattern = /\b(?:[A-Z]{1,4}-?\d{4,}[A-Z]{0,2}|\d{5,})\b/g;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function scrubPersonalData(text: string, replacements: Replacements): Scrubbed {
	const counts = {email: 0, phone: 0, order: 0, tracking: 0, name: 0};
	let result = text.replace(emailPattern, () => {
		counts.email++;
		return replacements.email;
	});
	result = result.replace(orderPattern, (_all, word: string, separator: string) => {
		const isTracking = trackingWord.test(word);
		counts[isTracking ? 'tracking' : 'order']++;
		return `${word}${separator}${isTracking ? replacements.tracking : replacements.order}`;
	});
	result = result.replace(phonePattern, () => {
		counts.phone++;
		return replacements.phone;
	});
	result = result.replace(idPattern, () => {
		counts.order++;
		return replacements.order;
	});
	const names = replacements.names
		.filter((entry) => entry.name.trim().length >= 2)
		.sort((a, b) => b.name.length - a.name.length);
	for (const {name, replacement} of names) {
		result = result.replace(
			new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name.trim())}(?![\\p{L}\\p{N}])`, 'giu'),
			() => {
				counts.name++;
				return replacement;
			},
		);
	}
	return {text: result, counts};
}
