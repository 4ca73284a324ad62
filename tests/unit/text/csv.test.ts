import {describe, expect, it} from 'vitest';
import {csvField, csvRow, unguardCsvCell} from '../../../src/text/csv.js';
import {lineBreakMarker, removedMarker, toDisplayLine, toDisplayText} from '../../../src/text/display-text.js';
import {formulaCell, hostileStrings, parseCsv, unsafeOutput} from '../../support/hostile.js';

describe('the one CSV writer', () => {
	it(`neutralises all ${hostileStrings.length} hostile strings and guards every formula cell, RFC 4180 valid`, () => {
		const text = hostileStrings.map((value, index) => csvRow([String(index), value, 'after'])).join('');
		const rows = parseCsv(text);
		expect(rows).toHaveLength(hostileStrings.length);
		for (const [index, row] of rows.entries()) {
			expect(row, `row ${index}`).toHaveLength(3);
			expect(row[0]).toBe(String(index));
			expect(row[2]).toBe('after');
			expect(row[1], JSON.stringify(hostileStrings[index])).not.toMatch(unsafeOutput);
			expect(row[1], JSON.stringify(hostileStrings[index])).not.toMatch(formulaCell);
		}
	});

	it("puts ' before a formula (OWASP), also after a leading ' so the guard reads back exactly", () => {
		expect(csvField('=HYPERLINK("https://x","y")')).toBe(`"'=HYPERLINK(""https://x"",""y"")"`);
		expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvField('-2+3')).toBe("'-2+3");
		expect(csvField('\t=1')).toBe("'\t=1");
		expect(csvField("'=1")).toBe("''=1");
		for (const value of ['=1', "'=1", "''+x", "'plain", 'plain', '-']) {
			const [[cell]] = parseCsv(csvRow([value])) as [[string]];
			expect(unguardCsvCell(cell)).toBe(value);
		}
	});

	it('writes numbers as numbers (a negative number is not a formula) and text untouched when it is safe', () => {
		expect(csvRow([-5, 0.5, null, undefined, true, 'Hej Åse, "tak"'])).toBe('-5,0.5,,,true,"Hej Åse, ""tak"""\r\n');
	});

	it('keeps line breaks inside a quoted cell, as one record', () => {
		expect(parseCsv(csvRow(['a\r\nb', 'c']))).toEqual([['a\nb', 'c']]);
	});
});

describe('invisible separators and line breaks in one-line fields', () => {
	it('marks U+2028 and U+2029 like other invisible controls', () => {
		expect(toDisplayText('approved\u2028DENIED')).toBe(`approved${removedMarker}DENIED`);
		expect(toDisplayText('approved\u2029DENIED')).toBe(`approved${removedMarker}DENIED`);
	});

	it('shows a line break inside a one-line field as ⏎, never as a plain space', () => {
		expect(toDisplayLine('Refund approved\nDENIED')).toBe(`Refund approved${lineBreakMarker}DENIED`);
		expect(toDisplayLine('Refund approved \r\n\r\n DENIED')).toBe(`Refund approved${lineBreakMarker}DENIED`);
		expect(toDisplayLine('Refund approved\rDENIED')).toBe(`Refund approved${lineBreakMarker}DENIED`);
		expect(toDisplayLine('\n trailing and leading \n')).toBe('trailing and leading');
	});

	it(`leaves nothing unsafe in any of the ${hostileStrings.length} hostile strings, as text or as one line`, () => {
		for (const value of hostileStrings) {
			expect(toDisplayText(value)).not.toMatch(unsafeOutput);
			expect(toDisplayLine(value)).not.toMatch(unsafeOutput);
			expect(toDisplayLine(value)).not.toContain('\n');
		}
	});
});
