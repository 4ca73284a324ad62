import type {Database} from './database.js';

export type OutboxItem = {
	readonly id: string;
	readonly profile: string;
	readonly ticketId: string;
	readonly isPublic: boolean;
	readonly body: string;
	readonly changesJson: string | null;
	readonly intentHash: string;
	readonly expectedUpdatedAt: string | null;
	readonly template: string | null;
	readonly customerEmail: string | null;
	readonly customerName: string | null;
	readonly channel: string | null;
	/** CC and attachments (services/delivery.ts `extrasJson`), or null. */
	readonly extrasJson?: string | null | undefined;
	/** reply, note or escalate: what the record says once it is delivered. */
	readonly action: string;
	readonly runId: string | null;
	readonly createdAt: string;
	readonly attempts: number;
	readonly lastError: string | null;
	readonly lastAttemptAt: string | null;
	/** When a retry was refused for good (conflict, closed ticket, invalid): retrying again will not help. */
	readonly failedAt: string | null;
};

const toItem = (row: Record<string, unknown>): OutboxItem => ({
	id: String(row['id']),
	profile: String(row['profile']),
	ticketId: String(row['ticket_id']),
	isPublic: Number(row['is_public']) === 1,
	body: String(row['body']),
	changesJson: (row['changes_json'] as string | null) ?? null,
	intentHash: String(row['intent_hash']),
	expectedUpdatedAt: (row['expected_updated_at'] as string | null) ?? null,
	template: (row['template'] as string | null) ?? null,
	customerEmail: (row['customer_email'] as string | null) ?? null,
	customerName: (row['customer_name'] as string | null) ?? null,
	channel: (row['channel'] as string | null) ?? null,
	extrasJson: (row['extras_json'] as string | null) ?? null,
	action: String(row['action'] ?? 'reply'),
	runId: (row['run_id'] as string | null) ?? null,
	createdAt: String(row['created_at']),
	attempts: Number(row['attempts']),
	lastError: (row['last_error'] as string | null) ?? null,
	lastAttemptAt: (row['last_attempt_at'] as string | null) ?? null,
	failedAt: (row['failed_at'] as string | null) ?? null,
});

/** Keeps a reply that could not be delivered now. One item per (profile, ticket, intent): queuing twice updates it. */
export function enqueue(db: Database, item: Omit<OutboxItem, 'attempts' | 'lastAttemptAt' | 'failedAt'>): void {
	db.prepare(
		`INSERT INTO outbox (id, profile, ticket_id, is_public, body, changes_json, intent_hash, expected_updated_at, template,
			customer_email, customer_name, channel, action, run_id, created_at, attempts, last_error, last_attempt_at, extras_json)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
		ON CONFLICT (profile, ticket_id, intent_hash) DO UPDATE SET attempts = outbox.attempts + 1,
			last_error = excluded.last_error, last_attempt_at = excluded.last_attempt_at, failed_at = NULL`,
	).run(
		item.id,
		item.profile,
		item.ticketId,
		item.isPublic ? 1 : 0,
		item.body,
		item.changesJson,
		item.intentHash,
		item.expectedUpdatedAt,
		item.template,
		item.customerEmail,
		item.customerName,
		item.channel,
		item.action,
		item.runId,
		item.createdAt,
		item.lastError,
		item.createdAt,
		item.extrasJson ?? null,
	);
}

export function listOutbox(db: Database, profile: string | null): OutboxItem[] {
	const rows =
		profile === null
			? db.prepare('SELECT * FROM outbox ORDER BY created_at, id').all()
			: db.prepare('SELECT * FROM outbox WHERE profile = ? ORDER BY created_at, id').all(profile);
	return rows.map(toItem);
}

export function countOutbox(db: Database, profile: string): number {
	return Number(db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE profile = ?').get(profile)?.['n'] ?? 0);
}

export function findOutboxItem(db: Database, id: string): OutboxItem | undefined {
	const row = db.prepare('SELECT * FROM outbox WHERE id = ? OR id LIKE ?').get(id, `${id}%`);
	return row === undefined ? undefined : toItem(row);
}

export function removeOutboxItem(db: Database, id: string): boolean {
	return Number(db.prepare('DELETE FROM outbox WHERE id = ?').run(id).changes) > 0;
}

/** A retry the desk refused for good: the current error, and when. */
export function markOutboxFailed(db: Database, id: string, error: string, now: string): void {
	db.prepare(
		'UPDATE outbox SET attempts = attempts + 1, last_error = ?, last_attempt_at = ?, failed_at = ? WHERE id = ?',
	).run(error, now, now, id);
}
