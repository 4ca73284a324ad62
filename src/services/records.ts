import {randomUUID} from 'node:crypto';
import {type FollowUp, type InteractionRecord, type LogType, type Outcome, recordActions} from '../domain/records.js';
import type {Channel} from '../domain/ticket.js';
import {FailedError, UsageError} from '../errors.js';
import type {PurgeResult, RecordQuery, RecordStore} from '../store/record-store.js';

/** Who is acting: the active profile's agent email, the profile name, and its provider. */
export type Actor = {readonly agent: string | null; readonly profile: string | null; readonly provider: string | null};

/** `csr log add`: work that happened outside the help desk. */
export type LogInput = {
	readonly type: LogType;
	readonly ticketId: string | null;
	readonly customerEmail: string | null;
	readonly customerName: string | null;
	readonly summary: string;
	readonly durationSec: number | null;
	readonly outcome: Outcome | null;
	/** ISO instant; also creates a follow-up. */
	readonly followUpAt: string | null;
};

/** Where the clock and ids come from; tests and scripts pass their own. */
export type Clock = {readonly now: Date; readonly newId?: () => string};

export const channelOfLogType: Readonly<Record<LogType, Channel | null>> = {
	call: 'phone',
	chat: 'chat',
	email: 'email',
	visit: 'other',
	note: null,
};

/** A logged note is `log-note`, so it never passes for an internal note csr wrote to the desk (`note`). */
export function actionOfLogType(type: LogType): string {
	return type === 'note' ? 'log-note' : type;
}

const emailPattern = /^[^\s@]+@[^\s@]+$/;

export function isEmail(value: string): boolean {
	return emailPattern.test(value);
}

/** A record with every optional field null; what the reply and update services fill in. */
export function makeRecord(
	fields: Partial<InteractionRecord> & Pick<InteractionRecord, 'action'>,
	clock: Clock,
): InteractionRecord {
	return {
		id: (clock.newId ?? randomUUID)(),
		at: clock.now.toISOString(),
		agent: null,
		profile: null,
		provider: null,
		ticketId: null,
		customer: {email: null, name: null},
		channel: null,
		template: null,
		status: null,
		outcome: null,
		durationSec: null,
		summary: null,
		followUpAt: null,
		...fields,
	};
}

/** The record (and follow-up) `csr log add` writes. Pure. */
export function toLogRecord(
	input: LogInput,
	actor: Actor,
	clock: Clock,
): {record: InteractionRecord; followUp: FollowUp | null} {
	const newId = clock.newId ?? randomUUID;
	const record = makeRecord(
		{
			...actor,
			ticketId: input.ticketId,
			customer: {email: input.customerEmail, name: input.customerName},
			channel: channelOfLogType[input.type],
			action: actionOfLogType(input.type),
			outcome: input.outcome,
			durationSec: input.durationSec,
			summary: input.summary,
			followUpAt: input.followUpAt,
		},
		{now: clock.now, newId},
	);
	const followUp: FollowUp | null =
		input.followUpAt === null
			? null
			: {
					id: newId(),
					ticketId: input.ticketId,
					customerEmail: input.customerEmail,
					dueAt: input.followUpAt,
					note: input.summary,
					agent: actor.agent,
					assignee: actor.agent,
					createdAt: record.at,
					doneAt: null,
					profile: actor.profile,
				};
	return {record, followUp};
}

/** Validates and writes a logged interaction (and its follow-up) in one transaction. */
export async function logInteraction(
	store: RecordStore,
	input: LogInput,
	actor: Actor,
	clock: Clock,
): Promise<{record: InteractionRecord; followUp: FollowUp | null}> {
	if (input.ticketId === null && input.customerEmail === null) {
		throw new UsageError(
			'a record without --ticket needs --customer EMAIL',
			'Name the ticket, or the customer you spoke to.',
		);
	}
	if (input.customerEmail !== null && !isEmail(input.customerEmail)) {
		throw new UsageError(`invalid --customer "${input.customerEmail}": expected an email address`);
	}
	if (input.summary.trim() === '') throw new UsageError('--summary must not be empty');
	const result = toLogRecord(input, actor, clock);
	await store.addRecord(result.record, result.followUp ?? undefined);
	return result;
}

/**
 * `--type` values to record actions. Log types map to their action; `note` means both kinds of note (a logged one
 * and an internal note csr wrote to the desk); csr's own actions (reply, status, …) are accepted as they are.
 */
export function actionsOfTypes(types: readonly string[]): string[] {
	const actions = types.flatMap((type) => (type === 'note' ? ['note', 'log-note'] : [type]));
	return [...new Set(actions)];
}

/** What `--type` accepts. */
export const recordTypeNames: readonly string[] = [
	...new Set(['call', 'chat', 'email', 'visit', 'note', ...recordActions]),
];

/** A record by id or unique id prefix (at least 4 characters); FailedError when none, UsageError when ambiguous. */
export async function resolveById<T extends {id: string}>(
	find: (idOrPrefix: string, limit: number) => Promise<T[]>,
	idOrPrefix: string,
	kind: string,
): Promise<T> {
	const wanted = idOrPrefix.trim();
	const found = wanted === '' ? [] : await find(wanted, 6);
	const exact = found.find((item) => item.id === wanted);
	if (exact !== undefined) return exact;
	if (found.length === 0 || wanted.length < 4) {
		throw new FailedError(
			`no ${kind} with id "${wanted}"`,
			`\`csr ${kind === 'record' ? 'log' : 'followup'} list\` shows the ids.`,
		);
	}
	if (found.length > 1) {
		throw new UsageError(
			`"${wanted}" matches more than one ${kind}`,
			`Give more of the id: ${found.map((item) => item.id).join(', ')}${found.length >= 6 ? ', …' : ''}`,
		);
	}
	return found[0] as T;
}

export function getRecord(store: RecordStore, idOrPrefix: string): Promise<InteractionRecord> {
	return resolveById((id, limit) => store.findRecords(id, limit), idOrPrefix, 'record');
}

export function listRecords(store: RecordStore, query: RecordQuery): Promise<InteractionRecord[]> {
	return store.listRecords(query);
}

/** Erases every record and follow-up of a customer (case-insensitive email) and scrubs the files. */
export async function purgeCustomer(store: RecordStore, email: string): Promise<PurgeResult> {
	if (!isEmail(email.trim())) throw new UsageError(`invalid --customer "${email}": expected an email address`);
	return store.purgeCustomer(email.trim());
}

// Export shape and import live beside this file; callers keep importing them from here.
export {
	ImportedRecord,
	type ImportFormat,
	type ImportProgress,
	importRecords,
	type ParsedRow,
	parseImportedRow,
	readImportRows,
} from './record-import.js';
export {recordCsvColumns, toCsvValues, toRecordJson} from './record-shape.js';
