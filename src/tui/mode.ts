import type {Ticket} from '../domain/ticket.js';
import type {Draft} from './services.js';

/** What covers the queue and ticket panes, if anything. */
export type Mode =
	| {readonly kind: 'main'}
	| {readonly kind: 'filter' | 'goto'; readonly text: string; readonly error: string | null}
	| {readonly kind: 'help' | 'outbox' | 'followUps' | 'feedback' | 'views' | 'newTicket'}
	| {readonly kind: 'compose'; readonly ticket: Ticket; readonly isPublic: boolean; readonly openedAtMs: number}
	/** `r`/`n` with several tickets selected: one template or text for all, previewed per ticket. */
	| {readonly kind: 'bulkCompose'; readonly targets: readonly Ticket[]; readonly isPublic: boolean}
	| {readonly kind: 'status' | 'assign' | 'tags' | 'escalate' | 'followUp'; readonly targets: readonly Ticket[]}
	| {readonly kind: 'customer'; readonly ticket: Ticket}
	| {readonly kind: 'quit'; readonly drafts: readonly Draft[]};

/** Modes that cover both panes. */
export function isFullScreen(mode: Mode): boolean {
	return ['help', 'quit', 'outbox', 'followUps', 'feedback', 'views', 'bulkCompose'].includes(mode.kind);
}
