import {ConflictError} from '../../errors.js';
import {transaction} from '../../store/database.js';
import {type MergeRequest, type MergeResult, mergedFromText, mergedIntoText} from '../help-desk.js';
import type {DeskBase} from './desk.js';
import {invalid, iso, notFound, type TicketRow, toTicket} from './map.js';

/**
 * Merging on the demo desk, in one IMMEDIATE transaction: each source gets an internal note naming the target and is
 * closed; the target gets an internal note naming the sources. A stamp the plan saw that no longer matches refuses
 * the whole merge (ConflictError), as does a closed ticket.
 */
export function createDemoMerge(desk: DeskBase) {
	const {db, statement, nowMs, meRow, assertReachable, requireTicket, ticketRow} = desk;

	function check(row: TicketRow, request: MergeRequest): void {
		const expected = request.expectedUpdatedAt?.[String(row.id)];
		if (expected !== undefined && Date.parse(expected) !== row.updated_ms)
			throw new ConflictError(
				`ticket ${row.id} changed since it was read (updated ${iso(row.updated_ms)}); nothing was merged`,
				`Read it again with \`csr show ${row.id}\`, then merge again.`,
			);
		if (row.status === 'closed')
			throw invalid(`ticket ${row.id} is closed; closed tickets cannot be merged`, 'Leave it out of the merge.');
	}

	function note(ticketId: number, body: string, atMs: number): void {
		statement(
			`INSERT INTO messages (ticket_id, author_id, author_role, is_public, channel, created_ms, body, is_html,
				attachments) VALUES (?, ?, 'agent', 0, 'web', ?, ?, 0, NULL)`,
		).run(ticketId, meRow?.id ?? 0, atMs, body);
	}

	function event(ticketId: number, atMs: number, field: string, oldValue: string | null, newValue: string | null) {
		statement(
			'INSERT INTO events (ticket_id, at_ms, author_id, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)',
		).run(ticketId, atMs, meRow?.id ?? null, field, oldValue, newValue);
	}

	function mergeTickets(request: MergeRequest): MergeResult {
		assertReachable();
		if (request.sourceIds.length === 0) throw invalid('a merge needs at least one source ticket');
		if (request.sourceIds.includes(request.targetId))
			throw invalid(`ticket ${request.targetId} cannot be merged into itself`);
		const targetId = transaction(db, () => {
			const target = requireTicket(request.targetId);
			check(target, request);
			const sources = request.sourceIds.map((id) => requireTicket(id));
			for (const source of sources) check(source, request);
			for (const source of sources) {
				const atMs = Math.max(nowMs(), source.updated_ms + 1);
				note(source.id, mergedIntoText(String(target.id), request.comment), atMs);
				event(source.id, atMs, 'status', source.status, 'closed');
				event(source.id, atMs, 'merged_into', null, String(target.id));
				statement(
					`UPDATE tickets SET status = 'closed', assignee_id = coalesce(assignee_id, ?), updated_ms = ?,
						sla_due_ms = NULL WHERE id = ?`,
				).run(meRow?.id ?? null, atMs, source.id);
			}
			const atMs = Math.max(nowMs(), target.updated_ms + 1);
			note(
				target.id,
				mergedFromText(
					sources.map((source) => String(source.id)),
					request.comment,
				),
				atMs,
			);
			statement('UPDATE tickets SET updated_ms = ? WHERE id = ?').run(atMs, target.id);
			return target.id;
		});
		const row = ticketRow(targetId);
		if (row === undefined) throw notFound(request.targetId);
		return {target: toTicket(row), mergedIds: request.sourceIds.map((id) => id.trim())};
	}

	return {mergeTickets};
}
