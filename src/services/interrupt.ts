import {setImmediate as nextTurn} from 'node:timers/promises';

/**
 * Whether a bulk loop may start its next item. It first lets the event loop turn once: a desk that answers from
 * memory (the demo's SQLite) resolves every call as a microtask, so without this turn a Ctrl-C would wait for the
 * whole run to end before its handler could abort the signal.
 */
export async function mayContinue(signal: AbortSignal | undefined): Promise<boolean> {
	await nextTurn();
	return signal?.aborted !== true;
}
