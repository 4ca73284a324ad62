import type {Priority} from '../../domain/ticket.js';
import type {SortKey} from '../../domain/urgency.js';
import type {TicketQuery} from '../help-desk.js';
import {priorityRanges, rtStatusesFor, tagCondition} from './map.js';

/** TicketSQL string literal: RT reads backslash escapes inside single quotes. */
export function quote(value: string): string {
	return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const anyOf = (conditions: readonly string[]): string =>
	conditions.length === 1 ? (conditions[0] as string) : `(${conditions.join(' OR ')})`;

/** Everything csr maps, in one search request (role lists expand only in searches, not on GET /ticket/:id). */
export const ticketFields = {
	fields: 'Subject,Status,Priority,Queue,Owner,Requestor,Created,LastUpdated,Due,Resolved,CustomFields',
	'fields[Queue]': 'Name',
	'fields[Owner]': 'Name,RealName,EmailAddress',
	'fields[Requestor]': 'Name,RealName,EmailAddress,Lang,Organization',
} as const;

/**
 * A queue query as TicketSQL. Returns null when it can match nothing in RT (a channel other than email, or only
 * statuses RT has no equivalent for), so the caller can answer without a request.
 */
export function toTicketSql(query: TicketQuery): string | null {
	const conditions: string[] = [];
	const statuses = rtStatusesFor(query.statuses);
	if (statuses.length === 0) return null;
	conditions.push(anyOf(statuses.map((status) => `Status = ${quote(status)}`)));
	if (query.channels !== undefined && query.channels.length > 0 && !query.channels.includes('email')) return null;
	switch (query.assignee) {
		case 'me':
			conditions.push("Owner = '__CurrentUser__'");
			break;
		case 'none':
			conditions.push("Owner = 'Nobody'");
			break;
		case 'any':
			break;
		default:
			conditions.push(`Owner.EmailAddress = ${quote(query.assignee.email)}`);
	}
	if (query.group !== undefined && query.group !== '') {
		conditions.push(/^\d+$/.test(query.group) ? `Queue = ${query.group}` : `Queue = ${quote(query.group)}`);
	}
	if (query.priorities !== undefined && query.priorities.length > 0) {
		conditions.push(anyOf(query.priorities.map(priorityCondition)));
	}
	for (const tag of query.tags ?? []) {
		const {field, value} = tagCondition(tag);
		conditions.push(`CF.{${field.replace(/[{}]/g, '')}} = ${quote(value)}`);
	}
	const requester = query.requester?.trim();
	if (requester) conditions.push(`Requestor.EmailAddress = ${quote(requester)}`);
	// `csr queue --requester` also passes the address as free text for desks without the filter; RT has it.
	if (query.search !== undefined && query.search.trim() !== '' && query.search.trim() !== requester) {
		const term = quote(query.search.trim());
		// Content search needs RT's full-text index, which most installs lack; subject and requester always work.
		conditions.push(`(Subject LIKE ${term} OR Requestor.EmailAddress LIKE ${term} OR Requestor.RealName LIKE ${term})`);
	}
	return conditions.join(' AND ');
}

function priorityCondition(priority: Priority): string {
	const {min, max} = priorityRanges[priority];
	return max === null ? `Priority >= ${min}` : `(Priority >= ${min} AND Priority < ${max})`;
}

/**
 * Server-side order. RT cannot sort by csr's urgency (SLA due, then priority, then age); priority then age is the
 * same order for tickets without a due date, and listQueue sorts each page again.
 */
export function orderFor(sort: SortKey): {orderby: string[]; order: string[]} {
	switch (sort) {
		case 'urgency':
		case 'priority':
			return {orderby: ['Priority', 'Created', 'id'], order: ['DESC', 'ASC', 'ASC']};
		case 'updated':
			return {orderby: ['LastUpdated', 'id'], order: ['DESC', 'DESC']};
		case 'created':
			return {orderby: ['Created', 'id'], order: ['DESC', 'DESC']};
	}
}

/** `id = 1 OR id = 2 …` for the numeric ids among `ids`. */
export function idsSql(ids: readonly string[]): string | null {
	const numbers = [...new Set(ids.filter((id) => /^\d{1,12}$/.test(id)))];
	return numbers.length === 0 ? null : numbers.map((id) => `id = ${Number(id)}`).join(' OR ');
}
