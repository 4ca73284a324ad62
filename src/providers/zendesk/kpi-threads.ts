import type {AgentRef} from '../../domain/ticket.js';
import {kpiMessageOf, type TicketFacts, withinThreadHorizon} from '../help-desk.js';
import {readEachBestEffort} from '../http/map-limited.js';
import type {ZendeskApi} from './api.js';
import {auditComments, fetchAudits, lastSolver} from './audits.js';
import {toMessage} from './map.js';
import type {ZendeskComment} from './schemas.js';
import {fetchComments} from './thread.js';

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
		async (facts) => (withinThreadHorizon(facts.ticket.updatedAt, now) ? readThread(api, facts, signal) : null),
		signal,
	);
	return items.map((facts, index) => {
		const thread = threads[index];
		return thread === null || thread === undefined ? facts : {...facts, ...thread};
	});
}

async function readThread(api: ZendeskApi, facts: TicketFacts, signal?: AbortSignal): Promise<KpiThread> {
	if (!api.auditsForbidden) {
		const audits = await fetchAudits(api, facts.ticket.id, signal);
		if (audits !== null) return kpiThreadOf(api, facts, auditComments(audits), lastSolver(audits, api.directory));
	}
	// A token that may read comments but not audits (no global read scope): the thread from the comments, from then
	// on, and the solve to the assignee. Comments refused too is the credentials' problem and stops the export.
	const comments = await fetchComments(api, facts.ticket.id, signal);
	if (!api.auditsForbidden) {
		api.auditsForbidden = true;
		api.setup.log?.('zendesk: ticket audits refused (403); reading comments, and solves go to the assignee');
	}
	return kpiThreadOf(api, facts, comments, null);
}

function kpiThreadOf(
	api: ZendeskApi,
	facts: TicketFacts,
	comments: readonly ZendeskComment[],
	solver: AgentRef | null,
): KpiThread {
	const publicMessages = comments
		.filter((comment) => comment.public)
		.map((comment) => toMessage(comment, api.directory, facts.ticket.channel))
		.filter((message) => message.author.role === 'agent' || message.author.role === 'customer')
		.map(kpiMessageOf);
	const solved = facts.solvedAt !== null && (facts.ticket.status === 'solved' || facts.ticket.status === 'closed');
	return {publicMessages, solvedBy: solved ? (solver ?? facts.ticket.assignee) : null};
}
