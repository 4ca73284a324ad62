import type {Channel} from '../../domain/ticket.js';
import type {ExportPage, SatisfactionRating, SurveyResponse, TicketFacts} from '../help-desk.js';
import {capabilities, type DeskBase} from './desk.js';
import {
	decodeCursor,
	encodeCursor,
	iso,
	type TicketRow,
	ticketColumns,
	ticketJoins,
	toTicket,
	unsolved,
} from './map.js';
import {readTeamFacts} from './team-facts.js';

/** KPI exports: ticket facts, satisfaction ratings and surveys, paged by (time, id). */
export function createDemoExport(desk: DeskBase) {
	const {all, nowMs, read} = desk;

	function exportTicketFacts(cursor: string | null): ExportPage<TicketFacts> {
		const after = cursor === null ? {u: -1, i: 0} : decodeCursor('facts', cursor, ['u', 'i']);
		return read(() => {
			const rows = all<TicketRow>(
				`SELECT ${ticketColumns} ${ticketJoins} WHERE (t.updated_ms, t.id) > (?, ?) ORDER BY t.updated_ms, t.id LIMIT ?`,
				after['u'] ?? -1,
				after['i'] ?? 0,
				capabilities.maxPageSize + 1,
			);
			const page = rows.slice(0, capabilities.maxPageSize);
			const ids = JSON.stringify(page.map((row) => row.id));
			const replies = new Map(
				all<{ticket_id: number; first_ms: number; n: number}>(
					`SELECT ticket_id, min(created_ms) AS first_ms, count(*) AS n FROM messages
					WHERE ticket_id IN (SELECT value FROM json_each(?)) AND author_role = 'agent' AND is_public = 1
					GROUP BY ticket_id`,
					ids,
				).map((row) => [row.ticket_id, row]),
			);
			const solves = new Map(
				all<{ticket_id: number; solved_ms: number | null; reopens: number}>(
					`SELECT ticket_id,
						max(CASE WHEN new_value = 'solved' OR (new_value = 'closed' AND old_value <> 'solved') THEN at_ms END) AS solved_ms,
						sum(CASE WHEN old_value IN ('solved', 'closed') AND new_value IN ('new', 'open', 'pending', 'on-hold') THEN 1 ELSE 0 END) AS reopens
					FROM events WHERE field = 'status' AND ticket_id IN (SELECT value FROM json_each(?)) GROUP BY ticket_id`,
					ids,
				).map((row) => [row.ticket_id, row]),
			);
			const team = readTeamFacts(all, ids);
			const now = nowMs();
			const items = page.map((row): TicketFacts => {
				const reply = replies.get(row.id);
				const solve = solves.get(row.id);
				const firstReplyMs = reply?.first_ms ?? null;
				const solvedMs = solve?.solved_ms ?? null;
				const minutes = (ms: number | null) => (ms === null ? null : Math.round((ms - row.created_ms) / 60_000));
				return {
					ticket: toTicket(row),
					firstReplyAt: firstReplyMs === null ? null : iso(firstReplyMs),
					firstReplyMinutes: minutes(firstReplyMs),
					firstReplyBusinessMinutes: null,
					solvedAt: solvedMs === null ? null : iso(solvedMs),
					fullResolutionMinutes: minutes(solvedMs),
					fullResolutionBusinessMinutes: null,
					reopens: solve?.reopens ?? 0,
					publicAgentReplies: reply?.n ?? 0,
					slaBreached: slaBreached(row, firstReplyMs, solvedMs, now),
					publicMessages: team.get(row.id)?.publicMessages ?? [],
					solvedBy: team.get(row.id)?.solvedBy ?? null,
				};
			});
			const last = page[page.length - 1];
			return {
				items,
				nextCursor:
					rows.length > page.length && last !== undefined
						? encodeCursor('facts', {u: last.updated_ms, i: last.id})
						: null,
			};
		});
	}

	function exportSatisfaction(cursor: string | null): ExportPage<SatisfactionRating> {
		const after = cursor === null ? {a: -1, i: 0} : decodeCursor('satisfaction', cursor, ['a', 'i']);
		const rows = all<{
			id: number;
			ticket_id: number | null;
			at_ms: number;
			score: 'good' | 'bad' | 'offered';
			comment: string | null;
			channel: Channel | null;
		}>(
			`SELECT id, ticket_id, at_ms, score, comment, channel FROM satisfaction
			WHERE (at_ms, id) > (?, ?) ORDER BY at_ms, id LIMIT ?`,
			after['a'] ?? -1,
			after['i'] ?? 0,
			capabilities.maxPageSize + 1,
		);
		const page = rows.slice(0, capabilities.maxPageSize);
		const last = page[page.length - 1];
		return {
			items: page.map((row) => ({
				id: String(row.id),
				ticketId: row.ticket_id === null ? null : String(row.ticket_id),
				at: iso(row.at_ms),
				score: row.score,
				comment: row.comment,
				channel: row.channel,
			})),
			nextCursor:
				rows.length > page.length && last !== undefined
					? encodeCursor('satisfaction', {a: last.at_ms, i: last.id})
					: null,
		};
	}

	function exportSurveys(cursor: string | null): ExportPage<SurveyResponse> {
		const after = cursor === null ? {a: -1, i: 0} : decodeCursor('surveys', cursor, ['a', 'i']);
		const rows = all<{id: number; ticket_id: number | null; at_ms: number; kind: 'nps' | 'ces'; score: number}>(
			`SELECT id, ticket_id, at_ms, kind, score FROM surveys WHERE (at_ms, id) > (?, ?) ORDER BY at_ms, id LIMIT ?`,
			after['a'] ?? -1,
			after['i'] ?? 0,
			capabilities.maxPageSize + 1,
		);
		const page = rows.slice(0, capabilities.maxPageSize);
		const last = page[page.length - 1];
		return {
			items: page.map((row) => ({
				id: String(row.id),
				ticketId: row.ticket_id === null ? null : String(row.ticket_id),
				at: iso(row.at_ms),
				kind: row.kind,
				score: row.score,
			})),
			nextCursor:
				rows.length > page.length && last !== undefined ? encodeCursor('surveys', {a: last.at_ms, i: last.id}) : null,
		};
	}

	return {exportTicketFacts, exportSatisfaction, exportSurveys};
}

/**
 * Breached when the first reply came after its target (or has not come and the target passed), or the ticket is
 * unsolved past its running SLA. Null when the ticket never had an SLA (no priority).
 */
function slaBreached(
	row: TicketRow,
	firstReplyMs: number | null,
	solvedMs: number | null,
	nowMs: number,
): boolean | null {
	if (row.first_reply_due_ms === null && row.sla_due_ms === null) return null;
	const firstLate = row.first_reply_due_ms !== null && (firstReplyMs ?? solvedMs ?? nowMs) > row.first_reply_due_ms;
	const runningLate = unsolved.has(row.status) && row.sla_due_ms !== null && row.sla_due_ms < nowMs;
	return firstLate || runningLate;
}
