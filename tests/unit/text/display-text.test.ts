import {describe, expect, it} from 'vitest';
import {removedMarker, toDisplayLine, toDisplayText, toSafeJson} from '../../../src/text/display-text.js';

const hostile = [
	'Hi \u001B]52;c;ZXZpbA==\u0007there',
	'\u001B[2J\u001B[H',
	'\u009B31mred',
	'\u202Etxt.exe',
	'\u001B]8;;https://evil.example\u0007click\u001B]8;;\u0007',
	'zero\u200Bwidth',
	'bell\u0007 and backspace\u0008',
].join('\n');

describe('toDisplayText', () => {
	it('removes OSC 52, CSI, C1 CSI, OSC 8, bidi overrides and zero-width characters', () => {
		const safe = toDisplayText(hostile);
		expect(safe).not.toMatch(/[\u001B\u0007\u0008\u009B\u202E\u200B]/);
		expect(safe).toContain('Hi ');
		expect(safe).toContain('there');
		expect(safe).toContain('click');
		expect(safe).not.toContain('ZXZpbA==');
		expect(safe).not.toContain('evil.example');
	});

	it('marks where something was removed', () => {
		expect(toDisplayText('a\u202Eb')).toBe(`a${removedMarker}b`);
	});

	it('keeps tabs, newlines and ordinary non-ASCII text', () => {
		expect(toDisplayText('Hej Åse,\r\n\tTak for æbleskiverne — größer?')).toBe(
			'Hej Åse,\n\tTak for æbleskiverne — größer?',
		);
	});

	it('eats an unterminated OSC to the end rather than letting it reach the terminal', () => {
		expect(toDisplayText('ok \u001B]0;title')).toBe(`ok ${removedMarker}`);
	});
});

describe('toDisplayLine', () => {
	it('folds tabs and spaces to single spaces, and marks a line break with ⏎', () => {
		expect(toDisplayLine(' a\t b  c ')).toBe('a b c');
		expect(toDisplayLine(' a\n\tb  c ')).toBe('a⏎b c');
	});
});

describe('toSafeJson', () => {
	it('escapes C1 and bidi controls that JSON.stringify leaves raw, and still parses back', () => {
		const value = {text: 'x\u009B31m \u202E y \u2066'};
		const json = toSafeJson(value);
		expect(json).not.toMatch(/[\u0080-\u009F\u202A-\u202E\u2066-\u2069]/);
		expect(json).toContain('\\u009b');
		expect(json).toContain('\\u202e');
		expect(JSON.parse(json)).toEqual(value);
	});

	it('escapes ESC as JSON.stringify does', () => {
		expect(toSafeJson('\u001B[2J')).toBe('"\\u001b[2J"');
	});
});
