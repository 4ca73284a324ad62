/**
 * Streaming readers for import files: lines (ndjson) and RFC 4180 CSV records, each with the line number it starts on
 * so errors can point at it. Input is any async iterable of text or bytes (a file stream, stdin); memory stays
 * bounded by the longest record, not the file.
 */

export type TextSource = AsyncIterable<string | Uint8Array>;

/** A CSV or ndjson problem at a line of the input. */
export class InputFormatError extends Error {
	readonly line: number;
	constructor(line: number, message: string) {
		super(`line ${line}: ${message}`);
		this.name = 'InputFormatError';
		this.line = line;
	}
}

/** UTF-8 text from bytes or strings, split safely across chunk boundaries; a leading BOM is dropped. */
export async function* decodeText(source: TextSource): AsyncGenerator<string> {
	const decoder = new TextDecoder('utf-8', {fatal: false});
	let isFirst = true;
	for await (const chunk of source) {
		let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, {stream: true});
		if (isFirst && text.length > 0) {
			if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
			isFirst = false;
		}
		if (text.length > 0) yield text;
	}
	const rest = decoder.decode();
	if (rest.length > 0) yield rest;
}

/** Lines (LF or CRLF) with their 1-based numbers; a last line without a newline counts too. */
export async function* readLines(text: AsyncIterable<string>): AsyncGenerator<{line: number; text: string}> {
	let pending = '';
	let line = 0;
	for await (const chunk of text) {
		pending += chunk;
		let start = 0;
		for (let end = pending.indexOf('\n', start); end !== -1; end = pending.indexOf('\n', start)) {
			line += 1;
			const raw = pending.slice(start, end);
			yield {line, text: raw.endsWith('\r') ? raw.slice(0, -1) : raw};
			start = end + 1;
		}
		pending = pending.slice(start);
	}
	if (pending.length > 0) yield {line: line + 1, text: pending.endsWith('\r') ? pending.slice(0, -1) : pending};
}

/**
 * RFC 4180 records: fields separated by commas, records by CRLF or LF; a field in double quotes may hold commas,
 * line breaks and doubled quotes (`""` → `"`). A quote inside an unquoted field, text after a closing quote, or an
 * unterminated quote is an InputFormatError. Blank lines are skipped. `line` is where the record starts.
 */
export async function* readCsvRecords(text: AsyncIterable<string>): AsyncGenerator<{line: number; fields: string[]}> {
	let fields: string[] = [];
	let field = '';
	let isQuoted = false;
	/** Inside quotes, or just after the closing quote of a quoted field. */
	let state: 'start' | 'unquoted' | 'quoted' | 'after-quote' = 'start';
	let line = 1;
	let recordLine = 1;
	let pendingCr = false;
	let previous = '';
	const endRecord = (): {line: number; fields: string[]} | null => {
		fields.push(field);
		const record = fields.length === 1 && fields[0] === '' && !isQuoted ? null : {line: recordLine, fields};
		fields = [];
		field = '';
		isQuoted = false;
		state = 'start';
		return record;
	};
	for await (const chunk of text) {
		for (const character of chunk) {
			if (pendingCr) {
				pendingCr = false;
				if (character === '\n') continue; // the LF of a CRLF already ended the record
			}
			if (state === 'quoted') {
				if (character === '"') state = 'after-quote';
				else {
					// CR, LF and CRLF each start one new line of the input (CR is counted, the LF after it is not).
					if (character === '\r' || (character === '\n' && previous !== '\r')) line += 1;
					field += character;
				}
				previous = character;
				continue;
			}
			previous = character;
			if (state === 'after-quote' && character === '"') {
				field += '"';
				state = 'quoted';
				continue;
			}
			if (character === ',') {
				fields.push(field);
				field = '';
				isQuoted = false;
				state = 'start';
			} else if (character === '\n' || character === '\r') {
				const record = endRecord();
				if (record !== null) yield record;
				line += 1;
				recordLine = line;
				pendingCr = character === '\r';
			} else if (state === 'after-quote') {
				throw new InputFormatError(line, `unexpected ${JSON.stringify(character)} after a closing quote`);
			} else if (character === '"') {
				if (state !== 'start') throw new InputFormatError(line, 'a quote inside an unquoted field (quote the field)');
				isQuoted = true;
				state = 'quoted';
			} else {
				field += character;
				state = 'unquoted';
			}
		}
	}
	if (state === 'quoted') throw new InputFormatError(recordLine, 'a quoted field is never closed');
	if (state !== 'start' || fields.length > 0 || isQuoted) {
		const record = endRecord();
		if (record !== null) yield record;
	}
}
