import {Box, Text} from 'ink';
import {toDisplayLine} from '../../text/display-text.js';
import {colorOf, type Tone} from '../theme.js';

/** A message for the agent (what just happened); it may quote the desk, so it is sanitised when shown. */
export type Flash = {readonly text: string; readonly tone: Tone};

const defaultHint =
	'enter open · r reply · n note · s status · a assign · e escalate · f follow-up · / filter · q quit';

/** The flash message, or the most useful keys when there is none. */
export function HintLine({flash, width}: {readonly flash: Flash | null; readonly width: number}) {
	return (
		<Box width={width} height={1}>
			<Text wrap="truncate-end" color={flash ? colorOf(flash.tone) : colorOf('muted')}>
				{flash ? toDisplayLine(flash.text) : defaultHint}
			</Text>
		</Box>
	);
}
