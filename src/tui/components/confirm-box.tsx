import {Box, Text} from 'ink';
import {toDisplayLine} from '../../text/display-text.js';
import {theme} from '../theme.js';

type Props = {
	readonly title: string;
	/** What will happen, one fact a line; sanitised here. */
	readonly lines: readonly string[];
	readonly isWorking: boolean;
	readonly width: number;
};

/** "This is what will happen": the last stop before anything is written. */
export function ConfirmBox({title, lines, isWorking, width}: Props) {
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
				{isWorking ? 'Working…' : 'y or enter: do it · esc: cancel'}
			</Text>
		</Box>
	);
}
