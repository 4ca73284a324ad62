import type {TicketStatus} from '../domain/ticket.js';

/** The backlog: tickets not yet solved, right now. `open` in the report counts new and open together. */
export const backlogStatuses: readonly TicketStatus[] = ['new', 'open', 'pending', 'on-hold'];

export const backlogAgeBuckets = ['<1d', '1-3d', '3-7d', '>7d'] as const;
export type BacklogAgeBucket = (typeof backlogAgeBuckets)[number];

const dayMs = 86_400_000;

/** Lower bound (inclusive) of each bucket's age in days; a ticket exactly 1 day old is in 1-3d. */
const bucketStartDays: Record<BacklogAgeBucket, number> = {'<1d': 0, '1-3d': 1, '3-7d': 3, '>7d': 7};

/** The age bucket of a ticket created at `createdAt`, seen at `now`; age counts from creation in calendar time. */
export function backlogAgeBucket(createdAt: Date, now: Date): BacklogAgeBucket {
	const ageMs = now.getTime() - createdAt.getTime();
	if (ageMs < dayMs * bucketStartDays['1-3d']) return '<1d';
	if (ageMs < dayMs * bucketStartDays['3-7d']) return '1-3d';
	if (ageMs < dayMs * bucketStartDays['>7d']) return '3-7d';
	return '>7d';
}

/**
 * The creation times that separate the buckets at `now`, newest first, for a query that cannot call
 * backlogAgeBucket: created after `under1d` is <1d, after `under3d` is 1-3d, after `under7d` is 3-7d, else >7d.
 */
export function backlogAgeCutoffs(now: Date): {under1d: Date; under3d: Date; under7d: Date} {
	const at = (days: number) => new Date(now.getTime() - days * dayMs);
	return {
		under1d: at(bucketStartDays['1-3d']),
		under3d: at(bucketStartDays['3-7d']),
		under7d: at(bucketStartDays['>7d']),
	};
}
