import type {Capabilities, HelpDesk, ProviderSetup} from '../help-desk.js';
import {createHelpScoutApi, type HelpScoutOptions} from './api.js';
import {exportSatisfaction, exportTicketFacts} from './export.js';
import {userRef} from './map.js';
import {getTickets, listTickets} from './queue.js';
import {getThread} from './thread.js';
import {sendMessage, updateTicket} from './writes.js';

export type {HelpScoutOptions};

export const helpScoutCapabilities: Capabilities = {
	// No collision control in the API: csr re-reads the conversation before each write and refuses when it moved.
	supportsSafeUpdate: false,
	// No bulk endpoint (workflows apply fixed actions, not csr's personalised replies): one by one.
	supportsBulk: false,
	supportsIdempotencyKey: false,
	// Folders (Mine, Unassigned, …) are the views.
	supportsViews: true,
	// Happiness ratings, from the Reports API (Plus and Pro plans).
	supportsSatisfaction: true,
	supportsSurveys: false,
	maxPageSize: 100,
};

/**
 * Help Scout (Mailbox API 2.0, https://developer.helpscout.com/mailbox-api/) behind csr's HelpDesk interface. Auth is
 * an app's client credentials (OAuth 2 client-credentials grant; the access token is stored 0600 and renewed).
 * Mailboxes are groups, conversations tickets, threads messages. See README.md in this directory for the mapping.
 */
export function createHelpScoutHelpDesk(setup: ProviderSetup, options: HelpScoutOptions = {}): HelpDesk {
	const api = createHelpScoutApi(setup, options);
	return {
		providerName: 'helpscout',
		capabilities: helpScoutCapabilities,
		async whoAmI(signal) {
			return userRef(await api.me(signal));
		},
		listTickets: (query, signal) => listTickets(api, query, signal),
		getTickets: (ids, signal) => getTickets(api, ids, signal),
		getThread: (ticketId, signal) => getThread(api, ticketId, signal),
		sendMessage: (ticketId, message, writeOptions, signal) => sendMessage(api, ticketId, message, writeOptions, signal),
		updateTicket: (ticketId, changes, writeOptions, signal) =>
			updateTicket(api, ticketId, changes, writeOptions, signal),
		async listGroups(signal) {
			return (await api.mailboxes(signal)).map((mailbox) => ({id: String(mailbox.id), name: mailbox.name}));
		},
		async listAgents(signal) {
			return (await api.users(signal)).map(userRef);
		},
		exportTicketFacts: (cursor, signal) => exportTicketFacts(api, cursor, signal),
		exportSatisfaction: (cursor, signal) => exportSatisfaction(api, cursor, signal),
		exportSurveys: async () => ({items: [], nextCursor: null}),
		close: () => api.close(),
	};
}
