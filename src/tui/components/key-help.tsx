import {Box, Text} from 'ink';
import {helpSections} from '../keymap.js';
import {theme} from '../theme.js';
import {fitLine} from '../wrap.js';

type HelpLine = {readonly key: string; readonly title?: string; readonly keys?: string; readonly help?: string};

/** The keymap as lines: a title per section, then its keys. */
export function helpLines(): HelpLine[] {
	return helpSections().flatMap((section) => [
		{key: section.title, title: section.title},
		...section.rows.map((row) => ({key: `${section.title}${row.keys}${row.help}`, keys: row.keys, help: row.help})),
	]);
}

/** How many help lines fit at once: full columns of `height - 1` rows, as many columns as 50-column cells allow. */
export function helpCapacity(width: number, height: number): number {
	return Math.max(1, height - 1) * Math.max(1, Math.min(3, Math.floor(width / 50)));
}

/** The `?` screen: the keymap itself, laid out in columns, from line `offset`. */
export function KeyHelp({
	width,
	height,
	offset,
}: {
	readonly width: number;
	readonly height: number;
	readonly offset: number;
}) {
	const lines = helpLines();
	const rows = Math.max(1, height - 1);
	const columns = Math.max(1, Math.min(3, Math.floor(width / 50)));
	const columnWidth = Math.floor(width / columns);
	const shown = lines.slice(offset, offset + rows * columns);
	const more = lines.length > offset + shown.length || offset > 0;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold color={theme.accent} wrap="truncate-end">
				Keys{more ? ' (j/k scroll)' : ''} · any other key closes this help
			</Text>
			<Box>
				{Array.from({length: columns}, (_, column) => (
					// biome-ignore lint/suspicious/noArrayIndexKey: columns are positions.
					<Box key={column} flexDirection="column" width={columnWidth}>
						{shown.slice(column * rows, (column + 1) * rows).map((line) =>
							line.title ? (
								<Text key={line.key} bold>
									{line.title}
								</Text>
							) : (
								<Text key={line.key} wrap="truncate-end">
									<Text color={theme.accent}>{fitLine(` ${line.keys ?? ''}`, 13)}</Text>
									{line.help}
								</Text>
							),
						)}
					</Box>
				))}
			</Box>
		</Box>
	);
}
