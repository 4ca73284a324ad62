import {padEnd, truncate} from '../../text/width.js';

export type Column<T> = {
	readonly header: string;
	readonly value: (row: T) => string;
	/** Fixed width; the one column without it takes the remaining room. */
	readonly width?: number;
	readonly color?: (text: string, row: T) => string;
};

/**
 * A plain-text table: header, then one line a row, cut to the terminal width. Values must already be display-safe
 * (through toDisplayLine). Colour is applied after padding so widths stay right.
 */
export function formatTable<T>(
	rows: readonly T[],
	columns: readonly Column<T>[],
	totalWidth: number,
	useColor: boolean,
): string {
	const fixed = columns.reduce((sum, column) => sum + (column.width ?? 0) + 2, 0);
	const flexibleWidth = Math.max(10, totalWidth - fixed);
	const widthOf = (column: Column<T>): number => column.width ?? flexibleWidth;
	const lines: string[] = [];
	lines.push(
		columns
			.map((column) => padEnd(truncate(column.header, widthOf(column)), widthOf(column)))
			.join('  ')
			.trimEnd(),
	);
	for (const row of rows) {
		const cells = columns.map((column, index) => {
			const width = widthOf(column);
			const text = truncate(column.value(row), width);
			const padded = index === columns.length - 1 ? text : padEnd(text, width);
			return useColor && column.color ? column.color(padded, row) : padded;
		});
		lines.push(cells.join('  ').trimEnd());
	}
	return `${lines.join('\n')}\n`;
}
