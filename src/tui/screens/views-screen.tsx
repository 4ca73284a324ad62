import {Box, Text} from 'ink';
import {useState} from 'react';
import {messageOf} from '../../errors.js';
import {toDisplayLine} from '../../text/display-text.js';
import type {Flash} from '../components/hint-line.js';
import {TextField} from '../components/text-field.js';
import {useLeaving, useLiveState} from '../hooks/use-live-state.js';
import {type ListedView, useViewCounts} from '../hooks/use-views.js';
import {actionOf} from '../keymap.js';
import {useKeys} from '../keys.js';
import {useServices} from '../services.js';
import {applyKey} from '../text-editing.js';
import {colorOf, theme} from '../theme.js';
import {fitLine} from '../wrap.js';

type Props = {
	readonly views: readonly ListedView[];
	/** The filter line now: what `s` saves. */
	readonly filter: string;
	readonly onApply: (index: number) => void;
	/** A view was saved or deleted: the list is read again. */
	readonly onChanged: () => void;
	readonly onClose: () => void;
	readonly width: number;
	readonly height: number;
};

/** `V`: the views with how many tickets each holds; enter applies one, s saves the current filter, d deletes. */
export function ViewsScreen({views, filter, onApply, onChanged, onClose, width, height}: Props) {
	const services = useServices();
	const {counts, isCounting} = useViewCounts(views, services.session.baseQuery, services.now());
	const [cursor, setCursor, readCursor] = useLiveState(0);
	const [naming, setNaming, readNaming] = useLiveState<string | null>(null);
	const [notice, setNotice] = useState<Flash | null>(null);
	const [, setDeleteArmed, readDeleteArmed] = useLiveState<string | null>(null);
	const {leave, hasLeft} = useLeaving();

	useKeys((input, key) => {
		if (hasLeft()) return 'later';
		const naming = readNaming();
		const cursor = readCursor();
		const view = views[Math.min(cursor, views.length - 1)];
		if (naming !== null) {
			const edit = applyKey(naming, input, key);
			if (edit.done === 'cancel') return setNaming(null);
			if (edit.done !== 'submit') return setNaming(edit.value);
			const name = edit.value.trim();
			if (name === '') return setNotice({text: 'A view needs a name.', tone: 'danger'});
			if (views.some((other) => other.name === name && other.source !== 'saved'))
				return setNotice({text: `"${name}" is a built-in or config view; pick another name.`, tone: 'danger'});
			services.saveView({name, filter}).then(
				() => {
					setNaming(null);
					setNotice({text: `Saved the view "${name}": ${filter}`, tone: 'ok'});
					onChanged();
				},
				(error: unknown) => setNotice({text: `Not saved: ${messageOf(error)}`, tone: 'danger'}),
			);
			return;
		}
		const move = actionOf(['listUp', 'listDown', 'up', 'down'], input, key);
		if (move === 'listUp' || move === 'up') return setCursor(Math.max(0, cursor - 1));
		if (move === 'listDown' || move === 'down') return setCursor(Math.max(0, Math.min(views.length - 1, cursor + 1)));
		if (key.escape || input === 'q' || input === 'V') return leave(onClose);
		if (key.return && view) return leave(() => onApply(views.indexOf(view)));
		if (input === 's') {
			if (filter.trim() === '')
				return setNotice({
					text: 'The filter is empty: / to write one first, then V and s to save it.',
					tone: 'warning',
				});
			setNotice(null);
			return setNaming('');
		}
		if (input === 'd' && view) {
			if (view.source !== 'saved')
				return setNotice({
					text:
						view.source === 'built-in'
							? `"${view.name}" is built in and cannot be deleted.`
							: `"${view.name}" comes from the config (profile views); remove it there.`,
					tone: 'warning',
				});
			if (readDeleteArmed() !== view.name) {
				setDeleteArmed(view.name);
				return setNotice({text: `d again deletes the view "${view.name}".`, tone: 'warning'});
			}
			setDeleteArmed(null);
			services.deleteView(view.name).then(
				(deleted) => {
					setNotice({text: deleted ? `Deleted the view "${view.name}".` : 'It was already gone.', tone: 'ok'});
					setCursor(Math.max(0, cursor - 1));
					onChanged();
				},
				(error: unknown) => setNotice({text: `Not deleted: ${messageOf(error)}`, tone: 'danger'}),
			);
		}
	});

	if (naming !== null)
		return (
			<TextField
				label={`Save the filter "${filter}" as the view named`}
				value={naming}
				error={notice?.tone === 'danger' ? notice.text : null}
				width={width}
			/>
		);
	const nameWidth = Math.min(24, Math.max(10, Math.floor(width / 4)));
	const countWidth = 8;
	const rows = Math.max(1, height - 3);
	const start = Math.max(0, Math.min(cursor - rows + 1, views.length - rows));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold wrap="truncate-end">
				Views{isCounting ? ' (counting…)' : ''}: ↑↓ · enter apply · s save the current filter · d delete · esc
			</Text>
			{views.slice(start, start + rows).map((item, offset) => {
				const isCursor = start + offset === cursor;
				const count = counts.get(item.name);
				return (
					<Text key={`${item.source}:${item.name}`} inverse={isCursor} wrap="truncate-end">
						{isCursor ? '› ' : '  '}
						{fitLine(toDisplayLine(item.name), nameWidth)}{' '}
						<Text color={count?.failed ? theme.danger : undefined}>
							{fitLine(count === undefined ? '…' : count.failed ? '–' : count.text, countWidth)}
						</Text>
						<Text color={isCursor ? undefined : theme.muted}>
							{' '}
							{toDisplayLine(item.filter)} ({item.source}){count?.failed ? ` ${toDisplayLine(count.text)}` : ''}
						</Text>
					</Text>
				);
			})}
			<Box flexGrow={1} />
			<Text color={notice ? colorOf(notice.tone) : theme.muted} wrap="truncate-end">
				{notice ? toDisplayLine(notice.text) : `Filter now: ${filter === '' ? '(none)' : toDisplayLine(filter)}`}
			</Text>
		</Box>
	);
}
