/**
 * One sentence per metric, as `csr stats --explain` prints it and docs/KPIS.md spells it out. Kept next to the
 * maths so the words and the formulas change together.
 */
export const metricDefinitions = {
	'tickets.created': 'Tickets created in the window.',
	'tickets.solved':
		'Tickets whose last solve falls in the window and that are solved or closed now (a ticket reopened since is not counted).',
	'tickets.reopened': 'Of the solved tickets, those reopened at least once before their last solve.',
	backlog:
		'Unsolved tickets now, whatever the window: open = new + open, pending, on-hold; age from creation: <1d, 1-3d, 3-7d, >7d.',
	firstReplyMinutes:
		'Tickets created in the window: creation to the first public agent reply, calendar minutes (internal notes do not count). Median and p90 by linear interpolation between closest ranks; all three rounded to 0.1 minute.',
	resolutionMinutes:
		'Tickets solved in the window: creation to the last solve, calendar minutes. Median and p90 by linear interpolation; rounded to 0.1 minute.',
	nextReplyMinutes:
		'Tickets created in the window with a next reply: each wait from a customer message after an agent’s public reply to the agent’s next public reply; a ticket counts with the mean of its waits, calendar minutes. Only desks that export the thread (demo, Request Tracker).',
	requesterWaitMinutes:
		'Tickets solved in the window: the requester’s waits summed, from creation and from each customer message after an agent reply until the next agent reply (or the solve), calendar minutes. From the thread (demo, Request Tracker), else the desk’s own (Zendesk requester_wait_time_in_minutes, time in new/open/on-hold).',
	businessMinutes:
		'firstReplyBusinessMinutes, resolutionBusinessMinutes, nextReplyBusinessMinutes and requesterWaitBusinessMinutes: the same tickets as their calendar twins, counting only minutes inside the business hours of the ticket’s group (else the profile), in its time zone, without public holidays and closed dates. The desk’s own business times are used where it gives them (Zendesk: first reply, resolution, requester wait); csr measures the rest on the schedule. The SLA breach rate is the desk’s own verdict (its SLA policy decides calendar or business hours); slaBreachCsr judges csr’s own targets on this schedule and on the clock.',
	oneTouchRate: 'Solved tickets with at most one public agent reply, divided by solved tickets.',
	reopenRate: 'Reopened solved tickets divided by solved tickets.',
	slaBreachRate:
		'The desk’s own SLA verdict: tickets created in the window that breached an SLA target of the desk, divided by those the desk’s SLA data covers.',
	csat: 'Ratings given in the window: good / (good + bad); surveys offered but not answered are left out. 1–5 scales: 4–5 good, 1–3 bad. The trend is the score per UTC day.',
	nps: 'NPS answers (0–10) given in the window: % promoters (9–10) − % detractors (0–6), from −100 to +100.',
	ces: 'Customer-effort answers given in the window: the mean on the stated scale (default 1–7, setting stats.cesScale), the count, and the share of "easy" answers (≥ 5 on 1–7: the top three points).',
	agents:
		'The local interaction log in the window, per agent: replies, notes (csr notes and logged notes), calls, and the sum of logged durations in minutes.',
} as const;

export type MetricName = keyof typeof metricDefinitions;
