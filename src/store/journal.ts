import type {Database} from './database.js';

/** A planned write to one ticket, as the journal keeps it (rendered body included, so a resume sends exactly it). */
export type JournalItem = {
	readonly runId: string;
	readonly ticketId: string;
	readonly position: number;
	readonly intentHash: string;
	readonly isPublic: boolean;
	readonly body: string;
	readonly changesJson: string | null;
	readonly template: string | null;
	readonly expectedUpdatedAt: string | null;
	readonly customerEmail: string | null;
	readonly customerName: string | null;
	readonly channel: string | null;
	/** CC and attachments (services/delivery.ts `extrasJson`), or null. */
	readonly extrasJson?: string | null | undefined;
	readonly state: RunItemState;
	readonly messageId: string | null;
	readonly reason: string | null;
};

export type RunItemState = 'planned' | 'sending' | 'sent' | 'skipped' | 'failed' | 'queued';

export type Delivery = {
	readonly state: 'sending' | 'sent';
	readonly body: string | null;
	readonly attemptStartedAt: string | null;
	readonly messageId: string | null;
	readonly runId: string | null;
};

export type Run = {
	readonly id: string;
	readonly profile: string;
	readonly fingerprint: string;
	readonly kind: string;
	readonly planJson: string;
	readonly createdAt: string;
	readonly finishedAt: string | null;
};

const toRun = (row: Record<string, unknown>): Run => ({
	id: String(row['id']),
	profile: String(row['profile']),
	fingerprint: String(row['fingerprint']),
	kind: String(row['kind']),
	planJson: String(row['plan_json']),
	createdAt: String(row['created_at']),
	finishedAt: (row['finished_at'] as string | null) ?? null,
});

export function findRun(db: Database, id: string): Run | undefined {
	const row = db.prepare('SELECT * FROM runs WHERE id = ?').get(id);
	return row === undefined ? undefined : toRun(row);
}

/** The newest unfinished run with this fingerprint: re-running the same command resumes it. */
export function findUnfinishedRun(db: Database, profile: string, fingerprint: string): Run | undefined {
	const row = db
		.prepare(
			'SELECT * FROM runs WHERE profile = ? AND fingerprint = ? AND finished_at IS NULL ORDER BY created_at DESC LIMIT 1',
		)
		.get(profile, fingerprint);
	return row === undefined ? undefined : toRun(row);
}

export function insertRun(
	db: Database,
	run: Omit<Run, 'finishedAt'>,
	items: readonly Omit<JournalItem, 'runId'>[],
	now: string,
): void {
	db.prepare('INSERT INTO runs (id, profile, fingerprint, kind, plan_json, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
		run.id,
		run.profile,
		run.fingerprint,
		run.kind,
		run.planJson,
		run.createdAt,
	);
	const insert = db.prepare(
		`INSERT INTO run_items (run_id, ticket_id, position, intent_hash, is_public, body, changes_json, template,
			expected_updated_at, customer_email, customer_name, channel, state, message_id, reason, updated_at, extras_json)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	);
	for (const item of items) {
		insert.run(
			run.id,
			item.ticketId,
			item.position,
			item.intentHash,
			item.isPublic ? 1 : 0,
			item.body,
			item.changesJson,
			item.template,
			item.expectedUpdatedAt,
			item.customerEmail,
			item.customerName,
			item.channel,
			item.state,
			item.messageId,
			item.reason,
			now,
			item.extrasJson ?? null,
		);
	}
}

export function runItems(db: Database, runId: string): JournalItem[] {
	return db
		.prepare('SELECT * FROM run_items WHERE run_id = ? ORDER BY position')
		.all(runId)
		.map((row) => ({
			runId: String(row['run_id']),
			ticketId: String(row['ticket_id']),
			position: Number(row['position']),
			intentHash: String(row['intent_hash']),
			isPublic: Number(row['is_public']) === 1,
			body: String(row['body']),
			changesJson: (row['changes_json'] as string | null) ?? null,
			template: (row['template'] as string | null) ?? null,
			expectedUpdatedAt: (row['expected_updated_at'] as string | null) ?? null,
			customerEmail: (row['customer_email'] as string | null) ?? null,
			customerName: (row['customer_name'] as string | null) ?? null,
			channel: (row['channel'] as string | null) ?? null,
			extrasJson: (row['extras_json'] as string | null) ?? null,
			state: String(row['state']) as RunItemState,
			messageId: (row['message_id'] as string | null) ?? null,
			reason: (row['reason'] as string | null) ?? null,
		}));
}

export function setItemState(
	db: Database,
	runId: string,
	ticketId: string,
	state: RunItemState,
	details: {messageId?: string | null; reason?: string | null},
	now: string,
): void {
	db.prepare(
		'UPDATE run_items SET state = ?, message_id = COALESCE(?, message_id), reason = ?, updated_at = ? WHERE run_id = ? AND ticket_id = ?',
	).run(state, details.messageId ?? null, details.reason ?? null, now, runId, ticketId);
}

export function finishRun(db: Database, runId: string, now: string): void {
	db.prepare('UPDATE runs SET finished_at = ? WHERE id = ?').run(now, runId);
}

export function findDelivery(
	db: Database,
	profile: string,
	ticketId: string,
	intentHash: string,
): Delivery | undefined {
	const row = db
		.prepare('SELECT * FROM deliveries WHERE profile = ? AND ticket_id = ? AND intent_hash = ?')
		.get(profile, ticketId, intentHash);
	if (row === undefined) return undefined;
	return {
		state: String(row['state']) as Delivery['state'],
		body: (row['body'] as string | null) ?? null,
		attemptStartedAt: (row['attempt_started_at'] as string | null) ?? null,
		messageId: (row['message_id'] as string | null) ?? null,
		runId: (row['run_id'] as string | null) ?? null,
	};
}

/** Marks a request as about to go out. Committed before the request, so a crash leaves evidence to verify. */
export function markSending(
	db: Database,
	delivery: {profile: string; ticketId: string; intentHash: string; body: string; runId: string | null},
	now: string,
): void {
	db.prepare(
		`INSERT INTO deliveries (profile, ticket_id, intent_hash, state, body, attempt_started_at, run_id)
		VALUES (?, ?, ?, 'sending', ?, ?, ?)
		ON CONFLICT (profile, ticket_id, intent_hash) DO UPDATE SET state = 'sending', body = excluded.body,
			attempt_started_at = excluded.attempt_started_at, run_id = excluded.run_id`,
	).run(delivery.profile, delivery.ticketId, delivery.intentHash, delivery.body, now, delivery.runId);
}

/** The desk confirmed: the body is no longer needed for verification, so it is dropped (personal data). */
export function markSent(
	db: Database,
	profile: string,
	ticketId: string,
	intentHash: string,
	messageId: string | null,
	now: string,
): void {
	db.prepare(
		`UPDATE deliveries SET state = 'sent', body = NULL, message_id = ?, sent_at = ? WHERE profile = ? AND ticket_id = ? AND intent_hash = ?`,
	).run(messageId, now, profile, ticketId, intentHash);
}

/** The desk refused for sure (4xx): nothing went out, so the intent may be tried again later. */
export function clearDelivery(db: Database, profile: string, ticketId: string, intentHash: string): void {
	db.prepare(
		`DELETE FROM deliveries WHERE profile = ? AND ticket_id = ? AND intent_hash = ? AND state = 'sending'`,
	).run(profile, ticketId, intentHash);
}

/** Ids of the messages csr itself delivered to a ticket: its own changes, which a drift check must not count. */
export function sentMessageIds(db: Database, profile: string, ticketId: string): Set<string> {
	const rows = db
		.prepare(
			`SELECT message_id FROM deliveries WHERE profile = ? AND ticket_id = ? AND state = 'sent' AND message_id IS NOT NULL`,
		)
		.all(profile, ticketId);
	return new Set(rows.map((row) => String(row['message_id'])));
}
