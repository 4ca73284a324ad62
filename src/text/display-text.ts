/** Shown where something unsafe was removed, so a reader knows the text was altered. */
export const removedMarker = '\u2426'; // ␦ SYMBOL FOR SUBSTITUTE FORM TWO
/** Shown where a one-line field (subject, name, summary in a table) had a line break. */
export const lineBreakMarker = '\u23CE'; // ⏎ RETURN SYMBOL

// ESC-introduced sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ST), DCS/SOS/PM/APC (ESC P|X|^|_ … ST),
// and two-character escapes. Also their 8-bit C1 forms (U+009B CSI, U+009D OSC, U+0090 DCS, …).
const escapeSequence = new RegExp(
	[
		'(?:\\u001B\\[|\\u009B)[\\u0030-\\u003F]*[\\u0020-\\u002F]*[\\u0040-\\u007E]?',
		'(?:\\u001B[\\]PX^_]|[\\u009D\\u0090\\u0098\\u009E\\u009F])[\\s\\S]*?(?:\\u0007|\\u001B\\\\|\\u009C|$)',
		'\\u001B[\\u0020-\\u002F]*[\\u0030-\\u007E]?',
	].join('|'),
	'g',
);

// C0 controls except tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates, zero-width, the
// line and paragraph separators (U+2028/2029: invisible in most terminals, a line break in others) and BOM.
const unsafeCharacter = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/g;

/**
 * Makes customer or help-desk text safe to print: removes escape sequences (CSI, OSC 8 links, OSC 52 clipboard
 * writes, …), control characters, bidi overrides and zero-width characters, keeping tabs and newlines, and puts a
 * visible marker where something was removed.
 */
export function toDisplayText(untrusted: string): string {
	const normalised = untrusted.replace(/\r\n?/g, '\n');
	return normalised.replace(escapeSequence, removedMarker).replace(unsafeCharacter, removedMarker);
}

/**
 * One line for tables, lists and headers: sanitised; a line break inside becomes a visible ⏎ (so
 * "Refund approved⏎DENIED" does not read as one sentence), other whitespace runs fold to single spaces.
 */
export function toDisplayLine(untrusted: string): string {
	return toDisplayText(untrusted)
		.trim()
		.replace(/[^\S\n]*\n\s*/g, lineBreakMarker)
		.replace(/\s+/g, ' ');
}

const jsonUnsafe = /[\u007F-\u009F\u061C\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** JSON.stringify leaves C1, bidi and zero-width characters raw; escape them so a pager or terminal can't act on them. */
export function toSafeJson(value: unknown, indent?: number): string {
	return JSON.stringify(value, null, indent).replace(
		jsonUnsafe,
		(character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
}
