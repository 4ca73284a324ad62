import type {AgentRef, GroupRef} from '../../domain/ticket.js';
import {AuthError} from '../../errors.js';
import type {
	AttachmentDownload,
	AttachmentSending,
	Capabilities,
	CcKeptOnTicket,
	CustomerDirectory,
	HelpDesk,
	KnowledgeBase,
	ProviderSetup,
	TicketCreation,
	TicketForwarding,
	TicketMerge,
} from '../help-desk.js';
import {lateWriteMs} from '../http/settle.js';
import {createRtApi, type RtOptions, rest2} from './api.js';
import {getRtArticle, searchRtArticles} from './articles.js';
import {downloadAttachment, rtAttachmentLimits} from './attachments.js';
import {createRtCreate} from './create.js';
import {findRtCustomer} from './customers.js';
import {forwardTicket} from './forward.js';
import {toAssignee, toTicket} from './map.js';
import {mergeTickets} from './merge.js';
import {exportTicketFacts, listTickets} from './queue.js';
import {rtGroupPage, rtQueue, rtUserRef} from './schemas.js';
import {getThread} from './thread.js';
import {sendMessage, updateTicket} from './writes.js';

export type {RtOptions} from './api.js';

export const rtCapabilities: Capabilities = {
	// RT has no conditional write on a timestamp: the reply service re-reads LastUpdated before it sends.
	supportsSafeUpdate: false,
	// POST /tickets/bulk/correspond exists but reports no transaction ids; replies go one by one.
	supportsBulk: false,
	supportsIdempotencyKey: false,
	writesMayLandWithinMs: lateWriteMs,
	supportsViews: false,
	// RT has no satisfaction ratings or surveys: those exports are always empty.
	supportsSatisfaction: false,
	supportsSurveys: false,
	maxPageSize: 100,
};

/**
 * Request Tracker 5 (REST2) behind the HelpDesk interface. Queues are csr's groups, the owner is the assignee
 * (Nobody = unassigned), the first requestor is the requester, custom fields stand in for tags. See map.ts for the
 * status and priority mapping.
 */
export function createRtHelpDesk(
	setup: ProviderSetup,
	options: RtOptions = {},
): HelpDesk &
	KnowledgeBase &
	CustomerDirectory &
	TicketMerge &
	TicketForwarding &
	TicketCreation &
	AttachmentSending &
	AttachmentDownload &
	CcKeptOnTicket {
	const api = createRtApi(setup, options);
	return {
		providerName: 'rt',
		capabilities: rtCapabilities,
		async whoAmI(signal): Promise<AgentRef> {
			const me = await api.me(signal);
			return {id: me.Name, name: me.RealName || me.Name, email: me.EmailAddress || null};
		},
		listTickets: (query, signal) => listTickets(api, query, signal),
		async getTickets(ids, signal) {
			const wanted = new Set(ids);
			const found = await api.ticketsById(ids, signal);
			const byId = new Map(found.filter((raw) => wanted.has(raw.id)).map((raw) => [raw.id, raw]));
			return ids.flatMap((id) => {
				const raw = byId.get(id);
				return raw === undefined ? [] : [toTicket(raw, api.webBase)];
			});
		},
		getThread: (ticketId, signal) => getThread(api, ticketId, signal),
		sendMessage: (ticketId, message, writeOptions, signal) => sendMessage(api, ticketId, message, writeOptions, signal),
		attachmentLimits: rtAttachmentLimits(setup.maxAttachmentBytes),
		// REST2 (RT 5.0) passes no one-time CcMessageTo on correspond/create: --cc becomes the ticket's Cc watchers.
		ccKeptOnTicket: {desk: 'Request Tracker', as: 'Cc watchers'},
		downloadAttachment: (_ticketId, attachment, signal) => downloadAttachment(api, attachment, signal),
		updateTicket: (ticketId, changes, writeOptions, signal) =>
			updateTicket(api, ticketId, changes, writeOptions, signal),
		async listGroups(signal): Promise<GroupRef[]> {
			const queues = await api.all('/queues/all', {fields: 'Name,Disabled'}, rtQueue, signal);
			return queues.filter((queue) => !queue.Disabled).map((queue) => ({id: queue.id, name: queue.Name || queue.id}));
		},
		async listAgents(signal): Promise<AgentRef[]> {
			// Privileged users are the members of RT's "Privileged" system group. Reading it needs a right plain agents
			// often lack; then the list is just the signed-in agent.
			try {
				const groups = await api.http.json(
					{
						method: 'POST',
						path: `${rest2}/groups`,
						query: {fields: 'Name,Domain'},
						json: [
							{field: 'Name', value: 'Privileged'},
							{field: 'Domain', value: 'SystemInternal'},
						],
						signal,
					},
					rtGroupPage,
				);
				const group = groups.items[0];
				if (group === undefined) throw new AuthError('the Privileged group is not visible');
				const members = await api.all(
					`/group/${encodeURIComponent(group.id)}/members`,
					{users: 1, groups: 0, fields: 'Name,RealName,EmailAddress'},
					rtUserRef,
					signal,
				);
				return members.flatMap((user) => toAssignee(user) ?? []);
			} catch (error) {
				if (!(error instanceof AuthError)) throw error;
				const me = await api.me(signal);
				return [{id: me.Name, name: me.RealName || me.Name, email: me.EmailAddress || null}];
			}
		},
		exportTicketFacts: (cursor, signal) => exportTicketFacts(api, cursor, signal),
		exportSatisfaction: async () => ({items: [], nextCursor: null}),
		exportSurveys: async () => ({items: [], nextCursor: null}),
		...createRtCreate(api),
		searchArticles: (query, _locale, signal) => searchRtArticles(api, query, signal),
		getArticle: (articleId, signal) => getRtArticle(api, articleId, signal),
		findCustomer: (key, signal) => findRtCustomer(api, key, signal),
		mergeTickets: (request, signal) => mergeTickets(api, request, signal),
		forwardTicket: (ticketId, request, writeOptions, signal) =>
			forwardTicket(api, ticketId, request, writeOptions, signal),
		close: () => api.close(),
	};
}
