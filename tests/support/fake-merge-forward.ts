import type {FakeZendesk} from '../contract/fake-zendesk.js';
import type {FakeFreshdesk} from './fake-freshdesk.js';
import type {FakeAnswer, RecordedRequest} from './fake-server.js';

// Merge and forward on the fakes, as the desks document them, installed through the fakes' `intercept` hook so the
// fakes themselves stay as they are:
// - Zendesk: POST /api/v2/tickets/{id}/merge ({ids, target_comment, source_comment, *_is_public}) answers a queued
//   job_status that completes on the first poll; sources are closed (tag closed_by_merge) with the source comment,
//   the target gets the target comment; a closed ticket is refused with 422. Side conversations
//   (POST /api/v2/tickets/{id}/side_conversations) answer 201, or 403 on accounts without them. POST /api/v2/tickets
//   creates the linked ticket (Idempotency-Key: the same key gives the same ticket).
// - Freshdesk: PUT /api/v2/tickets/merge ({primary_id, ticket_ids, note_in_primary, note_in_secondary}) answers 204;
//   secondaries are closed (status 5) with a private note. POST /api/v2/tickets/{id}/forward answers 201 with the
//   conversation (private, source 8, to_emails).

type Json = Record<string, unknown>;

export type ZendeskMergeForward = {
	readonly merges: Json[];
	readonly sideConversations: {ticketId: number; message: Json}[];
	readonly createdTickets: {id: number; key: string | undefined; body: Json}[];
};

export function installZendeskMergeForward(
	fake: FakeZendesk,
	options: {sideConversations: boolean} = {sideConversations: true},
): ZendeskMergeForward {
	const state: ZendeskMergeForward = {merges: [], sideConversations: [], createdTickets: []};
	const jobs = new Map<string, {polls: number; ids: number[]}>();
	let nextJob = 1;
	let nextTicket = 90_000;
	const notFound = {status: 404, json: {error: 'RecordNotFound', description: 'Not found'}};

	function merge(targetId: number, request: RecordedRequest): FakeAnswer {
		const body = JSON.parse(request.body || '{}') as Json;
		const target = fake.tickets.get(targetId);
		const ids = (body['ids'] ?? []) as number[];
		if (target === undefined || ids.some((id) => !fake.tickets.has(id))) return notFound;
		if ([target, ...ids.map((id) => fake.tickets.get(id))].some((ticket) => ticket?.status === 'closed'))
			return {status: 422, json: {error: 'InvalidMerge', description: 'Closed tickets cannot be merged'}};
		state.merges.push({targetId, ...body});
		for (const id of ids) {
			fake.addComment(id, fake.me.id, String(body['source_comment'] ?? ''), body['source_comment_is_public'] === true);
			const ticket = fake.tickets.get(id);
			if (ticket !== undefined) {
				ticket.status = 'closed';
				ticket.tags = [...ticket.tags, 'closed_by_merge'];
			}
		}
		fake.addComment(
			targetId,
			fake.me.id,
			String(body['target_comment'] ?? ''),
			body['target_comment_is_public'] === true,
		);
		const id = `V3-merge${String(nextJob++).padStart(4, '0')}`;
		jobs.set(id, {polls: 0, ids});
		return {status: 200, json: {job_status: {id, status: 'queued', url: `${fake.url}/api/v2/job_statuses/${id}.json`}}};
	}

	function job(id: string): FakeAnswer | undefined {
		const found = jobs.get(id);
		if (found === undefined) return undefined;
		found.polls += 1;
		return {
			status: 200,
			json: {job_status: {id, status: 'completed', message: 'Completed', total: found.ids.length, results: []}},
		};
	}

	function createTicket(request: RecordedRequest): FakeAnswer {
		const key = request.headers['idempotency-key'] as string | undefined;
		const prior = key === undefined ? undefined : state.createdTickets.find((ticket) => ticket.key === key);
		const id = prior?.id ?? nextTicket++;
		if (prior === undefined) state.createdTickets.push({id, key, body: JSON.parse(request.body || '{}') as Json});
		return {status: 201, json: {ticket: {id, status: 'new'}, audit: {id: id + 1, events: []}}};
	}

	fake.intercept = (request) => {
		const path = request.pathname.replace(/\.json$/, '');
		let match = /^\/api\/v2\/tickets\/(\d+)\/merge$/.exec(path);
		if (match && request.method === 'POST') return merge(Number(match[1]), request);
		match = /^\/api\/v2\/job_statuses\/(V3-merge\d+)$/.exec(path);
		if (match) return job(match[1] ?? '');
		match = /^\/api\/v2\/tickets\/(\d+)\/side_conversations$/.exec(path);
		if (match && request.method === 'POST') {
			if (!options.sideConversations)
				return {status: 403, json: {error: 'Forbidden', description: 'Side conversations are not enabled'}};
			const ticketId = Number(match[1]);
			if (!fake.tickets.has(ticketId)) return notFound;
			const message = ((JSON.parse(request.body || '{}') as Json)['message'] ?? {}) as Json;
			state.sideConversations.push({ticketId, message});
			return {
				status: 201,
				json: {side_conversation: {id: `sc-${state.sideConversations.length}`, ticket_id: ticketId, state: 'open'}},
			};
		}
		if (path === '/api/v2/tickets' && request.method === 'POST') return createTicket(request);
		return undefined;
	};
	return state;
}

export type FreshdeskMergeForward = {
	readonly merges: Json[];
	readonly forwards: {ticketId: number; body: Json}[];
};

export function installFreshdeskMergeForward(fake: FakeFreshdesk): FreshdeskMergeForward {
	const state: FreshdeskMergeForward = {merges: [], forwards: []};
	const notFound = {status: 404, json: {}};
	fake.intercept = (request) => {
		if (request.pathname === '/api/v2/tickets/merge' && request.method === 'PUT') {
			const body = JSON.parse(request.body || '{}') as Json;
			const primary = Number(body['primary_id']);
			const ids = (body['ticket_ids'] ?? []) as number[];
			if (!fake.tickets.has(primary) || ids.some((id) => !fake.tickets.has(id))) return notFound;
			if (ids.length === 0 || ids.includes(primary))
				return {
					status: 400,
					json: {description: 'Validation failed', errors: [{field: 'ticket_ids', code: 'invalid_value'}]},
				};
			state.merges.push(body);
			const note = (key: string) => String((body[key] as Json | undefined)?.['body'] ?? '');
			for (const id of ids) {
				fake.addConversation(id, {userId: fake.me.id, body: note('note_in_secondary'), incoming: false, private: true});
				const ticket = fake.tickets.get(id);
				if (ticket !== undefined) ticket.status = 5;
			}
			fake.addConversation(primary, {
				userId: fake.me.id,
				body: note('note_in_primary'),
				incoming: false,
				private: true,
			});
			return {status: 204};
		}
		const match = /^\/api\/v2\/tickets\/(\d+)\/forward$/.exec(request.pathname);
		if (match && request.method === 'POST') {
			const ticketId = Number(match[1]);
			if (!fake.tickets.has(ticketId)) return notFound;
			const body = JSON.parse(request.body || '{}') as Json;
			if (!Array.isArray(body['to_emails']) || body['to_emails'].length === 0)
				return {
					status: 400,
					json: {description: 'Validation failed', errors: [{field: 'to_emails', code: 'missing_field'}]},
				};
			state.forwards.push({ticketId, body});
			const entry = fake.addConversation(ticketId, {
				userId: fake.me.id,
				body: String(body['body'] ?? ''),
				incoming: false,
				private: true,
			});
			entry.source = 8;
			entry['to_emails'] = body['to_emails'];
			return {status: 201, json: entry};
		}
		return undefined;
	};
	return state;
}
