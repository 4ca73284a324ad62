/** One RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(value: unknown): string {
	const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : String(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record with CRLF line ending (RFC 4180). */
export function csvRow(values: readonly unknown[]): string {
	return `${values.map(csvField).join(',')}\r\n`;
}
