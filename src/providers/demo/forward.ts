import {transaction} from '../../store/database.js';
import {type ForwardRequest, type ForwardResult, forwardNoteText, type WriteOptions} from '../help-desk.js';
import {storeMessageFiles} from './attachments.js';
import type {DeskBase} from './desk.js';
import {invalid} from './map.js';

type SentFile = {name: string; sha256: string};

/**
 * Forwarding on the demo desk: the mail to the third party is kept in `outbound` (the demo desk sends no mail) and
 * the ticket gets an internal note naming who it went to, carrying the forwarded files (so `show` lists them and
 * `--save-attachments` gives them back), in one transaction; the idempotency key makes a retry return the first note.
 */
export function createDemoForward(desk: DeskBase) {
	const {db, statement, get, all, nowMs, meRow, assertReachable, requireTicket} = desk;
	// Demo data is disposable and this table is additive: made on first use, no schema version change.
	db.exec(`CREATE TABLE IF NOT EXISTS outbound (id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL,
		to_emails TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL, created_ms INTEGER NOT NULL)`);
	// The files each forward carried (name and SHA-256), added to the table of an older demo.db on first use.
	if (!all<{name: string}>('PRAGMA table_info(outbound)').some((column) => column.name === 'files'))
		db.exec('ALTER TABLE outbound ADD COLUMN files TEXT');

	function forwardTicket(ticketId: string, request: ForwardRequest, options: WriteOptions): ForwardResult {
		assertReachable();
		if (request.to.length === 0) throw invalid('a forward needs at least one address');
		if (request.body.trim() === '') throw invalid(`nothing to forward on ticket ${ticketId}`);
		const messageId = transaction(db, () => {
			const row = requireTicket(ticketId);
			if (options.idempotencyKey !== undefined) {
				const prior = get<{message_id: number | null}>(
					"SELECT message_id FROM idempotency WHERE ticket_id = ? AND key = ? AND kind = 'forward'",
					row.id,
					options.idempotencyKey,
				);
				if (prior !== undefined) return prior.message_id ?? 0;
			}
			const atMs = Math.max(nowMs(), row.updated_ms + 1);
			const files = request.attachments ?? [];
			statement(
				'INSERT INTO outbound (ticket_id, to_emails, subject, body, created_ms, files) VALUES (?, ?, ?, ?, ?, ?)',
			).run(
				row.id,
				request.to.join(', '),
				request.subject,
				request.body,
				atMs,
				JSON.stringify(files.map((file) => ({name: file.fileName, sha256: file.sha256}))),
			);
			const id = Number(
				statement(
					`INSERT INTO messages (ticket_id, author_id, author_role, is_public, channel, created_ms, body, is_html,
						attachments) VALUES (?, ?, 'agent', 0, 'web', ?, ?, 0, NULL)`,
				).run(row.id, meRow?.id ?? 0, atMs, forwardNoteText(request.to, request.note)).lastInsertRowid,
			);
			if (files.length > 0)
				statement('UPDATE messages SET attachments = ? WHERE id = ?').run(
					JSON.stringify(storeMessageFiles(desk, row.id, id, files)),
					id,
				);
			statement('UPDATE tickets SET updated_ms = ? WHERE id = ?').run(atMs, row.id);
			if (options.idempotencyKey !== undefined)
				statement(
					"INSERT INTO idempotency (ticket_id, key, kind, message_id, created_ms) VALUES (?, ?, 'forward', ?, ?)",
				).run(row.id, options.idempotencyKey, id, atMs);
			return id;
		});
		return {messageId: String(messageId), via: 'forward'};
	}

	/** What the demo desk "sent" to third parties for a ticket, oldest first (for tests and trainers). */
	function outboundFor(ticketId: string): {to: string; subject: string; body: string; files: SentFile[]}[] {
		const row = requireTicket(ticketId);
		return all<{to_emails: string; subject: string; body: string; files: string | null}>(
			'SELECT to_emails, subject, body, files FROM outbound WHERE ticket_id = ? ORDER BY id',
			row.id,
		).map((entry) => ({
			to: entry.to_emails,
			subject: entry.subject,
			body: entry.body,
			files: entry.files === null ? [] : (JSON.parse(entry.files) as SentFile[]),
		}));
	}

	return {forwardTicket, outboundFor};
}
