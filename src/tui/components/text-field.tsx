import {Box, Text} from 'ink';
import {toDisplayLine} from '../../text/display-text.js';
import {theme} from '../theme.js';

type Props = {
	readonly label: string;
	readonly value: string;
	readonly placeholder?: string;
	readonly error?: string | null;
	readonly width: number;
};

/** A one-line input with its label and a block cursor; what is typed is the agent's own text. */
export function TextField({label, value, placeholder, error, width}: Props) {
	return (
		<Box flexDirection="column" width={width}>
			<Text bold wrap="truncate-end">
				{toDisplayLine(label)}
			</Text>
			<Text wrap="truncate-start">
				<Text color={theme.accent}>› </Text>
				{toDisplayLine(value)}
				<Text inverse> </Text>
				{value === '' && placeholder ? <Text color={theme.muted}> {placeholder}</Text> : null}
			</Text>
			{error ? <Text color={theme.danger}>{toDisplayLine(error)}</Text> : null}
			<Text color={theme.muted}>enter ok · esc back</Text>
		</Box>
	);
}
