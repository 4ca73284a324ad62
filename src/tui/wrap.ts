/** Columns a string takes, counted in code points (good enough for the Latin, Cyrillic and Greek of most tickets). */
export function columnsOf(text: string): number {
	let count = 0;
	for (const _ of text) count++;
	return count;
}

/** Cuts one line to `width` columns with an ellipsis. */
export function truncateLine(text: string, width: number): string {
	if (width <= 0) return '';
	if (columnsOf(text) <= width) return text;
	return `${Array.from(text)
		.slice(0, Math.max(0, width - 1))
		.join('')}…`;
}

/** Pads (or cuts) a line to exactly `width` columns. */
export function fitLine(text: string, width: number): string {
	const cut = truncateLine(text, width);
	return cut + ' '.repeat(Math.max(0, width - columnsOf(cut)));
}

/** Word-wraps text to `width` columns; newlines are kept, words longer than a line are broken. */
export function wrapText(text: string, width: number): string[] {
	const size = Math.max(1, width);
	const lines: string[] = [];
	for (const paragraph of text.replace(/\t/g, '    ').split('\n')) {
		let line = '';
		for (const word of paragraph.split(/(\s+)/)) {
			if (word === '') continue;
			if (columnsOf(line) + columnsOf(word) <= size) {
				line += word;
				continue;
			}
			if (line.trim() !== '') lines.push(line.trimEnd());
			line = /^\s+$/.test(word) ? '' : word;
			while (columnsOf(line) > size) {
				const characters = Array.from(line);
				lines.push(characters.slice(0, size).join(''));
				line = characters.slice(size).join('');
			}
		}
		lines.push(line.trimEnd());
	}
	return lines;
}
