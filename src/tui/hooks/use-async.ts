import {type DependencyList, useCallback, useEffect, useRef, useState} from 'react';
import {messageOf} from '../../errors.js';

/** Every I/O hook's state. `refreshing`: a quiet reload is under way and the value shown is the previous one. */
export type AsyncState<T> =
	| {readonly kind: 'loading'}
	| {readonly kind: 'ready'; readonly value: T; readonly refreshing: boolean}
	| {readonly kind: 'failed'; readonly message: string};

export type AsyncResult<T> = {
	readonly state: AsyncState<T>;
	/** Loads again; quiet keeps the current value on screen until the new one arrives (a failure then keeps it too). */
	readonly reload: (options?: {quiet?: boolean}) => void;
};

/**
 * Runs `load` when `deps` change (and on reload), aborting the previous run. An aborted run never sets state, so a
 * slow answer for an old query cannot overwrite the new one. `load` null means nothing to load (state stays loading).
 * `load` may show a part of its value first with `partial` (ready and refreshing until the whole arrives); a quiet
 * reload gets none, the value on screen stays until the new one is whole.
 */
export function useAsync<T>(
	load: ((signal: AbortSignal, partial?: (value: T) => void) => Promise<T>) | null,
	deps: DependencyList,
): AsyncResult<T> {
	const [state, setState] = useState<AsyncState<T>>({kind: 'loading'});
	const [generation, setGeneration] = useState(0);
	const quiet = useRef(false);
	// biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when `load` is new.
	useEffect(() => {
		if (load === null) return;
		const controller = new AbortController();
		const isQuiet = quiet.current;
		quiet.current = false;
		setState((previous) =>
			isQuiet && previous.kind === 'ready' ? {...previous, refreshing: true} : {kind: 'loading'},
		);
		const partial = (value: T) => {
			if (!controller.signal.aborted) setState({kind: 'ready', value, refreshing: true});
		};
		load(controller.signal, isQuiet ? undefined : partial).then(
			(value) => {
				if (!controller.signal.aborted) setState({kind: 'ready', value, refreshing: false});
			},
			(error: unknown) => {
				if (controller.signal.aborted) return;
				setState((previous) =>
					isQuiet && previous.kind === 'ready'
						? {...previous, refreshing: false}
						: {kind: 'failed', message: messageOf(error)},
				);
			},
		);
		return () => controller.abort();
	}, [...deps, generation, load === null]);
	const reload = useCallback((options: {quiet?: boolean} = {}) => {
		quiet.current = options.quiet === true;
		setGeneration((value) => value + 1);
	}, []);
	return {state, reload};
}
