import type {EventEmitter} from 'node:events';
import {type Key, useInput, usePaste, useStdin} from 'ink';
import {createContext, type ReactNode, useContext, useEffect, useLayoutEffect, useRef} from 'react';
import {createKeyFeed, type KeyOutcome, type KeyPress, noKey, splitInput, type YieldTurn} from './key-input.js';

// biome-ignore lint/suspicious/noConfusingVoidType: most handlers return nothing (or a setter's void); some `'later'`.
type Handler = (input: string, key: Key) => KeyOutcome | void;
type Registry = Set<{readonly handle: Handler}>;

const KeyRouterContext = createContext<Registry | null>(null);

/**
 * Owns the one subscription to the keyboard and hands each key to the screens that listen now. Screens register in a
 * layout effect, so what listens always matches the frame on screen: with useInput in every screen, a key pressed
 * just after a frame could still reach a screen that had already left it (its listener goes in a later effect).
 * Keys that arrive together go one by one, each after the frame of the one before (`createKeyFeed`). A bracketed
 * paste arrives as one input with no key flags: text fields take it whole, and it matches no command key.
 */
export function KeyRouter({children, yieldTurn}: {readonly children: ReactNode; readonly yieldTurn?: YieldTurn}) {
	const registry = useRef<Registry>(new Set()).current;
	const feed = useRef<ReturnType<typeof createKeyFeed> | null>(null);
	if (feed.current === null) {
		feed.current = createKeyFeed(([input, key]: KeyPress) => {
			// Deferred when every listener defers it (one that took it, a composer under its closing picker, did), or
			// when nothing listens yet (a screen still asking the desk before it takes keys).
			let deferred = 0;
			const listeners = [...registry];
			for (const entry of listeners) if (entry.handle(input, key) === 'later') deferred++;
			return deferred === listeners.length ? 'later' : undefined;
		}, yieldTurn);
	}
	useEffect(() => () => feed.current?.stop(), []);
	// The raw sequence of each key, seen before useInput parses it (prepended, so it runs first): only it tells
	// `ESC ESC[H` (Escape, then Home) from an alt-Home.
	const raw = useRef('');
	const emitter = (useStdin() as {internal_eventEmitter?: EventEmitter}).internal_eventEmitter;
	useEffect(() => {
		if (emitter === undefined) return;
		const record = (data: unknown) => {
			raw.current = typeof data === 'string' ? data : '';
		};
		emitter.prependListener('input', record);
		return () => {
			emitter.removeListener('input', record);
		};
	}, [emitter]);
	useInput((input, key) => {
		const sequence = raw.current;
		raw.current = '';
		feed.current?.push(splitInput(sequence, input, key));
	});
	usePaste((text) => feed.current?.push([[text, noKey]]));
	return <KeyRouterContext.Provider value={registry}>{children}</KeyRouterContext.Provider>;
}

/**
 * Calls the handler of the latest render for every key, while `isActive`. A handler returns `'later'` for a key that
 * came after it handed over (it closed or opened another screen not yet drawn): when every listener says so, the key
 * goes again to the next frame's screens.
 */
export function useKeys(handler: Handler, options: {isActive?: boolean} = {}): void {
	const registry = useContext(KeyRouterContext);
	if (registry === null) throw new Error('useKeys() outside <KeyRouter>');
	const latest = useRef(handler);
	latest.current = handler;
	const isActive = options.isActive !== false;
	useLayoutEffect(() => {
		if (!isActive) return;
		const entry = {handle: (input: string, key: Key) => latest.current(input, key)};
		registry.add(entry);
		return () => {
			registry.delete(entry);
		};
	}, [isActive, registry]);
}
