import type {AgentRef} from '../../domain/ticket.js';
import {ticketNumber, type ZendeskApi} from './api.js';
import type {Directory} from './directory.js';
import {roleOf, toAgentRef} from './map.js';
import {readEveryPageUnlessForbidden} from './pages.js';
import {auditsResponse, type ZendeskAudit, type ZendeskAuditEvent, type ZendeskComment} from './schemas.js';
import {oldestFirst} from './thread.js';

type CommentEvent = Extract<ZendeskAuditEvent, {public: boolean}>;
type FieldEvent = Extract<ZendeskAuditEvent, {field_name?: unknown}>;

const isComment = (event: ZendeskAuditEvent): event is CommentEvent => 'public' in event;
const isField = (event: ZendeskAuditEvent): event is FieldEvent => 'field_name' in event;

/**
 * Every audit of the ticket (each update of it: who, when, through which channel, what changed), oldest first, the
 * users they name sideloaded: one request for a ticket with up to 100 audits, as its comments would cost. null when
 * Zendesk refuses them (403): the Ticket Audits API needs the global `read` scope, which an OAuth token made with
 * resource scopes only (`tickets:read`) lacks.
 */
export async function fetchAudits(
	api: ZendeskApi,
	ticketId: string,
	signal?: AbortSignal,
): Promise<ZendeskAudit[] | null> {
	const audits = await readEveryPageUnlessForbidden(
		api,
		{
			path: `/api/v2/tickets/${ticketNumber(ticketId)}/audits.json`,
			query: {include: 'users'},
			schema: auditsResponse,
			items: (page) => page.audits,
		},
		signal,
	);
	return audits === null ? null : audits.sort(oldestFirst);
}

/**
 * The comments in the audits as the Ticket Comments API gives them, oldest first: each at its audit's time, on the
 * channel its audit came through unless the event names its own.
 */
export function auditComments(audits: readonly ZendeskAudit[]): ZendeskComment[] {
	const comments = audits.flatMap((audit) =>
		audit.events.filter(isComment).map(
			(event): ZendeskComment => ({
				id: event.id,
				author_id: event.author_id,
				body: event.body,
				html_body: event.html_body,
				plain_body: event.plain_body,
				public: event.public,
				created_at: audit.created_at,
				attachments: event.attachments,
				via: event.via ?? audit.via,
			}),
		),
	);
	return comments.sort(oldestFirst);
}

/** Whether an audit solved the ticket: set its status to solved, or straight to closed (at creation or not from solved). */
function solves(audit: ZendeskAudit): boolean {
	return audit.events.some(
		(event) =>
			isField(event) &&
			event.field_name === 'status' &&
			(event.value === 'solved' || (event.value === 'closed' && event.previous_value !== 'solved')),
	);
}

/**
 * The agent who made the ticket's last solve: the author of the last audit that solved it, when that author is an
 * agent or admin. null when no audit solved it or its author is not an agent (a trigger or automation, author -1
 * "Zendesk"; the requester through the API or a form): the caller credits the assignee then.
 */
export function lastSolver(audits: readonly ZendeskAudit[], directory: Directory): AgentRef | null {
	const audit = audits.findLast(solves);
	if (audit === undefined) return null;
	const user = directory.users.get(audit.author_id);
	return roleOf(user, audit.author_id) === 'agent' ? toAgentRef(user, audit.author_id) : null;
}
