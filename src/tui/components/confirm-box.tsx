import {Box, Text} from 'ink';
import {toDisplayLine} from '../../text/display-text.js';
import {theme} from '../theme.js';

type Props = {
	readonly title: string;
	/** What will happen, one fact a line; sanitised here. */
	readonly lines: readonly string[];
	readonly isWorking: boolean;
	/** What is under way while working (`Sending 3 of 10…`); default `Working…`. */
	readonly progress?: string | null | undefined;
	readonly width: number;
};

/**
 * "This is what will happen": the last stop before anything is written. When the screen is too short for every
 * fact, the facts are cut at the bottom; the title (what, to whom) and the keys are never squeezed out.
 */
export function ConfirmBox({title, lines, isWorking, progress, width}: Props) {
	return (
		<Box flexDirection="column" width={width} borderStyle="round" borderColor={theme.warning} paddingX={1}>
			<Box flexShrink={0}>
				<Text bold>{toDisplayLine(title)}</Text>
			</Box>
			<Box flexDirection="column" flexShrink={1} overflow="hidden">
				{lines.map((line, index) => (
					// biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of facts.
					<Box key={index} flexShrink={0}>
						<Text wrap="wrap">{toDisplayLine(line)}</Text>
					</Box>
				))}
			</Box>
			<Box flexShrink={0}>
				<Text color={isWorking ? theme.muted : theme.accent}>
					{isWorking ? (progress ?? 'Working…') : 'y or enter: do it · esc: cancel'}
				</Text>
			</Box>
		</Box>
	);
}
