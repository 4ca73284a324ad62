import type {
	ArticleDrafts,
	AttachmentDownload,
	AttachmentSending,
	CustomerDirectory,
	HelpDesk,
	KnowledgeBase,
	ProviderSetup,
	TicketCreation,
	TicketForwarding,
	TicketMerge,
} from '../help-desk.js';
import {createFreshdeskApi, type FreshdeskOptions} from './api.js';
import {createFreshdeskArticleDrafts} from './article-drafts.js';
import {downloadAttachment, freshdeskAttachmentLimits} from './attachments.js';
import {createFreshdeskCreate} from './create.js';
import {findFreshdeskCustomer} from './customers.js';
import {exportSatisfaction, exportTicketFacts} from './export.js';
import {forwardTicket} from './forward.js';
import {toAgentRef} from './map.js';
import {mergeTickets} from './merge.js';
import {getTickets, listTickets} from './queue.js';
import {getSolution, searchSolutions} from './solutions.js';
import {getThread} from './thread.js';
import {sendBatch, sendMessage, updateTicket} from './writes.js';

export type {FreshdeskOptions};

/**
 * Freshdesk (API v2, https://developers.freshdesk.com/api/) behind csr's HelpDesk interface. Auth is the agent's API
 * key as basic-auth user with "X" as password. The queue is Freshdesk's filter search (30 a page, at most 300 results,
 * reported as a cap); `--view new_and_my_open|watching|spam|deleted` uses Freshdesk's own lists instead.
 * Freshdesk has no conditional update and no idempotency key: csr re-reads a ticket before each write and refuses when
 * it moved, and never repeats a reply by itself.
 */
export function createFreshdeskHelpDesk(
	setup: ProviderSetup,
	options: FreshdeskOptions = {},
): HelpDesk &
	KnowledgeBase &
	ArticleDrafts &
	CustomerDirectory &
	TicketMerge &
	TicketForwarding &
	TicketCreation &
	AttachmentSending &
	AttachmentDownload {
	const api = createFreshdeskApi(setup, options);
	return {
		providerName: 'freshdesk',
		capabilities: {
			supportsSafeUpdate: false,
			supportsBulk: true,
			supportsIdempotencyKey: false,
			supportsViews: true,
			supportsSatisfaction: true,
			// Freshdesk's API has CSAT ratings but no NPS or CES survey answers.
			supportsSurveys: false,
			maxPageSize: 100,
		},
		async whoAmI(signal) {
			const agent = await api.me(signal);
			return toAgentRef(agent, agent.id);
		},
		listTickets: (query, signal) => listTickets(api, query, signal),
		getTickets: (ids, signal) => getTickets(api, ids, signal),
		getThread: (ticketId, signal) => getThread(api, ticketId, signal),
		sendMessage: (ticketId, message, writeOptions, signal) => sendMessage(api, ticketId, message, writeOptions, signal),
		sendBatch: (items, signal) => sendBatch(api, items, signal),
		attachmentLimits: freshdeskAttachmentLimits,
		downloadAttachment: (_ticketId, attachment, signal) => downloadAttachment(api, attachment, signal),
		updateTicket: (ticketId, changes, writeOptions, signal) =>
			updateTicket(api, ticketId, changes, writeOptions, signal),
		async listGroups(signal) {
			return (await api.groups(signal)).map((group) => ({id: String(group.id), name: group.name}));
		},
		async listAgents(signal) {
			return (await api.agents(signal)).map((agent) => toAgentRef(agent, agent.id));
		},
		exportTicketFacts: (cursor, signal) => exportTicketFacts(api, cursor, signal),
		exportSatisfaction: (cursor, signal) => exportSatisfaction(api, cursor, signal),
		exportSurveys: async () => ({items: [], nextCursor: null}),
		...createFreshdeskCreate(api),
		searchArticles: (query, locale, signal) => searchSolutions(api, query, locale, signal),
		getArticle: (articleId, signal) => getSolution(api, articleId, signal),
		...createFreshdeskArticleDrafts(api),
		findCustomer: (key, signal) => findFreshdeskCustomer(api, key, signal),
		mergeTickets: (request, signal) => mergeTickets(api, request, signal),
		forwardTicket: (ticketId, request, _writeOptions, signal) => forwardTicket(api, ticketId, request, signal),
		close: () => api.close(),
	};
}
