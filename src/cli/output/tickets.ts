import type {Ticket} from '../../domain/ticket.js';
import {ticketJsonKeys} from '../../domain/ticket.js';
import {slaMinutesLeft} from '../../domain/urgency.js';
import {csvRow} from '../../text/csv.js';
import {toDisplayLine, toSafeJson} from '../../text/display-text.js';
import type {OutputFormat} from '../options.js';
import type {Paint} from './paint.js';
import {type Column, formatTable} from './table.js';

/** Exactly the keys of PRODUCT.md's Ticket shape, in its order. */
export function toTicketJson(ticket: Ticket): Record<string, unknown> {
	const json: Record<string, unknown> = {};
	for (const key of ticketJsonKeys) json[key] = ticket[key];
	return json;
}

export function formatAge(minutes: number): string {
	const absolute = Math.abs(minutes);
	if (absolute < 60) return `${absolute}m`;
	if (absolute < 48 * 60) return `${Math.floor(absolute / 60)}h`;
	return `${Math.floor(absolute / 1440)}d`;
}

export function formatSla(ticket: Ticket, now: Date): string {
	const left = slaMinutesLeft(ticket, now);
	if (left === null) return '';
	return left < 0 ? `-${formatAge(left)}` : formatAge(left);
}

const csvHeader = [
	'id',
	'subject',
	'status',
	'priority',
	'channel',
	'requester_name',
	'requester_email',
	'requester_locale',
	'assignee_email',
	'group',
	'tags',
	'created_at',
	'updated_at',
	'sla_due_at',
	'url',
];

/** Writes tickets in the chosen format. Customer text goes through the sanitiser (table) or safe JSON. */
export function formatTickets(
	tickets: readonly Ticket[],
	format: OutputFormat,
	options: {now: Date; columns: number; paint: Paint},
): string {
	switch (format) {
		case 'json':
			return `${toSafeJson(tickets.map(toTicketJson), 2)}\n`;
		case 'ndjson':
			return tickets.map((ticket) => `${toSafeJson(toTicketJson(ticket))}\n`).join('');
		case 'csv':
			return (
				csvRow(csvHeader) +
				tickets
					.map((ticket) =>
						csvRow([
							ticket.id,
							ticket.subject,
							ticket.status,
							ticket.priority,
							ticket.channel,
							ticket.requester.name,
							ticket.requester.email,
							ticket.requester.locale,
							ticket.assignee?.email ?? '',
							ticket.group?.name ?? '',
							ticket.tags.join(' '),
							ticket.createdAt,
							ticket.updatedAt,
							ticket.slaDueAt,
							ticket.url,
						]),
					)
					.join('')
			);
		case 'table':
			return formatTable(tickets, ticketColumns(options.now, options.paint), options.columns, true);
	}
}

function ticketColumns(now: Date, paint: Paint): Column<Ticket>[] {
	return [
		{header: 'ID', width: 6, value: (ticket) => ticket.id},
		{
			header: 'STATUS',
			width: 8,
			value: (ticket) => toDisplayLine(ticket.statusLabel ?? ticket.status),
			color: (text, ticket) => paint.status(text, ticket.status),
		},
		{
			header: 'PRIO',
			width: 6,
			value: (ticket) => ticket.priority ?? '-',
			color: (text, ticket) => (ticket.priority === 'urgent' || ticket.priority === 'high' ? paint.warn(text) : text),
		},
		{
			header: 'SLA',
			width: 5,
			value: (ticket) => formatSla(ticket, now),
			color: (text, ticket) => ((slaMinutesLeft(ticket, now) ?? 1) < 0 ? paint.error(text) : text),
		},
		{header: 'CHANNEL', width: 7, value: (ticket) => ticket.channel},
		{header: 'REQUESTER', width: 18, value: (ticket) => toDisplayLine(ticket.requester.name)},
		{
			header: 'ASSIGNEE',
			width: 12,
			value: (ticket) => toDisplayLine(ticket.assignee?.name ?? '-'),
			color: (text) => paint.muted(text),
		},
		{header: 'SUBJECT', value: (ticket) => toDisplayLine(ticket.subject)},
	];
}
