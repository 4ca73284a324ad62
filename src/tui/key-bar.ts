import type {Focus} from './workstation-state.js';

/** One key and what it does here. */
export type BarItem = {readonly keys: string; readonly does: string};

export type BarContext = {
	/** `main` is the queue and ticket panes; the others are what covers them. */
	readonly mode: string;
	readonly focus: Focus;
	readonly selectedCount: number;
	/** The ticket the keys work on without a selection. */
	readonly ticketId: string | null;
};

const ticketKeys: readonly BarItem[] = [
	{keys: 'r', does: 'reply'},
	{keys: 'n', does: 'note'},
	{keys: 's', does: 'status'},
	{keys: 'a', does: 'assign'},
	{keys: 'e', does: 'escalate'},
	{keys: 'f', does: 'follow-up'},
	{keys: 't', does: 'tags'},
	{keys: 'c', does: 'customer'},
	{keys: 'm', does: 'merge'},
	{keys: 'w', does: 'forward'},
];

const separator = ' · ';
const widthOf = (item: BarItem) => [...item.keys].length + (item.does === '' ? 0 : 1 + [...item.does].length);

/**
 * The items that fit in `width` columns, in order. When some do not fit, the last place goes to the key that lists
 * them all (`?`), so a narrow screen still says where the rest are instead of cutting a word in half. A bar without
 * that key (a line being typed into, where `?` is a character) is left to be cut at the edge.
 */
export function fitBar(items: readonly BarItem[], width: number): readonly BarItem[] {
	const total = items.reduce((sum, item, index) => sum + widthOf(item) + (index > 0 ? separator.length : 0), 0);
	const more = items.find((item) => item.keys === '?');
	if (total <= width || more === undefined) return items;
	const room = width - widthOf(more) - separator.length;
	const fitted: BarItem[] = [];
	let used = 0;
	for (const item of items) {
		if (item.keys === '?') continue;
		const needed = widthOf(item) + (fitted.length > 0 ? separator.length : 0);
		if (used + needed > room) break;
		fitted.push(item);
		used += needed;
	}
	return [...fitted, more];
}

/**
 * The keys that work now, most useful first (cut to the screen's width by fitBar, `?` kept last): it changes with the focus and
 * the mode, as k9s and lazygit do. Screens that cover the panes (composer, pickers) show their own keys: null.
 */
export function barItems(context: BarContext): readonly BarItem[] | null {
	if (context.mode === 'filter')
		return [
			{keys: 'enter', does: 'apply'},
			{keys: 'esc', does: 'cancel'},
			{keys: 'status:open tag:vip assignee:me channel:chat', does: 'words'},
		];
	if (context.mode === 'goto')
		return [
			{keys: '123', does: 'ticket number'},
			{keys: 'enter', does: 'open'},
			{keys: 'esc', does: 'cancel'},
		];
	if (context.mode !== 'main') return null;
	if (context.selectedCount > 0) {
		return [
			{keys: 'r n e f s a t m', does: `on the ${context.selectedCount} selected`},
			{keys: 'esc', does: 'clear'},
			{keys: 'space', does: 'select'},
			{keys: '?', does: 'all keys'},
		];
	}
	// With a ticket read, merging a duplicate and forwarding to a carrier come right after answering it.
	if (context.focus === 'thread')
		return [
			...ticketKeys.slice(0, 2),
			{keys: 'm', does: 'merge'},
			{keys: 'w', does: 'forward'},
			...ticketKeys.slice(2).filter((item) => item.keys !== 'm' && item.keys !== 'w'),
			{keys: 'j/k', does: 'scroll'},
			{keys: 'PgDn', does: 'page'},
			{keys: 'o', does: 'unfold'},
			{keys: 'esc', does: 'queue'},
			{keys: 'g', does: 'refresh'},
			{keys: '?', does: 'all keys'},
		];
	return [
		{keys: '↑↓', does: 'move'},
		{keys: 'enter', does: 'read'},
		...ticketKeys,
		{keys: 'space', does: 'select'},
		{keys: ':', does: 'go to #'},
		{keys: '/', does: 'filter'},
		{keys: 'v', does: 'view'},
		{keys: 'V', does: 'views'},
		{keys: 'F', does: 'follow-ups'},
		{keys: 'O', does: 'outbox'},
		{keys: 'B', does: 'feedback'},
		{keys: 'J/K', does: 'scroll preview'},
		{keys: 'q', does: 'quit'},
		{keys: '?', does: 'all keys'},
	];
}
