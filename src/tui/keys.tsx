import {type Key, useInput} from 'ink';
import {createContext, type ReactNode, useContext, useLayoutEffect, useRef} from 'react';

type Handler = (input: string, key: Key) => void;
type Registry = Set<{readonly handle: Handler}>;

const KeyRouterContext = createContext<Registry | null>(null);

/**
 * Owns the one subscription to the keyboard and hands each key to the screens that listen now. Screens register in a
 * layout effect, so what listens always matches the frame on screen: with useInput in every screen, a key pressed
 * just after a frame could still reach a screen that had already left it (its listener goes in a later effect).
 */
export function KeyRouter({children}: {readonly children: ReactNode}) {
	const registry = useRef<Registry>(new Set()).current;
	useInput((input, key) => {
		for (const entry of [...registry]) entry.handle(input, key);
	});
	return <KeyRouterContext.Provider value={registry}>{children}</KeyRouterContext.Provider>;
}

/** Calls the handler of the latest render for every key, while `isActive`. */
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
