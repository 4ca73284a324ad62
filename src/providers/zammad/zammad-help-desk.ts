import type {Capabilities, HelpDesk, ProviderSetup} from '../help-desk.js';
import {createZammadApi, type ZammadOptions} from './api.js';
import {exportTicketFacts} from './export.js';
import {toAgentRef} from './map.js';
import {getTickets, listTickets} from './queue.js';
import {getThread} from './thread.js';
import {sendMessage, updateTicket} from './writes.js';

export type {ZammadOptions};

export const zammadCapabilities: Capabilities = {
	// No conditional update in Zammad's API: csr re-reads updated_at before each write and refuses when it moved.
	supportsSafeUpdate: false,
	// No bulk endpoint in the REST API: replies go one by one.
	supportsBulk: false,
	supportsIdempotencyKey: false,
	// Overviews (my_assigned, all_unassigned, …) are the views.
	supportsViews: true,
	// Upstream Zammad has no satisfaction surveys: csr stats says so instead of showing CSAT.
	supportsSatisfaction: false,
	supportsSurveys: false,
	maxPageSize: 100,
};

/**
 * Zammad (REST API v1, https://docs.zammad.org/en/latest/api/intro.html) behind csr's HelpDesk interface. Auth is an
 * access token (`Authorization: Token token=…`), or basic auth when the profile names a --user. The queue is Zammad's
 * search (needs Elasticsearch, as Zammad's own search does); `--view` reads an overview instead. Articles are the
 * thread; replies and notes are new articles. See README.md in this directory for the mapping.
 */
export function createZammadHelpDesk(setup: ProviderSetup, options: ZammadOptions = {}): HelpDesk {
	const api = createZammadApi(setup, options);
	return {
		providerName: 'zammad',
		capabilities: zammadCapabilities,
		async whoAmI(signal) {
			const me = await api.me(signal);
			return toAgentRef(me, me.id);
		},
		listTickets: (query, signal) => listTickets(api, query, signal),
		getTickets: (ids, signal) => getTickets(api, ids, signal),
		getThread: (ticketId, signal) => getThread(api, ticketId, signal),
		sendMessage: (ticketId, message, writeOptions, signal) => sendMessage(api, ticketId, message, writeOptions, signal),
		updateTicket: (ticketId, changes, writeOptions, signal) =>
			updateTicket(api, ticketId, changes, writeOptions, signal),
		async listGroups(signal) {
			return (await api.groups(signal))
				.filter((group) => group.active !== false)
				.map((group) => ({id: String(group.id), name: group.name}));
		},
		async listAgents(signal) {
			return (await api.agents(signal)).map((agent) => toAgentRef(agent, agent.id));
		},
		exportTicketFacts: (cursor, signal) => exportTicketFacts(api, cursor, signal),
		exportSatisfaction: async () => ({items: [], nextCursor: null}),
		exportSurveys: async () => ({items: [], nextCursor: null}),
		close: () => api.close(),
	};
}
