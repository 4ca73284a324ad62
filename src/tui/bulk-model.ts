import type {Ticket} from '../domain/ticket.js';
import {toDisplayLine} from '../text/display-text.js';
import {formatIds} from './format.js';
import {messagePlan} from './plans.js';
import type {MessagePlan, TemplateRender} from './services.js';

/** Where one selected ticket's message comes from: the template rendered for it, the agent's text, or a failure. */
export type BulkSource =
	| {readonly kind: 'template'; readonly render: TemplateRender}
	| {readonly kind: 'text'; readonly body: string}
	| {readonly kind: 'failed'; readonly message: string};

/** One selected ticket in a bulk reply or note: what it gets (a plan), or why it is left out. */
export type BulkItem = {
	readonly ticket: Ticket;
	/** Null: left out (a variable missing, the template does not render); `header` says why. */
	readonly plan: MessagePlan | null;
	readonly label: string;
	readonly hint: string;
	/** Above the preview: language, status to set, or why the ticket is left out. */
	readonly header: string;
	readonly body: string;
	readonly locale: string | null;
};

/** The plan for one ticket of a bulk run (no handle time: the agent did not work each ticket on its own). */
export function bulkItemOf(ticket: Ticket, source: BulkSource, isPublic: boolean): BulkItem {
	const label = `#${ticket.id} ${toDisplayLine(ticket.subject)}`;
	const base = {ticket, label};
	if (source.kind === 'failed')
		return {...base, plan: null, hint: 'left out: cannot render', header: source.message, body: '', locale: null};
	if (source.kind === 'text') {
		const plan = messagePlan({
			ticket,
			isPublic,
			body: source.body,
			template: null,
			changes: undefined,
			durationSec: null,
		});
		return {
			...base,
			plan,
			hint: 'ready',
			header: `#${ticket.id} gets your text as written`,
			body: source.body,
			locale: null,
		};
	}
	const {render} = source;
	if (render.kind === 'invalid')
		return {...base, plan: null, hint: 'left out: template error', header: render.message, body: '', locale: null};
	if (render.kind === 'missing') {
		const needs = `needs ${render.missing.join(', ')}`;
		return {
			...base,
			plan: null,
			hint: `left out: ${needs}`,
			header: `#${ticket.id} is left out: the template ${needs} (set it by replying to the ticket alone)`,
			body: render.preview,
			locale: render.locale,
		};
	}
	const status = render.changes.status;
	const plan = messagePlan({
		ticket,
		isPublic: isPublic && !render.internal,
		body: render.body,
		template: render.name,
		changes: Object.keys(render.changes).length > 0 ? render.changes : undefined,
		durationSec: null,
	});
	return {
		...base,
		plan,
		hint: `ready · ${render.locale}${status ? ` · status → ${status}` : ''}`,
		header: `#${ticket.id} · in ${render.locale}${status ? ` · status → ${status} on send` : ' · status unchanged'}`,
		body: render.body,
		locale: render.locale,
	};
}

export function readyPlans(items: readonly BulkItem[]): MessagePlan[] {
	return items.flatMap((item) => (item.plan === null ? [] : [item.plan]));
}

/** The confirmation: how many, in which languages, which status, and who is left out. */
export function bulkConfirmLines(items: readonly BulkItem[], isPublic: boolean): {title: string; lines: string[]} {
	const ready = items.filter((item) => item.plan !== null);
	const left = items.filter((item) => item.plan === null);
	const noun = isPublic ? (ready.length === 1 ? 'reply' : 'replies') : ready.length === 1 ? 'note' : 'notes';
	const languages = new Map<string, number>();
	for (const item of ready) if (item.locale) languages.set(item.locale, (languages.get(item.locale) ?? 0) + 1);
	const statuses = new Set(ready.map((item) => item.plan?.changes?.status ?? 'unchanged'));
	const lines = [`To ${formatIds(ready.map((item) => item.ticket.id))}`];
	if (languages.size > 0)
		lines.push(`Each in its customer's language: ${[...languages].map(([locale, n]) => `${locale} ${n}`).join(', ')}`);
	lines.push(`Status on send: ${[...statuses].join(', ')}`);
	if (left.length > 0)
		lines.push(`Left out, not sent: ${formatIds(left.map((item) => item.ticket.id))} (${left[0]?.hint ?? ''})`);
	if (ready.length === 0) lines.push('Nothing to send: esc to go back.');
	return {title: `Send ${ready.length} ${noun}?`, lines};
}
