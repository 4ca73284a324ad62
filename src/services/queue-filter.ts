import {
	type Channel,
	channels,
	type Priority,
	priorities,
	type TicketStatus,
	ticketStatuses,
} from '../domain/ticket.js';
import {type SortKey, sortKeys} from '../domain/urgency.js';
import type {AssigneeFilter, TicketQuery} from '../providers/help-desk.js';

/** Narrowing the desk's query cannot say, done on the loaded list: SLA breached, no change for some days. */
export type LocalFilter = {readonly breached?: boolean; readonly idleDays?: number};

export type ParsedFilter =
	| {readonly ok: true; readonly query: TicketQuery; readonly local?: LocalFilter}
	| {readonly ok: false; readonly error: string};

const keys = ['status', 'tag', 'assignee', 'channel', 'priority', 'group', 'view', 'sort'] as const;

function listOf<T extends string>(key: string, raw: string, allowed: readonly T[]): T[] | string {
	const values = raw
		.split(',')
		.map((value) => value.trim().toLowerCase())
		.filter((value) => value !== '');
	const bad = values.find((value) => !(allowed as readonly string[]).includes(value));
	if (bad !== undefined || values.length === 0) return `${key}:${bad ?? ''} is not one of ${allowed.join(', ')}`;
	return values as T[];
}

function assigneeOf(raw: string): {assignee: AssigneeFilter} | {error: string} {
	const value = raw.trim().toLowerCase();
	if (value === 'me' || value === 'none' || value === 'any') return {assignee: value};
	if (/^[^\s@]+@[^\s@]+$/.test(value)) return {assignee: {email: value}};
	return {error: `assignee:${raw} should be me, none, any or an email`};
}

/**
 * The filter line (`status:open,pending tag:vip assignee:me channel:chat anna`) over the base query: keys narrow,
 * the other words are a free-text search. An empty line is the base query.
 */
export function parseFilter(text: string, base: TicketQuery): ParsedFilter {
	let query: TicketQuery = {...base, tags: [...(base.tags ?? [])]};
	let local: LocalFilter | undefined;
	const words: string[] = [];
	for (const token of text.trim().split(/\s+/).filter(Boolean)) {
		const match = /^([a-z]+):(.*)$/i.exec(token);
		if (match?.[1]?.toLowerCase() === 'sla') {
			if (match[2]?.toLowerCase() !== 'breached') return {ok: false, error: `sla:${match[2]} should be sla:breached`};
			local = {...local, breached: true};
			continue;
		}
		if (match?.[1]?.toLowerCase() === 'idle') {
			const days = /^(\d+)d$/i.exec(match[2] ?? '');
			if (days === null) return {ok: false, error: `idle:${match[2]} should be a number of days, e.g. idle:3d`};
			local = {...local, idleDays: Number(days[1])};
			continue;
		}
		const key = match?.[1]?.toLowerCase() as (typeof keys)[number] | undefined;
		const value = match?.[2] ?? '';
		if (match === null || key === undefined || !(keys as readonly string[]).includes(key)) {
			words.push(token);
			continue;
		}
		const next = applyKey(query, key, value);
		if (typeof next === 'string') return {ok: false, error: next};
		query = next;
	}
	const result = {ok: true as const, query: {...query, search: words.length > 0 ? words.join(' ') : base.search}};
	return local === undefined ? result : {...result, local};
}

/** The loaded tickets the local part of a filter keeps (all of them without one). */
export function applyLocalFilter<T extends {readonly updatedAt: string}>(
	tickets: readonly T[],
	local: LocalFilter | undefined,
	now: Date,
	isBreached: (ticket: T, now: Date) => boolean,
): readonly T[] {
	if (local === undefined) return tickets;
	const idleBefore = local.idleDays === undefined ? null : now.getTime() - local.idleDays * 86_400_000;
	return tickets.filter(
		(ticket) =>
			(local.breached !== true || isBreached(ticket, now)) &&
			(idleBefore === null || Date.parse(ticket.updatedAt) <= idleBefore),
	);
}

/** Views every agent has, before the profile's own. */
export const builtInViews: readonly {readonly name: string; readonly filter: string}[] = [
	{name: 'my open', filter: 'status:new,open assignee:me'},
	{name: 'unassigned', filter: 'assignee:none'},
	{name: 'SLA breached', filter: 'sla:breached'},
	{name: 'pending over 3 days', filter: 'status:pending idle:3d'},
];

function applyKey(query: TicketQuery, key: (typeof keys)[number], value: string): TicketQuery | string {
	switch (key) {
		case 'status': {
			const statuses = listOf<TicketStatus>(key, value, ticketStatuses);
			return typeof statuses === 'string' ? statuses : {...query, statuses};
		}
		case 'channel': {
			const list = listOf<Channel>(key, value, channels);
			return typeof list === 'string' ? list : {...query, channels: list};
		}
		case 'priority': {
			const list = listOf<Priority>(key, value, priorities);
			return typeof list === 'string' ? list : {...query, priorities: list};
		}
		case 'sort': {
			const list = listOf<SortKey>(key, value, sortKeys);
			return typeof list === 'string' ? list : {...query, sort: list[0] ?? query.sort};
		}
		case 'assignee': {
			const parsed = assigneeOf(value);
			return 'error' in parsed ? parsed.error : {...query, assignee: parsed.assignee};
		}
		case 'tag':
			return value === '' ? 'tag: needs a tag' : {...query, tags: [...(query.tags ?? []), value]};
		case 'group':
			return {...query, group: value};
		case 'view':
			return {...query, view: value};
	}
}

/** A saved view of the profile (`csr queue` flags by name: status, tag, assignee, …) as a filter line. */
export function viewToFilter(view: Readonly<Record<string, unknown>>): string {
	const parts: string[] = [];
	for (const key of keys) {
		const value = view[key];
		const values = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
		for (const item of values) parts.push(`${key}:${String(item).replace(/\s+/g, '')}`);
	}
	if (typeof view['search'] === 'string' && view['search'].trim() !== '') parts.push(view['search'].trim());
	return parts.join(' ');
}

/**
 * A filter line as `csr queue` flags (the inverse of `viewToFilter`) plus its local part, so a view saved in the TUI
 * runs from the CLI with flags overriding it as they override a config view. An error names the bad word.
 */
export function filterToView(
	text: string,
):
	| {readonly ok: true; readonly view: Record<string, unknown>; readonly local?: LocalFilter}
	| {readonly ok: false; readonly error: string} {
	const checked = parseFilter(text, {
		statuses: ['new', 'open', 'pending'],
		assignee: 'any',
		sort: 'urgency',
		limit: 50,
	});
	if (!checked.ok) return checked;
	const view: Record<string, unknown> = {};
	const words: string[] = [];
	for (const token of text.trim().split(/\s+/).filter(Boolean)) {
		const match = /^([a-z]+):(.*)$/i.exec(token);
		const key = match?.[1]?.toLowerCase();
		if (key === 'sla' || key === 'idle') continue;
		if (match === null || key === undefined || !(keys as readonly string[]).includes(key)) words.push(token);
		else if (key === 'tag') view['tag'] = [...((view['tag'] as string[] | undefined) ?? []), match[2] ?? ''];
		else view[key] = match[2] ?? '';
	}
	if (words.length > 0) view['search'] = words.join(' ');
	return checked.local === undefined ? {ok: true, view} : {ok: true, view, local: checked.local};
}

/** The local part of a filter as filter words (`sla:breached idle:3d`). */
export function localToFilter(local: LocalFilter | undefined): string {
	return [local?.breached ? 'sla:breached' : '', local?.idleDays === undefined ? '' : `idle:${local.idleDays}d`]
		.filter((part) => part !== '')
		.join(' ');
}
