import {createHash} from 'node:crypto';
import type {FakeZendesk} from '../contract/fake-zendesk.js';
import type {FakeFreshdesk} from './fake-freshdesk.js';
import type {FakeAnswer, RecordedRequest} from './fake-server.js';
import {parseMultipart} from './multipart-parse.js';

// Merge and forward on the fakes, as the desks document them, installed through the fakes' `intercept` hook so the
// fakes themselves stay as they are:
// - Zendesk: POST /api/v2/tickets/{id}/merge ({ids, target_comment, source_comment, *_is_public}) answers a queued
//   job_status that completes on the first poll; sources are closed (tag closed_by_merge) with the source comment,
//   the target gets the target comment; a closed ticket is refused with 422. Side conversations
//   (POST /api/v2/tickets/{id}/side_conversations, with `external_ids` and `message.attachment_ids` from
//   POST /api/v2/tickets/side_conversations/attachments) answer 201, or 403 on accounts without them; GET lists them.
//   POST /api/v2/tickets creates the linked ticket (Idempotency-Key: the same key gives the same ticket; its
//   `external_id` is found by GET /api/v2/tickets?external_id=; `comment.uploads` tokens from the fake's uploads).
// - Freshdesk: PUT /api/v2/tickets/merge ({primary_id, ticket_ids, note_in_primary, note_in_secondary}) answers 204;
//   secondaries are closed (status 5) with a private note. POST /api/v2/tickets/{id}/forward answers 201 with the
//   conversation (private, source 8, to_emails), as JSON or multipart/form-data with `attachments[]`.

/** A file as a third party got it. */
export type SentFile = {name: string; sha256: string};
const fileOf = (name: string, bytes: Buffer): SentFile => ({
	name,
	sha256: createHash('sha256').update(bytes).digest('hex'),
});

type Json = Record<string, unknown>;

export type ZendeskMergeForward = {
	readonly merges: Json[];
	readonly sideConversations: {ticketId: number; message: Json; externalIds?: Json; files: SentFile[]}[];
	readonly createdTickets: {id: number; key: string | undefined; body: Json; files: SentFile[]}[];
	/** Side conversation uploads by id. */
	readonly sideUploads: Map<string, SentFile>;
	/** What went to third parties from a ticket, oldest first. */
	readonly sentFrom: (ticketId: number) => {files: SentFile[]}[];
};

export function installZendeskMergeForward(
	fake: FakeZendesk,
	options: {sideConversations: boolean} = {sideConversations: true},
): ZendeskMergeForward {
	const state: ZendeskMergeForward = {
		merges: [],
		sideConversations: [],
		createdTickets: [],
		sideUploads: new Map(),
		sentFrom: (ticketId) => [
			...state.sideConversations.filter((entry) => entry.ticketId === ticketId).map(({files}) => ({files})),
			...state.createdTickets
				.filter((entry) =>
					String(((entry.body['ticket'] as Json)['comment'] as Json | undefined)?.['body'] ?? '').startsWith(
						`About ticket #${ticketId}.`,
					),
				)
				.map(({files}) => ({files})),
		],
	};
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
		// As Zendesk: the same key with another payload (new upload tokens, say) is refused, not answered.
		if (prior !== undefined && JSON.stringify(prior.body) !== JSON.stringify(JSON.parse(request.body || '{}')))
			return {
				status: 400,
				json: {error: 'IdempotentRequestError', description: 'Request parameters do not match the original'},
			};
		const id = prior?.id ?? nextTicket++;
		if (prior === undefined) {
			const body = JSON.parse(request.body || '{}') as Json;
			const comment = ((body['ticket'] as Json | undefined)?.['comment'] ?? {}) as Json;
			const files = ((comment['uploads'] as string[] | undefined) ?? []).flatMap((token) => {
				const upload = fake.uploads.get(token);
				if (upload === undefined) return [];
				upload.used = true;
				return [fileOf(upload.fileName, upload.bytes)];
			});
			state.createdTickets.push({id, key, body, files});
		}
		return {status: 201, json: {ticket: {id, status: 'new'}, audit: {id: id + 1, events: []}}};
	}

	fake.intercept = (request) => {
		const path = request.pathname.replace(/\.json$/, '');
		let match = /^\/api\/v2\/tickets\/(\d+)\/merge$/.exec(path);
		if (match && request.method === 'POST') return merge(Number(match[1]), request);
		match = /^\/api\/v2\/job_statuses\/(V3-merge\d+)$/.exec(path);
		if (match) return job(match[1] ?? '');
		const forbidden = {status: 403, json: {error: 'Forbidden', description: 'Side conversations are not enabled'}};
		if (path === '/api/v2/tickets/side_conversations/attachments' && request.method === 'POST') {
			if (!options.sideConversations) return forbidden;
			const file = parseMultipart(request.headers['content-type'], request.raw)?.find((part) => part.name === 'file');
			if (file === undefined) return {status: 400, json: {error: 'InvalidValue', description: 'file is required'}};
			const id = `s3-${state.sideUploads.size + 1}`;
			state.sideUploads.set(id, fileOf(file.fileName ?? 'file', file.data));
			return {status: 201, json: {attachment: {id, name: file.fileName, size: file.data.length}}};
		}
		if (path === '/api/v2/tickets' && request.method === 'GET' && request.query.has('external_id')) {
			const wanted = request.query.get('external_id');
			const found = state.createdTickets.filter(
				(entry) => (entry.body['ticket'] as Json | undefined)?.['external_id'] === wanted,
			);
			if (found.length > 0)
				return {status: 200, json: {tickets: found.map((entry) => ({id: entry.id, status: 'new'})), count: 1}};
			return undefined;
		}
		match = /^\/api\/v2\/tickets\/(\d+)\/side_conversations$/.exec(path);
		if (match && request.method === 'GET') {
			if (!options.sideConversations) return forbidden;
			const ticketId = Number(match[1]);
			const list = state.sideConversations
				.map((entry, index) => ({entry, id: `sc-${index + 1}`}))
				.filter(({entry}) => entry.ticketId === ticketId)
				.map(({entry, id}) => ({id, ticket_id: ticketId, state: 'open', external_ids: entry.externalIds ?? {}}));
			return {status: 200, json: {side_conversations: list, next_page: null, previous_page: null, count: list.length}};
		}
		if (match && request.method === 'POST') {
			if (!options.sideConversations) return forbidden;
			const ticketId = Number(match[1]);
			if (!fake.tickets.has(ticketId)) return notFound;
			const body = JSON.parse(request.body || '{}') as Json;
			const message = (body['message'] ?? {}) as Json;
			const files = ((message['attachment_ids'] as string[] | undefined) ?? []).flatMap((id) => {
				const file = state.sideUploads.get(id);
				return file === undefined ? [] : [file];
			});
			state.sideConversations.push({
				ticketId,
				message,
				files,
				...(body['external_ids'] === undefined ? {} : {externalIds: body['external_ids'] as Json}),
			});
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
	readonly forwards: {ticketId: number; body: Json; files: SentFile[]}[];
};

/** A multipart forward as Freshdesk reads it: repeated `x[]` fields become arrays, files go to `files`. */
function multipartForward(request: RecordedRequest): {body: Json; files: SentFile[]} | null {
	const parts = parseMultipart(request.headers['content-type'], request.raw);
	if (parts === null) return null;
	const body: Json = {};
	const files: SentFile[] = [];
	for (const part of parts) {
		if (part.fileName !== null) files.push(fileOf(part.fileName, part.data));
		else if (part.name.endsWith('[]'))
			body[part.name.slice(0, -2)] = [
				...((body[part.name.slice(0, -2)] as string[] | undefined) ?? []),
				part.data.toString(),
			];
		else body[part.name] = part.data.toString();
	}
	return {body, files};
}

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
			const {body, files} = multipartForward(request) ?? {body: JSON.parse(request.body || '{}') as Json, files: []};
			if (!Array.isArray(body['to_emails']) || body['to_emails'].length === 0)
				return {
					status: 400,
					json: {description: 'Validation failed', errors: [{field: 'to_emails', code: 'missing_field'}]},
				};
			state.forwards.push({ticketId, body, files});
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
