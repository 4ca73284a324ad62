import type {FollowUp, InteractionRecord} from '../domain/records.js';
import {type Ticket, ticketStatuses} from '../domain/ticket.js';
import {ProviderError, UsageError} from '../errors.js';
import {type CustomerKey, type CustomerProfile, type HelpDesk, hasCustomerDirectory} from '../providers/help-desk.js';
import {cachedRatingsOfTickets} from '../store/customer-ratings.js';
import type {Database} from '../store/database.js';
import {listDrafts} from '../store/drafts.js';
import {listOutbox} from '../store/outbox.js';
import type {RecordStore} from '../store/record-store.js';
import {listQueue} from './queue.js';

/** The parts of the whole customer that are best effort: each is null (and named in notVisible) when it failed. */
export const customerSideParts = ['records', 'followUps', 'ratings', 'drafts', 'outbox'] as const;
export type CustomerSidePart = (typeof customerSideParts)[number];

export type CustomerRatings = {
	readonly csat: readonly {
		ticketId: string | null;
		at: string;
		score: 'good' | 'bad' | 'offered';
		channel: string | null;
	}[];
	readonly nps: readonly {ticketId: string | null; at: string; score: number}[];
	readonly ces: readonly {ticketId: string | null; at: string; score: number}[];
};

export type CustomerDraft = {
	readonly ticketId: string;
	readonly public: boolean;
	readonly template: string | null;
	readonly updatedAt: string;
	readonly body: string;
};

export type CustomerOutboxItem = {
	readonly id: string;
	readonly ticketId: string;
	readonly public: boolean;
	readonly action: string;
	readonly createdAt: string;
	readonly attempts: number;
	readonly lastError: string | null;
	readonly failedAt: string | null;
	readonly body: string;
};

/** `csr customer`: the profile and the tickets (both required), and the best-effort rest. */
export type CustomerOverview = {
	readonly customer: CustomerProfile;
	readonly tickets: readonly Ticket[];
	/** More tickets than listed (not --all). */
	readonly hasMore: boolean;
	readonly totalCount: number | null;
	readonly records: readonly InteractionRecord[] | null;
	readonly followUps: readonly FollowUp[] | null;
	readonly ratings: CustomerRatings | null;
	readonly drafts: readonly CustomerDraft[] | null;
	readonly outbox: readonly CustomerOutboxItem[] | null;
	readonly notVisible: readonly CustomerSidePart[];
};

export type CustomerSources = {
	readonly desk: HelpDesk;
	readonly records: () => RecordStore;
	readonly db: () => Database;
	readonly profile: string;
	/** Brings the KPI cache up to date before its ratings are read (`csr sync`'s rule); a failure hides the ratings. */
	readonly refreshRatings?: (() => Promise<unknown>) | undefined;
};

/**
 * A side lookup that must never fail the command (providers/http/best-effort.ts does the same for the desks'
 * customer context): any failure gives null, shown as "not visible"; only an abort (Ctrl-C) still ends the work.
 */
async function bestEffort<T>(lookup: () => Promise<T>, signal?: AbortSignal): Promise<{value: T} | null> {
	try {
		return {value: await lookup()};
	} catch (error) {
		if (signal?.aborted) throw error;
		return null;
	}
}

/** `ann@example.com` → by email; `1234` → by the desk's customer id; anything else is a usage error. */
export function parseCustomerKey(raw: string): CustomerKey {
	const value = raw.trim();
	if (/^[^\s@]+@[^\s@]+$/.test(value)) return {email: value};
	if (/^[1-9][0-9]{0,17}$/.test(value)) return {id: value};
	throw new UsageError(
		`invalid customer "${raw}": expected an email address or the desk's customer id`,
		'For example `csr customer ann@example.com` or `csr customer 1234`.',
	);
}

function notFound(key: CustomerKey, desk: HelpDesk): ProviderError {
	const what = 'email' in key ? key.email : `id ${key.id}`;
	return new ProviderError(`the ${desk.providerName} desk has no customer ${what}`, {
		kind: 'not-found',
		hint: `Check the ${'email' in key ? 'address' : 'id'}, or find the customer with \`csr queue --search NAME\`.`,
	});
}

/**
 * The customer's profile: from the desk's directory where it has one; otherwise (a desk without one) from the
 * requester of their tickets, which gives name, email and language only.
 */
export async function findCustomerProfile(
	desk: HelpDesk,
	key: CustomerKey,
	signal?: AbortSignal,
): Promise<CustomerProfile> {
	if (hasCustomerDirectory(desk)) {
		const found = await desk.findCustomer(key, signal);
		if (found === null) throw notFound(key, desk);
		return found;
	}
	if (!('email' in key))
		throw new UsageError(
			`the ${desk.providerName} desk cannot look customers up by id in csr`,
			"Use the customer's email address: `csr customer ann@example.com`.",
		);
	const listed = await listCustomerTickets(desk, key.email, {limit: 1, all: false}, signal);
	const requester = listed.tickets[0]?.requester;
	if (requester === undefined) throw notFound(key, desk);
	return {...requester, phone: null, organization: null, timeZone: null};
}

/** Every ticket the customer requested, in any status, newest first. */
export async function listCustomerTickets(
	desk: HelpDesk,
	email: string,
	page: {limit: number; all: boolean},
	signal?: AbortSignal,
) {
	const wanted = email.trim().toLowerCase();
	const result = await listQueue(
		desk,
		{
			statuses: ticketStatuses,
			assignee: 'any',
			requester: wanted,
			// Desks that cannot filter by requester still narrow by the address as text; checked exactly below.
			search: wanted,
			sort: 'created',
			limit: page.limit,
		},
		{all: page.all},
		signal,
	);
	return {...result, tickets: result.tickets.filter((ticket) => ticket.requester.email?.toLowerCase() === wanted)};
}

/** The whole customer; only the profile and the ticket list can fail it. */
export async function lookUpCustomer(
	sources: CustomerSources,
	key: CustomerKey,
	page: {limit: number; all: boolean},
	signal?: AbortSignal,
): Promise<CustomerOverview> {
	const {desk} = sources;
	const customer = await findCustomerProfile(desk, key, signal);
	const email = customer.email;
	const listed =
		email === null
			? {tickets: [] as Ticket[], hasMore: false, totalCount: 0}
			: await listCustomerTickets(desk, email, page, signal);
	const ticketIds = new Set(listed.tickets.map((ticket) => ticket.id));
	const limit = page.all ? undefined : page.limit;
	const records = await bestEffort(async () => {
		if (email === null) return [];
		return sources.records().listRecords({customerEmail: email, limit, order: 'newest'});
	}, signal);
	const followUps = await bestEffort(async () => {
		if (email === null) return [];
		return sources.records().listFollowUps({state: 'all', customerEmail: email, limit});
	}, signal);
	const ratings = await bestEffort(async () => {
		await sources.refreshRatings?.();
		return toRatings(cachedRatingsOfTickets(sources.db(), sources.profile, [...ticketIds]));
	}, signal);
	const drafts = await bestEffort(
		async () =>
			listDrafts(sources.db(), sources.profile)
				.filter((draft) => ticketIds.has(draft.ticketId))
				.map(
					(draft): CustomerDraft => ({
						ticketId: draft.ticketId,
						public: draft.isPublic,
						template: draft.template,
						updatedAt: draft.updatedAt,
						body: draft.body,
					}),
				),
		signal,
	);
	const wanted = email?.toLowerCase();
	const outbox = await bestEffort(
		async () =>
			listOutbox(sources.db(), sources.profile)
				.filter(
					(item) =>
						ticketIds.has(item.ticketId) || (wanted !== undefined && item.customerEmail?.toLowerCase() === wanted),
				)
				.map(
					(item): CustomerOutboxItem => ({
						id: item.id,
						ticketId: item.ticketId,
						public: item.isPublic,
						action: item.action,
						createdAt: item.createdAt,
						attempts: item.attempts,
						lastError: item.lastError,
						failedAt: item.failedAt,
						body: item.body,
					}),
				),
		signal,
	);
	const parts = {records, followUps, ratings, drafts, outbox};
	return {
		customer,
		tickets: listed.tickets,
		hasMore: listed.hasMore,
		totalCount: listed.totalCount,
		records: records?.value ?? null,
		followUps: followUps?.value ?? null,
		ratings: ratings?.value ?? null,
		drafts: drafts?.value ?? null,
		outbox: outbox?.value ?? null,
		notVisible: customerSideParts.filter((part) => parts[part] === null),
	};
}

function toRatings(cached: ReturnType<typeof cachedRatingsOfTickets>): CustomerRatings {
	return {
		csat: cached.ratings.map((rating) => ({
			ticketId: rating.ticketId,
			at: rating.at,
			score: rating.score,
			channel: rating.channel,
		})),
		nps: cached.surveys
			.filter((survey) => survey.kind === 'nps')
			.map((survey) => ({ticketId: survey.ticketId, at: survey.at, score: survey.score})),
		ces: cached.surveys
			.filter((survey) => survey.kind === 'ces')
			.map((survey) => ({ticketId: survey.ticketId, at: survey.at, score: survey.score})),
	};
}
