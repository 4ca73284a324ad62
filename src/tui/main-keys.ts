import type {Key} from 'ink';
import {actionOf, type KeyAction, keymap, keyName} from './keymap.js';
import type {Focus} from './workstation-state.js';

export type TicketActionKind =
	| 'reply'
	| 'note'
	| 'status'
	| 'assign'
	| 'tags'
	| 'escalate'
	| 'followUp'
	| 'customer'
	| 'merge'
	| 'forward';

/** What a key in the queue/thread view asks for. */
export type MainIntent =
	| {readonly kind: 'move'; readonly to?: number; readonly by?: number}
	| {readonly kind: 'scroll'; readonly by?: number; readonly to?: 'top' | 'bottom'}
	| {readonly kind: 'focus'; readonly focus: Focus}
	| {readonly kind: 'ticketAction'; readonly action: TicketActionKind}
	| {
			readonly kind:
				| 'open'
				| 'select'
				| 'clearSelection'
				| 'unfold'
				| 'editFilter'
				| 'goto'
				| 'outbox'
				| 'followUps'
				| 'feedback'
				| 'newTicket'
				| 'views'
				| 'nextView'
				| 'refresh'
				| 'help'
				| 'quit';
	  };

export type MainKeyContext = {
	readonly focus: Focus;
	readonly count: number;
	readonly queuePage: number;
	readonly threadPage: number;
	readonly hasSelection: boolean;
};

const ticketActions: Partial<Record<KeyAction, TicketActionKind>> = {
	reply: 'reply',
	note: 'note',
	status: 'status',
	assign: 'assign',
	tags: 'tags',
	escalate: 'escalate',
	followUp: 'followUp',
	customer: 'customer',
	merge: 'merge',
	forward: 'forward',
};

// Order matters where keys are shared: in the thread j/k scroll, in the queue they move.
const threadActions = [
	'scrollDown',
	'scrollUp',
	'threadPageDown',
	'threadPageUp',
	'threadTop',
	'threadBottom',
	'unfold',
] as const;
const queueActions = ['up', 'down', 'pageUp', 'pageDown', 'first', 'last', 'open', 'select', 'nextView'] as const;
const anywhere = [
	'help',
	'quit',
	'back',
	'switchFocus',
	'refresh',
	'filter',
	'goto',
	'outbox',
	'followUps',
	'feedback',
	'newTicket',
	'views',
	'reply',
	'note',
	'status',
	'assign',
	'tags',
	'escalate',
	'followUp',
	'customer',
	'merge',
	'forward',
	'scrollDown',
	'scrollUp',
	'threadPageDown',
	'threadPageUp',
] as const;

/** For a key that does nothing where the focus is but works in the other pane: why, and how to get there. */
export function whyNotHere(input: string, key: Key, focus: Focus): string | null {
	const name = keyName(input, key);
	const other = focus === 'queue' ? 'thread' : 'queue';
	const binding = Object.values(keymap).find(
		(entry) => entry.context === other && (entry.keys as readonly string[]).includes(name),
	);
	if (binding === undefined) return null;
	return `${name} (${binding.help}) works in the ${other}: ${focus === 'queue' ? 'enter or tab' : 'esc or tab'} first.`;
}

/** Keys → intents for the queue and thread; null when the key means nothing here. */
export function mainIntent(input: string, key: Key, context: MainKeyContext): MainIntent | null {
	const {focus, count, threadPage, queuePage} = context;
	const action =
		focus === 'thread'
			? actionOf([...threadActions, ...anywhere], input, key)
			: (actionOf(
					[...queueActions, ...anywhere.filter((name) => name !== 'scrollDown' && name !== 'scrollUp')],
					input,
					key,
				) ??
				// J/K scroll the thread from the queue too; j/k there are the queue's.
				(input === 'J' ? 'scrollDown' : input === 'K' ? 'scrollUp' : undefined));
	switch (action) {
		case undefined:
			return null;
		case 'up':
			return {kind: 'move', by: -1};
		case 'down':
			return {kind: 'move', by: 1};
		case 'pageUp':
			return {kind: 'move', by: -queuePage};
		case 'pageDown':
			return {kind: 'move', by: queuePage};
		case 'first':
			return {kind: 'move', to: 0};
		case 'last':
			return {kind: 'move', to: count - 1};
		case 'scrollDown':
			return {kind: 'scroll', by: 1};
		case 'scrollUp':
			return {kind: 'scroll', by: -1};
		case 'threadPageDown':
			return {kind: 'scroll', by: threadPage};
		case 'threadPageUp':
			return {kind: 'scroll', by: -threadPage};
		case 'threadTop':
			return {kind: 'scroll', to: 'top'};
		case 'threadBottom':
			return {kind: 'scroll', to: 'bottom'};
		case 'switchFocus':
			return {kind: 'focus', focus: focus === 'queue' ? 'thread' : 'queue'};
		case 'back':
			if (focus === 'thread') return {kind: 'focus', focus: 'queue'};
			return key.escape && context.hasSelection ? {kind: 'clearSelection'} : key.escape ? null : {kind: 'quit'};
		case 'filter':
			return {kind: 'editFilter'};
		case 'goto':
			return {kind: 'goto'};
		case 'outbox':
			return {kind: 'outbox'};
		case 'followUps':
			return {kind: 'followUps'};
		case 'feedback':
			return {kind: 'feedback'};
		case 'newTicket':
			return {kind: 'newTicket'};
		case 'views':
			return {kind: 'views'};
		case 'open':
		case 'select':
		case 'unfold':
		case 'nextView':
		case 'refresh':
		case 'help':
		case 'quit':
			return {kind: action};
		default: {
			const ticketAction = ticketActions[action];
			return ticketAction ? {kind: 'ticketAction', action: ticketAction} : null;
		}
	}
}
