import type {InteractionRecord} from '../domain/records.js';
import type {Database} from './database.js';

/**
 * Writes one interaction record. Idempotent on id: a record already there is left as it is (imports re-run safely).
 * Synchronous so callers can put it in the same transaction as the journal entry it belongs to.
 */
export function insertRecord(db: Database, record: InteractionRecord): boolean {
	const result = db
		.prepare(
			`INSERT INTO records (id, at, agent, profile, provider, ticket_id, customer_email, customer_name, channel, action,
				template, status, outcome, duration_sec, summary, follow_up_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO NOTHING`,
		)
		.run(
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
		);
	return Number(result.changes) > 0;
}
