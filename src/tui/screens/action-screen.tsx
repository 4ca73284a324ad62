import {Box, Text} from 'ink';
import {useMemo, useState} from 'react';
import {messageOf} from '../../errors.js';
import {toDisplayLine} from '../../text/display-text.js';
import {ConfirmBox} from '../components/confirm-box.js';
import type {Flash} from '../components/hint-line.js';
import {ListPicker, type PickerItem} from '../components/list-picker.js';
import {TextField} from '../components/text-field.js';
import {fuzzyFilter} from '../fuzzy.js';
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
	readonly summary: (values: readonly string[]) => {title: string; lines: string[]};
	readonly run: (values: readonly string[]) => Promise<Flash>;
	/** Called with what happened, or null when the agent cancelled. */
	readonly onDone: (flash: Flash | null) => void;
	/** While `run` works on many tickets: how far it got. */
	readonly progress?: string | null;
	readonly width: number;
	readonly height: number;
};

/** An action as steps (pick from a list, type a value), then a confirmation, then the write. */
export function ActionScreen({steps, summary, run, onDone, progress, width, height}: Props) {
	const [values, setValues] = useState<string[]>([]);
	const [text, setText] = useState('');
	const [cursor, setCursor] = useState(0);
	const [error, setError] = useState<string | null>(null);
	const [isWorking, setWorking] = useState(false);
	const step = steps[values.length];
	const items = useMemo(
		() =>
			step?.kind === 'pick'
				? fuzzyFilter(step.items, step.searchable ? text : '', (item) => `${item.label} ${item.hint ?? ''}`)
				: [],
		[step, text],
	);
	const back = () => {
		setError(null);
		setText('');
		setCursor(0);
		if (values.length === 0) onDone(null);
		else setValues(values.slice(0, -1));
	};
	const advance = (value: string) => {
		setValues([...values, value]);
		setText('');
		setCursor(0);
		setError(null);
	};
	useKeys((input, key) => {
		if (isWorking) return;
		if (step === undefined) {
			if (isKey('confirm', input, key)) {
				setWorking(true);
				run(values).then(onDone, (failure: unknown) => {
					setWorking(false);
					setError(messageOf(failure));
				});
			} else if (isKey('cancel', input, key)) back();
			return;
		}
		if (step.kind === 'pick') {
			const move = actionOf(
				step.searchable ? ['listUp', 'listDown'] : ['listUp', 'listDown', 'up', 'down'],
				input,
				key,
			);
			if (move === 'listUp' || move === 'up') setCursor(Math.max(0, cursor - 1));
			else if (move === 'listDown' || move === 'down') setCursor(Math.min(items.length - 1, cursor + 1));
			else if (key.return) {
				const item = items[cursor];
				if (item) advance(item.key);
			} else if (key.escape) back();
			else if (step.searchable) {
				setText(applyKey(text, input, key).value);
				setCursor(0);
			}
			return;
		}
		const edit = applyKey(text, input, key);
		if (edit.done === 'cancel') back();
		else if (edit.done === 'submit') {
			const problem = step.validate?.(edit.value.trim()) ?? null;
			if (problem === null) advance(edit.value.trim());
			else setError(problem);
		} else setText(edit.value);
	});
	if (step === undefined) {
		const {title, lines} = summary(values);
		return (
			<Box flexDirection="column" width={width} height={height}>
				<ConfirmBox title={title} lines={lines} isWorking={isWorking} progress={progress} width={Math.min(width, 76)} />
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
