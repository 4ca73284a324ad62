import {Box, Text} from 'ink';
import {toDisplayLine} from '../../text/display-text.js';
import {theme} from '../theme.js';
import {fitLine} from '../wrap.js';
import {windowStart} from './queue-list.js';

/** A choice; label and hint must already be sanitised when they come from the desk. */
export type PickerItem = {readonly key: string; readonly label: string; readonly hint?: string};

type Props = {
	readonly title: string;
	readonly items: readonly PickerItem[];
	readonly cursor: number;
	/** The type-to-filter text, when the list is searchable. */
	readonly query: string | null;
	readonly width: number;
	readonly height: number;
};

/** A titled list with a cursor, optionally filtered by what the agent types. */
export function ListPicker({title, items, cursor, query, width, height}: Props) {
	const rows = Math.max(1, height - (query === null ? 1 : 2));
	const start = windowStart(cursor, items.length, rows);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold wrap="truncate-end">
				{toDisplayLine(title)}
			</Text>
			{query === null ? null : (
				<Text wrap="truncate-end">
					<Text color={theme.muted}>search: </Text>
					{toDisplayLine(query)}
					<Text inverse> </Text>
				</Text>
			)}
			{items.length === 0 ? <Text color={theme.muted}>Nothing matches.</Text> : null}
			{items.slice(start, start + rows).map((item, offset) => {
				const isCursor = start + offset === cursor;
				const label = fitLine(item.label, Math.min(32, Math.max(10, Math.floor(width / 2))));
				return (
					<Text key={item.key} wrap="truncate-end" inverse={isCursor}>
						{isCursor ? '› ' : '  '}
						{label}
						<Text color={isCursor ? undefined : theme.muted}> {item.hint ?? ''}</Text>
					</Text>
				);
			})}
		</Box>
	);
}
