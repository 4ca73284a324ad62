import type {Writable} from 'node:stream';
import type {FollowUp, InteractionRecord} from '../../domain/records.js';
import {formatDuration} from '../../domain/time.js';
import {followUpStateOf} from '../../services/followups.js';
import {recordCsvColumns, toRecordJson} from '../../services/records.js';
import {csvField, csvRow} from '../../text/csv.js';
import {toDisplayLine, toDisplayText, toSafeJson} from '../../text/display-text.js';
import type {OutputFormat} from '../options.js';
import type {Paint} from './paint.js';
import {type Column, formatTable} from './table.js';

/** `2026-11-20 12:00` (UTC) for tables. */
export function formatInstant(iso: string | null): string {
	if (iso === null) return '-';
	return iso.replace('T', ' ').slice(0, 16);
}

function shortId(id: string): string {
	return toDisplayLine(id.length > 8 ? id.slice(0, 8) : id);
}

function customerOf(record: InteractionRecord): string {
	const {email, name} = record.customer;
	if (name !== null && email !== null) return toDisplayLine(`${name} <${email}>`);
	return toDisplayLine(name ?? email ?? '-');
}

const recordColumns: Column<InteractionRecord>[] = [
	{header: 'ID', width: 8, value: (record) => shortId(record.id)},
	{header: 'AT (UTC)', width: 16, value: (record) => formatInstant(record.at)},
	{header: 'ACTION', width: 9, value: (record) => toDisplayLine(record.action)},
	{header: 'TICKET', width: 7, value: (record) => toDisplayLine(record.ticketId ?? '-')},
	{header: 'CUSTOMER', width: 24, value: customerOf},
	{header: 'OUTCOME', width: 9, value: (record) => record.outcome ?? '-'},
	{
		header: 'TIME',
		width: 6,
		value: (record) => (record.durationSec === null ? '-' : formatDuration(record.durationSec)),
	},
	{header: 'SUMMARY', value: (record) => toDisplayLine(record.summary ?? '')},
];

export const recordCsvHeader = csvRow(recordCsvColumns);

/**
 * One record in ndjson or CSV (the shapes export writes and import reads). ndjson is the exact round trip; CSV is a
 * spreadsheet and terminal surface, so its text is neutralised and formula cells guarded by the one CSV writer.
 */
export function formatRecordLine(record: InteractionRecord, format: 'ndjson' | 'csv'): string {
	if (format === 'ndjson') return `${toSafeJson(toRecordJson(record))}\n`;
	// Field by field, without intermediate arrays: an export writes this a million times.
	const {customer} = record;
	return `${csvField(record.id)},${csvField(record.at)},${csvField(record.agent)},${csvField(record.profile)},${csvField(record.provider)},${csvField(record.ticketId)},${csvField(customer.email)},${csvField(customer.name)},${csvField(record.channel)},${csvField(record.action)},${csvField(record.template)},${csvField(record.status)},${csvField(record.outcome)},${csvField(record.durationSec)},${csvField(record.summary)},${csvField(record.followUpAt)}\r\n`;
}

export function formatRecords(
	records: readonly InteractionRecord[],
	format: OutputFormat,
	options: {columns: number},
): string {
	switch (format) {
		case 'json':
			return `${toSafeJson(records.map(toRecordJson), 2)}\n`;
		case 'ndjson':
			return records.map((record) => formatRecordLine(record, 'ndjson')).join('');
		case 'csv':
			return recordCsvHeader + records.map((record) => formatRecordLine(record, 'csv')).join('');
		case 'table':
			return formatTable(records, recordColumns, options.columns, true);
	}
}

/** `csr log show`: every field, the summary in full. */
export function formatRecordDetail(record: InteractionRecord, paint: Paint): string {
	const line = (label: string, value: string | null): string =>
		value === null ? '' : `${paint.muted(label.padEnd(10))}${toDisplayLine(value)}\n`;
	const summary = record.summary === null ? '' : `\n${toDisplayText(record.summary)}\n`;
	return [
		paint.bold(`record ${toDisplayLine(record.id)}\n`),
		line('at', `${formatInstant(record.at)} UTC`),
		line('action', record.action),
		line('agent', record.agent),
		line(
			'profile',
			record.profile === null ? null : `${record.profile}${record.provider ? ` (${record.provider})` : ''}`,
		),
		line('ticket', record.ticketId),
		line('customer', record.customer.email === null && record.customer.name === null ? null : customerOf(record)),
		line('channel', record.channel),
		line('template', record.template),
		line('status', record.status),
		line('outcome', record.outcome),
		line('duration', record.durationSec === null ? null : formatDuration(record.durationSec)),
		line('follow-up', record.followUpAt === null ? null : `${formatInstant(record.followUpAt)} UTC`),
		summary,
	].join('');
}

/**
 * Streams pages of records to `stream` in ndjson or CSV, waiting for 'drain' whenever the stream's buffer is full,
 * so memory stays flat however many records there are. A closed pipe (`| head`) ends the export quietly.
 * Returns how many records were written.
 */
export async function writeRecordPages(
	stream: Writable,
	pages: AsyncIterable<readonly InteractionRecord[]>,
	format: 'ndjson' | 'csv',
): Promise<number> {
	let failure: Error | null = null;
	let wake: (() => void) | null = null;
	const onError = (error: Error) => {
		failure = error;
		wake?.();
	};
	const onDrain = () => wake?.();
	stream.on('error', onError);
	stream.on('drain', onDrain);
	let count = 0;
	// Lines are encoded straight into ~64 KB byte chunks (off the JS heap), so nothing string-shaped survives from one
	// garbage collection to the next: gathering ropes of text instead makes V8 grow its young generation by ~60 MB.
	const chunkBytes = 65_536;
	let buffer = Buffer.allocUnsafe(chunkBytes);
	let used = 0;
	const write = async (data: string | Buffer): Promise<void> => {
		if (failure === null && !stream.write(data)) await waitForDrain();
	};
	const flush = async (): Promise<void> => {
		if (used === 0) return;
		const bytes = buffer.subarray(0, used);
		buffer = Buffer.allocUnsafe(chunkBytes);
		used = 0;
		await write(bytes);
	};
	try {
		if (format === 'csv') used += buffer.write(recordCsvHeader, used);
		for await (const page of pages) {
			if (failure !== null) break;
			for (const record of page) {
				const line = formatRecordLine(record, format);
				// A UTF-16 code unit takes at most 3 bytes in UTF-8.
				if (used + line.length * 3 > chunkBytes) await flush();
				if (line.length * 3 > chunkBytes) await write(line);
				else used += buffer.write(line, used);
			}
			count += page.length;
		}
		await flush();
	} finally {
		stream.off('error', onError);
		stream.off('drain', onDrain);
	}
	const error = failure as (Error & {code?: string}) | null;
	if (error !== null && error.code !== 'EPIPE') throw error;
	return count;

	function waitForDrain(): Promise<void> {
		if (failure !== null) return Promise.resolve();
		return new Promise((resolve) => {
			wake = () => {
				wake = null;
				resolve();
			};
		});
	}
}

const followUpColumns = (now: Date): Column<FollowUp>[] => [
	{header: 'ID', width: 8, value: (followUp) => shortId(followUp.id)},
	{header: 'DUE (UTC)', width: 16, value: (followUp) => formatInstant(followUp.dueAt)},
	{header: 'STATE', width: 8, value: (followUp) => followUpStateOf(followUp, now)},
	{header: 'TICKET', width: 7, value: (followUp) => toDisplayLine(followUp.ticketId ?? '-')},
	{header: 'CUSTOMER', width: 24, value: (followUp) => toDisplayLine(followUp.customerEmail ?? '-')},
	{header: 'NOTE', value: (followUp) => toDisplayLine(followUp.note ?? '')},
];

const followUpCsvColumns = [
	'id',
	'ticket_id',
	'customer_email',
	'due_at',
	'note',
	'created_at',
	'done_at',
	'profile',
	'agent',
	'assignee',
];

export function toFollowUpJson(followUp: FollowUp): FollowUp {
	return {
		id: followUp.id,
		ticketId: followUp.ticketId,
		customerEmail: followUp.customerEmail,
		dueAt: followUp.dueAt,
		note: followUp.note,
		createdAt: followUp.createdAt,
		doneAt: followUp.doneAt,
		profile: followUp.profile,
		agent: followUp.agent,
		assignee: followUp.assignee,
	};
}

export function formatFollowUps(
	followUps: readonly FollowUp[],
	format: OutputFormat,
	options: {columns: number; now: Date; paint: Paint},
): string {
	switch (format) {
		case 'json':
			return `${toSafeJson(followUps.map(toFollowUpJson), 2)}\n`;
		case 'ndjson':
			return followUps.map((followUp) => `${toSafeJson(toFollowUpJson(followUp))}\n`).join('');
		case 'csv':
			return (
				csvRow(followUpCsvColumns) +
				followUps
					.map((f) =>
						csvRow([
							f.id,
							f.ticketId,
							f.customerEmail,
							f.dueAt,
							f.note,
							f.createdAt,
							f.doneAt,
							f.profile,
							f.agent,
							f.assignee,
						]),
					)
					.join('')
			);
		case 'table': {
			const columns = followUpColumns(options.now).map((column) =>
				column.header === 'STATE'
					? {
							...column,
							color: (text: string, followUp: FollowUp) => {
								const state = followUpStateOf(followUp, options.now);
								return state === 'overdue'
									? options.paint.error(text)
									: state === 'today'
										? options.paint.warn(text)
										: options.paint.muted(text);
							},
						}
					: column,
			);
			return formatTable(followUps, columns, options.columns, true);
		}
	}
}
