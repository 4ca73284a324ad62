import type {Key} from 'ink';

/**
 * The inline editor's model, pure and without Ink: a text, a cursor (an offset into the text, always on a code point
 * boundary) and undo/redo. Lines wrap at word boundaries to the editor's width; ↑/↓, Home and End move over the lines
 * as shown, so a long paragraph is not one unreachable line.
 */
export type TextBuffer = {
	readonly text: string;
	readonly cursor: number;
	readonly undo: readonly Snapshot[];
	readonly redo: readonly Snapshot[];
	/** The column ↑/↓ aim for, kept over a run of them (a short line in between does not lose it). */
	readonly goalColumn: number | null;
	/** The last change was typing: more typing joins its undo step. */
	readonly typing: boolean;
};

type Snapshot = {readonly text: string; readonly cursor: number};

export type Motion =
	| 'left'
	| 'right'
	| 'up'
	| 'down'
	| 'lineStart'
	| 'lineEnd'
	| 'wordLeft'
	| 'wordRight'
	| 'textStart'
	| 'textEnd';

export type EditCommand =
	| {readonly type: 'insert'; readonly text: string}
	| {readonly type: 'move'; readonly to: Motion}
	| {
			readonly type:
				| 'backspace'
				| 'delete'
				| 'deleteWordBack'
				| 'deleteWordForward'
				| 'deleteToLineStart'
				| 'deleteToLineEnd'
				| 'undo'
				| 'redo';
	  };

const undoLimit = 200;

export function createBuffer(text: string, cursor = text.length): TextBuffer {
	return {
		text,
		cursor: Math.max(0, Math.min(cursor, text.length)),
		undo: [],
		redo: [],
		goalColumn: null,
		typing: false,
	};
}

/** A line as shown: `[start, end)` of the text; `soft` when it wraps into the next (no newline ends it). */
export type VisualLine = {readonly start: number; readonly end: number; readonly soft: boolean};

const isSpace = (character: string) => character === ' ';

/** The text cut into lines of at most `width` characters, breaking after a space where one is near. */
export function visualLines(text: string, width: number): VisualLine[] {
	const size = Math.max(1, width);
	const lines: VisualLine[] = [];
	let lineStart = 0;
	for (const logical of text.split('\n')) {
		const points = Array.from(logical);
		const offsets: number[] = [];
		let offset = lineStart;
		for (const point of points) {
			offsets.push(offset);
			offset += point.length;
		}
		offsets.push(offset);
		let from = 0;
		while (points.length - from > size) {
			let to = from + size;
			let back = to;
			while (back > from && !isSpace(points[back - 1] as string)) back -= 1;
			if (back > from) to = back;
			lines.push({start: offsets[from] as number, end: offsets[to] as number, soft: true});
			from = to;
		}
		lines.push({start: offsets[from] as number, end: offsets[points.length] as number, soft: false});
		lineStart = offset + 1;
	}
	return lines;
}

/** Where the cursor is on screen: its line and column (in characters). */
export function cursorPosition(buffer: TextBuffer, width: number): {row: number; column: number} {
	const lines = visualLines(buffer.text, width);
	const row = rowOf(lines, buffer.cursor);
	const line = lines[row] as VisualLine;
	return {row, column: Array.from(buffer.text.slice(line.start, buffer.cursor)).length};
}

function rowOf(lines: readonly VisualLine[], cursor: number): number {
	// The end of a wrapped line is the start of the next: the cursor shows there.
	const row = lines.findIndex(
		(line) => cursor >= line.start && (cursor < line.end || (cursor === line.end && !line.soft)),
	);
	return row === -1 ? lines.length - 1 : row;
}

/** The offset `columns` characters into a line, not past its end (before the space a wrapped line ends with). */
function offsetInLine(text: string, line: VisualLine, columns: number): number {
	const points = Array.from(text.slice(line.start, line.end));
	const last = line.soft ? Math.max(0, points.length - 1) : points.length;
	return line.start + points.slice(0, Math.min(columns, last)).join('').length;
}

const previousPoint = (text: string, at: number) =>
	at <= 0 ? 0 : at - (Array.from(text.slice(Math.max(0, at - 2), at)).at(-1)?.length ?? 1);
const nextPoint = (text: string, at: number) =>
	at >= text.length ? text.length : at + ((text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1);
const isWordCharacter = (character: string) => /[\p{L}\p{N}_'’-]/u.test(character);

function wordLeft(text: string, at: number): number {
	let position = at;
	while (position > 0 && !isWordCharacter(text.slice(previousPoint(text, position), position)))
		position = previousPoint(text, position);
	while (position > 0 && isWordCharacter(text.slice(previousPoint(text, position), position)))
		position = previousPoint(text, position);
	return position;
}

function wordRight(text: string, at: number): number {
	let position = at;
	while (position < text.length && !isWordCharacter(text.slice(position, nextPoint(text, position))))
		position = nextPoint(text, position);
	while (position < text.length && isWordCharacter(text.slice(position, nextPoint(text, position))))
		position = nextPoint(text, position);
	return position;
}

function logicalLineStart(text: string, at: number): number {
	return text.lastIndexOf('\n', at - 1) + 1;
}

function logicalLineEnd(text: string, at: number): number {
	const end = text.indexOf('\n', at);
	return end === -1 ? text.length : end;
}

function motion(buffer: TextBuffer, to: Motion, width: number): {cursor: number; goalColumn: number | null} {
	const {text, cursor} = buffer;
	switch (to) {
		case 'left':
			return {cursor: previousPoint(text, cursor), goalColumn: null};
		case 'right':
			return {cursor: nextPoint(text, cursor), goalColumn: null};
		case 'wordLeft':
			return {cursor: wordLeft(text, cursor), goalColumn: null};
		case 'wordRight':
			return {cursor: wordRight(text, cursor), goalColumn: null};
		case 'textStart':
			return {cursor: 0, goalColumn: null};
		case 'textEnd':
			return {cursor: text.length, goalColumn: null};
		default: {
			const lines = visualLines(text, width);
			const row = rowOf(lines, cursor);
			const line = lines[row] as VisualLine;
			if (to === 'lineStart') return {cursor: line.start, goalColumn: null};
			if (to === 'lineEnd') return {cursor: offsetInLine(text, line, Number.POSITIVE_INFINITY), goalColumn: null};
			const column = buffer.goalColumn ?? Array.from(text.slice(line.start, cursor)).length;
			const target = lines[to === 'up' ? row - 1 : row + 1];
			if (target === undefined) return {cursor: to === 'up' ? 0 : text.length, goalColumn: column};
			return {cursor: offsetInLine(text, target, column), goalColumn: column};
		}
	}
}

/** Removes `[from, to)` as one undo step. */
function cut(buffer: TextBuffer, from: number, to: number): TextBuffer {
	if (from === to) return {...buffer, goalColumn: null, typing: false};
	return change(buffer, buffer.text.slice(0, from) + buffer.text.slice(to), from, false);
}

function change(buffer: TextBuffer, text: string, cursor: number, typing: boolean): TextBuffer {
	const joins = typing && buffer.typing;
	const undo = joins ? buffer.undo : [...buffer.undo, {text: buffer.text, cursor: buffer.cursor}].slice(-undoLimit);
	return {text, cursor, undo, redo: [], goalColumn: null, typing};
}

/** Typed or pasted text as it goes into a message: line ends as `\n`, tabs as spaces, no control characters. */
export function cleanInsert(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.replace(/\t/g, '    ')
		.replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, '');
}

export function applyEdit(buffer: TextBuffer, command: EditCommand, width: number): TextBuffer {
	const {text, cursor} = buffer;
	switch (command.type) {
		case 'insert': {
			const inserted = cleanInsert(command.text);
			if (inserted === '') return buffer;
			// Typing joins one undo step until a space or a new line; a paste is a step of its own.
			const isTyping = Array.from(inserted).length === 1 && !/\s/.test(inserted);
			return change(buffer, text.slice(0, cursor) + inserted + text.slice(cursor), cursor + inserted.length, isTyping);
		}
		case 'move':
			return {...buffer, ...motion(buffer, command.to, width), typing: false};
		case 'backspace':
			return cut(buffer, previousPoint(text, cursor), cursor);
		case 'delete':
			return cut(buffer, cursor, nextPoint(text, cursor));
		case 'deleteWordBack':
			return cut(buffer, wordLeft(text, cursor), cursor);
		case 'deleteWordForward':
			return cut(buffer, cursor, wordRight(text, cursor));
		case 'deleteToLineStart': {
			const start = logicalLineStart(text, cursor);
			return cut(buffer, start === cursor ? previousPoint(text, cursor) : start, cursor);
		}
		case 'deleteToLineEnd': {
			const end = logicalLineEnd(text, cursor);
			return cut(buffer, cursor, end === cursor ? nextPoint(text, cursor) : end);
		}
		case 'undo': {
			const last = buffer.undo.at(-1);
			if (last === undefined) return buffer;
			return {
				...buffer,
				...last,
				undo: buffer.undo.slice(0, -1),
				redo: [...buffer.redo, {text, cursor}],
				goalColumn: null,
				typing: false,
			};
		}
		case 'redo': {
			const next = buffer.redo.at(-1);
			if (next === undefined) return buffer;
			return {
				...buffer,
				...next,
				redo: buffer.redo.slice(0, -1),
				undo: [...buffer.undo, {text, cursor}],
				goalColumn: null,
				typing: false,
			};
		}
	}
}

/**
 * A key as an edit: arrows, Home/End, ctrl-a/ctrl-e (line), alt-b/alt-f and ctrl-←/→ (word), backspace, delete,
 * alt-backspace and ctrl-w (word back), alt-d (word forward), ctrl-u/ctrl-k (to line start/end), ctrl-z undo,
 * ctrl-y redo, enter a new line, typed or pasted text. `done` for esc; null for a key that edits nothing.
 */
export function editOfKey(input: string, key: Key): EditCommand | 'done' | null {
	if (key.escape) return 'done';
	if (key.return) return {type: 'insert', text: '\n'};
	const move = (to: Motion): EditCommand => ({type: 'move', to});
	if (key.leftArrow) return move(key.ctrl || key.meta ? 'wordLeft' : 'left');
	if (key.rightArrow) return move(key.ctrl || key.meta ? 'wordRight' : 'right');
	if (key.upArrow) return move('up');
	if (key.downArrow) return move('down');
	if (key.home) return move(key.ctrl ? 'textStart' : 'lineStart');
	if (key.end) return move(key.ctrl ? 'textEnd' : 'lineEnd');
	if (key.backspace) return {type: key.meta ? 'deleteWordBack' : 'backspace'};
	if (key.delete) return {type: 'delete'};
	if (key.ctrl) {
		const byCtrl: Record<string, EditCommand> = {
			a: move('lineStart'),
			e: move('lineEnd'),
			b: move('left'),
			f: move('right'),
			w: {type: 'deleteWordBack'},
			u: {type: 'deleteToLineStart'},
			k: {type: 'deleteToLineEnd'},
			d: {type: 'delete'},
			z: {type: 'undo'},
			y: {type: 'redo'},
		};
		return byCtrl[input] ?? null;
	}
	if (key.meta) {
		const byAlt: Record<string, EditCommand> = {
			b: move('wordLeft'),
			f: move('wordRight'),
			d: {type: 'deleteWordForward'},
		};
		return byAlt[input] ?? null;
	}
	if (key.tab || key.pageUp || key.pageDown) return null;
	return input === '' ? null : {type: 'insert', text: input};
}
