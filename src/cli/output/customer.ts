import type {CustomerOverview} from '../../services/customer.js';
import {followUpStateOf} from '../../services/followups.js';
import {toDisplayLine, toSafeJson} from '../../text/display-text.js';
import {truncate} from '../../text/width.js';
import type {Paint} from './paint.js';
import {formatInstant} from './records.js';
import {toTicketJson} from './tickets.js';

/**
 * `csr customer --json`: one object (docs/CUSTOMER.md). A side part that could not be read is null and named in
 * `notVisible`; the profile and the tickets are always there.
 */
export function formatCustomerJson(overview: CustomerOverview, indent: number | undefined = 2): string {
	const json = {
		customer: overview.customer,
		tickets: overview.tickets.map(toTicketJson),
		hasMore: overview.hasMore,
		records: overview.records,
		followUps: overview.followUps,
		ratings: overview.ratings,
		drafts: overview.drafts,
		outbox: overview.outbox,
		notVisible: overview.notVisible,
	};
	return `${toSafeJson(json, indent)}\n`;
}

const notVisibleText = '(not visible to you)';

/** The customer's local time now, or null when the desk's zone is not one this Node knows. */
function localTime(timeZone: string, now: Date): string | null {
	try {
		return new Intl.DateTimeFormat('en-GB', {timeZone, hour: '2-digit', minute: '2-digit', hour12: false}).format(now);
	} catch {
		return null;
	}
}

/** The human view. Every string from the desk or the local store passes the sanitiser. */
export function formatCustomer(overview: CustomerOverview, options: {now: Date; paint: Paint}): string {
	const {customer} = overview;
	const {paint, now} = options;
	const line = (value: string) => toDisplayLine(value);
	const zone = customer.timeZone === null ? null : line(customer.timeZone);
	const local = customer.timeZone === null ? null : localTime(customer.timeZone, now);
	const facts = [
		`phone ${customer.phone === null ? '-' : line(customer.phone)}`,
		`language ${customer.locale === null ? 'unknown' : line(customer.locale)}`,
		`time zone ${zone ?? '-'}${local === null ? '' : ` (${local} there now)`}`,
		`organisation ${customer.organization === null ? '-' : line(customer.organization.name)}`,
		`id ${line(customer.id)}`,
	];
	const lines = [
		paint.bold(`${line(customer.name)}${customer.email === null ? '' : ` <${line(customer.email)}>`}`),
		`  ${facts.join(' · ')}`,
		'',
		...section(paint, `Tickets (${ticketSummary(overview)})`, overview.tickets, overview.tickets, (ticket) =>
			[
				`#${ticket.id}`.padEnd(7),
				paint.status(line(ticket.statusLabel ?? ticket.status).padEnd(8), ticket.status),
				formatInstant(ticket.createdAt).slice(0, 10),
				ticket.channel.padEnd(6),
				truncate(line(ticket.subject), 60),
			].join(' '),
		),
		...section(paint, 'Records', overview.records, overview.records ?? [], (record) =>
			[
				formatInstant(record.at),
				line(record.action).padEnd(8),
				record.ticketId === null ? '-'.padEnd(6) : `#${line(record.ticketId)}`.padEnd(6),
				truncate(line(record.summary ?? record.template ?? ''), 60),
			].join(' '),
		),
		...section(paint, 'Follow-ups', overview.followUps, overview.followUps ?? [], (followUp) =>
			[
				`due ${formatInstant(followUp.dueAt)}`,
				followUpStateOf(followUp, now).padEnd(8),
				followUp.ticketId === null ? '-'.padEnd(6) : `#${line(followUp.ticketId)}`.padEnd(6),
				truncate(line(followUp.note ?? ''), 60),
			].join(' '),
		),
		...ratingLines(overview, paint),
		...section(paint, 'Drafts', overview.drafts, overview.drafts ?? [], (draft) =>
			[
				`#${line(draft.ticketId)}`.padEnd(7),
				(draft.public ? 'reply' : 'note').padEnd(5),
				formatInstant(draft.updatedAt),
				truncate(line(draft.body), 60),
			].join(' '),
		),
		...section(paint, 'Outbox', overview.outbox, overview.outbox ?? [], (item) =>
			[
				`#${line(item.ticketId)}`.padEnd(7),
				line(item.action).padEnd(8),
				item.failedAt === null ? `${item.attempts} attempts` : paint.error('failed'),
				truncate(line(item.lastError ?? ''), 50),
			].join(' '),
		),
	];
	return `${lines.join('\n')}\n`;
}

function ticketSummary(overview: CustomerOverview): string {
	const counts = new Map<string, number>();
	for (const ticket of overview.tickets) counts.set(ticket.status, (counts.get(ticket.status) ?? 0) + 1);
	const byStatus = [...counts].map(([status, count]) => `${count} ${status}`).join(', ');
	const total = `${overview.tickets.length}${overview.hasMore ? '+' : ''}`;
	return byStatus === '' ? total : `${total}: ${byStatus}`;
}

/** A titled list: "none", or "(not visible to you)" when the lookup failed (`visible` null). */
function section<T>(
	paint: Paint,
	title: string,
	visible: readonly unknown[] | null,
	items: readonly T[],
	render: (item: T) => string,
): string[] {
	if (visible === null) return [paint.bold(title), `  ${notVisibleText}`, ''];
	const heading = title.includes('(') ? title : `${title} (${items.length})`;
	return [paint.bold(heading), ...(items.length === 0 ? ['  none'] : items.map((item) => `  ${render(item)}`)), ''];
}

function ratingLines(overview: CustomerOverview, paint: Paint): string[] {
	const {ratings} = overview;
	if (ratings === null) return [paint.bold('Ratings'), `  ${notVisibleText}`, ''];
	const ticket = (id: string | null) => (id === null ? '' : ` #${toDisplayLine(id)}`);
	const entries = [
		...ratings.csat.map(
			(rating) =>
				`CSAT ${rating.score === 'good' ? paint.ok('good') : rating.score === 'bad' ? paint.error('bad') : paint.muted('offered')}${ticket(rating.ticketId)} ${formatInstant(rating.at).slice(0, 10)}`,
		),
		...ratings.nps.map(
			(survey) => `NPS ${survey.score}${ticket(survey.ticketId)} ${formatInstant(survey.at).slice(0, 10)}`,
		),
		...ratings.ces.map(
			(survey) => `CES ${survey.score}${ticket(survey.ticketId)} ${formatInstant(survey.at).slice(0, 10)}`,
		),
	];
	return [
		paint.bold(`Ratings (${entries.length}, of the tickets listed)`),
		...(entries.length === 0 ? ['  none'] : entries.map((entry) => `  ${entry}`)),
		'',
	];
}
