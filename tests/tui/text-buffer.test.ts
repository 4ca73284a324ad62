import {describe, expect, it} from 'vitest';
import {noKey} from '../../src/tui/key-input.js';
import {
	applyEdit,
	createBuffer,
	cursorPosition,
	type EditCommand,
	editOfKey,
	type TextBuffer,
	visualLines,
} from '../../src/tui/text-buffer.js';

const width = 20;
const run = (buffer: TextBuffer, ...commands: EditCommand[]) =>
	commands.reduce((current, command) => applyEdit(current, command, width), buffer);
const move = (to: Extract<EditCommand, {type: 'move'}>['to']): EditCommand => ({type: 'move', to});
const type = (text: string): EditCommand[] => Array.from(text).map((character) => ({type: 'insert', text: character}));
/** The text with `|` where the cursor is. */
const show = (buffer: TextBuffer) => `${buffer.text.slice(0, buffer.cursor)}|${buffer.text.slice(buffer.cursor)}`;

describe('the text buffer', () => {
	it('wraps at word boundaries and breaks a word longer than the line', () => {
		const text = 'Your parcel left our warehouse today\n\nabcdefghijklmnopqrstuvwxyz';
		const lines = visualLines(text, width).map((line) => text.slice(line.start, line.end));
		expect(lines).toEqual(['Your parcel left ', 'our warehouse today', '', 'abcdefghijklmnopqrst', 'uvwxyz']);
	});

	it('moves left, right, to line start and end, and by words', () => {
		const buffer = createBuffer('Hej Sven, din order', 0);
		expect(show(run(buffer, move('right'), move('right')))).toBe('He|j Sven, din order');
		expect(show(run(buffer, move('wordRight'), move('wordRight')))).toBe('Hej Sven|, din order');
		expect(show(run(buffer, move('lineEnd'), move('wordLeft')))).toBe('Hej Sven, din |order');
		expect(show(run(buffer, move('lineEnd'), move('wordLeft'), move('wordLeft'), move('wordLeft')))).toBe(
			'Hej |Sven, din order',
		);
		expect(show(run(buffer, move('lineEnd'), move('lineStart')))).toBe('|Hej Sven, din order');
		expect(show(run(buffer, move('left')))).toBe('|Hej Sven, din order');
	});

	it('steps over characters outside the basic plane as one', () => {
		const buffer = createBuffer('a😀b', 1);
		expect(show(run(buffer, move('right')))).toBe('a😀|b');
		expect(run(buffer, move('right'), {type: 'backspace'}).text).toBe('ab');
	});

	it('goes up and down across wrapped lines, keeping the column it aimed for', () => {
		const text = 'Your parcel left our warehouse today\nok\nand it arrives on Friday morning';
		const start = createBuffer(text, 'Your parcel'.length);
		const down = run(start, move('down'));
		expect(cursorPosition(down, width)).toEqual({row: 1, column: 11});
		expect(show(down)).toBe('Your parcel left our warehou|se today\nok\nand it arrives on Friday morning');
		const short = run(down, move('down'));
		expect(cursorPosition(short, width)).toEqual({row: 2, column: 2});
		const again = run(short, move('down'));
		expect(cursorPosition(again, width)).toEqual({row: 3, column: 11});
		expect(show(run(again, move('up'), move('up'), move('up')))).toBe(show(start));
		expect(run(start, move('up')).cursor).toBe(0);
	});

	it('Home and End work on the line as shown', () => {
		const text = 'Your parcel left our warehouse today';
		const buffer = createBuffer(text, text.indexOf('warehouse'));
		expect(show(run(buffer, move('lineStart')))).toBe('Your parcel left |our warehouse today');
		expect(show(run(createBuffer(text, 2), move('lineEnd')))).toBe('Your parcel left| our warehouse today');
	});

	it('deletes a character either way, a word back and forward, and to the line start or end', () => {
		const buffer = createBuffer('Dear Anna,\nthe parcel is late', 'Dear Anna,\nthe parcel'.length);
		expect(show(run(buffer, {type: 'backspace'}))).toBe('Dear Anna,\nthe parce| is late');
		expect(show(run(buffer, {type: 'delete'}))).toBe('Dear Anna,\nthe parcel|is late');
		expect(show(run(buffer, {type: 'deleteWordBack'}))).toBe('Dear Anna,\nthe | is late');
		expect(show(run(buffer, {type: 'deleteWordForward'}))).toBe('Dear Anna,\nthe parcel| late');
		expect(show(run(buffer, {type: 'deleteToLineStart'}))).toBe('Dear Anna,\n| is late');
		expect(show(run(buffer, {type: 'deleteToLineEnd'}))).toBe('Dear Anna,\nthe parcel|');
	});

	it('ctrl-u takes one line, not the whole reply, and undo brings it back', () => {
		const buffer = createBuffer('Line one\nLine two\nLine three');
		const wiped = run(buffer, {type: 'deleteToLineStart'});
		expect(wiped.text).toBe('Line one\nLine two\n');
		expect(run(wiped, {type: 'undo'}).text).toBe('Line one\nLine two\nLine three');
	});

	it('pastes several lines at the cursor, with Windows line ends and tabs cleaned', () => {
		const buffer = createBuffer('Hi\n\nBye', 3);
		const pasted = run(buffer, {type: 'insert', text: 'Step 1\r\nStep 2\r\n\tdone\u0007'});
		expect(show(pasted)).toBe('Hi\nStep 1\nStep 2\n    done|\nBye');
		expect(run(pasted, {type: 'undo'}).text).toBe('Hi\n\nBye');
	});

	it('undoes typing a word at a time and redoes it; a new edit drops the redo', () => {
		const typed = run(createBuffer(''), ...type('hello world'));
		expect(typed.text).toBe('hello world');
		const undone = run(typed, {type: 'undo'});
		expect(undone.text).toBe('hello ');
		expect(run(undone, {type: 'undo'}, {type: 'undo'}).text).toBe('');
		expect(run(undone, {type: 'redo'}).text).toBe('hello world');
		const branched = run(undone, ...type('there'));
		expect(run(branched, {type: 'redo'}).text).toBe('hello there');
	});
});

describe('keys in the inline editor', () => {
	it('maps editing keys and leaves on esc', () => {
		expect(editOfKey('', {...noKey, escape: true})).toBe('done');
		expect(editOfKey('', {...noKey, return: true})).toEqual({type: 'insert', text: '\n'});
		expect(editOfKey('b', {...noKey, meta: true})).toEqual({type: 'move', to: 'wordLeft'});
		expect(editOfKey('', {...noKey, leftArrow: true, ctrl: true})).toEqual({type: 'move', to: 'wordLeft'});
		expect(editOfKey('', {...noKey, backspace: true, meta: true})).toEqual({type: 'deleteWordBack'});
		expect(editOfKey('w', {...noKey, ctrl: true})).toEqual({type: 'deleteWordBack'});
		expect(editOfKey('u', {...noKey, ctrl: true})).toEqual({type: 'deleteToLineStart'});
		expect(editOfKey('z', {...noKey, ctrl: true})).toEqual({type: 'undo'});
		expect(editOfKey('y', {...noKey, ctrl: true})).toEqual({type: 'redo'});
		expect(editOfKey('', {...noKey, delete: true})).toEqual({type: 'delete'});
		expect(editOfKey('x', noKey)).toEqual({type: 'insert', text: 'x'});
		expect(editOfKey('', {...noKey, tab: true})).toBeNull();
	});
});
