import type {InteractionRecord} from '../domain/records.js';

// The flat shape of a record that export writes and import reads.

/** The flat CSV shape of a record (export and import use the same columns; an empty field is null). */
export const recordCsvColumns = [
	'id',
	'at',
	'agent',
	'profile',
	'provider',
	'ticket_id',
	'customer_email',
	'customer_name',
	'channel',
	'action',
	'template',
	'status',
	'outcome',
	'duration_sec',
	'summary',
	'follow_up_at',
] as const;

export function toCsvValues(record: InteractionRecord): (string | number | null)[] {
	return [
		record.id,
		record.at,
		record.agent,
		record.profile,
		record.provider,
		record.ticketId,
		record.customer.email,
		record.customer.name,
		record.channel,
		record.action,
		record.template,
		record.status,
		record.outcome,
		record.durationSec,
		record.summary,
		record.followUpAt,
	];
}

/** PRODUCT.md §5's key order, for json/ndjson output. */
export function toRecordJson(record: InteractionRecord): InteractionRecord {
	return {
		id: record.id,
		at: record.at,
		agent: record.agent,
		profile: record.profile,
		provider: record.provider,
		ticketId: record.ticketId,
		customer: {email: record.customer.email, name: record.customer.name},
		channel: record.channel,
		action: record.action,
		template: record.template,
		status: record.status,
		outcome: record.outcome,
		durationSec: record.durationSec,
		summary: record.summary,
		followUpAt: record.followUpAt,
	};
}
