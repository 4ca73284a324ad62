/**
 * Contacts, not lines: how many times agents touched a ticket. An email (or web, API, social…) reply is one touch
 * each. On a live channel (chat, phone) an answer often goes out as several lines: consecutive agent messages of one
 * session are one touch. A customer message in between, a silence longer than `sessionGapMinutes`, or another
 * channel starts a new touch. So one-touch resolution compares chat and email fairly.
 */

export const liveChannels: ReadonlySet<string> = new Set(['chat', 'phone']);
export const sessionGapMinutes = 30;

export type ThreadLine = {
	readonly at: number;
	readonly channel: string;
	/** A public message by an agent (not a customer, not an internal note, not an automatic message). */
	readonly byAgent: boolean;
	readonly public: boolean;
};

/** Touches of one thread (messages in any order; internal notes are ignored). */
export function countTouches(lines: readonly ThreadLine[]): number {
	const sorted = [...lines].filter((line) => line.public).sort((a, b) => a.at - b.at);
	let touches = 0;
	let previous: ThreadLine | null = null;
	for (const line of sorted) {
		if (line.byAgent) {
			const continues =
				previous?.byAgent &&
				liveChannels.has(line.channel) &&
				previous.channel === line.channel &&
				line.at - previous.at <= sessionGapMinutes * 60_000;
			if (!continues) touches++;
		}
		previous = line;
	}
	return touches;
}
