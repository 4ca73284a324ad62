import {ProviderError} from '../../errors.js';
import type {Clock} from '../http/clock.js';

/** Zendesk allows 30 updates per ticket per user in 10 minutes (rate limits page, "Update Ticket"). */
export const updatesPerTicket = 30;
export const updateWindowMs = 10 * 60_000;

export type UpdateBudget = {
	/** Throws a temporary ProviderError when the ticket used up its updates for now. */
	check(ticketId: string): void;
	hasRoom(ticketId: string): boolean;
	record(ticketId: string): void;
};

/** Counts csr's own updates per ticket so a long run stops short of Zendesk's per-ticket limit instead of hitting 429s. */
export function createUpdateBudget(clock: Clock, limit = updatesPerTicket, windowMs = updateWindowMs): UpdateBudget {
	const history = new Map<string, number[]>();
	const recent = (ticketId: string): number[] => {
		const since = clock.now() - windowMs;
		const kept = (history.get(ticketId) ?? []).filter((at) => at > since);
		history.set(ticketId, kept);
		return kept;
	};
	return {
		hasRoom: (ticketId) => recent(ticketId).length < limit,
		check(ticketId) {
			const times = recent(ticketId);
			if (times.length < limit) return;
			const waitMinutes = Math.ceil(((times[0] ?? clock.now()) + windowMs - clock.now()) / 60_000);
			throw new ProviderError(
				`ticket ${ticketId} was updated ${limit} times in 10 minutes, Zendesk's limit per ticket`,
				{kind: 'temporary', status: 429, hint: `Try again in ${waitMinutes} minute${waitMinutes === 1 ? '' : 's'}.`},
			);
		},
		record(ticketId) {
			recent(ticketId).push(clock.now());
		},
	};
}
