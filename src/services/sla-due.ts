import type {BusinessClock} from '../kpi/business-hours.js';
import {type SlaTargets, targetFor} from '../kpi/sla-targets.js';
import type {UnsolvedTicket} from '../store/dashboard.js';

/**
 * When an unsolved ticket's next target of csr's own (config slaTargets) falls due: the first-reply target while no
 * agent has replied, the resolution target after (the earlier of the two while both run). Counted in business minutes
 * on `clock` when the profile has business hours, else on the clock. Null when no target applies.
 */
export function csrDueAt(
	ticket: Pick<UnsolvedTicket, 'priority' | 'group' | 'createdAt' | 'firstReplyMinutes'>,
	targets: SlaTargets,
	clock: BusinessClock | null,
): string | null {
	const group = ticket.group === '(none)' ? null : ticket.group;
	const created = Date.parse(ticket.createdAt);
	const dues = [
		ticket.firstReplyMinutes === null ? targetFor(targets.firstReply, ticket.priority, group) : null,
		targetFor(targets.resolution, ticket.priority, group),
	].flatMap((minutes) => {
		if (minutes === null) return [];
		if (clock === null) return [created + minutes * 60_000];
		const due = clock.addMinutes(created, minutes);
		return due === null ? [] : [due.getTime()];
	});
	return dues.length === 0 ? null : new Date(Math.min(...dues)).toISOString();
}
