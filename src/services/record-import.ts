import * as z from 'zod';
import {InteractionRecord} from '../domain/records.js';
import {FailedError, InterruptedError} from '../errors.js';
import type {ImportResult, RecordStore} from '../store/record-store.js';
import {unguardCsvCell} from '../text/csv.js';
import {decodeText, InputFormatError, readCsvRecords, readLines, type TextSource} from './csv-reader.js';
import {recordCsvColumns} from './record-shape.js';

// `csr log import`: rows of an ndjson or CSV export, checked, written in batches.

const isoInstant = z.string().transform((value, context) => {
	const time = Date.parse(value);
	if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(time)) {
		context.addIssue({code: 'custom', message: 'expected an ISO 8601 date and time like 2026-11-20T12:00:00Z'});
		return z.NEVER;
	}
	// One canonical form (toISOString): filters and ordering compare these as text.
	return new Date(time).toISOString();
});

const emptyToNull = (value: unknown): unknown => (value === '' ? null : value);
const nullableText = z.preprocess(emptyToNull, z.string().nullable());

/**
 * InteractionRecord as an import must satisfy: the domain schema, plus real ISO instants (normalised to UTC) and
 * empty strings read as null, so a CSV round trip (where empty and null look the same) is exact.
 */
export const ImportedRecord = InteractionRecord.extend({
	id: z.string().min(1).max(200),
	at: isoInstant,
	agent: nullableText,
	profile: nullableText,
	provider: nullableText,
	ticketId: nullableText,
	customer: z.object({email: nullableText, name: nullableText}),
	channel: z.preprocess(emptyToNull, InteractionRecord.shape.channel),
	action: z.string().min(1),
	template: nullableText,
	status: nullableText,
	outcome: z.preprocess(emptyToNull, InteractionRecord.shape.outcome),
	summary: nullableText,
	followUpAt: z.preprocess(emptyToNull, isoInstant.nullable()),
});

const recordKeys = Object.keys(InteractionRecord.shape);

/** Missing keys count as null (a call-centre export need not have `template`); unknown keys are an error. */
function withDefaults(value: unknown): unknown {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
	const filled: Record<string, unknown> = {};
	for (const key of recordKeys) filled[key] = null;
	const row = {...filled, ...value} as Record<string, unknown>;
	const customer = row['customer'];
	if (customer === null) row['customer'] = {email: null, name: null};
	else if (typeof customer === 'object' && !Array.isArray(customer))
		row['customer'] = {email: null, name: null, ...customer};
	return row;
}

function unknownKeysOf(value: unknown): string[] {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
	return Object.keys(value).filter((key) => !recordKeys.includes(key));
}

export type ParsedRow = {readonly line: number} & (
	| {readonly record: InteractionRecord; readonly error?: undefined}
	| {readonly record?: undefined; readonly error: string}
);

/** Checks one row of an import; never throws. */
export function parseImportedRow(line: number, value: unknown): ParsedRow {
	const unknown = unknownKeysOf(value);
	if (unknown.length > 0) return {line, error: `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`};
	const parsed = ImportedRecord.safeParse(withDefaults(value));
	if (parsed.success) return {line, record: parsed.data};
	const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'row'}: ${issue.message}`);
	return {line, error: issues.join('; ')};
}

/** A CSV record (by header) to the nested JSON shape; duration_sec stays a string when it is not a whole number. */
function fromCsvFields(header: readonly string[], fields: readonly string[]): Record<string, unknown> {
	const flat = new Map(header.map((name, index) => [name, fields[index] ?? '']));
	const value = (name: string): string | null => {
		const text = flat.get(name);
		return text === undefined || text === '' ? null : unguardCsvCell(text);
	};
	const duration = value('duration_sec');
	return {
		id: value('id') ?? '',
		at: value('at') ?? '',
		agent: value('agent'),
		profile: value('profile'),
		provider: value('provider'),
		ticketId: value('ticket_id'),
		customer: {email: value('customer_email'), name: value('customer_name')},
		channel: value('channel'),
		action: value('action') ?? '',
		template: value('template'),
		status: value('status'),
		outcome: value('outcome'),
		durationSec: duration !== null && /^\d+$/.test(duration) ? Number(duration) : duration,
		summary: value('summary'),
		followUpAt: value('follow_up_at'),
	};
}

export type ImportFormat = 'ndjson' | 'csv';

/** Rows of an ndjson or CSV export (format sniffed from the first character when not given), parsed and checked. */
export async function* readImportRows(source: TextSource, format?: ImportFormat): AsyncGenerator<ParsedRow> {
	const text = decodeText(source);
	const first = await text.next();
	if (first.done) return;
	const chosen = format ?? (/^\s*[{[]/.test(first.value) ? 'ndjson' : 'csv');
	const all = prepend(first.value, text);
	if (chosen === 'ndjson') {
		for await (const {line, text: row} of readLines(all)) {
			if (row.trim() === '') continue;
			let value: unknown;
			try {
				value = JSON.parse(row);
			} catch (error) {
				yield {line, error: `not valid JSON (${(error as Error).message})`};
				continue;
			}
			yield parseImportedRow(line, value);
		}
		return;
	}
	let header: string[] | undefined;
	for await (const {line, fields} of readCsvRecords(all)) {
		if (header === undefined) {
			header = fields.map((name) => name.trim());
			const unknown = header.filter((name) => !(recordCsvColumns as readonly string[]).includes(name));
			if (unknown.length > 0 || !header.includes('id') || !header.includes('at') || !header.includes('action')) {
				throw new InputFormatError(
					line,
					`the CSV header must name the export's columns (${recordCsvColumns.join(',')})${unknown.length > 0 ? `; unknown: ${unknown.join(', ')}` : ''}`,
				);
			}
			continue;
		}
		if (fields.length !== header.length) {
			yield {line, error: `${fields.length} fields, the header has ${header.length}`};
			continue;
		}
		yield parseImportedRow(line, fromCsvFields(header, fields));
	}
}

async function* prepend(first: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
	yield first;
	for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

export type ImportProgress = ImportResult & {readonly batches: number; readonly rows: number};

/**
 * Imports records in batches: each batch is validated completely, then written in one transaction, then reported
 * through `onBatch` (so what was acknowledged is on disk, and a crash leaves whole batches only). A bad row stops the
 * import before its batch is written, naming its line. Idempotent on record id.
 */
export async function importRecords(
	store: RecordStore,
	rows: AsyncIterable<ParsedRow>,
	options: {batchSize?: number; onBatch?: (progress: ImportProgress) => void; signal?: AbortSignal} = {},
): Promise<ImportProgress> {
	const batchSize = options.batchSize ?? 1000;
	let progress: ImportProgress = {imported: 0, present: 0, batches: 0, rows: 0};
	let batch: ParsedRow[] = [];
	const flush = async (): Promise<void> => {
		if (batch.length === 0) return;
		const bad = batch.filter((row) => row.error !== undefined);
		if (bad.length > 0) throw importFailure(bad, batch, progress);
		if (options.signal?.aborted) {
			throw new InterruptedError(
				`import interrupted after ${progress.rows} rows (${progress.imported} imported); run it again to finish`,
			);
		}
		const written = await store.importBatch(batch.map((row) => row.record as InteractionRecord));
		progress = {
			imported: progress.imported + written.imported,
			present: progress.present + written.present,
			batches: progress.batches + 1,
			rows: progress.rows + batch.length,
		};
		batch = [];
		options.onBatch?.(progress);
	};
	try {
		for await (const row of rows) {
			batch.push(row);
			if (batch.length >= batchSize) await flush();
		}
	} catch (error) {
		if (error instanceof InputFormatError) {
			const unwritten = batch.length > 0 ? ` Nothing from line ${batch[0]?.line} on was written;` : '';
			throw new FailedError(error.message, `${unwritten}${writtenSoFar(progress)}`);
		}
		throw error;
	}
	await flush();
	return progress;
}

function writtenSoFar(progress: ImportProgress): string {
	return ` ${progress.rows} rows before it were imported (${progress.imported} new). Fix the file and import it again: records already there are skipped.`;
}

function importFailure(bad: readonly ParsedRow[], batch: readonly ParsedRow[], progress: ImportProgress): FailedError {
	const shown = bad.slice(0, 5).map((row) => `line ${row.line}: ${row.error}`);
	const more = bad.length > shown.length ? `\n(and ${bad.length - shown.length} more bad rows in this batch)` : '';
	return new FailedError(
		`${shown.join('\n')}${more}`,
		`Nothing from lines ${batch[0]?.line}–${batch.at(-1)?.line} was written;${writtenSoFar(progress)}`,
	);
}
