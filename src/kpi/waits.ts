/**
 * Next reply and requester wait from a ticket's public thread (pure). The requester waits from the ticket's creation
 * until the first public agent reply, and again from each customer message that follows an agent reply until the
 * next agent reply (or the solve, when none came). A next reply is one of those later waits that an agent answered:
 * the first one (creation → first reply) is the first reply time, not a next reply.
 */

/** A wait as [start, end) in epoch ms. */
export type Wait = readonly [number, number];

export type ThreadWaits = {
	/** The answered waits after the first reply, oldest first. */
	readonly nextReplies: readonly Wait[];
	/** Every wait of the requester; null unless the ticket is solved (an unsolved ticket's wait is still running). */
	readonly requesterWaits: readonly Wait[] | null;
};

export function threadWaits(
	createdAt: number,
	messages: readonly {readonly at: number; readonly byAgent: boolean}[],
	solvedAt: number | null,
): ThreadWaits {
	const nextReplies: Wait[] = [];
	const requesterWaits: Wait[] = [];
	let waitingSince: number | null = createdAt;
	let replied = false;
	for (const message of messages) {
		if (message.byAgent) {
			if (waitingSince !== null && message.at > waitingSince) {
				requesterWaits.push([waitingSince, message.at]);
				if (replied) nextReplies.push([waitingSince, message.at]);
			}
			waitingSince = null;
			replied = true;
		} else waitingSince ??= Math.max(message.at, createdAt);
	}
	if (solvedAt !== null && waitingSince !== null && solvedAt > waitingSince)
		requesterWaits.push([waitingSince, solvedAt]);
	return {nextReplies, requesterWaits: solvedAt === null ? null : requesterWaits};
}

/**
 * A ticket's next reply time: the mean of its next-reply waits, measured by `measure` (calendar or business
 * minutes); null without one. Its requester wait: the sum of its waits; null when unsolved.
 */
export function measureWaits(
	waits: ThreadWaits,
	measure: (wait: Wait) => number,
): {nextReply: number | null; requesterWait: number | null} {
	const next = waits.nextReplies.map(measure);
	return {
		nextReply: next.length === 0 ? null : next.reduce((sum, value) => sum + value, 0) / next.length,
		requesterWait: waits.requesterWaits === null ? null : waits.requesterWaits.map(measure).reduce((a, b) => a + b, 0),
	};
}

export const calendarMinutes = (wait: Wait): number => (wait[1] - wait[0]) / 60_000;

/** The waits as the cache keeps them for the business-hours pass: compact JSON of epoch ms. */
export function encodeWaits(waits: ThreadWaits): string {
	return JSON.stringify({n: waits.nextReplies, r: waits.requesterWaits});
}

export function decodeWaits(text: string): ThreadWaits | null {
	try {
		const parsed = JSON.parse(text) as {n?: unknown; r?: unknown};
		const list = (value: unknown): Wait[] | null =>
			Array.isArray(value)
				? value.flatMap((pair) =>
						Array.isArray(pair) && typeof pair[0] === 'number' && typeof pair[1] === 'number'
							? [[pair[0], pair[1]] as const]
							: [],
					)
				: null;
		return {nextReplies: list(parsed.n) ?? [], requesterWaits: list(parsed.r)};
	} catch {
		return null;
	}
}
