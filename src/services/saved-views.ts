import {UsageError} from '../errors.js';
import type {Database} from '../store/database.js';
import {saveView} from '../store/views.js';
import {builtInViews, filterToView, type LocalFilter, localToFilter, viewToFilter} from './queue-filter.js';

/**
 * One store of queue views for the CLI and the TUI: the profile's config views (`views:` in the config), the views
 * saved in the local store (`V` then `s` in the TUI, `csr queue --save-view NAME`), and the built-in ones.
 */
export type QueueView = {
	readonly name: string;
	readonly source: 'config' | 'saved' | 'built-in';
	/** As `csr queue` flags (status, tag, assignee, …; search for free words): flags given on the line override them. */
	readonly flags: Readonly<Record<string, unknown>>;
	/** What the desk's query cannot say (SLA breached, idle days), applied to the listed tickets. */
	readonly local?: LocalFilter;
};

/**
 * The view of that name: the config's first, then the saved ones (read only when needed), then built in. Undefined
 * when none has the name (then it may be a help desk's own view id). A saved filter that no longer parses is an error
 * naming it.
 */
export function findView(
	name: string,
	configViews: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
	savedViews: () => readonly {readonly name: string; readonly filter: string}[],
): QueueView | undefined {
	const configured = configViews[name];
	if (configured !== undefined) return {name, source: 'config', flags: configured};
	const saved = savedViews().find((view) => view.name === name);
	const builtIn = builtInViews.find((view) => view.name === name);
	const found = saved ?? builtIn;
	if (found === undefined) return undefined;
	const parsed = filterToView(found.filter);
	if (!parsed.ok) throw new UsageError(`the saved view "${name}" (${found.filter}) no longer parses: ${parsed.error}`);
	const view: QueueView = {name, source: saved ? 'saved' : 'built-in', flags: parsed.view};
	return parsed.local === undefined ? view : {...view, local: parsed.local};
}

/** Flags that are not part of a view: how much to list and how to print it. */
const notFilters = new Set(['view', 'saveView', 'limit', 'all', 'ids', 'requester']);

/**
 * Saves `csr queue`'s filter (the view it started from, overridden by the flags given) under a name in the local
 * store, where the TUI's `V` lists it. A built-in or config view's name is refused, as in the TUI. Returns the filter.
 */
export function saveQueueView(
	db: Database,
	profile: string,
	input: {
		readonly name: string;
		readonly base: QueueView | undefined;
		readonly flags: Readonly<Record<string, unknown>>;
		readonly configViews: Readonly<Record<string, unknown>>;
		readonly at: string;
	},
): string {
	const name = input.name.trim();
	if (name === '') throw new UsageError('a view needs a name: --save-view NAME');
	if (builtInViews.some((view) => view.name === name) || input.configViews[name] !== undefined)
		throw new UsageError(`"${name}" is a built-in or config view; pick another name`);
	const merged = Object.fromEntries(
		Object.entries({...input.base?.flags, ...input.flags}).filter(
			([key, value]) => value !== undefined && !notFilters.has(key),
		),
	);
	const filter = [viewToFilter(merged), localToFilter(input.base?.local)].filter((part) => part !== '').join(' ');
	if (filter === '') throw new UsageError('there is no filter to save: give --status, --tag, --assignee, … or --view');
	saveView(db, profile, {name, filter}, input.at);
	return filter;
}
