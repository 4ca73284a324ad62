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
	const queue = useRef<[string, Key][]>([]).current;
	const deliver = () => {
		const next = queue.shift();
		if (next === undefined) return;
		for (const entry of [...registry]) entry.handle(...next);
		// Let React render this key's result before the next key is read against it: React's scheduler also runs on
		// setImmediate in Node, so yield through it and then a timer, as Shopify's cli-kit tests do.
		if (queue.length > 0) setImmediate(() => setTimeout(deliver, 0));
	};
	useInput((input, key) => {
		const wasIdle = queue.length === 0;
		queue.push(...splitKeys(input, key));
		if (wasIdle) deliver();
	});
	return <KeyRouterContext.Provider value={registry}>{children}</KeyRouterContext.Provider>;
}

const noKey: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

/**
 * Ink hands over a run of plain characters as one input (`jj\r` when keys arrive together, as with tmux send-keys,
 * key repeat over ssh, or a paste). Each character is a key here, so `jj` moves twice and `\r` is enter.
 */
export function splitKeys(input: string, key: Key): [string, Key][] {
	const characters = Array.from(input);
	if (characters.length <= 1 || input.includes('\u001B') || key.ctrl || key.meta) return [[input, key]];
	return characters.map((character): [string, Key] => {
		if (character === '\r' || character === '\n') return ['', {...noKey, return: true}];
		if (character === '\t') return ['', {...noKey, tab: true}];
		const code = character.charCodeAt(0);
		if (code < 0x20) return [String.fromCharCode(code + 0x60), {...noKey, ctrl: true}];
		return [character, {...noKey, shift: /[A-Z]/.test(character)}];
	});
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
