import {AuthError, InterruptedError, ProviderError} from '../../errors.js';
import {type FreshdeskApi, toCachedContact} from './api.js';
import {statusCodes} from './map.js';
import {contactList, type FreshdeskTicket} from './schemas.js';

/** The contacts listing is refreshed at most this often (Freshdesk's Contacts List allows 20 calls a minute on Growth). */
export const contactsRefreshIntervalMs = 60_000;
/** With no sync mark, the first listing reaches back this far (contacts changed since), at most `maxRefreshPages`. */
export const contactsFirstWindowMs = 365 * 86_400_000;
export const maxRefreshPages = 30;
/** Overlap with the previous listing, for contacts saved while it ran and for clock skew. */
const overlapMs = 5 * 60_000;

const isFatal = (error: unknown): boolean => error instanceof AuthError || error instanceof InterruptedError;

/**
 * Brings the contacts cache up to date with `GET /api/v2/contacts?_updated_since=…` (100 a page, `link` paging): one
 * request when little changed. Best effort: a role that may not list contacts, or a failure, leaves the cache as it
 * is (listings then show requesters without a language rather than fail). Once per desk, and not more often than
 * `contactsRefreshIntervalMs` across csr runs.
 */
export function refreshContacts(api: FreshdeskApi, signal?: AbortSignal): Promise<void> {
	api.contactsRefresh ??= (async () => {
		const startedAt = api.setup.now();
		const last = api.cache.lastSync();
		if (last !== null && startedAt.getTime() - Date.parse(last) < contactsRefreshIntervalMs) return;
		const since = new Date(
			last === null ? startedAt.getTime() - contactsFirstWindowMs : Date.parse(last) - overlapMs,
		).toISOString();
		try {
			for (let page = 1; page <= maxRefreshPages; page++) {
				const result = await api.page(
					'/api/v2/contacts',
					{_updated_since: since.replace(/\.\d{3}Z$/, 'Z'), per_page: 100, page},
					contactList,
					signal,
				);
				api.cache.put(result.items.map(toCachedContact));
				for (const contact of result.items) api.directory.contacts.set(contact.id, contact);
				if (!result.hasNext || result.items.length === 0) break;
			}
			api.cache.markSynced(startedAt.toISOString());
		} catch (error) {
			if (isFatal(error) || !(error instanceof ProviderError)) throw error;
			api.setup.log?.(`contacts listing skipped: ${error.message}`);
		}
	})();
	return api.contactsRefresh;
}

/** Requester ids of the tickets, with what `include=requester` carried folded into the directory. */
function requesterIds(api: FreshdeskApi, raw: readonly FreshdeskTicket[]): number[] {
	const {directory} = api;
	for (const ticket of raw) {
		if (!ticket.requester) continue;
		const known = directory.contacts.get(ticket.requester.id);
		directory.contacts.set(ticket.requester.id, {
			id: ticket.requester.id,
			name: ticket.requester.name ?? known?.name ?? null,
			email: ticket.requester.email ?? known?.email ?? null,
			language: known?.language ?? null,
		});
	}
	return [
		...new Set(
			raw.map((ticket) => ticket.requester_id ?? ticket.requester?.id).filter((id): id is number => id != null),
		),
	];
}

/** Fills the directory with the cached contacts among `ids`; returns those the cache does not hold. */
function fromCache(api: FreshdeskApi, ids: readonly number[]): number[] {
	const cached = api.cache.get(ids.map(String));
	const missing: number[] = [];
	for (const id of ids) {
		const contact = cached.get(String(id));
		if (contact === undefined) {
			missing.push(id);
			continue;
		}
		const seen = api.directory.contacts.get(id);
		api.directory.contacts.set(id, {
			id,
			name: contact.name ?? seen?.name ?? null,
			email: contact.email ?? seen?.email ?? null,
			language: contact.locale,
		});
	}
	return missing;
}

/**
 * Names for what the tickets point at: requesters (with their language) from the contacts cache, agents, groups and
 * custom status labels (each list read once, then cached for an hour). A listing refreshes the cache and never reads a
 * contact per ticket: requesters the refreshed cache does not hold show without a language. A read of a few tickets (`few`: show, a
 * reply's plan, a write's answer) reads each missing contact once, best effort.
 */
export async function enrich(
	api: FreshdeskApi,
	raw: readonly FreshdeskTicket[],
	signal?: AbortSignal,
	mode: 'listing' | 'few' = 'listing',
): Promise<void> {
	const {directory} = api;
	const ids = requesterIds(api, raw);
	// A listing brings the cache up to date first (one request at most a minute), so changed languages show.
	if (mode === 'listing' && ids.length > 0) await refreshContacts(api, signal);
	let missing = fromCache(api, ids);
	if (missing.length > 3 && mode === 'few') {
		await refreshContacts(api, signal);
		missing = fromCache(api, missing);
	}
	const needAgents = raw.some((ticket) => ticket.responder_id != null && !directory.agents.has(ticket.responder_id));
	const needGroups = raw.some((ticket) => ticket.group_id != null && !directory.groups.has(ticket.group_id));
	const needLabels = raw.some((ticket) => ticket.status > statusCodes.closed) && directory.statusLabels === null;
	const readContact = async (id: number) => {
		try {
			await api.contact(id, signal);
		} catch (error) {
			if (isFatal(error) || !(error instanceof ProviderError)) throw error;
		}
	};
	await Promise.all([
		mode === 'few' ? api.mapLimited(missing, readContact) : undefined,
		needAgents ? api.agents(signal) : undefined,
		needGroups ? api.groups(signal) : undefined,
		needLabels ? api.loadStatusLabels(signal) : undefined,
	]);
}
