import type {Message, TicketThread} from '../../domain/message.js';
import {toDisplayLine, toDisplayText, toSafeJson} from '../../text/display-text.js';
import type {Paint} from './paint.js';
import {formatSla, toTicketJson} from './tickets.js';

/** `csr show --json`: { ticket, customer, messages } as in PRODUCT.md §3. */
export function formatThreadJson(thread: TicketThread, indent: number | undefined = 2): string {
	const json = {ticket: toTicketJson(thread.ticket), customer: thread.customer, messages: thread.messages};
	return `${toSafeJson(json, indent)}\n`;
}

function formatBytes(size: number | null): string {
	if (size === null) return '';
	if (size < 1024) return ` (${size} B)`;
	if (size < 1024 * 1024) return ` (${Math.round(size / 1024)} KB)`;
	return ` (${(size / (1024 * 1024)).toFixed(1)} MB)`;
}

function formatWhen(iso: string): string {
	return iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
}

function formatMessage(message: Message, paint: Paint): string {
	const who = `${toDisplayLine(message.author.name)}${message.author.email ? ` <${toDisplayLine(message.author.email)}>` : ''}`;
	const kind = message.public
		? message.author.role === 'customer'
			? paint.accent('CUSTOMER')
			: message.author.role === 'system'
				? paint.muted('SYSTEM')
				: paint.ok('REPLY')
		: paint.warn('INTERNAL NOTE');
	const header = `── ${kind} · ${who} · ${formatWhen(message.createdAt)} · ${message.channel}`;
	const marker = message.public ? '  ' : paint.warn('│ ');
	const body = toDisplayText(message.text)
		.split('\n')
		.map((line) => `${marker}${line}`)
		.join('\n');
	const attachments = message.attachments
		.map(
			(attachment) =>
				`${marker}📎 ${toDisplayLine(attachment.name)}${formatBytes(attachment.size)}${attachment.contentType ? ` ${toDisplayLine(attachment.contentType)}` : ''}`,
		)
		.join('\n');
	return [header, body, attachments].filter((part) => part !== '').join('\n');
}

/** The human view of a ticket. Every string from the desk passes the sanitiser. */
/** A part of the customer's context the desk refused or could not give. */
const notVisibleText = '(not visible to you)';

export function formatThread(thread: TicketThread, options: {now: Date; paint: Paint}): string {
	const {ticket, customer, messages} = thread;
	const {paint} = options;
	const sla = formatSla(ticket, options.now);
	const lines = [
		paint.bold(`#${ticket.id} ${toDisplayLine(ticket.subject)}`),
		[
			`status ${paint.status(toDisplayLine(ticket.statusLabel ?? ticket.status), ticket.status)}`,
			`priority ${ticket.priority ?? '-'}`,
			`channel ${ticket.channel}`,
			`group ${toDisplayLine(ticket.group?.name ?? '-')}`,
			`assignee ${toDisplayLine(ticket.assignee?.name ?? 'unassigned')}`,
			sla === '' ? '' : sla.startsWith('-') ? paint.error(`SLA breached ${sla.slice(1)} ago`) : `SLA due in ${sla}`,
		]
			.filter((part) => part !== '')
			.join(' · '),
		ticket.tags.length > 0 ? `tags ${ticket.tags.map(toDisplayLine).join(', ')}` : '',
		`created ${formatWhen(ticket.createdAt)} · updated ${formatWhen(ticket.updatedAt)}${ticket.url ? ` · ${toDisplayLine(ticket.url)}` : ''}`,
		'',
		paint.bold('Customer'),
		`  ${toDisplayLine(customer.name)}${customer.email ? ` <${toDisplayLine(customer.email)}>` : ''}${customer.locale ? ` · language ${toDisplayLine(customer.locale)}` : ' · language unknown'}${customer.organization ? ` · ${toDisplayLine(customer.organization.name)}` : ''}`,
		customer.lastCsat
			? `  last CSAT: ${customer.lastCsat.score === 'good' ? paint.ok('good') : paint.error('bad')} (${formatWhen(customer.lastCsat.at)})${customer.lastCsat.comment ? ` "${toDisplayLine(customer.lastCsat.comment)}"` : ''}`
			: `  last CSAT: ${customer.notVisible?.includes('lastCsat') ? notVisibleText : 'none'}`,
		customer.recentTickets.length > 0
			? `  other tickets: ${customer.recentTickets.map((other) => `#${other.id} ${toDisplayLine(other.subject)} (${other.status})`).join('; ')}`
			: `  other tickets: ${customer.notVisible?.includes('recentTickets') ? notVisibleText : 'none'}`,
		'',
		...messages.map((message) => `${formatMessage(message, paint)}\n`),
	];
	return `${lines.filter((line, index) => line !== '' || index > 0).join('\n')}\n`;
}
