import {useMemo, useState} from 'react';
import type {TicketQuery} from '../../providers/help-desk.js';
import {applyLocalFilter, builtInViews, parseFilter} from '../../services/queue-filter.js';
import {isBreached} from '../format.js';
import {type SavedView, useServices} from '../services.js';
import {useAsync} from './use-async.js';

/** A view as the TUI lists it: built in, from the profile's config, or saved here (only those can be deleted). */
export type ListedView = SavedView & {readonly source: 'built-in' | 'config' | 'saved'};

/** Every view `v` steps through and `V` lists: built-in, the config's, then those saved in the TUI. */
export function useViews(): {views: readonly ListedView[]; reload: () => void} {
	const {session, listSavedViews} = useServices();
	const [revision, setRevision] = useState(0);
	// Best effort: without the saved views the built-in and config ones still list.
	const saved = useAsync(async () => listSavedViews(), [listSavedViews, revision]).state;
	const views = useMemo(
		() => [
			...builtInViews.map((view) => ({...view, source: 'built-in' as const})),
			...session.views.map((view) => ({...view, source: 'config' as const})),
			...(saved.kind === 'ready' ? saved.value.map((view) => ({...view, source: 'saved' as const})) : []),
		],
		[session.views, saved],
	);
	return {views, reload: () => setRevision((value) => value + 1)};
}

/** How many tickets a view holds: a number, `100+` when only a part was counted, or why it could not be counted. */
export type ViewCount = {readonly text: string; readonly failed: boolean};

/** Tickets counted for a view with a local part (SLA breached, idle) at most; beyond it the count says `+`. */
const countLimit = 1000;

/**
 * Counts each view, one after another, best effort: a view that cannot be counted says why on its own line and
 * never stops the others or the list. The desk's total when it gives one, else what a page holds.
 */
export function useViewCounts(
	views: readonly ListedView[],
	base: TicketQuery,
	now: Date,
): {readonly counts: ReadonlyMap<string, ViewCount>; readonly isCounting: boolean} {
	const {listQueue} = useServices();
	const [partial, setPartial] = useState<ReadonlyMap<string, ViewCount>>(new Map());
	const {state} = useAsync(
		async (signal) => {
			const counts = new Map<string, ViewCount>();
			for (const view of views) {
				if (signal.aborted) break;
				counts.set(view.name, await countView(view.filter, base, now, listQueue, signal));
				setPartial(new Map(counts));
			}
			return counts as ReadonlyMap<string, ViewCount>;
		},
		[views, base, listQueue],
	);
	return {counts: state.kind === 'ready' ? state.value : partial, isCounting: state.kind === 'loading'};
}

async function countView(
	filter: string,
	base: TicketQuery,
	now: Date,
	listQueue: ReturnType<typeof useServices>['listQueue'],
	signal: AbortSignal,
): Promise<ViewCount> {
	const parsed = parseFilter(filter, base);
	if (!parsed.ok) return {text: `bad filter: ${parsed.error}`, failed: true};
	try {
		if (parsed.local === undefined) {
			const page = await listQueue({...parsed.query, limit: 100}, signal);
			if (page.totalCount !== null) return {text: String(page.totalCount), failed: false};
			return {text: `${page.tickets.length}${page.hasMore ? '+' : ''}`, failed: false};
		}
		const page = await listQueue({...parsed.query, limit: countLimit}, signal);
		const kept = applyLocalFilter(page.tickets, parsed.local, now, isBreached).length;
		return {text: `${kept}${page.hasMore ? '+' : ''}`, failed: false};
	} catch (error) {
		return {text: `not counted: ${error instanceof Error ? error.message : String(error)}`, failed: true};
	}
}
