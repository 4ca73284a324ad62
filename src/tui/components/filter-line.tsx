import {Box, Text} from 'ink';
import {toDisplayLine} from '../../text/display-text.js';
import {theme} from '../theme.js';

type Props = {
	readonly filter: string;
	readonly viewName: string | null;
	/** The text being typed, when the agent is editing the filter or typing a ticket number to open. */
	readonly editing: {readonly prompt: 'filter' | 'goto'; readonly text: string} | null;
	readonly error: string | null;
	readonly width: number;
};

/** The top line: the saved view and filter in force, or the filter (or ticket number) being typed. */
export function FilterLine({filter, viewName, editing, error, width}: Props) {
	return (
		<Box width={width} height={1}>
			<Text wrap="truncate-end">
				<Text color={theme.accent} bold>
					csr
				</Text>
				{viewName ? <Text color={theme.accent}> [{viewName}]</Text> : null}
				{editing === null ? (
					<Text color={theme.muted}>
						{filter === '' ? ' queue: new, open, pending · / to filter' : ` / ${toDisplayLine(filter)}`}
					</Text>
				) : (
					<Text>
						{editing.prompt === 'goto' ? ' open ticket #' : ' / '}
						{toDisplayLine(editing.text)}
						<Text inverse> </Text>
						<Text color={theme.muted}>
							{editing.prompt === 'goto'
								? ' enter open · esc cancel'
								: ' enter apply · esc cancel · e.g. status:open tag:vip anna'}
						</Text>
					</Text>
				)}
				{error ? <Text color={theme.danger}> {toDisplayLine(error)}</Text> : null}
			</Text>
		</Box>
	);
}
