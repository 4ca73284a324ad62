import type {Database} from './database.js';

/** A message the agent started in the TUI and has not sent: one per profile and ticket, kept until sent or discarded. */
export type StoredDraft = {
	readonly profile: string;
	readonly ticketId: string;
	readonly isPublic: boolean;
	readonly body: string;
	readonly template: string | null;
	readonly updatedAt: string;
};

const toDraft = (row: Record<string, unknown>): StoredDraft => ({
	profile: String(row['profile']),
	ticketId: String(row['ticket_id']),
	isPublic: Number(row['is_public']) === 1,
	body: String(row['body']),
	template: row['template'] === null || row['template'] === undefined ? null : String(row['template']),
	updatedAt: String(row['updated_at']),
});

/** Saves (or replaces) the draft for the ticket. */
export function saveDraft(db: Database, draft: StoredDraft): void {
	db.prepare(
		`INSERT INTO drafts (profile, ticket_id, is_public, body, template, updated_at) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (profile, ticket_id) DO UPDATE SET is_public = excluded.is_public, body = excluded.body,
			template = excluded.template, updated_at = excluded.updated_at`,
	).run(draft.profile, draft.ticketId, draft.isPublic ? 1 : 0, draft.body, draft.template, draft.updatedAt);
}

export function findDraft(db: Database, profile: string, ticketId: string): StoredDraft | undefined {
	const row = db.prepare('SELECT * FROM drafts WHERE profile = ? AND ticket_id = ?').get(profile, ticketId);
	return row === undefined ? undefined : toDraft(row);
}

/** True when there was a draft to remove. */
export function deleteDraft(db: Database, profile: string, ticketId: string): boolean {
	return (
		Number(db.prepare('DELETE FROM drafts WHERE profile = ? AND ticket_id = ?').run(profile, ticketId).changes) > 0
	);
}

/** The profile's drafts, most recently touched first. */
export function listDrafts(db: Database, profile: string): StoredDraft[] {
	return db
		.prepare('SELECT * FROM drafts WHERE profile = ? ORDER BY updated_at DESC, ticket_id')
		.all(profile)
		.map(toDraft);
}
