import {Box, Text} from 'ink';
import {colorOf} from '../theme.js';
import type {PaneLine} from '../thread-lines.js';

/** One prepared line of the ticket pane; its text was sanitised when the line was built. */
export function PaneLineView({line, width}: {readonly line: PaneLine; readonly width: number}) {
	return (
		<Box width={width} height={1}>
			<Text wrap="truncate-end">
				{line.segments.map((segment, index) => (
					<Text
						// biome-ignore lint/suspicious/noArrayIndexKey: segments never reorder.
						key={index}
						color={segment.tone ? colorOf(segment.tone) : undefined}
						bold={segment.bold === true}
					>
						{segment.text}
					</Text>
				))}
			</Text>
		</Box>
	);
}
