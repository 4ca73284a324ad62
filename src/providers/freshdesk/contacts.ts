import * as z from 'zod';
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

/** A contacts listing left part-way (a listing reads one page a run): where the next run goes on. */
const fillState = z.object({since: z.string(), startedAt: z.string(), nextPage: z.number().int().min(1)});
type FillState = z.infer<typeof fillState>;
const fillList = 'contacts-fill';
/** A part-way listing older than this starts again from its mark. */
const fillMaxAgeMs = 86_400_000;

function pendingFill(api: FreshdeskApi): FillState | null {
	const stored = api.cache.getList(fillList, fillMaxAgeMs);
	if (stored === null || stored === '') return null;
	const parsed = fillState.safeParse(JSON.parse(stored));
	return parsed.success ? parsed.data : null;
}

/** How much of a contacts listing one call may read: a page (a queue listing), or all of it (reads, replies). */
export type RefreshBudget = 'page' | 'complete';

async function listContacts(api: FreshdeskApi, budget: RefreshBudget, signal?: AbortSignal): Promise<void> {
	const now = api.setup.now();
	const last = api.cache.lastSync();
	let state = pendingFill(api);
	if (state === null) {
		if (last !== null && now.getTime() - Date.parse(last) < contactsRefreshIntervalMs) return;
		const since = new Date(last === null ? now.getTime() - contactsFirstWindowMs : Date.parse(last) - overlapMs);
		state = {since: since.toISOString().replace(/\.\d{3}Z$/, 'Z'), startedAt: now.toISOString(), nextPage: 1};
	}
	try {
		for (let read = 0; budget === 'complete' || read < 1; read++) {
			const result = await api.page(
				'/api/v2/contacts',
				{_updated_since: state.since, per_page: 100, page: state.nextPage},
				contactList,
				signal,
			);
			api.cache.put(result.items.map(toCachedContact));
			for (const contact of result.items) api.directory.contacts.set(contact.id, contact);
			state = {...state, nextPage: state.nextPage + 1};
			if (!result.hasNext || result.items.length === 0 || state.nextPage > maxRefreshPages) {
				api.cache.markSynced(state.startedAt);
				api.cache.putList(fillList, '');
				return;
			}
		}
		api.cache.putList(fillList, JSON.stringify(state));
	} catch (error) {
		if (isFatal(error) || !(error instanceof ProviderError)) throw error;
		api.setup.log?.(`contacts listing skipped: ${error.message}`);
	}
}

/**
 * Brings the contacts cache up to date with `GET /api/v2/contacts?_updated_since=…` (100 a page, `link` paging): one
 * request when little changed. A queue listing reads one page a run (budget 'page'), so a first listing on a large
 * account stays within a few requests and the next runs finish the fill; reads and reply plans, which choose the
 * customer's language, read it all. Best effort: a role that may not list contacts, or a failure, leaves the cache as
 * it is (requesters then show without a language rather than fail). Not more often than `contactsRefreshIntervalMs`
 * across csr runs once complete.
 */
export function refreshContacts(api: FreshdeskApi, signal?: AbortSignal, budget: RefreshBudget = 'complete') {
	const runs = api.contactsRefresh;
	const earlier = runs.get('complete') ?? (budget === 'page' ? runs.get('page') : undefined);
	if (earlier !== undefined) return earlier;
	const run = (async () => {
		await runs.get('page');
		await listContacts(api, budget, signal);
	})();
	runs.set(budget, run);
	return run;
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
	// A listing brings the cache up to date first (a page a run at most a minute apart), so changed languages show.
	if (mode === 'listing' && ids.length > 0) await refreshContacts(api, signal, 'page');
	let missing = fromCache(api, ids);
	if (missing.length > 3 && mode === 'few') {
		await refreshContacts(api, signal, 'complete');
		missing = fromCache(api, missing);
	}
	const agentIds = raw.map((ticket) => ticket.responder_id).filter((id): id is number => id != null);
	const groupIds = raw.map((ticket) => ticket.group_id).filter((id): id is number => id != null);
	// The ticket fields name every agent and group (ticket-fields.ts): read them before the /agents and /groups lists.
	const unnamed = () =>
		agentIds.some((id) => !directory.agents.has(id)) || groupIds.some((id) => !directory.groups.has(id));
	const needLabels = raw.some((ticket) => ticket.status > statusCodes.closed) || unnamed();
	if (needLabels && directory.statusLabels === null) await api.loadStatusLabels(signal);
	// A read of a few tickets also wants the agents' emails, which only /agents gives.
	const needAgents = agentIds.some((id) => {
		const agent = directory.agents.get(id);
		return agent === undefined || (mode === 'few' && agent.contact.email == null);
	});
	const needGroups = groupIds.some((id) => !directory.groups.has(id));
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
	]);
}
