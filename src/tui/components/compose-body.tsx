import {Box, Text} from 'ink';
import {toDisplayText} from '../../text/display-text.js';
import {theme} from '../theme.js';
import {wrapText} from '../wrap.js';

type Props = {
	readonly text: string;
	readonly width: number;
	readonly height: number;
	/** First line shown; ignored while typing (the end stays in view). */
	readonly scroll: number;
	readonly isTyping: boolean;
};

/** Wrapped lines of the message as it will be sent (sanitised for the screen only). */
export function bodyLines(text: string, width: number): string[] {
	return wrapText(toDisplayText(text), Math.max(10, width));
}

/** The message preview; `«name»` placeholders for missing variables stand out in red. */
export function ComposeBody({text, width, height, scroll, isTyping}: Props) {
	const lines = bodyLines(text, width);
	const start = isTyping ? Math.max(0, lines.length - height) : Math.min(scroll, Math.max(0, lines.length - height));
	const shown = lines.slice(start, start + height);
	return (
		<Box flexDirection="column" width={width} height={height}>
			{shown.map((line, index) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: lines of one text, by position.
				<Text key={start + index} wrap="truncate-end">
					{(line === '' ? ' ' : line).split(/(«[^»]*»)/).map((part, partIndex) =>
						/^«.*»$/.test(part) ? (
							// biome-ignore lint/suspicious/noArrayIndexKey: parts of one line, by position.
							<Text key={partIndex} color={theme.danger} inverse>
								{part}
							</Text>
						) : (
							part
						),
					)}
					{isTyping && start + index === lines.length - 1 ? <Text inverse> </Text> : null}
				</Text>
			))}
			{shown.length === 0 ? <Text inverse={isTyping}> </Text> : null}
		</Box>
	);
}
