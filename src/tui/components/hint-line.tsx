import {Box, Text} from 'ink';
import {toDisplayLine} from '../../text/display-text.js';
import {type BarItem, fitBar} from '../key-bar.js';
import {colorOf, type Tone, theme} from '../theme.js';

/** A message for the agent (what just happened); it may quote the desk, so it is sanitised when shown. */
export type Flash = {readonly text: string; readonly tone: Tone};

/** The flash message, or the keys that work here now (nothing when a screen covering the panes shows its own). */
export function HintLine({
	flash,
	items,
	width,
}: {
	readonly flash: Flash | null;
	readonly items: readonly BarItem[] | null;
	readonly width: number;
}) {
	return (
		<Box width={width} height={1}>
			{flash ? (
				<Text wrap="truncate-end" color={colorOf(flash.tone)}>
					{toDisplayLine(flash.text)}
				</Text>
			) : items ? (
				<Text wrap="truncate-end">
					{fitBar(items, width).map((item, index) => (
						<Text key={`${item.keys}${item.does}`}>
							{index > 0 ? <Text color={theme.border}> · </Text> : null}
							<Text bold>{item.keys}</Text>
							{item.does === '' ? null : <Text color={theme.muted}> {item.does}</Text>}
						</Text>
					))}
				</Text>
			) : null}
		</Box>
	);
}
