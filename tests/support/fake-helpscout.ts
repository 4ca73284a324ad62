import {
	type FakeAnswer,
	type FakeServer,
	type RecordedRequest,
	startFakeServer,
	type VirtualClock,
} from './fake-server.js';
import {deskFixture, errorFixtures} from './fixtures.js';

// A stateful fake Help Scout Mailbox API 2.0 on 127.0.0.1, built from the payloads in tests/fixtures/helpscout (the
// official PHP client's test payloads): the OAuth2 client-credentials token endpoint (form POST, expiring tokens),
// users, mailboxes and folders, conversations (HAL pages with `_embedded` absent when empty, filters status, mailbox,
// folder, assigned_to, tag, query, modifiedSince, sortField/sortOrder, embed=threads), threads, reply and notes
// (201, empty body, `Resource-ID`), JSON-Patch updates (204), tags (PUT replaces), happiness ratings, the vnd.error
// envelope, and an account-wide per-minute quota with X-RateLimit-*-Minute headers where writes count 2 (429 with
// X-RateLimit-Retry-After past it).

type Json = Record<string, unknown>;

export function helpScoutFixture<T = Json>(name: string): T {
	return deskFixture<T>('helpscout', name);
}

export const helpScoutError = errorFixtures('helpscout');
/** The 400 vnd.error envelope for one field. */
export function hsValidation(path: string, message: string): FakeAnswer {
	const template = helpScoutError('400_validation');
	const embedded = template['_embedded'] as {errors: Json[]};
	return {
		status: 400,
		json: {...template, _embedded: {errors: [{...embedded.errors[0], path, message}]}},
		headers: {'content-type': 'application/vnd.error+json'},
	};
}

const templateConversation = helpScoutFixture('conversation');
const templateThread = (helpScoutFixture<{_embedded: {threads: Json[]}}>('threads_page')._embedded.threads[0] ??
	{}) as Json;

export type FakeThread = Json & {id: number; type: string; body: string; createdAt: string; createdBy: Json};
export type FakeConversation = Json & {
	id: number;
	status: string;
	subject: string;
	mailboxId: number;
	assignee: Json | null;
	primaryCustomer: Json;
	createdAt: string;
	tags: {id: number; color: string; tag: string}[];
	/** Server-side modification time (Help Scout sorts and filters by it; it is not in the object). */
	modifiedAt: string;
};
type Person = {id: number; first: string; last: string; email: string};

export type FakeHelpScoutOptions = {
	readonly clock: VirtualClock;
	readonly conversations?: number;
	readonly clientId?: string;
	readonly clientSecret?: string;
	/** Access token lifetime (Help Scout's is 48 h). */
	readonly tokenLifetimeSec?: number;
	/** Account-wide requests per minute; writes count 2. */
	readonly ratePerMinute?: number;
	/** The Reports API (happiness) exists only on Plus and Pro plans. */
	readonly reports?: boolean;
	readonly statusFor?: (id: number) => string;
	/** Real milliseconds each reply or note takes (so a bulk run can be killed in the middle). */
	readonly writeDelayMs?: number;
};

export type FakeHelpScout = {
	readonly url: string;
	readonly requests: RecordedRequest[];
	readonly conversations: Map<number, FakeConversation>;
	readonly threads: Map<number, FakeThread[]>;
	readonly me: Person;
	readonly stats: {overQuota: number; tokensIssued: number; maxPerMinute: number};
	intercept: ((request: RecordedRequest) => FakeAnswer | undefined) | undefined;
	/** Invalidates every access token (as when one expires or is revoked). */
	revokeTokens(): void;
	addThread(conversationId: number, fields: {type: string; body: string; person: Person}): FakeThread;
	close(): Promise<void>;
};

const pageSize = 25;
const defaultStatuses = [
	'active',
	'active',
	'pending',
	'active',
	'closed',
	'active',
	'pending',
	'spam',
	'active',
	'closed',
];
const tagSets = [['vip', 'billing'], ['shipping'], [], ['refund', 'billing'], ['outage']];

export async function startFakeHelpScout(options: FakeHelpScoutOptions): Promise<FakeHelpScout> {
	const {clock} = options;
	const clientId = options.clientId ?? 'hs-client-id';
	const clientSecret = options.clientSecret ?? 'hs-client-secret';
	const lifetime = options.tokenLifetimeSec ?? 172_800;
	let lastWrite = 0;
	const writeTime = (): string => {
		lastWrite = Math.max(clock.now(), lastWrite + 1000);
		return new Date(lastWrite).toISOString().replace(/\.\d{3}Z$/, 'Z');
	};
	const daysAgo = (days: number): string =>
		new Date(clock.now() - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

	const assignee = templateConversation['assignee'] as Json;
	const me: Person = {id: 256, first: 'Mr', last: 'Robot', email: assignee['email'] as string};
	const users: Person[] = [me, {id: 17, first: 'Jane', last: 'Agent', email: 'jane@helpscout.example'}];
	const mailboxes = [
		{id: 85, name: 'Support', email: 'support@acme.example'},
		{id: 86, name: 'Billing', email: 'billing@acme.example'},
	];
	const folders = new Map([
		[
			85,
			[
				{id: 493, name: 'Unassigned', type: 'open'},
				{id: 494, name: 'Mine', type: 'mytickets'},
			],
		],
		[86, [{id: 495, name: 'Unassigned', type: 'open'}]],
	]);
	const customers: Person[] = [
		{id: 238604, first: 'John', last: 'Doe', email: 'john.doe@example.com'},
		{id: 238605, first: 'Anna', last: 'Berg', email: 'anna@example.com'},
		// Hostile text in a customer field.
		{id: 238606, first: 'Eve\u001b]8;;http://evil\u0007', last: 'Mallory\u001b[2J', email: 'eve@example.com'},
	];

	const conversations = new Map<number, FakeConversation>();
	const threads = new Map<number, FakeThread[]>();
	let nextThreadId = 1000;
	const person = (who: Person, type: 'customer' | 'user'): Json => ({
		id: who.id,
		type,
		first: who.first,
		last: who.last,
		email: who.email,
	});

	function makeThread(
		conversationId: number,
		fields: {type: string; body: string; person: Person; at: string},
	): FakeThread {
		const isCustomer = fields.type === 'customer';
		const conversation = conversations.get(conversationId);
		const customerId = conversation === undefined ? null : (conversation.primaryCustomer as Json)['id'];
		const known = customers.find((candidate) => candidate.id === customerId);
		const customer = known === undefined ? null : person(known, 'customer');
		return {
			...templateThread,
			id: nextThreadId++,
			type: fields.type,
			status: conversation?.status ?? 'active',
			state: 'published',
			action: {type: 'default', associatedEntities: []},
			body: fields.body,
			source: {type: 'email', via: isCustomer ? 'customer' : 'user'},
			createdBy: person(fields.person, isCustomer ? 'customer' : 'user'),
			customer: customer ?? person(fields.person, 'customer'),
			assignedTo: null,
			savedReplyId: 0,
			createdAt: fields.at,
			_embedded: {
				attachments:
					conversationId === 3 && isCustomer
						? [{id: 56, filename: 'invoice\u001b[2J.pdf', mimeType: 'application/pdf', size: 10}]
						: conversationId === 1 && isCustomer
							? [
									{
										id: 55,
										filename: 'screenshot.png',
										mimeType: 'image/png',
										size: 12345,
										_links: {web: {href: 'https://secure.helpscout.net/file/55/screenshot.png'}},
									},
								]
							: [],
			},
		};
	}

	const count = options.conversations ?? 30;
	for (let id = 1; id <= count; id++) {
		const customer = customers[(id - 1) % customers.length] as Person;
		const created = daysAgo(2 + (id % 20));
		const status = options.statusFor?.(id) ?? (defaultStatuses[(id - 1) % defaultStatuses.length] as string);
		const owner = id % 3 === 0 ? null : id % 3 === 1 ? me : (users[1] as Person);
		const conversation: FakeConversation = {
			...templateConversation,
			id,
			number: 15000 + id,
			threads: 0,
			type: id % 4 === 0 ? 'chat' : 'email',
			folderId: owner === null ? 493 : 494,
			status,
			state: 'published',
			subject:
				id === 1
					? (templateConversation['subject'] as string)
					: id === 3
						? 'Question 3\u001b]0;pwned\u0007 about my order'
						: `Question ${id} about my order`,
			preview: 'Hello',
			mailboxId: (mailboxes[id % 2] as {id: number}).id,
			assignee: owner === null ? null : {id: owner.id, first: owner.first, last: owner.last, email: owner.email},
			createdBy: {id: customer.id, type: 'customer', email: customer.email},
			createdAt: created,
			closedBy: status === 'closed' ? me.id : null,
			closedAt: status === 'closed' ? daysAgo(1) : null,
			userUpdatedAt: created,
			customerWaitingSince: {time: created, friendly: '', latestReplyFrom: 'customer'},
			tags: (tagSets[(id - 1) % tagSets.length] ?? []).map((tag, index) => ({id: 9000 + index, color: '#929499', tag})),
			primaryCustomer: {id: customer.id},
			customFields: [],
			modifiedAt: created,
		};
		conversations.set(id, conversation);
		const at = (hours: number) =>
			new Date(Date.parse(created) + hours * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
		const list: FakeThread[] = [
			makeThread(id, {
				type: 'customer',
				body: id === 1 ? (templateThread['body'] as string) : `Hello,<br>conversation ${id} needs help.`,
				person: customer,
				at: at(0),
			}),
		];
		if (owner !== null) {
			list.push(
				makeThread(id, {type: 'reply', body: `<p>Thanks for writing about ${id}.</p>`, person: owner, at: at(1)}),
				makeThread(id, {type: 'note', body: 'Checked with the warehouse.', person: owner, at: at(2)}),
				{
					...makeThread(id, {type: 'lineitem', body: '', person: owner, at: at(2.5)}),
					action: {type: 'changed-ticket-assignee', text: 'assigned'},
				},
			);
		}
		threads.set(id, list);
		conversation.threads = list.length;
		conversation.modifiedAt = at(list.length);
	}

	const ratings: Json[] = [];
	for (const [index, ratingId] of [1, 1, 3, 2, 1].entries()) {
		const conversation = [...conversations.values()].filter((candidate) => candidate.status === 'closed')[index];
		if (conversation === undefined) continue;
		ratings.push({
			number: conversation['number'],
			threadid: threads.get(conversation.id)?.[0]?.id,
			id: conversation.id,
			ratingId,
			ratingCustomerId: (conversation.primaryCustomer as Json)['id'],
			ratingComments: ratingId === 1 ? 'Quick and kind' : 'Took too long',
			ratingCreatedAt: daysAgo(1 + index),
			type: 'email',
		});
	}

	// ---- state changes --------------------------------------------------------------------------------------------
	function addThread(conversationId: number, fields: {type: string; body: string; person: Person}): FakeThread {
		const conversation = conversations.get(conversationId);
		if (conversation === undefined) throw new Error(`no conversation ${conversationId}`);
		const at = writeTime();
		const created = makeThread(conversationId, {...fields, at});
		threads.get(conversationId)?.push(created);
		conversation.threads = (threads.get(conversationId) ?? []).length;
		conversation.modifiedAt = at;
		if (fields.type === 'customer') {
			conversation['customerWaitingSince'] = {time: at, friendly: 'just now', latestReplyFrom: 'customer'};
			if (conversation.status === 'closed') conversation.status = 'active';
		} else conversation['userUpdatedAt'] = at;
		return created;
	}

	const setStatus = (conversation: FakeConversation, status: string, at: string) => {
		if (status === conversation.status) return;
		conversation.status = status;
		conversation['closedAt'] = status === 'closed' ? at : null;
		conversation['closedBy'] = status === 'closed' ? me.id : null;
	};

	// ---- rendering -----------------------------------------------------------------------------------------------
	function conversationJson(conversation: FakeConversation, embedThreads: boolean): Json {
		const {modifiedAt: _hidden, ...json} = conversation;
		const result: Json = {...json, tags: conversation.tags.map((tag) => ({...tag}))};
		if (embedThreads) result['_embedded'] = {threads: [...(threads.get(conversation.id) ?? [])].reverse()};
		return result;
	}

	function halList(request: RecordedRequest, key: string, items: readonly unknown[]): FakeAnswer {
		const page = Number(request.query.get('page') ?? '1');
		if (!Number.isInteger(page) || page < 1) return hsValidation('page', 'must be greater than or equal to 1');
		const slice = items.slice((page - 1) * pageSize, page * pageSize);
		const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
		const self = `${server.url}${request.pathname}`;
		const json: Json = {
			page: {size: pageSize, totalElements: items.length, totalPages, number: page},
			_links: {
				self: {href: self},
				first: {href: `${self}?page=1`},
				last: {href: `${self}?page=${totalPages}`},
				...(page < totalPages ? {next: {href: `${self}?page=${page + 1}`}} : {}),
				page: {href: `${self}{?page}`, templated: true},
			},
		};
		// `_embedded` is absent when the page is empty.
		if (slice.length > 0) json['_embedded'] = {[key]: slice};
		return {status: 200, json, headers: {'content-type': 'application/hal+json'}};
	}

	const statuses = new Set(['all', 'active', 'open', 'pending', 'closed', 'spam']);
	const sortFields: Record<string, (conversation: FakeConversation) => number> = {
		createdAt: (conversation) => Date.parse(conversation.createdAt),
		modifiedAt: (conversation) => Date.parse(conversation.modifiedAt),
		waitingSince: (conversation) => Date.parse(String((conversation['customerWaitingSince'] as Json)['time'])),
		number: (conversation) => conversation['number'] as number,
	};

	function listConversations(request: RecordedRequest): FakeAnswer {
		const {query} = request;
		const status = query.get('status') ?? 'active';
		if (!statuses.has(status)) return hsValidation('status', `Invalid status: ${status}`);
		const sortField = query.get('sortField') ?? 'createdAt';
		const sortKey = sortFields[sortField];
		if (sortKey === undefined) return hsValidation('sortField', `Invalid sort field: ${sortField}`);
		const ascending = (query.get('sortOrder') ?? 'desc').toLowerCase() === 'asc';
		let list = [...conversations.values()];
		if (status === 'open')
			list = list.filter((conversation) => conversation.status === 'active' || conversation.status === 'pending');
		else if (status !== 'all') list = list.filter((conversation) => conversation.status === status);
		const mailbox = query.get('mailbox');
		if (mailbox !== null)
			list = list.filter((conversation) => mailbox.split(',').includes(String(conversation.mailboxId)));
		const folder = query.get('folder');
		if (folder !== null) {
			list = list.filter(
				(conversation) =>
					conversation.status !== 'closed' &&
					conversation.status !== 'spam' &&
					(folder === '494'
						? (conversation.assignee as Json | null)?.['id'] === me.id && conversation.mailboxId === 85
						: folder === '493'
							? conversation.assignee === null && conversation.mailboxId === 85
							: folder === '495'
								? conversation.assignee === null && conversation.mailboxId === 86
								: false),
			);
		}
		const assigned = query.get('assigned_to');
		if (assigned !== null)
			list = list.filter((conversation) => String((conversation.assignee as Json | null)?.['id']) === assigned);
		const tag = query.get('tag');
		if (tag !== null)
			list = list.filter((conversation) =>
				conversation.tags.some((candidate) => candidate.tag.toLowerCase() === tag.toLowerCase()),
			);
		const since = query.get('modifiedSince');
		if (since !== null) {
			if (Number.isNaN(Date.parse(since))) return hsValidation('modifiedSince', 'Invalid date');
			list = list.filter((conversation) => Date.parse(conversation.modifiedAt) >= Date.parse(since));
		}
		const words = query.get('query');
		if (words !== null) {
			const match = /^\(subject:"(.*)" OR body:"(.*)"\)$/.exec(words);
			if (match === null) return hsValidation('query', 'Invalid query');
			const text = (match[1] ?? '').toLowerCase();
			list = list.filter(
				(conversation) =>
					conversation.subject.toLowerCase().includes(text) ||
					(threads.get(conversation.id) ?? []).some((thread) => thread.body.toLowerCase().includes(text)),
			);
		}
		list.sort((a, b) => (ascending ? sortKey(a) - sortKey(b) : sortKey(b) - sortKey(a)) || a.id - b.id);
		const embed = query.get('embed') === 'threads';
		return halList(
			request,
			'conversations',
			list.map((conversation) => conversationJson(conversation, embed)),
		);
	}

	function write(conversation: FakeConversation, kind: 'reply' | 'notes', body: Json): FakeAnswer {
		if (typeof body['text'] !== 'string' || body['text'].trim() === '') return hsValidation('text', 'may not be empty');
		if (kind === 'reply') {
			const customer = body['customer'] as Json | undefined;
			if (customer === undefined || typeof customer['id'] !== 'number')
				return hsValidation('customer', 'may not be null');
		}
		if (body['status'] !== undefined && !['active', 'pending', 'closed'].includes(String(body['status']))) {
			return hsValidation('status', 'Invalid status');
		}
		const author = body['user'] === undefined ? me : users.find((user) => user.id === body['user']);
		if (author === undefined) return hsValidation('user', 'Invalid user');
		const created = addThread(conversation.id, {
			type: kind === 'reply' ? 'reply' : 'note',
			body: body['text'],
			person: author,
		});
		if (typeof body['status'] === 'string') setStatus(conversation, body['status'], created.createdAt);
		return {
			status: 201,
			body: '',
			headers: {
				'resource-id': String(created.id),
				location: `${server.url}/v2/conversations/${conversation.id}/threads/${created.id}`,
			},
		};
	}

	function patch(conversation: FakeConversation, body: Json): FakeAnswer {
		const {op, path, value} = body as {op?: string; path?: string; value?: unknown};
		const at = writeTime();
		if (op === 'replace' && path === '/status') {
			if (!['active', 'pending', 'closed', 'spam'].includes(String(value)))
				return hsValidation('value', 'Invalid status');
			setStatus(conversation, String(value), at);
		} else if (op === 'replace' && path === '/assignTo') {
			const user = users.find((candidate) => candidate.id === value);
			if (user === undefined) return hsValidation('value', 'Invalid user');
			conversation.assignee = {id: user.id, first: user.first, last: user.last, email: user.email};
		} else if (op === 'remove' && path === '/assignTo') conversation.assignee = null;
		else if (op === 'move' && path === '/mailboxId') {
			if (!mailboxes.some((mailbox) => mailbox.id === value)) return hsValidation('value', 'Invalid mailbox');
			conversation.mailboxId = value as number;
		} else return hsValidation('op', `Unsupported operation ${op} ${path}`);
		conversation['userUpdatedAt'] = at;
		conversation.modifiedAt = at;
		return {status: 204, body: ''};
	}

	// ---- tokens, quota, routing -------------------------------------------------------------------------------------
	const tokens = new Map<string, number>();
	let issued = 0;
	const stats = {overQuota: 0, tokensIssued: 0, maxPerMinute: 0};
	function issueToken(request: RecordedRequest): FakeAnswer {
		const form = new URLSearchParams(request.body);
		if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
			return {status: 400, json: {error: 'invalid_request', error_description: 'form body expected'}};
		}
		if (form.get('grant_type') !== 'client_credentials') return {status: 400, json: {error: 'unsupported_grant_type'}};
		if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) {
			return {status: 401, json: {error: 'invalid_client', error_description: 'Bad client credentials'}};
		}
		issued += 1;
		stats.tokensIssued += 1;
		const token = `hs-access-${issued}-${clientId.length}`;
		tokens.set(token, clock.now() + lifetime * 1000);
		return {status: 200, json: {token_type: 'bearer', access_token: token, expires_in: lifetime}};
	}

	function authorised(request: RecordedRequest): boolean {
		const header = request.headers.authorization ?? '';
		const expiry = tokens.get(header.replace(/^Bearer /, ''));
		return header.startsWith('Bearer ') && expiry !== undefined && expiry > clock.now();
	}

	const parseBody = (request: RecordedRequest): Json | null => {
		try {
			const value = JSON.parse(request.body || '{}') as unknown;
			return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
		} catch {
			return null;
		}
	};

	function route(request: RecordedRequest): FakeAnswer | undefined {
		const {method, pathname: path} = request;
		if (method === 'GET' && path === '/v2/users/me')
			return {
				status: 200,
				json: {id: me.id, firstName: me.first, lastName: me.last, email: me.email, role: 'owner', type: 'user'},
			};
		if (method === 'GET' && path === '/v2/users')
			return halList(
				request,
				'users',
				users.map((user) => ({id: user.id, firstName: user.first, lastName: user.last, email: user.email})),
			);
		if (method === 'GET' && path === '/v2/mailboxes') return halList(request, 'mailboxes', mailboxes);
		const folderMatch = /^\/v2\/mailboxes\/(\d+)\/folders$/.exec(path);
		if (method === 'GET' && folderMatch) return halList(request, 'folders', folders.get(Number(folderMatch[1])) ?? []);
		if (method === 'GET' && path === '/v2/conversations') return listConversations(request);
		if (method === 'GET' && path === '/v2/reports/happiness/ratings') {
			if (options.reports === false)
				return {status: 403, json: {message: 'Reports are available on Plus and Pro plans'}};
			const start = Date.parse(request.query.get('start') ?? '');
			const end = Date.parse(request.query.get('end') ?? '');
			if (Number.isNaN(start) || Number.isNaN(end)) return hsValidation('start', 'may not be null');
			const list = ratings.filter((rating) => {
				const at = Date.parse(rating['ratingCreatedAt'] as string);
				return at >= start && at <= end;
			});
			return {status: 200, json: {results: list, page: 1, pages: 1, count: list.length}};
		}
		const match = /^\/v2\/conversations\/(\d+)(?:\/(threads|reply|notes|tags))?$/.exec(path);
		if (match) {
			const conversation = conversations.get(Number(match[1]));
			// Help Scout answers 404 with an empty body.
			if (conversation === undefined) return {status: 404, body: ''};
			const sub = match[2];
			if (method === 'GET' && sub === undefined)
				return {status: 200, json: conversationJson(conversation, request.query.get('embed') === 'threads')};
			if (method === 'GET' && sub === 'threads')
				return halList(request, 'threads', [...(threads.get(conversation.id) ?? [])].reverse());
			const body = parseBody(request);
			if (body === null) return hsValidation('', 'Invalid JSON');
			if (method === 'POST' && (sub === 'reply' || sub === 'notes')) return write(conversation, sub, body);
			if (method === 'PATCH' && sub === undefined) return patch(conversation, body);
			if (method === 'PUT' && sub === 'tags') {
				if (!Array.isArray(body['tags'])) return hsValidation('tags', 'may not be null');
				conversation.tags = (body['tags'] as string[]).map((tag, index) => ({id: 9100 + index, color: '#929499', tag}));
				conversation.modifiedAt = writeTime();
				conversation['userUpdatedAt'] = conversation.modifiedAt;
				return {status: 204, body: ''};
			}
			return {status: 405, body: ''};
		}
		return undefined;
	}

	const windowMs = 60_000;
	let windowStart = clock.now();
	let used = 0;
	const server: FakeServer = await startFakeServer(async (request) => {
		if (options.writeDelayMs && request.method === 'POST')
			await new Promise((resolve) => setTimeout(resolve, options.writeDelayMs));
		const intercepted = fake.intercept?.(request);
		if (intercepted) return intercepted;
		if (request.method === 'POST' && request.pathname === '/v2/oauth2/token') return issueToken(request);
		if (!authorised(request)) return {status: 401, body: ''};
		const headers: Record<string, string> = {};
		const limit = options.ratePerMinute;
		if (limit !== undefined) {
			if (clock.now() - windowStart >= windowMs) {
				windowStart = clock.now();
				used = 0;
			}
			const cost = request.method === 'GET' ? 1 : 2;
			if (used + cost > limit) {
				stats.overQuota += 1;
				const retryAfter = Math.max(1, Math.ceil((windowStart + windowMs - clock.now()) / 1000));
				return {
					status: 429,
					json: helpScoutError('429'),
					headers: {
						'x-ratelimit-limit-minute': String(limit),
						'x-ratelimit-remaining-minute': '0',
						'x-ratelimit-retry-after': String(retryAfter),
					},
				};
			}
			used += cost;
			stats.maxPerMinute = Math.max(stats.maxPerMinute, used);
			headers['x-ratelimit-limit-minute'] = String(limit);
			headers['x-ratelimit-remaining-minute'] = String(limit - used);
		}
		const answer = route(request) ?? {status: 404, body: ''};
		return {...answer, headers: {...headers, ...answer.headers}};
	});

	const fake: FakeHelpScout = {
		url: server.url,
		requests: server.requests,
		conversations,
		threads,
		me,
		stats,
		intercept: undefined,
		revokeTokens: () => tokens.clear(),
		addThread,
		close: () => server.close(),
	};
	return fake;
}
