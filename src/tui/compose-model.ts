import type {Ticket} from '../domain/ticket.js';
import {type TicketStatus, ticketStatuses} from '../domain/ticket.js';
import type {TicketChanges} from '../providers/help-desk.js';
import {formatBytes, type PlannedAttachment} from '../services/attachments.js';
import {formatIds} from './format.js';
import type {AsyncState} from './hooks/use-async.js';
import type {TemplateRender} from './services.js';

/** The status to set on send: the template's own, none, or one the agent chose. */
export type StatusChoice = 'template' | 'none' | TicketStatus;

const statusCycle: readonly StatusChoice[] = [
	'template',
	'none',
	...ticketStatuses.filter((status) => status !== 'new'),
];

export function nextStatusChoice(choice: StatusChoice): StatusChoice {
	return statusCycle[(statusCycle.indexOf(choice) + 1) % statusCycle.length] ?? 'template';
}

/** `null` (the requester's language) first, then each locale the template has. */
export function nextLocale(current: string | null, locales: readonly string[]): string | null {
	const cycle = [null, ...locales];
	return cycle[(cycle.indexOf(current) + 1) % cycle.length] ?? null;
}

/** What the composer would send now, or why it cannot. */
export type ComposeText =
	| {readonly kind: 'ready'; readonly text: string}
	| {readonly kind: 'blocked'; readonly text: string; readonly reason: string; readonly missing: readonly string[]};

/**
 * The text: the agent's own once edited (or restored from a draft), else the rendered template. Missing variables,
 * a template that does not render, leftover `«name»` placeholders and an empty text all block sending.
 */
export function composeText(edited: string | null, render: AsyncState<TemplateRender> | null): ComposeText {
	if (edited !== null) {
		const leftovers = [...edited.matchAll(/«([A-Za-z_][A-Za-z0-9_]*)»/g)].map((match) => match[1] ?? '');
		if (leftovers.length > 0)
			return {
				kind: 'blocked',
				text: edited,
				reason: `fill in ${leftovers.map((name) => `«${name}»`).join(', ')}`,
				missing: leftovers,
			};
		if (edited.trim() === '') return {kind: 'blocked', text: edited, reason: 'the message is empty', missing: []};
		return {kind: 'ready', text: edited};
	}
	if (render === null) return {kind: 'blocked', text: '', reason: 'the message is empty (i to write)', missing: []};
	if (render.kind === 'loading') return {kind: 'blocked', text: '', reason: 'rendering…', missing: []};
	if (render.kind === 'failed') return {kind: 'blocked', text: '', reason: render.message, missing: []};
	const value = render.value;
	if (value.kind === 'invalid') return {kind: 'blocked', text: '', reason: value.message, missing: []};
	if (value.kind === 'missing')
		return {
			kind: 'blocked',
			text: value.preview,
			reason: `missing ${value.missing.join(', ')} (= to set)`,
			missing: value.missing,
		};
	return value.body.trim() === ''
		? {kind: 'blocked', text: '', reason: 'the template rendered an empty message', missing: []}
		: {kind: 'ready', text: value.body};
}

/** The ticket changes sent with the message: the template's, with the agent's status choice on top. */
export function composeChanges(render: TemplateRender | null, choice: StatusChoice): TicketChanges | undefined {
	const fromTemplate = render?.kind === 'rendered' ? render.changes : {};
	const {status: templateStatus, ...rest} = fromTemplate;
	const status = choice === 'template' ? templateStatus : choice === 'none' ? undefined : choice;
	const changes: TicketChanges = {...rest, ...(status ? {status} : {})};
	return Object.keys(changes).length === 0 ? undefined : changes;
}

/** `name=value` as typed in the composer; null when it is not that. */
export function parseVarAssignment(text: string): {name: string; value: string} | null {
	const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/s.exec(text);
	return match ? {name: match[1] as string, value: (match[2] ?? '').trim()} : null;
}

/** The delivery service speaks to the CLI (`--force`, "ticket 12"); on this screen the ticket is the one in view. */
export function tuiReason(reason: string): string {
	return reason
		.replace(/^ticket \S+ changed since it was read/, 'the ticket changed since you opened it')
		.replace(/;? nothing sent/, '')
		.replace(/\s*\(use --force[^)]*\)|,? or use --force/g, '')
		.trim();
}

/** What the confirmation says will happen. */
export function confirmLines(input: {
	what: string;
	ticket: Ticket;
	template: string | null;
	locale: string | null;
	text: string;
	status: string | null;
	files?: readonly PlannedAttachment[];
}): string[] {
	const {requester} = input.ticket;
	const words = input.text.trim().split(/\s+/).filter(Boolean).length;
	return [
		`${input.what} to ${formatIds([input.ticket.id])} (${requester.name}${requester.email ? `, ${requester.email}` : ''})`,
		`${input.template ? `Template ${input.template}` : 'No template'}${input.locale ? `, language ${input.locale}` : ''}; ${words} words`,
		input.status ? `Sets status ${input.status}` : 'Status unchanged',
		...(input.files ?? []).map((file) => `Attaches ${file.fileName} (${formatBytes(file.size)}, ${file.contentType})`),
		'Stops if anyone changed the ticket since you opened it.',
	];
}
