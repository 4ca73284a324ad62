import {useCallback, useEffect, useRef, useState} from 'react';
import type {TicketThread} from '../../domain/message.js';
import {messageOf} from '../../errors.js';
import {useServices} from '../services.js';
import type {AsyncState} from './use-async.js';

/** How long the cursor must rest on a ticket before its thread is fetched (a held ↓ fetches nothing on the way). */
export const previewDelayMs = 120;
const cacheSize = 64;

/** A ticket to show: its id and the `updatedAt` the queue knows, so a changed ticket is fetched again. */
export type ThreadKey = {readonly id: string; readonly version: string | null};

/** Keeps the last threads shown, newest last; an entry counts only for the version it was fetched at. */
export class ThreadCache {
	readonly #entries = new Map<string, {version: string | null; thread: TicketThread}>();
	get(key: ThreadKey): TicketThread | undefined {
		const entry = this.#entries.get(key.id);
		if (entry === undefined || (key.version !== null && entry.version !== key.version)) return undefined;
		return entry.thread;
	}
	set(key: ThreadKey, thread: TicketThread): void {
		this.#entries.delete(key.id);
		this.#entries.set(key.id, {version: key.version ?? thread.ticket.updatedAt, thread});
		if (this.#entries.size > cacheSize) this.#entries.delete(this.#entries.keys().next().value as string);
	}
	drop(id: string): void {
		this.#entries.delete(id);
	}
}

/**
 * The thread of the ticket on the right: the open one, or the one under the cursor as a preview. A thread seen before
 * (at the same version) shows at once. A new one is fetched at once after a pause, else once the cursor has rested
 * `delayMs` (a held ↓ fetches only where it stops); the previous fetch is aborted. `reload` fetches the shown one again
 * at once; the old stays on screen until the new one arrives, and stays if the fetch fails.
 */
export function useTicketThread(
	key: ThreadKey | null,
	options: {delayMs?: number; next?: ThreadKey | null} = {},
): {readonly id: string | null; readonly state: AsyncState<TicketThread>; readonly reload: () => void} {
	const {getThread} = useServices();
	const cache = useRef(new ThreadCache()).current;
	const delayMs = options.delayMs ?? previewDelayMs;
	const [state, setState] = useState<{id: string | null; state: AsyncState<TicketThread>}>({
		id: null,
		state: {kind: 'loading'},
	});
	const [generation, setGeneration] = useState(0);
	const forced = useRef(false);
	const lastChange = useRef(0);
	const id = key?.id ?? null;
	const version = key?.version ?? null;
	const cached = key === null ? undefined : cache.get(key);

	// biome-ignore lint/correctness/useExhaustiveDependencies: `cached` is read from the cache for this key.
	useEffect(() => {
		if (id === null) return;
		const isForced = forced.current;
		forced.current = false;
		// A single step after a pause fetches at once; within a run of steps (a held ↓) each waits for the next.
		const at = Date.now();
		const inRun = at - lastChange.current < delayMs;
		lastChange.current = at;
		if (cached !== undefined && !isForced) return;
		const controller = new AbortController();
		const fetch = () => {
			setState((previous) =>
				previous.id === id && previous.state.kind === 'ready'
					? {id, state: {...previous.state, refreshing: true}}
					: {id, state: {kind: 'loading'}},
			);
			getThread(id, controller.signal).then(
				(thread) => {
					if (controller.signal.aborted) return;
					cache.set({id, version}, thread);
					setState({id, state: {kind: 'ready', value: thread, refreshing: false}});
				},
				(error: unknown) => {
					if (controller.signal.aborted) return;
					setState((previous) =>
						previous.id === id && previous.state.kind === 'ready'
							? {id, state: {...previous.state, refreshing: false}}
							: {id, state: {kind: 'failed', message: messageOf(error)}},
					);
				},
			);
		};
		// A reload goes at once; a cursor passing by waits, so a held ↓ fetches only where it stops.
		const timer = isForced || delayMs === 0 || !inRun ? null : setTimeout(fetch, delayMs);
		if (timer === null) fetch();
		return () => {
			if (timer !== null) clearTimeout(timer);
			controller.abort();
		};
	}, [id, version, generation, getThread, delayMs]);

	// Once the shown thread is there and the cursor rests, fetch the next ticket's too: an agent reads down the queue,
	// so the next step shows its preview in the same frame as the cursor.
	const next = options.next ?? null;
	const isShownReady = (state.id === id && state.state.kind === 'ready') || cached !== undefined;
	// biome-ignore lint/correctness/useExhaustiveDependencies: the next key's fields are its identity.
	useEffect(() => {
		if (!isShownReady || next === null || cache.get(next) !== undefined) return;
		const controller = new AbortController();
		const timer = setTimeout(() => {
			getThread(next.id, controller.signal).then(
				(thread) => {
					if (!controller.signal.aborted) cache.set(next, thread);
				},
				() => {},
			);
		}, delayMs);
		return () => {
			clearTimeout(timer);
			controller.abort();
		};
	}, [isShownReady, next?.id, next?.version, getThread, delayMs]);

	const reload = useCallback(() => {
		if (id !== null) cache.drop(id);
		forced.current = true;
		setGeneration((value) => value + 1);
	}, [id, cache]);
	const shown: AsyncState<TicketThread> =
		id === null
			? {kind: 'loading'}
			: state.id === id && (state.state.kind !== 'loading' || cached === undefined)
				? state.state
				: cached !== undefined
					? {kind: 'ready', value: cached, refreshing: false}
					: {kind: 'loading'};
	return {id, state: shown, reload};
}
