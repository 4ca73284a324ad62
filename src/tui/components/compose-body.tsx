import {Box, Text} from 'ink';
import {toDisplayLine, toDisplayText} from '../../text/display-text.js';
import {plural} from '../format.js';
import {createBuffer, cursorPosition, visualLines} from '../text-buffer.js';
import {theme} from '../theme.js';
import {wrapText} from '../wrap.js';

type Props = {
	readonly text: string;
	readonly width: number;
	readonly height: number;
	/** First line shown when not editing. */
	readonly scroll: number;
	/** Where the cursor is while the agent edits the text inline; null when not editing. */
	readonly cursor: number | null;
};

/** The columns the text wraps to in a body `width` wide (the editor moves over the same lines). */
export function bodyWidth(width: number): number {
	return Math.max(10, width);
}

/** Wrapped lines of the message as it will be sent (sanitised for the screen only). */
export function bodyLines(text: string, width: number): string[] {
	return wrapText(toDisplayText(text), bodyWidth(width));
}

/** One line with `«name»` placeholders for missing variables in red. */
function Marked({line}: {readonly line: string}) {
	return (
		<>
			{line.split(/(«[^»]*»)/).map((part, partIndex) =>
				/^«.*»$/.test(part) ? (
					// biome-ignore lint/suspicious/noArrayIndexKey: parts of one line, by position.
					<Text key={partIndex} color={theme.danger} inverse>
						{part}
					</Text>
				) : (
					part
				),
			)}
		</>
	);
}

/** The message preview, or the inline editor with its cursor (the window follows the cursor). */
export function ComposeBody({text, width, height, scroll, cursor}: Props) {
	if (cursor !== null) {
		const columns = bodyWidth(width);
		const lines = visualLines(text, columns);
		const at = cursorPosition(createBuffer(text, cursor), columns);
		const start = Math.max(0, Math.min(at.row - Math.floor(height / 2), lines.length - height));
		const shown = lines.slice(start, start + height);
		return (
			<Box flexDirection="column" width={width} height={height}>
				{shown.map((line, index) => {
					const characters = Array.from(text.slice(line.start, line.end));
					if (start + index !== at.row)
						return (
							<Text key={line.start} wrap="truncate-end">
								{toDisplayLine(characters.join('')) || ' '}
							</Text>
						);
					return (
						<Text key={line.start} wrap="truncate-end">
							{toDisplayLine(characters.slice(0, at.column).join(''))}
							<Text inverse>{toDisplayLine(characters[at.column] ?? '') || ' '}</Text>
							{toDisplayLine(characters.slice(at.column + 1).join(''))}
						</Text>
					);
				})}
			</Box>
		);
	}
	const lines = bodyLines(text, width);
	const start = Math.min(scroll, Math.max(0, lines.length - height));
	// A clipped message says so on its last line: nobody sends what they have not seen.
	const below = lines.length - start - height;
	const shown = lines.slice(start, start + (below > 0 ? height - 1 : height));
	return (
		<Box flexDirection="column" width={width} height={height}>
			{shown.map((line, index) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: lines of one text, by position.
				<Text key={start + index} wrap="truncate-end">
					<Marked line={line === '' ? ' ' : line} />
				</Text>
			))}
			{below > 0 ? (
				<Text color={theme.accent} wrap="truncate-end">
					↓ {plural(below + 1, 'more line')} (j/k, PgDn)
				</Text>
			) : null}
		</Box>
	);
}
