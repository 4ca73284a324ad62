/** Cuts a single-line string to `width` columns, with an ellipsis when it was longer. */
export function truncate(text: string, width: number): string {
	if (width <= 0) return '';
	const characters = Array.from(text);
	if (characters.length <= width) return text;
	return `${characters.slice(0, Math.max(0, width - 1)).join('')}…`;
}

export function padEnd(text: string, width: number): string {
	const length = Array.from(text).length;
	return length >= width ? text : text + ' '.repeat(width - length);
}
