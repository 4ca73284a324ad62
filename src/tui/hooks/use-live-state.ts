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

/** `useReducer` with the same promise as `useLiveState`: `read()` is the state after every action dispatched so far. */
export function useLiveReducer<S, A>(
	reducer: (state: S, action: A) => S,
	initial: S,
): readonly [state: S, dispatch: (action: A) => void, read: () => S] {
	const [value, set, read] = useLiveState(initial);
	const dispatch = useCallback((action: A) => set(reducer(read(), action)), [reducer, set, read]);
	return [value, dispatch, read] as const;
}

/**
 * For a screen's key handler: once the screen has handed over (closed, or opened a screen of its own not yet drawn),
 * `hasLeft()` is true and the handler answers `'later'`, so the keys that follow go to the next frame's screen.
 */
export function useLeaving(): {readonly leave: <T>(then: () => T) => T; readonly hasLeft: () => boolean} {
	const gone = useRef(false);
	const leave = useCallback(<T>(then: () => T): T => {
		gone.current = true;
		return then();
	}, []);
	const hasLeft = useCallback(() => gone.current, []);
	return {leave, hasLeft};
}
