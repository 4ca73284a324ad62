import {Box, Text} from 'ink';
import {toDisplayLine} from '../../text/display-text.js';
import {theme} from '../theme.js';
import {fitLine} from '../wrap.js';

type Props = {
	readonly left: string;
	readonly right: string;
	readonly focus: 'left' | 'right' | 'none';
	readonly leftWidth: number;
	readonly rightWidth: number;
};

/** One line over the two panes naming each; the one the keys drive is lit, so focus is never a guess. */
export function PaneTitles({left, right, focus, leftWidth, rightWidth}: Props) {
	const title = (text: string, width: number, isFocused: boolean) => (
		<Text inverse={isFocused} bold={isFocused} color={isFocused ? theme.accent : theme.muted}>
			{fitLine(` ${toDisplayLine(text)}${isFocused ? ' ●' : ''}`, width)}
		</Text>
	);
	return (
		<Box height={1} width={leftWidth + 1 + rightWidth}>
			{title(left, leftWidth, focus === 'left')}
			<Text color={focus === 'right' ? theme.accent : theme.border}>│</Text>
			{title(right, rightWidth, focus === 'right')}
		</Box>
	);
}
