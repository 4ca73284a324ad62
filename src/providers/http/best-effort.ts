/**
 * A side lookup (the customer's other tickets, their last rating) that must never fail the work it decorates:
 * `csr show`, the TUI, or the thread check of a delivery. Any failure (403, 404, a timeout, a 5xx) gives null, which
 * the caller shows as "not visible to you"; only an abort (Ctrl-C) still ends the work.
 */
export async function bestEffort<T>(lookup: () => Promise<T>, signal?: AbortSignal): Promise<{value: T} | null> {
	try {
		return {value: await lookup()};
	} catch (error) {
		if (signal?.aborted) throw error;
		return null;
	}
}

/** `{notVisible: [...]}` for the parts that failed, or nothing, so the usual JSON shape stays as it was. */
export function notVisible<T extends string>(parts: readonly (T | false)[]): {notVisible?: T[]} {
	const hidden = parts.filter((part): part is T => part !== false);
	return hidden.length === 0 ? {} : {notVisible: hidden};
}
