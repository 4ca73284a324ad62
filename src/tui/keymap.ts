import type {Key} from 'ink';

/** Where a binding applies; the `?` screen groups by it. */
export type KeyContext = 'workstation' | 'queue' | 'thread' | 'compose' | 'lists';

type Binding = {readonly keys: readonly string[]; readonly help: string; readonly context: KeyContext};

/** The one key table: handlers look actions up here and `?` renders it, so the help cannot drift from the code. */
export const keymap = {
	help: {keys: ['?'], help: 'this help', context: 'workstation'},
	back: {keys: ['q', 'escape'], help: 'back; quit from the queue', context: 'workstation'},
	quit: {keys: ['ctrl+c'], help: 'quit (asks if a draft is unsent)', context: 'workstation'},
	switchFocus: {keys: ['tab'], help: 'switch focus: queue ↔ thread', context: 'workstation'},
	refresh: {keys: ['g'], help: 'refresh queue and ticket', context: 'workstation'},
	reply: {keys: ['r'], help: 'reply: template, preview, send (selected: one each)', context: 'workstation'},
	note: {keys: ['n'], help: 'internal note', context: 'workstation'},
	status: {keys: ['s'], help: 'status (selected tickets or this)', context: 'workstation'},
	assign: {keys: ['a'], help: 'assign to an agent or group', context: 'workstation'},
	tags: {keys: ['t'], help: 'add or remove tags', context: 'workstation'},
	escalate: {keys: ['e'], help: 'escalate to a group with a reason', context: 'workstation'},
	followUp: {keys: ['f'], help: 'follow-up: 2d, tomorrow, a date', context: 'workstation'},
	customer: {keys: ['c'], help: 'the customer: profile, tickets (m merges one in), records', context: 'workstation'},
	newTicket: {keys: ['N'], help: 'new ticket: to, subject, first message', context: 'workstation'},
	merge: {keys: ['m'], help: 'merge this ticket (or the selected) into another', context: 'workstation'},
	forward: {keys: ['w'], help: 'forward the thread (or its last message) to an email', context: 'workstation'},
	up: {keys: ['up', 'k'], help: 'previous ticket', context: 'queue'},
	down: {keys: ['down', 'j'], help: 'next ticket', context: 'queue'},
	pageUp: {keys: ['ctrl+u'], help: 'page up', context: 'queue'},
	pageDown: {keys: ['ctrl+d'], help: 'page down', context: 'queue'},
	first: {keys: ['home'], help: 'first ticket', context: 'queue'},
	last: {keys: ['end', 'G'], help: 'last ticket', context: 'queue'},
	open: {keys: ['enter'], help: 'open the ticket', context: 'queue'},
	select: {keys: ['space'], help: 'select: r n e f s a t m then work on all selected', context: 'queue'},
	filter: {keys: ['/'], help: 'filter: status:open tag:vip words', context: 'queue'},
	followUps: {keys: ['F'], help: 'follow-ups due: open, d done, z snooze', context: 'workstation'},
	feedback: {keys: ['B'], help: 'bad feedback: CSAT, detractors, hard CES; enter opens', context: 'workstation'},
	outbox: {keys: ['O'], help: 'outbox: why not sent, R send again, D drop', context: 'workstation'},
	goto: {keys: [':', '#'], help: 'open a ticket by number (:123)', context: 'workstation'},
	nextView: {keys: ['v'], help: 'next view (built-in, config, saved)', context: 'queue'},
	views: {keys: ['V'], help: 'views with counts: apply, s save the filter, d delete', context: 'workstation'},
	scrollDown: {keys: ['J', 'down', 'j'], help: 'scroll down (J from the queue)', context: 'thread'},
	scrollUp: {keys: ['K', 'up', 'k'], help: 'scroll up (K from the queue)', context: 'thread'},
	threadPageDown: {keys: ['pagedown'], help: 'thread page down', context: 'thread'},
	threadPageUp: {keys: ['pageup'], help: 'thread page up', context: 'thread'},
	threadTop: {keys: ['home'], help: 'start of the thread', context: 'thread'},
	threadBottom: {keys: ['end'], help: 'end of the thread', context: 'thread'},
	unfold: {keys: ['o'], help: 'open (or close) a folded message', context: 'thread'},
	pickTemplate: {keys: ['enter'], help: 'pick a template (type to search)', context: 'compose'},
	setVar: {keys: ['='], help: 'set a variable: name=value', context: 'compose'},
	editInline: {keys: ['i'], help: 'edit here (esc when done)', context: 'compose'},
	editExternal: {keys: ['ctrl+e'], help: 'edit the text in $EDITOR', context: 'compose'},
	cycleStatus: {keys: ['s'], help: 'status to set on send', context: 'compose'},
	cycleLocale: {keys: ['l'], help: 'template language', context: 'compose'},
	insertArticle: {keys: ['ctrl+k'], help: 'insert a help-center article link', context: 'compose'},
	changeTemplate: {keys: ['p'], help: 'pick another template', context: 'compose'},
	attachFile: {keys: ['a'], help: 'attach a file (type its path; tab completes)', context: 'compose'},
	removeFile: {keys: ['x'], help: 'take the last attached file off', context: 'compose'},
	discardDraft: {keys: ['D'], help: 'discard the draft', context: 'compose'},
	send: {keys: ['enter'], help: 'review and send', context: 'compose'},
	confirm: {keys: ['y', 'enter'], help: 'confirm', context: 'lists'},
	cancel: {keys: ['escape', 'n'], help: 'cancel', context: 'lists'},
	listUp: {keys: ['up', 'ctrl+p'], help: 'previous choice', context: 'lists'},
	listDown: {keys: ['down', 'ctrl+n'], help: 'next choice', context: 'lists'},
} as const satisfies Record<string, Binding>;

export type KeyAction = keyof typeof keymap;

/** A key press as the keymap names it: `j`, `J`, `enter`, `ctrl+e`, `alt+b`, `pagedown`, `space`. */
export function keyName(input: string, key: Key): string {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.return) return 'enter';
	if (key.escape) return 'escape';
	if (key.tab) return 'tab';
	if (key.backspace || key.delete) return 'backspace';
	if (key.ctrl && input.length === 1) return `ctrl+${input.toLowerCase()}`;
	if (key.meta && input.length === 1) return `alt+${input}`;
	if (input === ' ') return 'space';
	return input;
}

/** Whether the key press triggers the action. */
export function isKey(action: KeyAction, input: string, key: Key): boolean {
	return (keymap[action].keys as readonly string[]).includes(keyName(input, key));
}

/** The first action of `actions` the key triggers, in the order given (earlier wins on shared keys). */
export function actionOf<A extends KeyAction>(actions: readonly A[], input: string, key: Key): A | undefined {
	const name = keyName(input, key);
	return actions.find((action) => (keymap[action].keys as readonly string[]).includes(name));
}

const contextTitles: Record<KeyContext, string> = {
	workstation: 'Anywhere',
	queue: 'Queue',
	thread: 'Thread',
	compose: 'Composer',
	lists: 'Pickers and questions',
};

/** The `?` screen: the table above, grouped, keys spelled as a person reads them. */
export function helpSections(): {title: string; rows: {keys: string; help: string}[]}[] {
	const entries = Object.values(keymap) as Binding[];
	return (Object.keys(contextTitles) as KeyContext[]).map((context) => ({
		title: contextTitles[context],
		rows: entries
			.filter((binding) => binding.context === context)
			.map((binding) => ({keys: binding.keys.map(spellKey).join(' '), help: binding.help})),
	}));
}

function spellKey(name: string): string {
	const arrows: Record<string, string> = {up: '↑', down: '↓', escape: 'esc', pageup: 'PgUp', pagedown: 'PgDn'};
	return arrows[name] ?? name;
}
