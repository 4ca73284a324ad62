import {kpiMessageOf, type TicketFacts, withinThreadHorizon} from '../help-desk.js';
import {readEachBestEffort} from '../http/map-limited.js';
import type {ZendeskApi} from './api.js';
import {auditComments, fetchAudits, lastSolver} from './audits.js';
import {toMessage} from './map.js';
import type {ZendeskAudit} from './schemas.js';

type KpiThread = Required<Pick<TicketFacts, 'publicMessages' | 'solvedBy'>>;

/**
 * Each exported ticket's facts with its public thread (oldest first: every public comment by the requester or an
 * agent, system comments left out), for next reply, per-agent replies and touches, and who solved it. The ticket
 * export has neither, so each ticket's audits are read (one paginated read a ticket, as its comments would be): the
 * comments are in them, and so is who set the status to solved. A solved ticket's solve is credited to the agent
 * who made its last solve; when that was not an agent (a trigger or automation, the requester), to the assignee, as
 * Zendesk's own reports do. Best effort per ticket: a thread that cannot be read (not an expired credential, not an
 * interrupt) leaves that ticket's facts as they were.
 */
export async function withThreads(
	api: ZendeskApi,
	items: readonly TicketFacts[],
	signal?: AbortSignal,
): Promise<TicketFacts[]> {
	const now = api.setup.now();
	const threads = await readEachBestEffort(
		items,
		async (facts) =>
			withinThreadHorizon(facts.ticket.updatedAt, now)
				? kpiThreadOf(api, await fetchAudits(api, facts.ticket.id, signal), facts)
				: null,
		signal,
	);
	return items.map((facts, index) => {
		const thread = threads[index];
		return thread === null || thread === undefined ? facts : {...facts, ...thread};
	});
}

function kpiThreadOf(api: ZendeskApi, audits: readonly ZendeskAudit[], facts: TicketFacts): KpiThread {
	const publicMessages = auditComments(audits)
		.filter((comment) => comment.public)
		.map((comment) => toMessage(comment, api.directory, facts.ticket.channel))
		.filter((message) => message.author.role === 'agent' || message.author.role === 'customer')
		.map(kpiMessageOf);
	const solved = facts.solvedAt !== null && (facts.ticket.status === 'solved' || facts.ticket.status === 'closed');
	return {
		publicMessages,
		solvedBy: solved ? (lastSolver(audits, api.directory) ?? facts.ticket.assignee) : null,
	};
}
