import type {Customer, Message, TicketThread} from '../domain/message.js';
import type {Ticket} from '../domain/ticket.js';
import {toDisplayLine, toDisplayText} from '../text/display-text.js';
import {formatBytes, formatSla, formatWhen, isBreached, plural} from './format.js';
import type {Tone} from './theme.js';
import {wrapText} from './wrap.js';

export type Segment = {readonly text: string; readonly tone?: Tone; readonly bold?: boolean};

/** One terminal line of the ticket pane. Every text in it has been through the sanitiser. */
export type PaneLine = {
	readonly key: string;
	readonly segments: readonly Segment[];
	/** Set on the "… n more lines" line of a folded message. */
	readonly foldOf?: string;
	/** The message the line belongs to. */
	readonly messageId?: string;
};

export type ThreadLineOptions = {
	readonly width: number;
	readonly now: Date;
	/** Messages the agent unfolded. */
	readonly expanded: ReadonlySet<string>;
	/** Times show in this zone (the agent's); UTC when not given. */
	readonly timeZone?: string;
	/** Messages longer than this many lines fold. */
	readonly foldAfter?: number;
};

const plain = (key: string, text: string, tone?: Tone, bold?: boolean): PaneLine => ({
	key,
	segments: [{text, ...(tone ? {tone} : {}), ...(bold ? {bold} : {})}],
});

function headerLines(ticket: Ticket, width: number, now: Date): PaneLine[] {
	const sla = formatSla(ticket, now);
	const meta = [
		toDisplayLine(ticket.statusLabel ?? ticket.status),
		ticket.priority ?? 'no priority',
		ticket.channel,
		ticket.group ? toDisplayLine(ticket.group.name) : 'no group',
		ticket.assignee ? `→ ${toDisplayLine(ticket.assignee.name)}` : 'unassigned',
	].join(' · ');
	const lines = wrapText(`#${toDisplayLine(ticket.id)} ${toDisplayLine(ticket.subject)}`, width).map((text, index) =>
		plain(`subject${index}`, text, undefined, true),
	);
	lines.push({
		key: 'meta',
		// The SLA first: on a narrow screen the end of this line is what gets cut.
		segments: [
			...(sla === ''
				? []
				: [
						{
							text: isBreached(ticket, now) ? `SLA breached ${sla.slice(1)} ago · ` : `SLA ${sla} · `,
							tone: isBreached(ticket, now) ? 'danger' : 'muted',
						} as Segment,
					]),
			{text: meta, tone: 'muted'},
		],
	});
	if (ticket.tags.length > 0) lines.push(plain('tags', `tags: ${ticket.tags.map(toDisplayLine).join(' ')}`, 'muted'));
	return lines;
}

function customerLines(customer: Customer, width: number, timeZone: string | undefined): PaneLine[] {
	const who = [
		toDisplayLine(customer.name),
		customer.email ? `<${toDisplayLine(customer.email)}>` : '',
		customer.locale ? `· ${toDisplayLine(customer.locale)}` : '',
		customer.organization ? `· ${toDisplayLine(customer.organization.name)}` : '',
	]
		.filter(Boolean)
		.join(' ');
	const csat = customer.lastCsat;
	const lines: PaneLine[] = wrapText(`Customer: ${who}`, width).map((text, index) => plain(`customer${index}`, text));
	lines.push({
		key: 'csat',
		segments: [
			{text: 'Last CSAT: ', tone: 'muted'},
			csat === null
				? {text: customer.notVisible?.includes('lastCsat') ? '(not visible to you)' : 'none', tone: 'muted'}
				: {text: `${csat.score} (${formatWhen(csat.at, timeZone)})`, tone: csat.score === 'good' ? 'ok' : 'danger'},
		],
	});
	const others = customer.recentTickets.slice(0, 3);
	if (others.length === 0)
		lines.push(
			plain(
				'others',
				`Other tickets: ${customer.notVisible?.includes('recentTickets') ? '(not visible to you)' : 'none'}`,
				'muted',
			),
		);
	for (const other of others) {
		lines.push(
			plain(
				`other${other.id}`,
				`Other: #${toDisplayLine(other.id)} ${other.status} ${toDisplayLine(other.subject)}`,
				'muted',
			),
		);
	}
	return lines;
}

function messageHeader(message: Message, timeZone: string | undefined): PaneLine {
	const role = message.author.role;
	const label = !message.public
		? 'INTERNAL NOTE'
		: role === 'customer'
			? 'CUSTOMER'
			: role === 'agent'
				? 'REPLY'
				: 'SYSTEM';
	const tone: Tone = !message.public ? 'note' : role === 'customer' ? 'customer' : role === 'agent' ? 'agent' : 'muted';
	return {
		key: `${message.id}:head`,
		messageId: message.id,
		segments: [
			{text: `${message.public ? '▍' : '▌'} ${label}`, tone, bold: true},
			{
				text: ` ${toDisplayLine(message.author.name)} · ${formatWhen(message.createdAt, timeZone)} · ${message.channel}`,
				tone: 'muted',
			},
		],
	};
}

function messageLines(message: Message, options: ThreadLineOptions): PaneLine[] {
	const gutter = message.public ? '  ' : '│ ';
	const tone: Tone | undefined = message.public ? undefined : 'note';
	const body = wrapText(toDisplayText(message.text).trim(), options.width - gutter.length);
	const foldAfter = options.foldAfter ?? 12;
	const folds = body.length > foldAfter + 2 && !options.expanded.has(message.id);
	const shown = folds ? body.slice(0, foldAfter) : body;
	const lines: PaneLine[] = [messageHeader(message, options.timeZone)];
	shown.forEach((text, index) => {
		lines.push({
			key: `${message.id}:${index}`,
			messageId: message.id,
			segments: [{text: gutter + text, ...(tone ? {tone} : {})}],
		});
	});
	if (folds) {
		lines.push({
			key: `${message.id}:fold`,
			messageId: message.id,
			foldOf: message.id,
			segments: [{text: `${gutter}… (${plural(body.length - foldAfter, 'more line')}, o to open)`, tone: 'accent'}],
		});
	}
	for (const attachment of message.attachments) {
		const details = [formatBytes(attachment.size), attachment.contentType ? toDisplayLine(attachment.contentType) : '']
			.filter(Boolean)
			.join(', ');
		lines.push(
			plain(
				`${message.id}:att:${lines.length}`,
				`${gutter}+ attachment: ${toDisplayLine(attachment.name)}${details ? ` (${details})` : ''}`,
				'muted',
			),
		);
	}
	lines.push(plain(`${message.id}:gap`, ''));
	return lines;
}

/** The ticket pane as lines: header, customer context, then the thread oldest first. Scrolling slices this. */
export function buildThreadLines(thread: TicketThread, options: ThreadLineOptions): PaneLine[] {
	const width = Math.max(10, options.width);
	const lines = [
		...headerLines(thread.ticket, width, options.now),
		plain('gap1', ''),
		...customerLines(thread.customer, width, options.timeZone),
		plain('gap2', ''),
	];
	if (thread.messages.length === 0) lines.push(plain('empty', 'No messages yet.', 'muted'));
	for (const message of thread.messages) lines.push(...messageLines(message, {...options, width}));
	return lines;
}

/** The message to unfold (or fold back) for `o`: the first folded one in view, else an unfolded one at the top. */
export function foldTarget(
	lines: readonly PaneLine[],
	top: number,
	height: number,
	expanded: ReadonlySet<string>,
): string | null {
	const inView = lines.slice(top, top + height);
	const folded = inView.find((line) => line.foldOf !== undefined)?.foldOf;
	if (folded !== undefined) return folded;
	return inView.find((line) => line.messageId !== undefined && expanded.has(line.messageId))?.messageId ?? null;
}

/**
 * What stays beside the composer in `height` lines: the ticket's subject, status, SLA and tags, then the end of the
 * conversation (the last messages), with a line saying earlier ones are above.
 */
export function contextLines(lines: readonly PaneLine[], height: number): PaneLine[] {
	const gap = lines.findIndex((line) => line.key === 'gap1');
	const header = gap === -1 ? [] : lines.slice(0, Math.min(gap, Math.max(1, height - 2)));
	const firstMessage = lines.findIndex((line) => line.messageId !== undefined || line.key === 'empty');
	const conversation = firstMessage === -1 ? [] : lines.slice(firstMessage);
	while (conversation.length > 0 && conversation.at(-1)?.segments.every((segment) => segment.text.trim() === ''))
		conversation.pop();
	const room = Math.max(1, height - header.length - 1);
	if (conversation.length <= room) return [...header, plain('gap-context', ''), ...conversation];
	const tail = conversation.slice(conversation.length - room);
	return [
		...header,
		plain('earlier', `↑ ${conversation.length - tail.length} earlier lines (esc, then enter to read all)`, 'muted'),
		...tail,
	];
}

/** A message the outbox keeps for this ticket, at the end of its thread: queued, why, and where to act on it. */
export function queuedLines(
	entries: readonly {
		readonly id: string;
		readonly action: string;
		readonly body: string;
		readonly why: string | null;
	}[],
	width: number,
): PaneLine[] {
	return entries.flatMap((entry) => [
		plain(`${entry.id}:gap`, ''),
		plain(
			`${entry.id}:queued`,
			`⧗ QUEUED ${entry.action}, not delivered yet${entry.why ? `: ${toDisplayLine(entry.why)}` : ''} (O: outbox)`,
			'warning',
			true,
		),
		...wrapText(toDisplayText(entry.body), Math.max(10, width - 2))
			.slice(0, 3)
			.map((text, index) => plain(`${entry.id}:q${index}`, `  ${text}`, 'muted')),
	]);
}
