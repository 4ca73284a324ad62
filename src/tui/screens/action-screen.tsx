import {Box, Text} from 'ink';
import {useMemo, useState} from 'react';
import {messageOf} from '../../errors.js';
import {toDisplayLine} from '../../text/display-text.js';
import {ConfirmBox} from '../components/confirm-box.js';
import type {Flash} from '../components/hint-line.js';
import {ListPicker, type PickerItem} from '../components/list-picker.js';
import {TextField} from '../components/text-field.js';
import {fuzzyFilter} from '../fuzzy.js';
import {useLiveState} from '../hooks/use-live-state.js';
import {actionOf, isKey} from '../keymap.js';
import {useKeys} from '../keys.js';
import {applyKey} from '../text-editing.js';
import {theme} from '../theme.js';

export type ActionStep =
	| {readonly kind: 'pick'; readonly title: string; readonly items: readonly PickerItem[]; readonly searchable: boolean}
	| {
			readonly kind: 'text';
			readonly title: string;
			readonly placeholder?: string;
			/** An error to show, or null when the text is fine. */
			readonly validate?: (text: string) => string | null;
	  };

type Props = {
	readonly steps: readonly ActionStep[];
	/** What will happen, from the values chosen (a pick's item key, a text as typed). */
	readonly summary?: (values: readonly string[]) => {title: string; lines: string[]};
	/** Instead of `summary`: what will happen, read from the desk (a merge's tickets); `run` waits until it is read. */
	readonly preview?: (values: readonly string[]) => Promise<{title: string; lines: readonly string[]}>;
	readonly run: (values: readonly string[]) => Promise<Flash>;
	/** Called with what happened, or null when the agent cancelled. */
	readonly onDone: (flash: Flash | null) => void;
	/** While `run` works on many tickets: how far it got. */
	readonly progress?: string | null;
	readonly width: number;
	readonly height: number;
};

/** The items a pick step shows for what was typed (a text step shows none). */
function itemsFor(current: ActionStep | undefined, search: string) {
	return current?.kind === 'pick'
		? fuzzyFilter(current.items, current.searchable ? search : '', (item) => `${item.label} ${item.hint ?? ''}`)
		: [];
}

/** An action as steps (pick from a list, type a value), then a confirmation, then the write. */
export function ActionScreen({steps, summary, preview, run, onDone, progress, width, height}: Props) {
	// Read through refs in the key handler: a key after a slow render must not see the values before the last key.
	const [values, setValues, readValues] = useLiveState<string[]>([]);
	const [text, setText, readText] = useLiveState('');
	const [cursor, setCursor, readCursor] = useLiveState(0);
	const [error, setError] = useState<string | null>(null);
	const [isWorking, setWorking, readWorking] = useLiveState(false);
	type Shown = {title: string; lines: readonly string[]} | 'reading' | null;
	const [shown, setShown, readShown] = useLiveState<Shown>(null);
	const step = steps[values.length];
	const items = useMemo(() => itemsFor(step, text), [step, text]);
	const back = () => {
		setError(null);
		setText('');
		setCursor(0);
		setShown(null);
		const now = readValues();
		if (now.length === 0) onDone(null);
		else setValues(now.slice(0, -1));
	};
	const advance = (value: string) => {
		const next = [...readValues(), value];
		setValues(next);
		setText('');
		setCursor(0);
		setError(null);
		if (preview === undefined || next.length < steps.length) return;
		setShown('reading');
		preview(next).then(
			(read) => {
				if (readValues().length === next.length) setShown(read);
			},
			(failure: unknown) => {
				if (readValues().length !== next.length) return;
				setShown(null);
				setError(messageOf(failure));
			},
		);
	};
	useKeys((input, key) => {
		if (readWorking()) return;
		const current = steps[readValues().length];
		const typed = readText();
		if (current === undefined) {
			// Nothing to confirm before the desk was read (or when it could not be).
			const seen = readShown();
			if (isKey('confirm', input, key) && (preview === undefined || (typeof seen === 'object' && seen !== null))) {
				setWorking(true);
				run(readValues()).then(onDone, (failure: unknown) => {
					setWorking(false);
					setError(messageOf(failure));
				});
			} else if (isKey('cancel', input, key)) back();
			return;
		}
		if (current.kind === 'pick') {
			const shown = itemsFor(current, typed);
			const at = readCursor();
			const move = actionOf(
				current.searchable ? ['listUp', 'listDown'] : ['listUp', 'listDown', 'up', 'down'],
				input,
				key,
			);
			if (move === 'listUp' || move === 'up') setCursor(Math.max(0, at - 1));
			else if (move === 'listDown' || move === 'down') setCursor(Math.min(shown.length - 1, at + 1));
			else if (key.return) {
				const item = shown[at];
				if (item) advance(item.key);
			} else if (key.escape) back();
			else if (current.searchable) {
				setText(applyKey(typed, input, key).value);
				setCursor(0);
			}
			return;
		}
		const edit = applyKey(typed, input, key);
		if (edit.done === 'cancel') back();
		else if (edit.done === 'submit') {
			const problem = current.validate?.(edit.value.trim()) ?? null;
			if (problem === null) advance(edit.value.trim());
			else setError(problem);
		} else setText(edit.value);
	});
	if (step === undefined) {
		const read =
			preview === undefined
				? (summary?.(values) ?? {title: '', lines: []})
				: typeof shown === 'object' && shown !== null
					? shown
					: {title: shown === 'reading' ? 'Reading from the desk…' : 'Cannot do this: esc to go back', lines: []};
		const {title, lines} = read;
		return (
			<Box flexDirection="column" width={width} height={height}>
				<ConfirmBox
					title={title}
					lines={lines}
					isWorking={isWorking || (preview !== undefined && (shown === null || shown === 'reading'))}
					progress={shown === 'reading' ? 'Reading…' : shown === null && preview ? 'esc: back' : progress}
					width={Math.min(width, 76)}
				/>
				{error ? <Text color={theme.danger}>{toDisplayLine(error)}</Text> : null}
			</Box>
		);
	}
	if (step.kind === 'pick') {
		return (
			<ListPicker
				title={`${step.title} (enter choose · esc back)`}
				items={items}
				cursor={cursor}
				query={step.searchable ? text : null}
				width={width}
				height={height}
			/>
		);
	}
	return <TextField label={step.title} value={text} placeholder={step.placeholder} error={error} width={width} />;
}
