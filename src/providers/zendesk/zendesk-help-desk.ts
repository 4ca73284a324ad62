import type {AgentRef, GroupRef} from '../../domain/ticket.js';
import type {
	ArticleDrafts,
	AttachmentDownload,
	AttachmentSending,
	Capabilities,
	CustomerDirectory,
	DeskSurveyLinks,
	HelpDesk,
	ProviderSetup,
	TicketCreation,
	TicketForwarding,
	TicketMerge,
} from '../help-desk.js';
import {createZendeskApi, type ZendeskOptions} from './api.js';
import {createZendeskArticleDrafts} from './article-drafts.js';
import {downloadAttachment, zendeskAttachmentLimits} from './attachments.js';
import {sendBatch} from './batch.js';
import {createUpdateBudget} from './budget.js';
import {createZendeskCreate} from './create.js';
import {describeZendeskAuth} from './credentials.js';
import {findZendeskCustomer} from './customers.js';
import type {ZendeskExtras} from './extras.js';
import {forwardTicket} from './forward.js';
import {exportSatisfaction, exportSurveys, exportTicketFacts} from './kpi.js';
import {getArticle, listMacros, previewMacro, searchArticles} from './macros.js';
import {toAgentRef} from './map.js';
import {mergeTickets} from './merge.js';
import {loginWithLoopback, revokeCurrentToken} from './oauth.js';
import {getTickets, listTickets} from './queue.js';
import {usersResponse, type ZendeskUser} from './schemas.js';
import {createZendeskSurveyLinks} from './survey-links.js';
import {getThread} from './thread.js';
import {sendMessage, updateTicket} from './writes.js';

export type {ZendeskOptions} from './api.js';
export {isZendeskHelpDesk, type ZendeskExtras, type ZendeskHelpDesk} from './extras.js';

export const zendeskCapabilities: Capabilities = {
	supportsSafeUpdate: true,
	supportsBulk: true,
	// Zendesk honours Idempotency-Key on ticket creation only (create.ts sends it); other writes are made safe to
	// repeat with safe_update + updated_stamp instead.
	supportsIdempotencyKey: false,
	supportsViews: true,
	supportsSatisfaction: true,
	supportsSurveys: false,
	maxPageSize: 100,
};

/** Zendesk Support (API v2) behind the HelpDesk interface, plus macros, Help Center search and auth details. */
export function createZendeskHelpDesk(
	setup: ProviderSetup,
	options: ZendeskOptions = {},
): HelpDesk &
	ZendeskExtras &
	ArticleDrafts &
	DeskSurveyLinks &
	CustomerDirectory &
	TicketMerge &
	TicketForwarding &
	TicketCreation &
	AttachmentSending &
	AttachmentDownload {
	const api = createZendeskApi(setup, options);
	const budget = createUpdateBudget(api.clock);
	const env = {api, budget};
	const sendNote = async (ticketId: string, body: string, signal?: AbortSignal) =>
		(await sendMessage(env, ticketId, {body, public: false}, {}, signal)).messageId;
	return {
		providerName: 'zendesk',
		capabilities: zendeskCapabilities,
		async whoAmI(signal) {
			const me = await api.me(signal);
			return toAgentRef(me, me.id);
		},
		listTickets: (query, signal) => listTickets(api, query, signal),
		getTickets: (ids, signal) => getTickets(api, ids, signal),
		getThread: (ticketId, signal) => getThread(api, ticketId, signal),
		sendMessage: (ticketId, message, writeOptions, signal) => sendMessage(env, ticketId, message, writeOptions, signal),
		sendBatch: (items, signal) => sendBatch(api, budget, items, signal),
		attachmentLimits: zendeskAttachmentLimits,
		downloadAttachment: (_ticketId, attachment, signal) => downloadAttachment(api, attachment, signal),
		updateTicket: (ticketId, changes, writeOptions, signal) =>
			updateTicket(env, ticketId, changes, writeOptions, signal),
		async listGroups(signal): Promise<GroupRef[]> {
			return (await api.groups(signal)).map((group) => ({id: String(group.id), name: group.name}));
		},
		async listAgents(signal): Promise<AgentRef[]> {
			const agents: ZendeskUser[] = [];
			let after: string | undefined;
			for (;;) {
				const page = await api.get(
					'/api/v2/users.json',
					{'role[]': ['agent', 'admin'], 'page[size]': 100, 'page[after]': after},
					usersResponse,
					signal,
				);
				api.directory.absorb(page);
				agents.push(...page.users);
				if (!page.meta?.has_more || !page.meta.after_cursor) break;
				after = page.meta.after_cursor;
			}
			return agents.flatMap((user) => (user.id === null ? [] : [toAgentRef(user, user.id)]));
		},
		exportTicketFacts: (cursor, signal) => exportTicketFacts(api, cursor, signal),
		exportSatisfaction: (cursor, signal) => exportSatisfaction(api, cursor, signal),
		exportSurveys: () => exportSurveys(),
		...createZendeskCreate(api),
		listMacros: (signal) => listMacros(api, signal),
		previewMacro: (ticketId, macroId, signal) => previewMacro(api, ticketId, macroId, signal),
		searchArticles: (query, locale, signal) => searchArticles(api, query, locale, signal),
		getArticle: (articleId, signal) => getArticle(api, articleId, signal),
		...createZendeskArticleDrafts(api),
		...createZendeskSurveyLinks(),
		findCustomer: (key, signal) => findZendeskCustomer(api, key, signal),
		mergeTickets: (request, signal) => mergeTickets(api, request, signal),
		forwardTicket: (ticketId, request, writeOptions, signal) =>
			forwardTicket(env, sendNote, ticketId, request, writeOptions, signal),
		authInfo: () => describeZendeskAuth(setup),
		signIn: (signInOptions, signal) =>
			loginWithLoopback({
				...signInOptions,
				baseUrl: api.origin,
				now: setup.now,
				signal,
				clock: options.clock,
				log: setup.log,
			}),
		async revokeToken(signal) {
			const auth = describeZendeskAuth(setup);
			if (auth.scheme !== 'oauth' || setup.oauth === null) return false;
			return revokeCurrentToken(api.origin, setup.oauth.accessToken, signal);
		},
		close: () => api.close(),
	};
}
