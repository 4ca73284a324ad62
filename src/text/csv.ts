import {toDisplayText} from './display-text.js';

// Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV Injection"): = + - @, tab, CR,
// LF, and the full-width forms Excel also accepts. A leading ' makes it text, and the ' is not shown.
const formulaLead = /^['\uFF07]*[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;
const needsQuotes = /[",\r\n]/;
// A cheap test first: most cells need neither sanitising nor guarding.
const needsWork =
	/[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2069\uFEFF]|^['\uFF07=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * One CSV field, the only way csr writes one: customer text is neutralised like on every other surface (escape
 * sequences, controls, bidi and invisible characters become a visible marker; line breaks are kept, quoted), a cell
 * a spreadsheet would run as a formula gets a leading `'`, and the result is quoted per RFC 4180 when it holds a
 * comma, quote, CR or LF. Numbers and booleans are written as they are (a negative number is not a formula).
 */
export function csvField(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value !== 'string') return String(value);
	let text = value;
	if (needsWork.test(text)) {
		text = toDisplayText(text);
		if (formulaLead.test(text)) text = `'${text}`;
	}
	return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record with CRLF line ending (RFC 4180). */
export function csvRow(values: readonly unknown[]): string {
	return `${values.map(csvField).join(',')}\r\n`;
}

/**
 * Reads back a cell csr wrote: removes the `'` the formula guard added (a cell that began with `'` before the guard
 * got one more, so this is exact). For `csr log import` of a csr export.
 */
export function unguardCsvCell(cell: string): string {
	return formulaLead.test(cell) && cell.startsWith("'") ? cell.slice(1) : cell;
}
