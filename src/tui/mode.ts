import type {Key} from 'ink';
import type {Ticket} from '../domain/ticket.js';
import type {Draft} from './services.js';
import {applyKey} from './text-editing.js';

/** What covers the queue and ticket panes, if anything. */
export type Mode =
	| {readonly kind: 'main'}
	| {readonly kind: 'filter' | 'goto'; readonly text: string; readonly error: string | null}
	| {readonly kind: 'help' | 'outbox' | 'followUps' | 'feedback' | 'views' | 'newTicket'}
	| {readonly kind: 'compose'; readonly ticket: Ticket; readonly isPublic: boolean; readonly openedAtMs: number}
	/** `r`/`n` with several tickets selected: one template or text for all, previewed per ticket. */
	| {readonly kind: 'bulkCompose'; readonly targets: readonly Ticket[]; readonly isPublic: boolean}
	| {
			readonly kind: 'status' | 'assign' | 'tags' | 'escalate' | 'followUp' | 'forward';
			readonly targets: readonly Ticket[];
	  }
	/** `into`: the ticket to keep is known (`m` on one of the customer's other tickets merges it into this one). */
	| {readonly kind: 'merge'; readonly targets: readonly Ticket[]; readonly into?: string}
	| {readonly kind: 'customer'; readonly ticket: Ticket}
	| {readonly kind: 'quit'; readonly drafts: readonly Draft[]};

/** Modes that cover both panes. */
export function isFullScreen(mode: Mode): boolean {
	return ['help', 'quit', 'outbox', 'followUps', 'feedback', 'views', 'bulkCompose'].includes(mode.kind);
}

/** What a key on the `:` or `/` line does: edit it, leave it, open a ticket, or apply a filter. */
export type LineOutcome =
	| {readonly kind: 'edit'; readonly mode: Mode}
	| {readonly kind: 'open'; readonly id: string}
	| {readonly kind: 'filter'; readonly text: string};

/** A key while the `:` (go to a ticket) or `/` (filter) line is open; `check` parses a filter, null when it is fine. */
export function lineKey(
	mode: Extract<Mode, {kind: 'filter' | 'goto'}>,
	input: string,
	key: Key,
	check: (filter: string) => string | null,
): LineOutcome {
	const edit = applyKey(mode.text, input, key);
	if (edit.done === 'cancel') return {kind: 'edit', mode: {kind: 'main'}};
	if (edit.done !== 'submit') return {kind: 'edit', mode: {...mode, text: edit.value, error: null}};
	if (mode.kind === 'goto') {
		const id = edit.value.trim().replace(/^#/, '');
		if (!/^[A-Za-z0-9-]+$/.test(id)) return {kind: 'edit', mode: {...mode, error: 'Type a ticket number, e.g. 123.'}};
		return {kind: 'open', id};
	}
	const error = check(edit.value);
	return error === null ? {kind: 'filter', text: edit.value.trim()} : {kind: 'edit', mode: {...mode, error}};
}
