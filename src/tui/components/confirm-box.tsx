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

/** "This is what will happen": the last stop before anything is written. */
export function ConfirmBox({title, lines, isWorking, progress, width}: Props) {
	return (
		<Box flexDirection="column" width={width} borderStyle="round" borderColor={theme.warning} paddingX={1}>
			<Text bold>{toDisplayLine(title)}</Text>
			{lines.map((line, index) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of facts.
				<Text key={index} wrap="wrap">
					{toDisplayLine(line)}
				</Text>
			))}
			<Text color={isWorking ? theme.muted : theme.accent}>
				{isWorking ? (progress ?? 'Working…') : 'y or enter: do it · esc: cancel'}
			</Text>
		</Box>
	);
}
