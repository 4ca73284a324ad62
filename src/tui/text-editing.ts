import type {Key} from 'ink';

export type TextEdit = {readonly value: string; readonly done?: 'submit' | 'cancel'};

/**
 * One key applied to a text being typed: characters (and pastes) append, backspace deletes, ctrl+u clears, esc
 * cancels. Enter submits a one-line field; in a multi-line field it starts a new line and esc finishes.
 */
export function applyKey(value: string, input: string, key: Key, multiline = false): TextEdit {
	if (key.escape) return {value, done: multiline ? 'submit' : 'cancel'};
	if (key.return) return multiline ? {value: `${value}\n`} : {value, done: 'submit'};
	if (key.backspace || key.delete) return {value: Array.from(value).slice(0, -1).join('')};
	if (key.ctrl && input === 'u') return {value: ''};
	if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow)
		return {value};
	if (key.pageUp || key.pageDown || key.home || key.end) return {value};
	const typed = multiline ? input.replace(/\r\n?/g, '\n') : input.replace(/[\r\n]+/g, ' ');
	return {value: value + typed};
}
