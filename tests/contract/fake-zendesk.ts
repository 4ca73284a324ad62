import {createHash} from 'node:crypto';
import {
	type FakeAnswer,
	type FakeServer,
	type RecordedRequest,
	seededRandom,
	startFakeServer,
	type VirtualClock,
} from '../support/fake-server.js';
import {deskFixture, errorFixtures} from '../support/fixtures.js';

// A stateful fake Zendesk Support API on 127.0.0.1, built from the shapes in tests/fixtures/zendesk: tickets,
// comments and audits, users, groups, views, search, updates (safe_update), update_many jobs, metrics, CSAT, macros, Help Center
// and OAuth. It checks credentials, advertises a rate-limit quota, and can inject seeded 429/503s.

type Json = Record<string, unknown>;

export function fixture<T = Json>(name: string): T {
	return deskFixture<T>('zendesk', name);
}

export const errorBody = errorFixtures('zendesk');

export type FakeUser = {
	id: number;
	name: string;
	email: string;
	role: 'end-user' | 'agent' | 'admin';
	locale: string;
	organization_id: number | null;
	/** Customers' profile fields (Users API): phone, Zendesk's zone name and the IANA one. */
	phone?: string | null;
	time_zone?: string;
	iana_time_zone?: string;
};

export type FakeComment = {
	id: number;
	type: 'Comment';
	author_id: number;
	body: string;
	html_body: string;
	plain_body: string;
	public: boolean;
	created_at: string;
	attachments: Json[];
	via: {channel: string; source: Json};
};

export type FakeTicket = Json & {
	id: number;
	status: string;
	priority: string | null;
	tags: string[];
	updated_at: string;
	created_at: string;
	requester_id: number;
	assignee_id: number | null;
	group_id: number | null;
	subject: string;
	via: {channel: string | number; source: Json};
	slas?: {policy_metrics: Json[]};
	satisfaction_rating: Json | null;
};

/**
 * One update's field events (`Create` at creation, `Change` after: `field_name`, `value`, `previous_value`), by whom,
 * when and through which channel. An update that also added a comment (`commentId`) is one audit with it.
 */
export type FakeUpdate = {
	id: number;
	authorId: number;
	at: string;
	via: Json;
	commentId: number | null;
	events: Json[];
};

type Job = {id: string; polls: number; total: number; results: Json[]};

export type FakeZendeskOptions = {
	readonly clock: VirtualClock;
	/** Generated tickets (ids 1..n). */
	readonly tickets?: number;
	readonly role?: 'agent' | 'admin';
	/** Accepted bearer tokens. */
	readonly tokens?: readonly string[];
	/** Accepted API token for basic auth `{email}/token:{token}` (the signed-in agent's email). */
	readonly apiToken?: string;
	/** Advertised quota per window; requests beyond it get 429 and are counted as over-quota. */
	readonly quota?: {readonly limit: number; readonly windowMs: number};
	/** Seeded random rejections before processing: 429 with Retry-After, 503 with Retry-After. */
	readonly chaos?: {readonly seed: number; readonly rate429: number; readonly rate503: number};
	/** Status of generated ticket `id` (default: a mix of every status). */
	readonly statusFor?: (id: number) => string;
};

export type FakeZendesk = {
	readonly url: string;
	readonly requests: RecordedRequest[];
	readonly tickets: Map<number, FakeTicket>;
	readonly comments: Map<number, FakeComment[]>;
	/**
	 * Field changes by ticket. `GET /tickets/{id}/audits` is made from these and `comments` (each comment its own
	 * audit, by its author at its time, unless an update made it), so a test that edits `comments` edits the audits.
	 */
	readonly updates: Map<number, FakeUpdate[]>;
	readonly users: Map<number, FakeUser>;
	readonly me: FakeUser;
	/** Help Center articles created through the API (drafts or not), as the fake stored them. */
	readonly createdArticles: Json[];
	/** Help Center sections that exist (articles can be created in them). */
	readonly sections: Set<number>;
	/** Files uploaded (POST /api/v2/uploads) by token; a comment with `uploads` attaches them. */
	readonly uploads: Map<string, {fileName: string; contentType: string; bytes: Buffer; used: boolean}>;
	/** `email_ccs` each update asked for, by ticket. */
	readonly emailCcs: Map<number, string[]>;
	readonly stats: {
		overQuota: number;
		chaos429: number;
		chaos503: number;
		tagsReplaced: number;
		publicOmitted: number;
		updateManyProcessed: number;
		/** Creations answered from the Idempotency-Key store (a repeat that created nothing). */
		idempotentHits: number;
	};
	/** Answers before the fake's own routes; return undefined to fall through. */
	intercept: ((request: RecordedRequest) => FakeAnswer | undefined) | undefined;
	/** Replaces the answer after the fake processed the request (e.g. apply an update, then drop the connection). */
	afterRoute: ((request: RecordedRequest, answer: FakeAnswer) => FakeAnswer | undefined) | undefined;
	/** Another agent's reply: changes updated_at like a real comment would. */
	addComment(ticketId: number, authorId: number, body: string, isPublic: boolean): FakeComment;
	/**
	 * Someone else sets the status (another agent in Zendesk's web UI; a trigger or automation: author -1 with its
	 * `via`): an audit with a `Change` event; the ticket's metrics' `solved_at` follows a solve.
	 */
	setStatus(ticketId: number, authorId: number, status: string, via?: Json): FakeUpdate;
	/** What a browser gets after the agent approves csr: a code bound to the PKCE challenge. */
	issueCode(challenge: string): string;
	readonly issuedTokens: {access: string; refresh: string}[];
	close(): Promise<void>;
};

const templateTicket = fixture<{tickets: Json[]}>('view_tickets_cursor_page').tickets[0] as Json;
const templateComment = fixture<{comments: Json[]}>('ticket_comments.oas').comments[0] as Json;
const {events: auditEvents, ...templateAudit} = fixture<{audit: Json & {events: Json[]}}>(
	'ticket_create_with_audit',
).audit;
const templateCommentEvent = auditEvents.find((event) => event['type'] === 'Comment') as Json;
/** How a trigger's and an automation's updates come (Via object reference: `channel: rule`, `rel`). */
export const triggerVia = {
	channel: 'rule',
	source: {from: {id: 22472716, title: 'Solve on tag'}, rel: 'trigger', to: {}},
};
export const automationVia = {
	channel: 'rule',
	source: {from: {id: 22472717, title: 'Close solved after 4 days'}, rel: 'automation', to: {}},
};
const webVia = {channel: 'web', source: {from: {}, to: {}, rel: null}};
const customStatuses = fixture<{custom_statuses: Json[]}>('custom_statuses.oas');
const fixtureGroups = fixture<{groups: Json[]}>('groups_list.oas').groups;
const viewsActive = fixture<{views: Json[]}>('views_active.oas');

const statuses = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];
const priorities = ['low', 'normal', 'high', 'urgent'];
const channels = ['email', 'web', 'api', 'chat', 'voice', 'sms', 'twitter', 'mobile'];

const encode = (value: number): string => Buffer.from(`o:${value}`).toString('base64url');
const decode = (cursor: string | null): number => {
	if (cursor === null) return 0;
	const text = Buffer.from(cursor, 'base64url').toString('utf8');
	return text.startsWith('o:') ? Number(text.slice(2)) : 0;
};

export async function startFakeZendesk(options: FakeZendeskOptions): Promise<FakeZendesk> {
	const {clock} = options;
	const role = options.role ?? 'admin';
	const tokens = new Set(options.tokens ?? ['good-token']);
	const random = seededRandom(options.chaos?.seed ?? 1);
	const users = new Map<number, FakeUser>();
	const organizations = [{id: 3001, name: 'Acme Ltd'}];
	const groups = [
		...fixtureGroups.map((group) => ({id: group.id as number, name: group.name as string})),
		{id: 300, name: 'Tier 2'},
		// The group the documented macro preview (macro_apply_preview.oas) assigns.
		{id: 98738, name: 'Escalations'},
	];
	const me: FakeUser = {
		id: 1001,
		name: 'Agent Smith',
		email: 'agent@example.com',
		role,
		locale: 'en-US',
		organization_id: null,
	};
	users.set(me.id, me);
	users.set(1002, {
		id: 1002,
		name: 'Dana Admin',
		email: 'dana@example.com',
		role: 'admin',
		locale: 'en-US',
		organization_id: null,
	});
	for (let index = 0; index < 50; index++) {
		const id = 2001 + index;
		users.set(id, {
			id,
			name: `Customer ${index + 1}`,
			email: `customer${index + 1}@example.org`,
			role: 'end-user',
			locale: index % 5 === 0 ? 'da' : 'en-US',
			organization_id: index % 2 === 0 ? 3001 : null,
			phone: index % 3 === 2 ? null : `+45 20 ${String(10 + index).padStart(2, '0')} 30 40`,
			time_zone: index % 5 === 0 ? 'Copenhagen' : 'London',
			iana_time_zone: index % 5 === 0 ? 'Europe/Copenhagen' : 'Europe/London',
		});
	}
	const tickets = new Map<number, FakeTicket>();
	const comments = new Map<number, FakeComment[]>();
	const updates = new Map<number, FakeUpdate[]>();
	const createdArticles: Json[] = [];
	const sections = new Set([360001, 360002]);
	const jobs = new Map<string, Job>();
	const metrics = new Map<number, Json>();
	const codes = new Map<string, string>();
	const refreshTokens = new Set<string>();
	const issuedTokens: {access: string; refresh: string}[] = [];
	const stats = {
		overQuota: 0,
		chaos429: 0,
		chaos503: 0,
		tagsReplaced: 0,
		publicOmitted: 0,
		updateManyProcessed: 0,
		idempotentHits: 0,
	};
	let nextCommentId = 50_000;
	let nextJob = 1;
	const uploads: FakeZendesk['uploads'] = new Map();
	const emailCcs: FakeZendesk['emailCcs'] = new Map();
	const fileUrl = (token: string, name: string) =>
		`${server.url}/attachments/token/${token}/?name=${encodeURIComponent(name)}`;
	let lastStamp = clock.now() - 86_400_000;
	const stamp = (): string => {
		// Zendesk times have whole seconds; every change gets a new, later one.
		lastStamp = Math.max(Math.floor(clock.now() / 1000) * 1000, lastStamp + 1000);
		return new Date(lastStamp).toISOString().replace('.000Z', 'Z');
	};
	const baseTime = clock.now() - 30 * 86_400_000;
	const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

	/** A comment's `uploads` tokens: the files uploaded under them go on the comment. */
	function attachUploads(comment: FakeComment, tokens: unknown): void {
		for (const token of (tokens as string[] | undefined) ?? []) {
			const upload = uploads.get(token);
			if (upload === undefined) continue;
			upload.used = true;
			comment.attachments.push({
				id: 7_000 + comment.attachments.length,
				file_name: upload.fileName,
				content_url: fileUrl(token, upload.fileName),
				content_type: upload.contentType,
				size: upload.bytes.length,
				thumbnails: [],
			});
		}
	}

	function makeComment(ticketId: number, authorId: number, body: string, isPublic: boolean, at: string): FakeComment {
		nextCommentId += 1;
		const comment: FakeComment = {
			...(templateComment as unknown as FakeComment),
			id: nextCommentId,
			author_id: authorId,
			body,
			plain_body: body,
			html_body: `<div class="zd-comment" dir="auto"><p dir="auto">${body.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p></div>`,
			public: isPublic,
			created_at: at,
			attachments: [],
			via: {channel: 'web', source: {from: {}, to: {}, rel: null}},
		};
		const list = comments.get(ticketId) ?? [];
		list.push(comment);
		comments.set(ticketId, list);
		return comment;
	}

	/** Records an update's field events (ids from the comments' sequence, so audits sort in the order they happened). */
	function recordUpdate(
		ticketId: number,
		authorId: number,
		at: string,
		events: Json[],
		options: {commentId?: number | null; via?: Json} = {},
	): FakeUpdate {
		nextCommentId += 1;
		const update: FakeUpdate = {
			id: nextCommentId,
			authorId,
			at,
			via: options.via ?? webVia,
			commentId: options.commentId ?? null,
			events: events.map((event) => {
				nextCommentId += 1;
				return {id: nextCommentId, ...event};
			}),
		};
		updates.set(ticketId, [...(updates.get(ticketId) ?? []), update]);
		return update;
	}

	for (let id = 1; id <= (options.tickets ?? 30); id++) {
		const requester = 2001 + ((id - 1) % 50);
		const created = iso(baseTime + id * 60_000);
		const status =
			options.statusFor?.(id) ??
			(id % 7 === 0 ? 'hold' : id % 11 === 0 ? 'solved' : id % 13 === 0 ? 'closed' : (statuses[id % 3] ?? 'open'));
		const ticket: FakeTicket = {
			...(templateTicket as FakeTicket),
			url: `https://fake.zendesk.test/api/v2/tickets/${id}.json`,
			id,
			subject: id === 1 ? 'Help, my printer is on fire!' : `Order ${1000 + id} question`,
			raw_subject: `Order ${1000 + id} question`,
			description: 'first message',
			status,
			priority: id % 4 === 0 ? null : (priorities[id % 4] ?? 'normal'),
			via: {channel: channels[id % channels.length] ?? 'web', source: {from: {}, to: {}, rel: null}},
			requester_id: requester,
			submitter_id: requester,
			assignee_id: id % 3 === 0 ? me.id : id % 5 === 0 ? 1002 : null,
			group_id: id % 2 === 0 ? 211 : 300,
			organization_id: users.get(requester)?.organization_id ?? null,
			tags: id % 10 === 0 ? ['outage', 'vip'] : ['order'],
			created_at: created,
			updated_at: created,
			custom_status_id: id % 9 === 0 ? 35436 : 6130830355738,
			satisfaction_rating: id % 8 === 0 ? {id: 9000 + id, score: 'good', comment: 'Quick and kind'} : null,
		};
		if (id % 6 === 0) {
			ticket.slas = {
				policy_metrics: [
					{breach_at: iso(clock.now() + (id - 40) * 60_000), stage: 'active', metric: 'first_reply_time'},
				],
			};
		}
		tickets.set(id, ticket);
		const opening = makeComment(id, requester, `Hello, this is about order ${1000 + id}.`, true, created);
		recordUpdate(
			id,
			requester,
			created,
			[
				{type: 'Create', field_name: 'status', value: 'new'},
				{type: 'Create', field_name: 'subject', value: ticket.subject},
			],
			{commentId: opening.id, via: ticket.via},
		);
		if (id % 4 === 1)
			makeComment(id, me.id, 'Checked the warehouse system.', false, iso(baseTime + id * 60_000 + 30_000));
		const solvedAt = status === 'solved' || status === 'closed' ? iso(baseTime + id * 60_000 + 3_600_000) : null;
		if (solvedAt !== null) {
			// Solved by its assignee, or by a trigger when nobody is assigned; closed by an automation 4 days later.
			const solver = ticket.assignee_id ?? -1;
			const change = {type: 'Change', field_name: 'status', value: 'solved', previous_value: 'open'};
			recordUpdate(id, solver, solvedAt, [change], {via: solver === -1 ? triggerVia : webVia});
			if (status === 'closed') {
				const closing = {type: 'Change', field_name: 'status', value: 'closed', previous_value: 'solved'};
				recordUpdate(id, -1, iso(Date.parse(solvedAt) + 4 * 86_400_000), [closing], {via: automationVia});
			}
		}
		metrics.set(id, {
			...(fixture<{ticket_metrics: Json[]}>('ticket_metrics_list.oas').ticket_metrics[0] as Json),
			id: 70_000 + id,
			ticket_id: id,
			reopens: id % 5 === 0 ? 1 : 0,
			replies: id % 3,
			solved_at: solvedAt,
		});
	}
	// Ticket 1 carries the documented comment with an attachment on an external host.
	const first = comments.get(1)?.[0];
	if (first) first.attachments = templateComment['attachments'] as Json[];

	const origin = (): string => fake.url;
	const userView = (user: FakeUser): Json => ({...user, url: `${origin()}/api/v2/users/${user.id}.json`});
	const publicTicket = (ticket: FakeTicket, withSlas: boolean): Json => {
		const {slas, ...rest} = ticket;
		return withSlas && slas ? {...rest, slas} : rest;
	};

	function sideloads(list: readonly FakeTicket[], include: string): Json {
		const wanted = new Set(
			include
				.replace(/^tickets\(|\)$/g, '')
				.split(',')
				.map((part) => part.trim()),
		);
		const result: Json = {};
		if (wanted.has('users')) {
			const ids = new Set<number>();
			for (const ticket of list) {
				ids.add(ticket.requester_id);
				if (ticket.assignee_id !== null) ids.add(ticket.assignee_id);
			}
			result['users'] = [...ids].flatMap((id) => {
				const user = users.get(id);
				return user ? [userView(user)] : [];
			});
		}
		if (wanted.has('groups'))
			result['groups'] = groups.filter((group) => list.some((ticket) => ticket.group_id === group.id));
		if (wanted.has('organizations')) {
			result['organizations'] = organizations.filter((org) =>
				list.some((ticket) => ticket['organization_id'] === org.id),
			);
		}
		return result;
	}
	const includes = (request: RecordedRequest, part: string): boolean =>
		(request.query.get('include') ?? '').split(/[,()]/).includes(part);

	/**
	 * A ticket's audits as the Ticket Audits API lists them, oldest first, in the recorded audit's shape
	 * (ticket_create_with_audit): each comment in its own audit, by its author at its time through its channel,
	 * with the field events of the update that made it; updates without a comment in audits of their own.
	 */
	function auditsOf(ticketId: number): Json[] {
		const list = comments.get(ticketId) ?? [];
		const changes = updates.get(ticketId) ?? [];
		const byComment = new Map(
			changes.flatMap((update) => (update.commentId === null ? [] : [[update.commentId, update]])),
		);
		const audit = (id: number, authorId: number, at: string, via: Json, events: Json[]): Json => ({
			...templateAudit,
			id,
			ticket_id: ticketId,
			created_at: at,
			author_id: authorId,
			via,
			events,
		});
		const withComments = list.map((comment) => {
			const update = byComment.get(comment.id);
			const event = {
				...templateCommentEvent,
				id: comment.id,
				author_id: comment.author_id,
				body: comment.body,
				html_body: comment.html_body,
				plain_body: comment.plain_body,
				public: comment.public,
				attachments: comment.attachments,
				audit_id: comment.id,
			};
			const events = [event, ...(update?.events ?? [])];
			return audit(comment.id, update?.authorId ?? comment.author_id, comment.created_at, comment.via, events);
		});
		const alone = changes
			.filter((update) => update.commentId === null || !list.some((comment) => comment.id === update.commentId))
			.map((update) => audit(update.id, update.authorId, update.at, update.via, update.events));
		return [...withComments, ...alone].sort(
			(a, b) =>
				Date.parse(String(a['created_at'])) - Date.parse(String(b['created_at'])) || Number(a['id']) - Number(b['id']),
		);
	}

	/** The users an audit page names (its authors and its comments' authors), for `include=users`. */
	function auditUsers(page: readonly Json[]): Json[] {
		const ids = new Set<number>();
		for (const item of page) {
			ids.add(Number(item['author_id']));
			for (const event of item['events'] as Json[])
				if (event['author_id'] !== undefined) ids.add(Number(event['author_id']));
		}
		return [...ids].flatMap((id) => {
			const user = users.get(id);
			return user ? [userView(user)] : [];
		});
	}

	/** The field events of an update: each of status, priority, group and assignee it changed. */
	function changeEvents(ticket: FakeTicket, next: Json): Json[] {
		return ['status', 'priority', 'group_id', 'assignee_id'].flatMap((field) =>
			next[field] === undefined || next[field] === ticket[field]
				? []
				: [{type: 'Change', field_name: field, value: next[field], previous_value: ticket[field] ?? null}],
		);
	}

	/** A status change's effect on the ticket's metrics: a solve (or a close straight from unsolved) sets `solved_at`. */
	function noteSolve(ticketId: number, status: string, at: string): void {
		const metric = metrics.get(ticketId);
		const straightToClosed = status === 'closed' && tickets.get(ticketId)?.status !== 'solved';
		if (metric !== undefined && (status === 'solved' || straightToClosed)) metric['solved_at'] = at;
	}

	function cursorPage<T>(request: RecordedRequest, items: readonly T[], defaultSize = 100) {
		const size = Math.min(100, Number(request.query.get('page[size]') ?? defaultSize));
		const offset = decode(request.query.get('page[after]'));
		const page = items.slice(offset, offset + size);
		const hasMore = offset + size < items.length;
		const after = hasMore ? encode(offset + size) : null;
		return {
			page,
			meta: {has_more: hasMore, after_cursor: after, before_cursor: null},
			links: {
				prev: null,
				next: hasMore ? `${origin()}${request.pathname}?page%5Bafter%5D=${after}&page%5Bsize%5D=${size}` : null,
			},
		};
	}

	function authenticated(request: RecordedRequest): boolean {
		const header = request.headers.authorization ?? '';
		if (header.startsWith('Bearer ') && tokens.has(header.slice(7))) return true;
		if (options.apiToken !== undefined && header.startsWith('Basic ')) {
			return Buffer.from(header.slice(6), 'base64').toString('utf8') === `${me.email}/token:${options.apiToken}`;
		}
		return false;
	}

	let windowStart = clock.now();
	let used = 0;
	function quotaHeaders(): Record<string, string> {
		if (options.quota === undefined) return {'x-rate-limit': '700', 'x-rate-limit-remaining': '650'};
		const reset = Math.max(1, Math.ceil((windowStart + options.quota.windowMs - clock.now()) / 1000));
		return {
			'x-rate-limit': String(options.quota.limit),
			'x-rate-limit-remaining': String(Math.max(0, options.quota.limit - used)),
			'ratelimit-limit': String(options.quota.limit),
			'ratelimit-remaining': String(Math.max(0, options.quota.limit - used)),
			'ratelimit-reset': String(reset),
		};
	}

	/** Applies one ticket update (single PUT or one update_many item); returns an error answer or the comment. */
	function applyUpdate(
		ticket: FakeTicket,
		changes: Json,
	): {error: {status: number; json: Json}} | {comment: FakeComment | null} {
		if (changes['safe_update'] === true && changes['updated_stamp'] !== undefined) {
			if (Date.parse(String(changes['updated_stamp'])) !== Date.parse(ticket.updated_at)) {
				return {error: {status: 409, json: errorBody('409')}};
			}
		}
		if (ticket.status === 'closed') return {error: {status: 422, json: errorBody('422_closed')}};
		if (changes['status'] !== undefined && !statuses.includes(String(changes['status']))) {
			return {error: {status: 422, json: {error: 'RecordInvalid', details: {status: [{description: 'is invalid'}]}}}};
		}
		if (
			changes['group_id'] !== undefined &&
			changes['group_id'] !== null &&
			!groups.some((group) => group.id === changes['group_id'])
		) {
			return {error: {status: 422, json: {error: 'RecordInvalid', details: {group: [{description: 'is invalid'}]}}}};
		}
		let assignee = ticket.assignee_id;
		if (changes['assignee_email'] !== undefined) {
			const user = [...users.values()].find((candidate) => candidate.email === changes['assignee_email']);
			if (user === undefined || user.role === 'end-user') {
				return {
					error: {status: 422, json: {error: 'RecordInvalid', details: {assignee: [{description: 'is invalid'}]}}},
				};
			}
			assignee = user.id;
		}
		if (changes['assignee_id'] !== undefined) assignee = changes['assignee_id'] as number | null;
		const at = stamp();
		let comment: FakeComment | null = null;
		const requested = changes['comment'] as Json | undefined;
		if (requested !== undefined) {
			let isPublic = requested['public'];
			if (typeof isPublic !== 'boolean') {
				// The trap the docs warn about: an omitted flag reuses the first comment's setting.
				stats.publicOmitted += 1;
				isPublic = comments.get(ticket.id)?.[0]?.public ?? true;
			}
			comment = makeComment(ticket.id, me.id, String(requested['body'] ?? ''), isPublic as boolean, at);
			attachUploads(comment, requested['uploads']);
		}
		const ccs = changes['email_ccs'] as {user_email: string}[] | undefined;
		if (ccs !== undefined)
			emailCcs.set(ticket.id, [...(emailCcs.get(ticket.id) ?? []), ...ccs.map((cc) => cc.user_email)]);
		const events = changeEvents(ticket, {...changes, assignee_id: assignee});
		if (events.length > 0) recordUpdate(ticket.id, me.id, at, events, {commentId: comment?.id ?? null});
		if (changes['status'] !== undefined) noteSolve(ticket.id, String(changes['status']), at);
		if (changes['status'] !== undefined) ticket.status = String(changes['status']);
		if (changes['priority'] !== undefined) ticket.priority = changes['priority'] as string | null;
		if (changes['group_id'] !== undefined) ticket.group_id = changes['group_id'] as number | null;
		ticket.assignee_id = assignee;
		if (Array.isArray(changes['tags'])) {
			stats.tagsReplaced += 1;
			ticket.tags = [...(changes['tags'] as string[])];
		}
		for (const tag of (changes['additional_tags'] as string[] | undefined) ?? []) {
			if (!ticket.tags.includes(tag)) ticket.tags.push(tag);
		}
		const removed = new Set((changes['remove_tags'] as string[] | undefined) ?? []);
		ticket.tags = ticket.tags.filter((tag) => !removed.has(tag));
		ticket.updated_at = at;
		return {comment};
	}

	function searchMatches(ticket: FakeTicket, query: string): boolean {
		const terms = query.match(/(?:[^\s"]+|"[^"]*")+/g) ?? [];
		const byKey = new Map<string, ((ticket: FakeTicket) => boolean)[]>();
		const add = (key: string, test: (ticket: FakeTicket) => boolean): void => {
			byKey.set(key, [...(byKey.get(key) ?? []), test]);
		};
		let index = 0;
		for (const term of terms) {
			index += 1;
			const match = /^(\w+)(:|<|>)(.*)$/.exec(term);
			if (match === null) {
				const text = term.replace(/"/g, '').toLowerCase();
				add(`text${index}`, (candidate) => candidate.subject.toLowerCase().includes(text));
				continue;
			}
			const [, key = '', operator, raw = ''] = match;
			const value = raw.replace(/"/g, '');
			if (key === 'type') continue;
			if (key === 'status' || key === 'priority') {
				const order = key === 'status' ? statuses : priorities;
				const rank = order.indexOf(value);
				const get = (candidate: FakeTicket): number => order.indexOf(String(candidate[key] ?? ''));
				// Different operators on one key must all hold; repeated `key:value` terms match any.
				if (operator === ':') add(key, (candidate) => get(candidate) === rank);
				else
					add(`${key}${operator}${index}`, (candidate) =>
						operator === '<' ? get(candidate) < rank : get(candidate) > rank && get(candidate) >= 0,
					);
			} else if (key === 'assignee') {
				add(`assignee${index}`, (candidate) =>
					value === 'me'
						? candidate.assignee_id === me.id
						: value === 'none'
							? candidate.assignee_id === null
							: users.get(candidate.assignee_id ?? -1)?.email === value,
				);
			} else if (key === 'group') {
				add(`group${index}`, (candidate) => {
					const group = groups.find((entry) => entry.id === candidate.group_id);
					return String(candidate.group_id) === value || group?.name.toLowerCase() === value.toLowerCase();
				});
			} else if (key === 'via') add('via', (candidate) => String(candidate.via.channel) === value);
			else if (key === 'requester')
				add(`requester${index}`, (candidate) => {
					const requester = users.get(candidate.requester_id);
					return requester?.email.toLowerCase() === value.toLowerCase() || String(requester?.id) === value;
				});
			else if (key === 'tags') add('tags', (candidate) => candidate.tags.includes(value));
			else return false;
		}
		return [...byKey.values()].every((tests) => tests.some((test) => test(ticket)));
	}

	function route(request: RecordedRequest): FakeAnswer | undefined {
		const path = request.pathname.replace(/\.json$/, '');
		const method = request.method;
		if (path === '/oauth/tokens' && method === 'POST') return oauth(request);
		if (!authenticated(request)) {
			// Zendesk's trap: /users/me answers 200 "Anonymous user" to missing or wrong credentials.
			if (path === '/api/v2/users/me') {
				return {
					status: 200,
					json: {user: {id: null, name: 'Anonymous user', email: 'invalid@example.com', role: 'end-user'}},
				};
			}
			return {status: 401, json: errorBody('401')};
		}
		if (path === '/api/v2/users/me') return {status: 200, json: {user: userView(me)}};
		if (path === '/api/v2/oauth/tokens/current' && method === 'DELETE') {
			tokens.delete((request.headers.authorization ?? '').replace(/^Bearer /, ''));
			return {status: 204};
		}
		if (path === '/api/v2/uploads' && method === 'POST') {
			const fileName = request.query.get('filename') ?? '';
			if (fileName === '') return {status: 400, json: {error: 'filename required'}};
			const token = `upl${createHash('sha256').update(request.raw).update(String(uploads.size)).digest('hex').slice(0, 12)}`;
			const contentType = String(request.headers['content-type'] ?? 'application/binary');
			uploads.set(token, {fileName, contentType, bytes: request.raw, used: false});
			const attachment = {
				id: 8_000 + uploads.size,
				file_name: fileName,
				content_url: fileUrl(token, fileName),
				content_type: contentType,
				size: request.raw.length,
				thumbnails: [],
			};
			return {
				status: 201,
				json: {upload: {token, expires_at: iso(clock.now() + 3 * 86_400_000), attachment, attachments: [attachment]}},
			};
		}
		const file = /^\/attachments\/token\/([^/]+)\/?$/.exec(request.pathname);
		if (file !== null && method === 'GET') {
			const upload = uploads.get(file[1] ?? '');
			if (upload === undefined) return {status: 404, json: errorBody('404')};
			return {status: 200, headers: {'content-type': upload.contentType}, bytes: upload.bytes};
		}
		if (path === '/api/v2/search' && method === 'GET') return search(request);
		if (path === '/api/v2/custom_statuses') return {status: 200, json: customStatuses};
		if (path === '/api/v2/groups') {
			const {page, meta, links} = cursorPage(request, groups);
			return {status: 200, json: {groups: page, meta, links}};
		}
		if (path === '/api/v2/users/search' && method === 'GET') {
			// Users API: `query=email:ADDRESS` finds the user with that address (any case); include=organizations sideloads.
			const wanted = (request.query.get('query') ?? '').replace(/^email:/, '').toLowerCase();
			const found = [...users.values()].filter((user) => user.email.toLowerCase() === wanted);
			return {
				status: 200,
				json: {
					users: found.map(userView),
					...(includes(request, 'organizations')
						? {organizations: organizations.filter((org) => found.some((user) => user.organization_id === org.id))}
						: {}),
					next_page: null,
					previous_page: null,
					count: found.length,
				},
			};
		}
		const userMatch = /^\/api\/v2\/users\/(\d+)$/.exec(path);
		if (userMatch && method === 'GET') {
			const user = users.get(Number(userMatch[1]));
			if (user === undefined) return {status: 404, json: errorBody('404')};
			const organization = organizations.filter((org) => org.id === user.organization_id);
			return {
				status: 200,
				json: {user: userView(user), ...(includes(request, 'organizations') ? {organizations: organization} : {})},
			};
		}
		const organizationMatch = /^\/api\/v2\/organizations\/(\d+)$/.exec(path);
		if (organizationMatch && method === 'GET') {
			const organization = organizations.find((org) => org.id === Number(organizationMatch[1]));
			return organization === undefined ? {status: 404, json: errorBody('404')} : {status: 200, json: {organization}};
		}
		if (path === '/api/v2/users') {
			const agents = [...users.values()].filter((user) => user.role !== 'end-user').map(userView);
			const {page, meta, links} = cursorPage(request, agents);
			return {status: 200, json: {users: page, meta, links}};
		}
		if (path === '/api/v2/views/active') return {status: 200, json: viewsActive};
		let match = /^\/api\/v2\/views\/(\d+)\/tickets$/.exec(path);
		if (match) {
			if (!viewsActive.views.some((view) => String(view['id']) === match?.[1]))
				return {status: 404, json: errorBody('404')};
			const list = [...tickets.values()].filter((ticket) => statuses.indexOf(ticket.status) < 4);
			const {page, meta, links} = cursorPage(request, list);
			return {
				status: 200,
				json: {
					tickets: page.map((ticket) => publicTicket(ticket, includes(request, 'slas'))),
					...sideloads(page, request.query.get('include') ?? ''),
					meta,
					links,
				},
			};
		}
		if (path === '/api/v2/tickets' && method === 'POST') return createTicket(request);
		if (path === '/api/v2/tickets' && method === 'GET' && request.query.has('external_id')) {
			const wanted = request.query.get('external_id');
			const list = [...tickets.values()].filter((ticket) => ticket['external_id'] === wanted);
			return {status: 200, json: {tickets: list.map((ticket) => publicTicket(ticket, false)), next_page: null}};
		}
		if (path === '/api/v2/tickets/show_many') {
			const ids = (request.query.get('ids') ?? '').split(',').map(Number);
			if (ids.length > 100) return {status: 400, json: errorBody('400_too_many_values_with_max')};
			const list = ids.flatMap((id) => tickets.get(id) ?? []);
			return {
				status: 200,
				json: {
					tickets: list.map((ticket) => publicTicket(ticket, includes(request, 'slas'))),
					...sideloads(list, request.query.get('include') ?? ''),
				},
			};
		}
		if (path === '/api/v2/tickets/update_many' && method === 'PUT') return updateMany(request);
		match = /^\/api\/v2\/job_statuses\/([\w-]+)$/.exec(path);
		if (match) return jobStatus(match[1] ?? '');
		match = /^\/api\/v2\/tickets\/(\d+)$/.exec(path);
		if (match) {
			const ticket = tickets.get(Number(match[1]));
			if (ticket === undefined) return {status: 404, json: errorBody('404')};
			if (method === 'GET') {
				return {
					status: 200,
					json: {
						ticket: publicTicket(ticket, includes(request, 'slas')),
						...sideloads([ticket], request.query.get('include') ?? ''),
					},
				};
			}
			if (method === 'PUT') {
				const changes = ((JSON.parse(request.body || '{}') as Json)['ticket'] ?? {}) as Json;
				const applied = applyUpdate(ticket, changes);
				if ('error' in applied) return applied.error;
				const events: Json[] = [];
				if (applied.comment) {
					events.push({
						id: applied.comment.id,
						type: 'Comment',
						body: applied.comment.body,
						public: applied.comment.public,
						author_id: me.id,
					});
				}
				return {
					status: 200,
					json: {ticket: publicTicket(ticket, false), audit: {id: nextCommentId + 1_000_000, events}},
				};
			}
		}
		match = /^\/api\/v2\/tickets\/(\d+)\/comments$/.exec(path);
		if (match) {
			const ticketId = Number(match[1]);
			if (!tickets.has(ticketId)) return {status: 404, json: errorBody('404')};
			const list = [...(comments.get(ticketId) ?? [])];
			if (request.query.get('sort') === '-created_at') list.reverse();
			const {page, meta, links} = cursorPage(request, list);
			const authors = [...new Set(page.map((comment) => comment.author_id))].flatMap((id) => {
				const user = users.get(id);
				return user ? [userView(user)] : [];
			});
			return {
				status: 200,
				json: {comments: page, ...(includes(request, 'users') ? {users: authors} : {}), meta, links},
			};
		}
		match = /^\/api\/v2\/tickets\/(\d+)\/audits$/.exec(path);
		if (match) {
			const ticketId = Number(match[1]);
			if (!tickets.has(ticketId)) return {status: 404, json: errorBody('404')};
			const {page, meta, links} = cursorPage(request, auditsOf(ticketId));
			return {
				status: 200,
				json: {audits: page, ...(includes(request, 'users') ? {users: auditUsers(page)} : {}), meta, links},
			};
		}
		match = /^\/api\/v2\/users\/(\d+)\/tickets\/requested$/.exec(path);
		if (match) {
			const requester = Number(match[1]);
			const list = [...tickets.values()]
				.filter((ticket) => ticket.requester_id === requester)
				.sort((a, b) => Date.parse(b.updated_at) - Date.parse(a.updated_at));
			const {page, meta, links} = cursorPage(request, list);
			return {
				status: 200,
				json: {
					tickets: page.map((ticket) => publicTicket(ticket, false)),
					...sideloads(page, request.query.get('include') ?? ''),
					meta,
					links,
				},
			};
		}
		if (path === '/api/v2/incremental/tickets/cursor') {
			if (role !== 'admin')
				return {
					status: 403,
					json: {
						error: {
							title: 'Forbidden',
							message:
								'You do not have access to this page. Please contact the account owner of this help desk for further help.',
						},
					},
				};
			const all = [...tickets.values()].sort(
				(a, b) => Date.parse(a.updated_at) - Date.parse(b.updated_at) || a.id - b.id,
			);
			const offset = decode(request.query.get('cursor'));
			const size = Number(request.query.get('per_page') ?? 1000);
			const page = all.slice(offset, offset + size);
			const end = offset + size >= all.length;
			const after = encode(Math.min(all.length, offset + size));
			return {
				status: 200,
				headers: {'zendesk-ratelimit-incremental-exports': 'total=10; remaining=9; resets=2'},
				json: {
					tickets: page.map((ticket) => publicTicket(ticket, includes(request, 'slas'))),
					...sideloads(page, request.query.get('include') ?? ''),
					...(includes(request, 'metric_sets')
						? {metric_sets: page.flatMap((ticket) => metrics.get(ticket.id) ?? [])}
						: {}),
					after_url: `${origin()}/api/v2/incremental/tickets/cursor.json?cursor=${after}`,
					before_url: null,
					after_cursor: after,
					before_cursor: null,
					end_of_stream: end,
				},
			};
		}
		if (path === '/api/v2/ticket_metrics') {
			const list = [...metrics.values()].reverse();
			const {page, meta, links} = cursorPage(request, list);
			return {status: 200, json: {ticket_metrics: page, meta, links}};
		}
		if (path === '/api/v2/satisfaction_ratings') {
			if (role !== 'admin') return {status: 403, json: {error: {title: 'Forbidden', message: 'admins only'}}};
			const list = [
				...fixture<{satisfaction_ratings: Json[]}>('satisfaction_ratings.oas').satisfaction_ratings,
				{
					id: 120448,
					score: 'bad',
					comment: 'Too slow',
					ticket_id: 3,
					created_at: '2026-02-01T10:00:00Z',
					requester_id: 2003,
				},
				{
					id: 120449,
					score: 'offered',
					comment: null,
					ticket_id: 4,
					created_at: '2026-02-02T10:00:00Z',
					requester_id: 2004,
				},
				{
					id: 120450,
					score: 'unoffered',
					comment: null,
					ticket_id: 5,
					created_at: '2026-02-03T10:00:00Z',
					requester_id: 2005,
				},
			];
			const {page, meta, links} = cursorPage(request, list);
			return {status: 200, json: {satisfaction_ratings: page, meta, links}};
		}
		if (path === '/api/v2/macros/active') {
			const list = fixture<{macros: Json[]}>('macros_list.oas');
			return {
				status: 200,
				json: {...list, macros: [...list.macros, fixture<{macro: Json}>('macro_show').macro], count: 3},
			};
		}
		match = /^\/api\/v2\/tickets\/(\d+)\/macros\/(\d+)\/apply$/.exec(path);
		if (match) {
			if (!tickets.has(Number(match[1]))) return {status: 404, json: errorBody('404')};
			return {status: 200, json: fixture('macro_apply_preview.oas')};
		}
		match = /^\/api\/v2\/help_center(?:\/([\w-]+))?\/sections\/(\d+)\/articles$/.exec(path);
		if (match && method === 'POST') return createArticle(request, match[1] ?? null, Number(match[2]));
		match = /^\/api\/v2\/help_center\/articles\/(\d+)$/.exec(path);
		if (match) {
			const article = fixture<{results: Json[]}>('help_center_articles_search.oas').results.find(
				(candidate) => String(candidate['id']) === match?.[1],
			);
			if (article === undefined) return {status: 404, json: errorBody('404')};
			const body = '<h1>Printing</h1><p>Open the order and choose <strong>Print</strong>.</p>';
			return {status: 200, json: {article: {...article, body, html_url: `${origin()}/hc/en/articles/${match[1]}`}}};
		}
		match = /^\/api\/v2\/help_center(?:\/([\w-]+))?\/articles\/search$/.exec(path);
		if (match) {
			const locale = match[1] ?? null;
			const results = [
				...fixture<{results: Json[]}>('help_center_articles_search.oas').results,
				{
					id: 35468,
					title: 'Refunds and returns',
					locale: 'da',
					draft: false,
					html_url: `${origin()}/hc/da/articles/35468-Refunds`,
					snippet: 'Our <em>refund</em> policy: 30 days.',
				},
			].filter((article) => locale === null || article['locale'] === locale);
			return {status: 200, json: {results, count: results.length, next_page: null}};
		}
		return undefined;
	}

	/** CreateArticle as the Help Center OpenAPI describes it (fixture help_center_article_create.oas). */
	function createArticle(request: RecordedRequest, pathLocale: string | null, sectionId: number): FakeAnswer {
		if (!sections.has(sectionId)) return {status: 404, json: errorBody('404')};
		let body: Json;
		try {
			body = JSON.parse(request.body) as Json;
		} catch {
			return {status: 400, json: {error: 'InvalidJson', description: 'the body is not JSON'}};
		}
		const article = body['article'] as Json | undefined;
		const required = ['title', 'locale', 'permission_group_id', 'user_segment_id'];
		const missing = required.filter((key) => article === undefined || !(key in article));
		if (article === undefined || missing.length > 0 || typeof article['title'] !== 'string') {
			const details = Object.fromEntries(missing.map((key) => [key, [{description: `${key} is required`}]]));
			return {status: 422, json: {error: 'RecordInvalid', description: 'Record validation errors', details}};
		}
		const documented = fixture<{response: {article: Json}}>('help_center_article_create.oas').response.article;
		const id = 37486578 + createdArticles.length;
		const locale = String(article['locale']);
		const created: Json = {
			...documented,
			id,
			title: article['title'],
			body: article['body'] ?? null,
			locale,
			section_id: sectionId,
			draft: article['draft'] === true,
			author_id: me.id,
			permission_group_id: article['permission_group_id'],
			user_segment_id: article['user_segment_id'],
			url: `${origin()}/api/v2/help_center/${pathLocale ?? locale}/articles/${id}.json`,
			html_url: `${origin()}/hc/${pathLocale ?? locale}/articles/${id}`,
		};
		createdArticles.push(created);
		return {
			status: 201,
			headers: {location: `${origin()}/api/v2/help_center/articles/${id}.json`},
			json: {article: created},
		};
	}

	/** Idempotency-Key → the body it came with and the answer given (Zendesk keeps keys for two hours). */
	const idempotent = new Map<string, {body: string; answer: FakeAnswer}>();

	/** POST /api/v2/tickets: finds or makes the requester by email, the first comment, CCs, fields; 201 with audit. */
	function createTicket(request: RecordedRequest): FakeAnswer {
		const key = request.headers['idempotency-key'];
		if (typeof key === 'string') {
			const prior = idempotent.get(key);
			if (prior !== undefined) {
				if (prior.body !== request.body)
					return {
						status: 400,
						json: {error: 'IdempotentRequestError', description: 'Request parameters do not match the original'},
					};
				stats.idempotentHits += 1;
				return {...prior.answer, headers: {'x-idempotency-lookup': 'hit'}};
			}
		}
		const input = ((JSON.parse(request.body || '{}') as Json)['ticket'] ?? {}) as Json;
		const comment = (input['comment'] ?? {}) as Json;
		const requester = (input['requester'] ?? {}) as Json;
		if (typeof comment['body'] !== 'string' || comment['body'] === '')
			return {status: 422, json: {error: 'RecordInvalid', details: {description: [{description: 'cannot be blank'}]}}};
		const email = String(requester['email'] ?? '').toLowerCase();
		let user = [...users.values()].find((candidate) => candidate.email.toLowerCase() === email);
		if (user === undefined) {
			const id = 5000 + users.size;
			user = {
				id,
				name: String(requester['name'] ?? email.split('@')[0]),
				email,
				role: 'end-user',
				locale: 'en-US',
				organization_id: null,
			};
			users.set(id, user);
		}
		const id = Math.max(0, ...tickets.keys()) + 1;
		const at = stamp();
		const ticket: FakeTicket = {
			...(templateTicket as FakeTicket),
			url: `${origin()}/api/v2/tickets/${id}.json`,
			id,
			subject: String(input['subject'] ?? ''),
			raw_subject: String(input['subject'] ?? ''),
			description: String(comment['body']),
			status: String(input['status'] ?? 'new'),
			priority: null,
			via: {channel: 'api', source: {from: {}, to: {}, rel: null}},
			requester_id: user.id,
			submitter_id: me.id,
			assignee_id: null,
			group_id: null,
			organization_id: user.organization_id,
			tags: [...((input['tags'] as string[] | undefined) ?? [])],
			external_id: (input['external_id'] as string | undefined) ?? null,
			email_cc_ids: [],
			created_at: at,
			updated_at: at,
			custom_status_id: 6130830355738,
			satisfaction_rating: null,
		};
		tickets.set(id, ticket);
		// Fields go through the same checks as an update (group, assignee, status), on the ticket just made.
		const applied = applyUpdate(ticket, {...input, comment: undefined, tags: undefined});
		if ('error' in applied) {
			tickets.delete(id);
			return applied.error;
		}
		ticket.created_at = ticket.updated_at;
		for (const cc of (input['email_ccs'] as Json[] | undefined) ?? []) {
			const ccEmail = String(cc['user_email'] ?? '').toLowerCase();
			let ccUser = [...users.values()].find((candidate) => candidate.email.toLowerCase() === ccEmail);
			if (ccUser === undefined) {
				ccUser = {
					id: 5000 + users.size,
					name: ccEmail,
					email: ccEmail,
					role: 'end-user',
					locale: 'en-US',
					organization_id: null,
				};
				users.set(ccUser.id, ccUser);
			}
			(ticket['email_cc_ids'] as number[]).push(ccUser.id);
		}
		const made = makeComment(id, me.id, String(comment['body']), comment['public'] !== false, ticket.updated_at);
		attachUploads(made, comment['uploads']);
		// Creation is one audit: the first comment and each field's value (Create events), not changes.
		updates.delete(id);
		recordUpdate(
			id,
			me.id,
			ticket.updated_at,
			['status', 'subject', 'priority', 'group_id', 'assignee_id'].map((field) => ({
				type: 'Create',
				field_name: field,
				value: ticket[field] ?? null,
			})),
			{commentId: made.id, via: ticket.via},
		);
		const created = fixture<{audit: Json}>('ticket_create_with_audit').audit;
		const answer: FakeAnswer = {
			status: 201,
			json: {
				ticket: publicTicket(ticket, false),
				audit: {
					...created,
					id: nextCommentId + 1_000_000,
					ticket_id: id,
					created_at: ticket.created_at,
					author_id: me.id,
					events: [
						{id: made.id, type: 'Comment', author_id: me.id, body: made.body, public: made.public, attachments: []},
					],
				},
			},
		};
		if (typeof key === 'string') idempotent.set(key, {body: request.body, answer});
		return {...answer, headers: {'x-idempotency-lookup': 'miss'}};
	}

	function search(request: RecordedRequest): FakeAnswer {
		const query = request.query.get('query') ?? '';
		const page = Number(request.query.get('page') ?? 1);
		const perPage = Math.min(100, Number(request.query.get('per_page') ?? 100));
		if (request.query.has('page[size]'))
			return {status: 400, json: {error: 'InvalidPaginationParameter', description: 'page must be an integer'}};
		if (page * perPage > 1000) {
			return {
				status: 422,
				json: {error: 'invalid', description: 'Requested response size was greater than Search Response Limits'},
			};
		}
		const sortBy = request.query.get('sort_by') ?? 'created_at';
		const descending = request.query.get('sort_order') === 'desc';
		const matching = [...tickets.values()]
			.filter((ticket) => searchMatches(ticket, query))
			.sort((a, b) => {
				const key = sortBy === 'updated_at' ? 'updated_at' : 'created_at';
				const order = Date.parse(String(a[key])) - Date.parse(String(b[key])) || a.id - b.id;
				return descending ? -order : order;
			});
		const slice = matching.slice((page - 1) * perPage, page * perPage);
		const more = page * perPage < matching.length;
		return {
			status: 200,
			json: {
				results: slice.map((ticket) => ({...publicTicket(ticket, includes(request, 'slas')), result_type: 'ticket'})),
				...sideloads(slice, request.query.get('include') ?? ''),
				facets: null,
				count: matching.length,
				next_page: more ? `${origin()}/api/v2/search.json?page=${page + 1}&per_page=${perPage}` : null,
				previous_page: null,
			},
		};
	}

	function updateMany(request: RecordedRequest): FakeAnswer {
		const items = ((JSON.parse(request.body || '{}') as Json)['tickets'] ?? []) as Json[];
		if (items.length > 100) return {status: 400, json: errorBody('400_too_many_values_with_max')};
		stats.updateManyProcessed += 1;
		const results: Json[] = [];
		for (const [index, item] of items.entries()) {
			const ticket = tickets.get(Number(item['id']));
			if (ticket === undefined) {
				results.push({id: item['id'], index, success: false, error: 'RecordNotFound', details: 'Not found'});
				continue;
			}
			const applied = applyUpdate(ticket, item);
			if ('error' in applied) {
				const body = applied.error.json;
				results.push({
					id: ticket.id,
					index,
					success: false,
					error: body['error'],
					details: body['description'] ?? JSON.stringify(body['details']),
				});
			} else results.push({action: 'update', id: ticket.id, status: 'Updated', success: true});
		}
		const id = `V3-fake${String(nextJob++).padStart(6, '0')}`;
		jobs.set(id, {id, polls: 0, total: items.length, results});
		const queued = fixture<Json>('update_many_job_status_lifecycle')['response_to_PUT (queued)'] as {job_status: Json};
		return {
			status: 200,
			json: {
				job_status: {...queued.job_status, id, url: `${origin()}/api/v2/job_statuses/${id}.json`, total: items.length},
			},
		};
	}

	function jobStatus(id: string): FakeAnswer {
		const job = jobs.get(id);
		if (job === undefined) return {status: 404, json: errorBody('404')};
		job.polls += 1;
		const lifecycle = fixture<Json>('update_many_job_status_lifecycle');
		if (job.polls === 1) {
			const working = (lifecycle['poll_1 GET job_statuses/{id} (working)'] as {job_status: Json}).job_status;
			return {status: 200, json: {job_status: {...working, id, total: job.total, progress: Math.floor(job.total / 3)}}};
		}
		const done = (
			lifecycle['poll_final GET job_statuses/{id} (completed; results shortened to 3 of 100)'] as {job_status: Json}
		).job_status;
		return {
			status: 200,
			json: {job_status: {...done, id, total: job.total, progress: job.total, results: job.results}},
		};
	}

	function oauth(request: RecordedRequest): FakeAnswer {
		const body = JSON.parse(request.body || '{}') as Json;
		const issue = (): FakeAnswer => {
			const access = `access-${issuedTokens.length + 1}-${createHash('sha256').update(String(clock.now())).digest('hex').slice(0, 8)}`;
			const refresh = `refresh-${issuedTokens.length + 1}`;
			issuedTokens.push({access, refresh});
			tokens.add(access);
			refreshTokens.add(refresh);
			return {
				status: 200,
				json: {
					access_token: access,
					refresh_token: refresh,
					token_type: 'bearer',
					scope: 'read write',
					expires_in: 1800,
				},
			};
		};
		if (body['grant_type'] === 'authorization_code') {
			const challenge = codes.get(String(body['code']));
			const verifier = String(body['code_verifier'] ?? '');
			const computed = createHash('sha256').update(verifier).digest('base64url');
			if (challenge === undefined || computed !== challenge) {
				return {
					status: 400,
					json: {error: 'invalid_grant', error_description: 'The provided authorization grant is invalid'},
				};
			}
			codes.delete(String(body['code']));
			return issue();
		}
		if (body['grant_type'] === 'refresh_token') {
			const refresh = String(body['refresh_token']);
			if (!refreshTokens.has(refresh))
				return {status: 400, json: {error: 'invalid_grant', error_description: 'expired'}};
			// Zendesk deletes the old pair on refresh.
			refreshTokens.delete(refresh);
			return issue();
		}
		return {status: 400, json: {error: 'unsupported_grant_type'}};
	}

	const server: FakeServer = await startFakeServer((request) => {
		const intercepted = fake.intercept?.(request);
		if (intercepted !== undefined) return intercepted;
		if (options.quota !== undefined) {
			if (clock.now() >= windowStart + options.quota.windowMs) {
				windowStart = clock.now();
				used = 0;
			}
			if (used >= options.quota.limit) {
				stats.overQuota += 1;
				const wait = Math.ceil((windowStart + options.quota.windowMs - clock.now()) / 1000);
				return {status: 429, headers: {...quotaHeaders(), 'retry-after': String(wait)}, json: errorBody('429_view')};
			}
			used += 1;
		}
		if (options.chaos !== undefined && request.pathname.startsWith('/api/')) {
			const roll = random();
			if (roll < options.chaos.rate429) {
				stats.chaos429 += 1;
				return {
					status: 429,
					headers: {...quotaHeaders(), 'retry-after': String(1 + Math.floor(random() * 3))},
					json: errorBody('429_view'),
				};
			}
			if (roll < options.chaos.rate429 + options.chaos.rate503) {
				stats.chaos503 += 1;
				return {status: 503, headers: {...quotaHeaders(), 'retry-after': '1'}, json: errorBody('500')};
			}
		}
		const answer = route(request);
		if (answer === undefined) return undefined;
		const final = fake.afterRoute?.(request, answer) ?? answer;
		return {...final, headers: {...quotaHeaders(), ...final.headers}};
	});

	const fake: FakeZendesk = {
		url: server.url,
		requests: server.requests,
		tickets,
		comments,
		updates,
		users,
		me,
		createdArticles,
		sections,
		uploads,
		emailCcs,
		stats,
		intercept: undefined,
		afterRoute: undefined,
		addComment(ticketId, authorId, body, isPublic) {
			const ticket = tickets.get(ticketId);
			if (ticket === undefined) throw new Error(`no ticket ${ticketId}`);
			const at = stamp();
			ticket.updated_at = at;
			return makeComment(ticketId, authorId, body, isPublic, at);
		},
		setStatus(ticketId, authorId, status, via) {
			const ticket = tickets.get(ticketId);
			if (ticket === undefined) throw new Error(`no ticket ${ticketId}`);
			const at = stamp();
			const events = changeEvents(ticket, {status});
			const update = recordUpdate(ticketId, authorId, at, events, via === undefined ? {} : {via});
			noteSolve(ticketId, status, at);
			ticket.status = status;
			ticket.updated_at = at;
			return update;
		},
		issueCode(challenge) {
			const code = `code-${codes.size + 1}-${challenge.slice(0, 6)}`;
			codes.set(code, challenge);
			return code;
		},
		issuedTokens,
		close: () => server.close(),
	};
	return fake;
}
