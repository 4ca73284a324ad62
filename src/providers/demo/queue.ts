import type {SQLInputValue} from 'node:sqlite';
import type {Ticket} from '../../domain/ticket.js';
import {ProviderError} from '../../errors.js';
import type {TicketPage, TicketQuery} from '../help-desk.js';
import {capabilities, type DeskBase} from './desk.js';
import {decodeCursor, encodeCursor, escapeLike, type TicketRow, ticketColumns, ticketJoins, toTicket} from './map.js';

/** Views the demo desk has built in (a help desk's saved views), found by id or name. */
export const demoViews = [
	{id: 'unassigned', name: 'Unassigned tickets', where: 't.assignee_id IS NULL'},
	{id: 'breached', name: 'SLA breached', where: 't.sla_due_ms IS NOT NULL AND t.sla_due_ms < ?', usesNow: true},
] as const;

/**
 * Exactly compareTickets() of domain/urgency.ts (null priority ranks 2.5, between normal and low), each with the
 * index that holds tickets in that order (schema.ts).
 */
export const sorts = {
	urgency: {
		orderBy: 't.sla_due_ms IS NULL, t.sla_due_ms, t.priority_rank, t.created_ms, t.id',
		index: 'tickets_urgency',
	},
	priority: {
		orderBy: 't.priority_rank, t.sla_due_ms IS NULL, t.sla_due_ms, t.created_ms, t.id',
		index: 'tickets_priority',
	},
	updated: {orderBy: 't.updated_ms DESC, t.id DESC', index: 'tickets_updated'},
	created: {orderBy: 't.created_ms DESC, t.id DESC', index: 'tickets_created'},
} as const;

/** The queue: filters, sorts and pages over the tickets table. */
export function createDemoQueue(desk: DeskBase) {
	const {all, get, nowMs, meRow, read, parseId, resolveGroup, resolveAgent} = desk;

	function where(query: TicketQuery): {sql: string; params: SQLInputValue[]} {
		const clauses: string[] = [];
		const params: SQLInputValue[] = [];
		const list = (column: string, values: readonly string[]) => {
			clauses.push(`${column} IN (${values.map(() => '?').join(', ')})`);
			params.push(...values);
		};
		if (query.statuses.length > 0) list('t.status', query.statuses);
		const assignee = query.assignee;
		if (assignee === 'me') {
			clauses.push('t.assignee_id = ?');
			params.push(meRow?.id ?? 0);
		} else if (assignee === 'none') clauses.push('t.assignee_id IS NULL');
		else if (typeof assignee === 'object') {
			clauses.push('t.assignee_id = ?');
			params.push(resolveAgent(assignee.email).id);
		}
		if (query.group !== undefined && query.group.trim() !== '') {
			clauses.push('t.group_id = ?');
			params.push(resolveGroup(query.group).id);
		}
		if (query.priorities !== undefined && query.priorities.length > 0) list('t.priority', query.priorities);
		if (query.channels !== undefined && query.channels.length > 0) list('t.channel', query.channels);
		for (const tag of query.tags ?? []) {
			clauses.push('t.id IN (SELECT ticket_id FROM ticket_tags WHERE tag = ?)');
			params.push(tag.trim().toLowerCase());
		}
		const requester = query.requester?.trim() ?? '';
		if (requester !== '') {
			clauses.push("t.requester_id IN (SELECT id FROM users WHERE role = 'customer' AND email = ? COLLATE NOCASE)");
			params.push(requester);
		}
		const search = query.search?.trim() ?? '';
		if (search !== '') {
			// LIKE is case-insensitive for ASCII letters only; enough for names, order numbers and most words.
			const pattern = `%${escapeLike(search)}%`;
			clauses.push(`(t.subject LIKE ? ESCAPE '\\'
				OR t.requester_id IN (SELECT id FROM users WHERE role = 'customer' AND (name LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\'))
				OR t.id IN (SELECT ticket_id FROM messages WHERE body LIKE ? ESCAPE '\\'))`);
			params.push(pattern, pattern, pattern, pattern);
		}
		if (query.view !== undefined && query.view.trim() !== '') {
			const wanted = query.view.trim().toLowerCase();
			const view = demoViews.find((candidate) => candidate.id === wanted || candidate.name.toLowerCase() === wanted);
			if (view === undefined)
				throw new ProviderError(
					`no view "${query.view}" in the demo desk; views: ${demoViews.map((candidate) => `${candidate.id} (${candidate.name})`).join(', ')}`,
					{kind: 'not-found', status: 404},
				);
			clauses.push(view.where);
			if ('usesNow' in view) params.push(nowMs());
		}
		return {sql: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params};
	}

	function listTickets(query: TicketQuery): TicketPage {
		const limit = Math.max(1, Math.min(Math.floor(query.limit) || 50, capabilities.maxPageSize));
		const offset = query.cursor === undefined ? 0 : (decodeCursor('tickets', query.cursor, ['o'])['o'] ?? 0);
		const filter = where(query);
		const sort = sorts[query.sort];
		return read(() => {
			const total = get<{n: number}>(`SELECT count(*) AS n FROM tickets t ${filter.sql}`, ...filter.params)?.n ?? 0;
			// Walking the sort's index reaches the page after about (offset + limit) × size / total rows; SQLite would
			// rather filter through another index and sort all `total` matches. Walk when that is clearly cheaper (the
			// usual queue: a few hundred rows instead of thousands), let SQLite choose for narrow filters. Ids are
			// dense, so max(id) stands in for the desk's size.
			const size = get<{n: number | null}>('SELECT max(id) AS n FROM tickets')?.n ?? 0;
			const hint = (offset + limit) * size * 4 < total * total ? `INDEXED BY ${sort.index}` : '';
			const ids = all<{id: number}>(
				`SELECT t.id FROM tickets t ${hint} ${filter.sql} ORDER BY ${sort.orderBy} LIMIT ? OFFSET ?`,
				...filter.params,
				limit,
				offset,
			).map((row) => row.id);
			// Then the page's details in one query (no query per ticket).
			const rows = new Map(
				all<TicketRow>(
					`SELECT ${ticketColumns} ${ticketJoins} WHERE t.id IN (SELECT value FROM json_each(?))`,
					JSON.stringify(ids),
				).map((row) => [row.id, row]),
			);
			const tickets = ids.flatMap((id) => {
				const row = rows.get(id);
				return row === undefined ? [] : [toTicket(row)];
			});
			const next = offset + ids.length;
			return {
				tickets,
				nextCursor: ids.length > 0 && next < total ? encodeCursor('tickets', {o: next}) : null,
				totalCount: total,
			};
		});
	}

	function getTickets(ids: readonly string[]): Ticket[] {
		const numeric = [...new Set(ids.map(parseId).filter((id): id is number => id !== null))];
		if (numeric.length === 0) return [];
		const rows = all<TicketRow>(
			`SELECT ${ticketColumns} ${ticketJoins} WHERE t.id IN (SELECT value FROM json_each(?))`,
			JSON.stringify(numeric),
		);
		const byId = new Map(rows.map((row) => [String(row.id), toTicket(row)]));
		return ids.flatMap((id) => {
			const ticket = byId.get(String(parseId(id)));
			return ticket === undefined ? [] : [ticket];
		});
	}

	return {listTickets, getTickets};
}
