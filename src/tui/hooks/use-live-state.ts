import {useCallback, useRef, useState} from 'react';

/**
 * State a key handler reads back at once: the setter updates a ref as well as React's state, and `read()` gives the
 * latest value even before React has rendered it. Keys that arrive together are handed over one per frame
 * (key-input.ts), but a slow render (a loaded machine, React yielding mid-render) can still let the next key run
 * against the last frame's values; a field typed through a ref loses no character then.
 */
export function useLiveState<T>(initial: T): readonly [value: T, set: (next: T) => void, read: () => T] {
	const [value, setValue] = useState(initial);
	const live = useRef(value);
	const set = useCallback((next: T) => {
		live.current = next;
		setValue(next);
	}, []);
	const read = useCallback(() => live.current, []);
	return [value, set, read] as const;
}
