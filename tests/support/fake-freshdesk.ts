import {randomBytes} from 'node:crypto';
import {
	type FakeAnswer,
	type FakeServer,
	type RecordedRequest,
	startFakeServer,
	type VirtualClock,
} from './fake-server.js';
import {deskFixture, errorFixtures} from './fixtures.js';
import {type ParsedPart, parseMultipart} from './multipart-parse.js';

// A stateful fake Freshdesk API v2 on 127.0.0.1, built from the shapes in tests/fixtures/freshdesk: tickets (list with
// filters, Link pagination and includes; show; update), the filter search language, conversations, reply and note,
// bulk_update jobs, agents, groups, contacts, ticket_fields and satisfaction ratings. It checks the API key (basic
// auth, key as user), answers Freshdesk's error envelopes, and advertises a per-minute quota with X-RateLimit-*
// headers (429 + Retry-After past it).

type Json = Record<string, unknown>;

export function fixture<T = Json>(name: string): T {
	return deskFixture<T>('freshdesk', name);
}

export const errorBody = errorFixtures('freshdesk');

/** Freshdesk's 400 envelope (errors.json's shape) for one field. */
export function validationError(field: string, message: string, code: string): FakeAnswer {
	const template = errorBody('400_validation');
	return {status: 400, json: {...template, errors: [{field, message, code}]}};
}

const templateTicket = fixture('ticket_show_with_stats_requester');
const templateConversation = (fixture<Json[]>('ticket_conversations')[0] ?? {}) as Json;
const templateReply = fixture('reply_created');
const templateNote = fixture('note_created');
const templateAgent = fixture('agent_me');
const templateContact = fixture('contact');
const templateRating = (fixture<Json[]>('satisfaction_ratings')[0] ?? {}) as Json;
const bulkFixture = fixture<Record<string, Json>>('bulk_update_and_job');
const statusField = (fixture<Json[]>('ticket_fields_status')[0] ?? {}) as Json;

export type FakeTicket = {
	id: number;
	subject: string;
	status: number;
	priority: number;
	source: number;
	requester_id: number;
	responder_id: number | null;
	group_id: number | null;
	company_id: number | null;
	tags: string[];
	created_at: string;
	updated_at: string;
	due_by: string | null;
	fr_due_by: string | null;
	is_escalated: boolean;
	fr_escalated: boolean;
	description: string;
	description_text: string;
	/** Files the description came with (an outbound email sent as multipart). */
	attachments?: Json[];
	stats: {
		agent_responded_at: string | null;
		requester_responded_at: string | null;
		first_responded_at: string | null;
		status_updated_at: string | null;
		reopened_at: string | null;
		resolved_at: string | null;
		closed_at: string | null;
		pending_since: string | null;
	};
};

export type FakeConversation = Json & {
	id: number;
	body: string;
	body_text: string;
	incoming: boolean;
	private: boolean;
	user_id: number;
	source: number;
	ticket_id: number;
	created_at: string;
};

export type FakeAgent = {id: number; name: string; email: string};
export type FakeContact = {
	id: number;
	name: string;
	email: string;
	language: string;
	company_id: number | null;
	updated_at: string;
	/** Profile fields (Contacts API); the documented contact's when left out. */
	phone?: string | null;
	mobile?: string | null;
	time_zone?: string;
};
type Job = {id: string; polls: number; data: {id: number; success: boolean; error?: Json}[]};

export type FakeFreshdeskOptions = {
	readonly clock: VirtualClock;
	/** Generated tickets (ids 1..n). */
	readonly tickets?: number;
	/** The accepted API key (basic auth user name; any password). */
	readonly apiKey?: string;
	/** Advertised calls per minute (X-RateLimit-Total); past it 429 with Retry-After. */
	readonly ratePerMinute?: number;
	/** Status number of generated ticket `id`. */
	readonly statusFor?: (id: number) => number;
	/** More generated contacts (ids from 8000, each with its own language); tickets cycle through every contact. */
	readonly contacts?: number;
};

/** Languages of generated contacts, as Freshdesk stores them (`language` on the contact). */
export const fakeLanguages = ['da', 'en', 'sv-SE', 'de', 'nb', 'fr', 'pt-BR'] as const;

export type FakeFreshdesk = {
	readonly url: string;
	readonly requests: RecordedRequest[];
	readonly tickets: Map<number, FakeTicket>;
	readonly conversations: Map<number, FakeConversation[]>;
	readonly contacts: Map<number, FakeContact>;
	readonly agents: FakeAgent[];
	readonly me: FakeAgent;
	readonly groups: {id: number; name: string}[];
	readonly ratings: Json[];
	readonly jobs: Map<string, Job>;
	/** Solution articles created through the API, as the fake stored them; folders 80 and 81 exist. */
	readonly createdSolutions: Json[];
	readonly stats: {overQuota: number; bulkJobs: number; puts: number};
	/** Files sent with replies and notes (multipart `attachments[]`), served from another host like Freshdesk's S3. */
	readonly files: Map<number, {name: string; contentType: string; bytes: Buffer}>;
	/** Answers before the fake's own routes; return undefined to fall through. */
	intercept: ((request: RecordedRequest) => FakeAnswer | undefined) | undefined;
	/** Replaces the answer after the fake processed the request (e.g. create a ticket, then drop the connection). */
	afterRoute: ((request: RecordedRequest, answer: FakeAnswer) => FakeAnswer | undefined) | undefined;
	/** The support addresses `GET /api/v2/email_configs` lists (null: the agent may not read them, 403). */
	emailConfigs: Json[] | null;
	/** Another person writes on a ticket (moves updated_at, like the real thing). */
	addConversation(
		ticketId: number,
		fields: {userId: number; body: string; incoming: boolean; private: boolean},
	): FakeConversation;
	close(): Promise<void>;
};

/** Solution articles as `/api/v2/solutions/articles/{id}` answers them (language: the fake's own index). */
const solutionArticles = [
	{
		id: 5001,
		language: 'en',
		title: 'How to return an item',
		description: '<p>You can <strong>return</strong> an unused item within 30 days.</p>',
		status: 2,
		folder_id: 80,
		category_id: 8,
		agent_id: 1,
		tags: ['returns'],
	},
	{
		id: 5002,
		language: 'en',
		title: 'Return policy (draft rewrite)',
		description: '<p>Draft: returns within 60 days?</p>',
		status: 1,
		folder_id: 80,
		category_id: 8,
		agent_id: 1,
		tags: [],
	},
	{
		id: 5003,
		language: 'da',
		title: 'Sådan returnerer du en vare',
		description: '<p>Du har 30 dages returret.</p>',
		status: 2,
		folder_id: 81,
		category_id: 8,
		agent_id: 1,
		tags: [],
	},
];

/** Status numbers from the ticket_fields fixture: 2–5 built in, 6 and 7 custom. */
const knownStatuses = Object.keys(statusField['choices'] as Json).map(Number);
const ticketFields = new Set([
	'status',
	'priority',
	'responder_id',
	'group_id',
	'tags',
	'type',
	'custom_fields',
	'subject',
	'description',
	'source',
	'due_by',
	'fr_due_by',
	'email',
	'requester_id',
	'name',
	'company_id',
	'product_id',
]);
const defaultStatuses = [2, 2, 3, 2, 4, 6, 3, 2, 5, 7, 2, 3];
const sources = [1, 2, 3, 7, 9, 10, 5, 1, 2, 1];
const tagSets = [['billing', 'vip'], ['shipping'], [], ['refund', 'billing'], ['outage'], ['vip']];

const stripTags = (html: string): string =>
	html
		.replace(/<br\s*\/?>/g, '\n')
		.replace(/<\/p>/g, '\n')
		.replace(/<[^>]+>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&')
		.trim();

export async function startFakeFreshdesk(options: FakeFreshdeskOptions): Promise<FakeFreshdesk> {
	const {clock} = options;
	const apiKey = options.apiKey ?? 'fd-api-key';
	// Writes move updated_at forward by at least a second, so two writes never share a timestamp.
	let lastWrite = 0;
	const writeTime = (): string => {
		lastWrite = Math.max(clock.now(), lastWrite + 1000);
		return new Date(lastWrite).toISOString().replace(/\.\d{3}Z$/, 'Z');
	};
	const daysAgo = (days: number): string =>
		new Date(clock.now() - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

	const meContact = templateAgent['contact'] as Json;
	const me: FakeAgent = {
		id: templateAgent['id'] as number,
		name: meContact['name'] as string,
		email: meContact['email'] as string,
	};
	const agents: FakeAgent[] = [me, {id: 6010396334, name: 'Sam Kingston', email: 'sam@example.com'}];
	const groups = [
		{id: 11, name: 'Billing'},
		{id: 12, name: 'Tier 2'},
	];
	const companies = new Map([[501, 'Acme Ltd']]);
	const contacts = new Map<number, FakeContact>();
	const firstContact: FakeContact = {
		id: templateContact['id'] as number,
		name: templateContact['name'] as string,
		email: templateContact['email'] as string,
		language: templateContact['language'] as string,
		company_id: 501,
		updated_at: daysAgo(40),
	};
	contacts.set(firstContact.id, firstContact);
	for (const [index, [name, language]] of [
		['Anna Berg', 'sv'],
		['Lars Holm', 'da'],
		['Kari Nordmann', 'nb'],
		['Jonas Weber', 'de'],
	].entries()) {
		const id = 7000 + index;
		contacts.set(id, {
			id,
			name: name ?? '',
			email: `${(name ?? '').split(' ')[0]?.toLowerCase()}@example.com`,
			language: language ?? 'en',
			company_id: index === 1 ? 501 : null,
			updated_at: daysAgo(30 + index),
			// Lars has only a mobile; the others a phone in their country's format.
			phone: index === 1 ? null : (['+46 70-123 45 67', '', '+47 912 34 567', '+49 151 2345678'][index] ?? null),
			mobile: index === 1 ? '+45 20 30 40 50' : null,
			time_zone: ['Stockholm', 'Copenhagen', 'Oslo', 'Berlin'][index] ?? 'UTC',
		});
	}
	const firstNames = ['Mette', 'Olle', 'Greta', 'Hans', 'Ingrid', 'Amélie', 'João', 'Sofie', 'Nils', 'Karin'];
	for (let index = 0; index < (options.contacts ?? 0); index++) {
		const id = 8000 + index;
		const first = firstNames[index % firstNames.length] ?? 'Kim';
		contacts.set(id, {
			id,
			name: `${first} Kunde${index}`,
			email: `customer${index}@example.com`,
			language: fakeLanguages[index % fakeLanguages.length] ?? 'en',
			company_id: null,
			updated_at: daysAgo(1 + (index % 90)),
		});
	}
	const contactIds = [...contacts.keys()];

	const tickets = new Map<number, FakeTicket>();
	const conversations = new Map<number, FakeConversation[]>();
	let nextConversationId = 1;

	function conversation(
		ticketId: number,
		fields: {userId: number; body: string; incoming: boolean; private: boolean; at: string},
	): FakeConversation {
		const template = fields.private ? templateNote : fields.incoming ? templateConversation : templateReply;
		const html = `<div>${fields.body}</div>`;
		return {
			...template,
			id: nextConversationId++,
			body: html,
			body_text: fields.body,
			incoming: fields.incoming,
			private: fields.private,
			user_id: fields.userId,
			source: fields.private ? 2 : 0,
			ticket_id: ticketId,
			created_at: fields.at,
			updated_at: fields.at,
			attachments: [],
		};
	}

	const count = options.tickets ?? 40;
	for (let id = 1; id <= count; id++) {
		const status = options.statusFor?.(id) ?? (defaultStatuses[(id - 1) % defaultStatuses.length] as number);
		const requesterId = contactIds[(id - 1) % contactIds.length] as number;
		const created = daysAgo(2 + (id % 20));
		const responded = id % 3 === 0 ? null : daysAgo(1 + (id % 20));
		const description =
			id === 1
				? (templateTicket['description_text'] as string)
				: `Hello, ticket ${id} needs help with order ${1000 + id}.`;
		const ticket: FakeTicket = {
			id,
			subject: id === 1 ? (templateTicket['subject'] as string) : `Question ${id} about my order`,
			status,
			priority: 1 + (id % 4),
			source: sources[(id - 1) % sources.length] as number,
			requester_id: requesterId,
			responder_id: id % 3 === 0 ? null : id % 3 === 1 ? me.id : (agents[1]?.id ?? null),
			group_id: id % 4 === 0 ? null : (groups[id % 2]?.id ?? null),
			company_id: contacts.get(requesterId)?.company_id ?? null,
			tags: [...(tagSets[(id - 1) % tagSets.length] ?? [])],
			created_at: created,
			updated_at: daysAgo(1 + (id % 20) - 0.5),
			due_by: daysAgo(-1 - (id % 5)),
			fr_due_by: daysAgo(-(id % 3)),
			is_escalated: id % 7 === 0,
			fr_escalated: id % 5 === 0,
			description: `<div>${description}</div>`,
			description_text: description,
			stats: {
				agent_responded_at: responded,
				requester_responded_at: null,
				first_responded_at: responded,
				status_updated_at: created,
				reopened_at: id % 6 === 0 ? daysAgo(1) : null,
				resolved_at: status === 4 || status === 5 ? daysAgo(1 + (id % 20) - 0.5) : null,
				closed_at: status === 5 ? daysAgo(1 + (id % 20) - 0.5) : null,
				pending_since: status === 3 ? created : null,
			},
		};
		tickets.set(id, ticket);
		const thread: FakeConversation[] = [];
		const base = Date.parse(created);
		const at = (hours: number) => new Date(base + hours * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
		if (ticket.responder_id !== null) {
			thread.push(
				conversation(id, {
					userId: ticket.responder_id,
					body: `Thanks for writing about ticket ${id}.`,
					incoming: false,
					private: false,
					at: at(1),
				}),
			);
			thread.push(
				conversation(id, {userId: requesterId, body: 'Any news?', incoming: true, private: false, at: at(2)}),
			);
			thread.push(
				conversation(id, {
					userId: ticket.responder_id,
					body: 'Checked with the warehouse.',
					incoming: false,
					private: true,
					at: at(3),
				}),
			);
		}
		conversations.set(id, thread);
	}

	const ratings: Json[] = [];
	for (const [index, value] of [103, -103, 100, 101, 103].entries()) {
		const ticket = [...tickets.values()].filter((candidate) => candidate.status === 4 || candidate.status === 5)[index];
		if (ticket === undefined) continue;
		ratings.push({
			...templateRating,
			id: 100 + index,
			user_id: ticket.requester_id,
			agent_id: ticket.responder_id,
			group_id: ticket.group_id,
			ticket_id: ticket.id,
			feedback: value > 100 ? 'Quick and kind' : value < 0 ? 'Took too long' : null,
			ratings: {default_question: value},
			created_at: daysAgo(1 + index),
			updated_at: daysAgo(1 + index),
		});
	}

	const jobs = new Map<string, Job>();
	const createdSolutions: Json[] = [];
	const stats = {overQuota: 0, bulkJobs: 0, puts: 0};
	let server: FakeServer | undefined;

	// ---- rendering -------------------------------------------------------------------------------------------
	function ticketJson(ticket: FakeTicket, include: readonly string[], withDescription: boolean): Json {
		const {stats: ticketStats, description, description_text, ...fields} = ticket;
		const json: Json = {
			cc_emails: [],
			fwd_emails: [],
			reply_cc_emails: [],
			email_config_id: null,
			spam: false,
			type: templateTicket['type'],
			to_emails: null,
			product_id: null,
			custom_fields: templateTicket['custom_fields'],
			...fields,
			tags: [...ticket.tags],
		};
		if (withDescription || include.includes('description')) Object.assign(json, {description, description_text});
		if (withDescription)
			json['attachments'] = ticket.attachments ?? (ticket.id === 1 ? templateTicket['attachments'] : []);
		if (include.includes('stats')) json['stats'] = {...ticketStats};
		if (include.includes('requester')) {
			const contact = contacts.get(ticket.requester_id);
			json['requester'] = {
				id: ticket.requester_id,
				name: contact?.name ?? null,
				email: contact?.email ?? null,
				mobile: null,
				phone: null,
			};
		}
		if (include.includes('company')) {
			json['company'] =
				ticket.company_id === null ? null : {id: ticket.company_id, name: companies.get(ticket.company_id)};
		}
		return json;
	}

	const agentJson = (agent: FakeAgent): Json => ({
		...templateAgent,
		id: agent.id,
		contact: {...(templateAgent['contact'] as Json), name: agent.name, email: agent.email},
	});

	const contactJson = (contact: FakeContact): Json => ({...templateContact, ...contact});

	/** A page of a list with Freshdesk's `Link: <…>; rel="next"` header when there is more. */
	function listPage<T>(
		request: RecordedRequest,
		items: readonly T[],
		render: (item: T) => unknown,
		defaultPerPage = 30,
	): FakeAnswer {
		const page = Number(request.query.get('page') ?? '1');
		const perPage = Number(request.query.get('per_page') ?? String(defaultPerPage));
		if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) {
			return validationError('per_page', 'It should be a Positive Integer less than or equal to 100', 'invalid_value');
		}
		if (!Number.isInteger(page) || page < 1)
			return validationError('page', 'It should be a Positive Integer', 'invalid_value');
		const slice = items.slice((page - 1) * perPage, page * perPage);
		const headers: Record<string, string> = {};
		if (page * perPage < items.length) {
			const next = new URLSearchParams(request.query);
			next.set('page', String(page + 1));
			headers['link'] = `<${server?.url}${request.pathname}?${next.toString()}>; rel="next"`;
		}
		return {status: 200, json: slice.map(render), headers};
	}

	// ---- search ------------------------------------------------------------------------------------------------
	type Node =
		| {op: 'and' | 'or'; items: Node[]}
		| {field: string; cmp: ':' | ':>' | ':<'; value: string | number | null};
	function parseQuery(text: string): Node {
		const tokens = text.match(/\(|\)|\bAND\b|\bOR\b|[a-z_]+:[<>]?(?:'[^']*'|[^\s()]+)/g) ?? [];
		if (tokens.join('').replace(/\s/g, '') !== text.replace(/\s/g, '')) throw new Error('unreadable query');
		let position = 0;
		const expression = (): Node => {
			const items = [term()];
			let op: 'and' | 'or' | null = null;
			while (tokens[position] === 'AND' || tokens[position] === 'OR') {
				const next = tokens[position] === 'AND' ? 'and' : 'or';
				if (op !== null && op !== next) throw new Error('mixed AND/OR without parentheses');
				op = next;
				position++;
				items.push(term());
			}
			return items.length === 1 ? (items[0] as Node) : {op: op ?? 'and', items};
		};
		const term = (): Node => {
			const token = tokens[position++];
			if (token === '(') {
				const inner = expression();
				if (tokens[position++] !== ')') throw new Error('missing )');
				return inner;
			}
			const match = /^([a-z_]+)(:[<>]?)(.*)$/.exec(token ?? '');
			if (!match) throw new Error(`unexpected ${token}`);
			const raw = match[3] ?? '';
			const value =
				raw === 'null' ? null : raw.startsWith("'") ? raw.slice(1, -1) : Number.isNaN(Number(raw)) ? raw : Number(raw);
			return {field: match[1] ?? '', cmp: match[2] as ':' | ':>' | ':<', value};
		};
		const tree = expression();
		if (position !== tokens.length) throw new Error('trailing tokens');
		return tree;
	}
	const searchable: Record<string, (ticket: FakeTicket) => unknown> = {
		status: (ticket) => ticket.status,
		priority: (ticket) => ticket.priority,
		agent_id: (ticket) => ticket.responder_id,
		group_id: (ticket) => ticket.group_id,
		requester_id: (ticket) => ticket.requester_id,
		tag: (ticket) => ticket.tags,
		type: () => templateTicket['type'],
		created_at: (ticket) => ticket.created_at.slice(0, 10),
		updated_at: (ticket) => ticket.updated_at.slice(0, 10),
		due_by: (ticket) => ticket.due_by?.slice(0, 10) ?? null,
	};
	function evaluate(node: Node, ticket: FakeTicket): boolean {
		if ('op' in node)
			return node.op === 'and'
				? node.items.every((item) => evaluate(item, ticket))
				: node.items.some((item) => evaluate(item, ticket));
		const read = searchable[node.field];
		if (read === undefined) throw new Error(`field ${node.field}`);
		const actual = read(ticket);
		if (Array.isArray(actual))
			return actual.some((value) => String(value).toLowerCase() === String(node.value).toLowerCase());
		if (node.cmp === ':') return node.value === null ? actual === null : actual === node.value;
		// Freshdesk's :> and :< include the bound.
		if (actual === null || node.value === null) return false;
		return node.cmp === ':>' ? (actual as number | string) >= node.value : (actual as number | string) <= node.value;
	}

	function search(request: RecordedRequest): FakeAnswer {
		const raw = request.query.get('query') ?? '';
		if (!/^".*"$/s.test(raw))
			return validationError('query', 'It should be enclosed in double quotes', 'invalid_value');
		const text = raw.slice(1, -1);
		if (text.length > 512)
			return validationError('query', 'It should not be more than 512 characters', 'invalid_value');
		const page = Number(request.query.get('page') ?? '1');
		if (!Number.isInteger(page) || page < 1 || page > 10) {
			return validationError('page', 'It should be a Positive Integer less than or equal to 10', 'invalid_value');
		}
		let tree: Node;
		try {
			tree = parseQuery(text);
			for (const ticket of tickets.values()) evaluate(tree, ticket);
		} catch (error) {
			return validationError('query', `Invalid query: ${(error as Error).message}`, 'invalid_value');
		}
		const matching = [...tickets.values()]
			.filter((ticket) => evaluate(tree, ticket))
			.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id);
		return {
			status: 200,
			json: {
				total: matching.length,
				results: matching.slice((page - 1) * 30, page * 30).map((ticket) => ticketJson(ticket, [], false)),
			},
		};
	}

	// ---- writes -----------------------------------------------------------------------------------------------
	/** Validates ticket properties like Freshdesk does; returns a 400 answer or null. */
	function invalidProperties(properties: Json): FakeAnswer | null {
		for (const key of Object.keys(properties)) {
			if (!ticketFields.has(key)) return validationError(key, 'Unexpected/invalid field in request', 'invalid_field');
		}
		if ('status' in properties && !knownStatuses.includes(properties['status'] as number)) {
			const template = (errorBody('400_invalid_value')['errors'] as Json[])[0] as Json;
			return validationError(
				'status',
				`It should be one of these values: '${knownStatuses.join(',')}'`,
				template['code'] as string,
			);
		}
		if ('priority' in properties && ![1, 2, 3, 4].includes(properties['priority'] as number)) {
			return validationError('priority', "It should be one of these values: '1,2,3,4'", 'invalid_value');
		}
		if (
			'responder_id' in properties &&
			properties['responder_id'] !== null &&
			!agents.some((agent) => agent.id === properties['responder_id'])
		) {
			return validationError('responder_id', 'There is no agent matching the given responder_id', 'invalid_value');
		}
		if ('group_id' in properties && !groups.some((group) => group.id === properties['group_id'])) {
			return validationError('group_id', 'There is no group matching the given group_id', 'invalid_value');
		}
		if (
			'tags' in properties &&
			(!Array.isArray(properties['tags']) || (properties['tags'] as unknown[]).some((tag) => typeof tag !== 'string'))
		) {
			return validationError('tags', 'It should be an Array of String', 'datatype_mismatch');
		}
		return null;
	}

	function apply(ticket: FakeTicket, properties: Json): void {
		const at = writeTime();
		if (typeof properties['status'] === 'number' && properties['status'] !== ticket.status) {
			const status = properties['status'];
			if ((ticket.status === 4 || ticket.status === 5) && status !== 4 && status !== 5) ticket.stats.reopened_at = at;
			ticket.status = status;
			ticket.stats.status_updated_at = at;
			if (status === 4) ticket.stats.resolved_at = at;
			if (status === 5) ticket.stats.closed_at = at;
			ticket.stats.pending_since = status === 3 ? at : null;
		}
		if (typeof properties['priority'] === 'number') ticket.priority = properties['priority'];
		if ('responder_id' in properties) ticket.responder_id = properties['responder_id'] as number | null;
		if (typeof properties['group_id'] === 'number') ticket.group_id = properties['group_id'];
		if (Array.isArray(properties['tags'])) ticket.tags = [...(properties['tags'] as string[])];
		ticket.updated_at = at;
	}

	function addConversation(
		ticketId: number,
		fields: {userId: number; body: string; incoming: boolean; private: boolean},
	): FakeConversation {
		const ticket = tickets.get(ticketId);
		if (ticket === undefined) throw new Error(`no ticket ${ticketId}`);
		const at = writeTime();
		const created = conversation(ticketId, {...fields, at});
		conversations.get(ticketId)?.push(created);
		ticket.updated_at = at;
		if (!fields.incoming && !fields.private) {
			ticket.stats.first_responded_at ??= at;
			ticket.stats.agent_responded_at = at;
		}
		if (fields.incoming) ticket.stats.requester_responded_at = at;
		return created;
	}

	function post(ticket: FakeTicket, body: Json, kind: 'reply' | 'note'): FakeAnswer {
		if (typeof body['body'] !== 'string' || body['body'].trim() === '') {
			const template = (errorBody('400_validation')['errors'] as Json[])[0] as Json;
			return validationError('body', template['message'] as string, template['code'] as string);
		}
		const isPrivate = kind === 'note' ? body['private'] !== false : false;
		const created = addConversation(ticket.id, {userId: me.id, body: '', incoming: false, private: isPrivate});
		created.body = body['body'];
		created.body_text = stripTags(body['body']);
		if (kind === 'reply') {
			created['to_emails'] = [contacts.get(ticket.requester_id)?.email ?? null];
			created['from_email'] = templateReply['from_email'];
		}
		return {status: 201, json: created};
	}

	/**
	 * `POST /api/v2/tickets` and `/outbound_email`: the requester by email (a new contact when unknown), the description
	 * as the first message; outbound email needs `email_config_id`, `status` and `priority`, and is source 10.
	 */
	function createTicket(body: Json, outbound: boolean): FakeAnswer {
		const {email, name, subject, description, email_config_id, cc_emails, source, ...properties} = body;
		for (const field of outbound ? ['email', 'subject', 'description', 'email_config_id', 'status', 'priority'] : [])
			if (body[field] === undefined) return validationError(field, 'It should not be blank', 'missing_field');
		if (typeof email !== 'string' || typeof subject !== 'string' || typeof description !== 'string')
			return validationError('email', 'It should not be blank', 'missing_field');
		if (outbound && !(fake.emailConfigs ?? []).some((config) => config['id'] === email_config_id))
			return validationError('email_config_id', 'There is no email_config matching the given id', 'invalid_value');
		const invalid = invalidProperties(properties);
		if (invalid) return invalid;
		let contact = [...contacts.values()].find((candidate) => candidate.email === email.toLowerCase());
		if (contact === undefined) {
			const id = 9000 + contacts.size;
			contact = {
				id,
				name: typeof name === 'string' ? name : email,
				email: email.toLowerCase(),
				language: 'en',
				company_id: null,
				updated_at: writeTime(),
			};
			contacts.set(id, contact);
		}
		const at = writeTime();
		const id = Math.max(0, ...tickets.keys()) + 1;
		const ticket: FakeTicket = {
			id,
			subject,
			status: 2,
			priority: 1,
			source: outbound ? 10 : typeof source === 'number' ? source : 2,
			requester_id: contact.id,
			responder_id: null,
			group_id: null,
			company_id: contact.company_id,
			tags: [],
			created_at: at,
			updated_at: at,
			due_by: null,
			fr_due_by: null,
			is_escalated: false,
			fr_escalated: false,
			description,
			description_text: stripTags(description),
			stats: {
				agent_responded_at: null,
				requester_responded_at: null,
				first_responded_at: null,
				status_updated_at: at,
				reopened_at: null,
				resolved_at: null,
				closed_at: null,
				pending_since: null,
			},
		};
		apply(ticket, properties);
		ticket.created_at = ticket.updated_at;
		(ticket as FakeTicket & {cc_emails: unknown}).cc_emails = Array.isArray(cc_emails) ? cc_emails : [];
		tickets.set(id, ticket);
		conversations.set(id, []);
		return {status: 201, json: {...ticketJson(ticket, [], true), cc_emails: Array.isArray(cc_emails) ? cc_emails : []}};
	}

	const files: FakeFreshdesk['files'] = new Map();

	/** A reply or note sent as multipart/form-data: fields, `cc_emails[]` and `attachments[]` files. */
	function postMultipart(ticket: FakeTicket, parts: ParsedPart[], kind: 'reply' | 'note'): FakeAnswer {
		const field = (name: string) => parts.find((part) => part.name === name && part.fileName === null)?.data.toString();
		const body: Json = {body: field('body')};
		if (field('private') !== undefined) body['private'] = field('private') === 'true';
		const answer = post(ticket, body, kind);
		if (answer.status !== 201) return answer;
		const created = answer.json as FakeConversation;
		const cc = parts.filter((part) => part.name === 'cc_emails[]').map((part) => part.data.toString());
		if (kind === 'reply') created['cc_emails'] = cc;
		created.attachments = storeFiles(parts);
		return answer;
	}

	/**
	 * A ticket created as multipart/form-data (an outbound email with files): fields as form values (`name[]` repeated
	 * for arrays, numbers as text, which Freshdesk reads as numbers), the files on the description.
	 */
	function createMultipart(parts: ParsedPart[], outbound: boolean): FakeAnswer {
		const body: Json = {};
		const numeric = new Set(['status', 'priority', 'email_config_id', 'responder_id', 'group_id', 'source']);
		for (const part of parts) {
			if (part.fileName !== null) continue;
			const value = part.data.toString();
			if (part.name.endsWith('[]')) {
				const name = part.name.slice(0, -2);
				body[name] = [...((body[name] as string[] | undefined) ?? []), value];
			} else body[part.name] = numeric.has(part.name) ? Number(value) : value;
		}
		const answer = createTicket(body, outbound);
		if (answer.status !== 201) return answer;
		const created = answer.json as Json;
		const ticket = tickets.get(created['id'] as number);
		if (ticket !== undefined) ticket.attachments = storeFiles(parts);
		created['attachments'] = ticket?.attachments ?? [];
		return answer;
	}

	/** The request's `attachments[]` files, kept like Freshdesk's S3: a signed link on another host, fetched without the API key. */
	function storeFiles(parts: ParsedPart[]): Json[] {
		const fileHost = (server?.url ?? '').replace('127.0.0.1', 'localhost');
		return parts
			.filter((part) => part.name === 'attachments[]' && part.fileName !== null)
			.map((part) => {
				const id = 5_000 + files.size;
				const contentType = part.contentType ?? 'application/octet-stream';
				files.set(id, {name: part.fileName ?? '', contentType, bytes: part.data});
				return {
					id,
					name: part.fileName,
					content_type: contentType,
					size: part.data.length,
					attachment_url: `${fileHost}/s3/files/${id}/${encodeURIComponent(part.fileName ?? '')}?X-Amz-Signature=fake`,
				};
			});
	}

	function bulkUpdate(body: Json): FakeAnswer {
		const action = body['bulk_action'] as Json | undefined;
		const ids = action?.['ids'];
		if (!Array.isArray(ids) || ids.length === 0 || ids.length > 100) {
			return validationError('ids', 'It should contain elements between 1 and 100', 'invalid_value');
		}
		const properties = (action?.['properties'] ?? {}) as Json;
		const invalid = invalidProperties(properties);
		if (invalid) return invalid;
		const data = (ids as number[]).map((id) => {
			const ticket = tickets.get(id);
			if (ticket === undefined) return {id, success: false, error: {message: 'Ticket not found'}};
			apply(ticket, properties);
			return {id, success: true};
		});
		const job: Job = {id: randomBytes(16).toString('hex'), polls: 0, data};
		jobs.set(job.id, job);
		stats.bulkJobs += 1;
		return {status: 202, json: {...bulkFixture['response_202'], job_id: job.id}};
	}

	function jobAnswer(job: Job): FakeAnswer {
		job.polls += 1;
		// The fixture's order: one poll while running, then the result.
		if (job.polls === 1) return {status: 200, json: {...bulkFixture['poll_GET_api_v2_jobs_{job_id}_while_running']}};
		const finished = bulkFixture['poll_GET_api_v2_jobs_{job_id}_finished'] ?? {};
		return {
			status: 200,
			json: {
				...finished,
				status: job.data.every((item) => item.success) ? 'COMPLETED' : finished['status'],
				data: job.data,
			},
		};
	}

	// ---- routing ------------------------------------------------------------------------------------------------
	const windowMs = 60_000;
	let windowStart = clock.now();
	let used = 0;

	function authorised(request: RecordedRequest): boolean {
		const header = request.headers.authorization ?? '';
		if (!header.startsWith('Basic ')) return false;
		const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		// The key is the user name; Freshdesk ignores the password ("X" by convention).
		return colon > 0 && decoded.slice(0, colon) === apiKey;
	}

	function parseBody(request: RecordedRequest): {body: Json} | {answer: FakeAnswer} {
		try {
			const value = JSON.parse(request.body || '{}') as unknown;
			if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
			return {body: value as Json};
		} catch {
			return {answer: validationError('', 'Invalid JSON', 'invalid_json')};
		}
	}

	/** "Create a Solution Article" (fixture solution_article_created): title, description and status 1|2 required. */
	function createSolution(request: RecordedRequest, folderId: number): FakeAnswer {
		const folder = solutionArticles.find((article) => article.folder_id === folderId);
		if (folder === undefined) return {status: 404, body: ''};
		const parsed = parseBody(request);
		if ('answer' in parsed) return parsed.answer;
		const {title, description, status} = parsed.body;
		if (typeof title !== 'string' || title === '')
			return validationError('title', 'It should not be blank as this is a mandatory field', 'missing_field');
		if (typeof description !== 'string' || description === '')
			return validationError('description', 'It should not be blank as this is a mandatory field', 'missing_field');
		if (status !== 1 && status !== 2)
			return validationError('status', 'It should be one of these values: 1,2', 'invalid_value');
		const created: Json = {
			...fixture('solution_article_created'),
			id: 5100 + createdSolutions.length,
			folder_id: folderId,
			category_id: folder.category_id,
			agent_id: me.id,
			title,
			description,
			status,
		};
		createdSolutions.push(created);
		return {status: 201, json: created};
	}

	function route(request: RecordedRequest): FakeAnswer | undefined {
		const {method, pathname: path, query} = request;
		const solutionSearch = /^\/api\/v2\/search\/solutions(?:\/([\w-]+))?$/.exec(path);
		if (method === 'GET' && solutionSearch) {
			const term = (query.get('term') ?? '').toLowerCase();
			if (term === '')
				return validationError('term', 'It should not be blank as this is a mandatory field', 'missing_field');
			const language = solutionSearch[1] ?? 'en';
			const found = solutionArticles.filter(
				(article) =>
					article.language === language && `${article.title} ${article.description}`.toLowerCase().includes(term),
			);
			return {status: 200, json: found.map(({language: _language, ...article}) => article)};
		}
		const solutionCreate = /^\/api\/v2\/solutions\/folders\/(\d+)\/articles$/.exec(path);
		if (method === 'POST' && solutionCreate) return createSolution(request, Number(solutionCreate[1]));
		const solutionShow = /^\/api\/v2\/solutions\/articles\/(\d+)$/.exec(path);
		if (method === 'GET' && solutionShow) {
			const article = solutionArticles.find((candidate) => candidate.id === Number(solutionShow[1]));
			if (article === undefined) return {status: 404, body: ''};
			const {language: _language, ...json} = article;
			return {status: 200, json};
		}
		const include = (query.get('include') ?? '').split(',').filter((part) => part !== '');
		if (method === 'GET' && path === '/api/v2/agents/me') return {status: 200, json: agentJson(me)};
		if (method === 'GET' && path === '/api/v2/agents') {
			const email = query.get('email');
			const list = email === null ? agents : agents.filter((agent) => agent.email === email.toLowerCase());
			return listPage(request, list, agentJson, 50);
		}
		if (method === 'GET' && path === '/api/v2/groups')
			return listPage(request, groups, (group) => ({...group, description: null}));
		if (method === 'GET' && path === '/api/v2/ticket_fields') {
			// The default group and agent fields name every group and agent: `choices` is `{name: id}`.
			const [groupField, agentField] = fixture<Json[]>('ticket_fields_agent_group');
			const groupChoices = Object.fromEntries(groups.map((group) => [group.name, group.id]));
			const agentChoices = Object.fromEntries(agents.map((agent) => [agent.name, agent.id]));
			return {
				status: 200,
				json: [
					...fixture<Json[]>('ticket_fields_status'),
					{...groupField, choices: groupChoices},
					{...agentField, choices: agentChoices},
				],
			};
		}
		if (method === 'GET' && path === '/api/v2/contacts') {
			const since = query.get('_updated_since');
			if (since !== null && Number.isNaN(Date.parse(since)))
				return validationError('_updated_since', 'It should be a valid date in ISO 8601 format', 'invalid_value');
			const email = query.get('email');
			const list = [...contacts.values()]
				.filter((contact) => since === null || Date.parse(contact.updated_at) >= Date.parse(since))
				.filter((contact) => email === null || contact.email === email.toLowerCase())
				.sort((a, b) => a.id - b.id);
			return listPage(request, list, contactJson);
		}
		const contactMatch = /^\/api\/v2\/contacts\/(\d+)$/.exec(path);
		if (method === 'GET' && contactMatch) {
			const contact = contacts.get(Number(contactMatch[1]));
			return contact === undefined ? {status: 404, body: ''} : {status: 200, json: contactJson(contact)};
		}
		const companyMatch = /^\/api\/v2\/companies\/(\d+)$/.exec(path);
		if (method === 'GET' && companyMatch) {
			const name = companies.get(Number(companyMatch[1]));
			return name === undefined
				? {status: 404, body: ''}
				: {status: 200, json: {id: Number(companyMatch[1]), name, description: null, domains: []}};
		}
		if (method === 'GET' && path === '/api/v2/search/tickets') return search(request);
		if (method === 'GET' && path === '/api/v2/tickets') {
			const filter = query.get('filter');
			if (filter !== null && !['new_and_my_open', 'watching', 'spam', 'deleted'].includes(filter)) {
				return validationError(
					'filter',
					"It should be one of these values: 'new_and_my_open,watching,spam,deleted'",
					'invalid_value',
				);
			}
			const since = query.get('updated_since');
			const requester = query.get('requester_id');
			const requesterEmail = query.get('email')?.toLowerCase() ?? null;
			const orderBy = query.get('order_by') ?? 'created_at';
			const ascending = query.get('order_type') === 'asc';
			let list = [...tickets.values()];
			// Without updated_since Freshdesk lists only tickets created in the last 30 days.
			list =
				since === null
					? list.filter((ticket) => Date.parse(ticket.created_at) >= clock.now() - 30 * 86_400_000)
					: list.filter((ticket) => Date.parse(ticket.updated_at) >= Date.parse(since));
			if (requester !== null) list = list.filter((ticket) => ticket.requester_id === Number(requester));
			if (requesterEmail !== null)
				list = list.filter((ticket) => contacts.get(ticket.requester_id)?.email.toLowerCase() === requesterEmail);
			if (filter === 'new_and_my_open')
				list = list.filter(
					(ticket) => ticket.status === 2 && (ticket.responder_id === null || ticket.responder_id === me.id),
				);
			if (filter === 'spam' || filter === 'deleted' || filter === 'watching') list = [];
			const key = (ticket: FakeTicket): number =>
				orderBy === 'status' ? ticket.status : Date.parse(String(ticket[orderBy as 'created_at'] ?? ticket.created_at));
			list.sort((a, b) => (ascending ? key(a) - key(b) || a.id - b.id : key(b) - key(a) || b.id - a.id));
			return listPage(request, list, (ticket) => ticketJson(ticket, include, false));
		}
		if (method === 'GET' && path === '/api/v2/email_configs')
			return fake.emailConfigs === null
				? {status: 403, json: errorBody('403')}
				: {status: 200, json: fake.emailConfigs};
		if (method === 'POST' && (path === '/api/v2/tickets' || path === '/api/v2/tickets/outbound_email')) {
			const multipart = parseMultipart(request.headers['content-type'], request.raw);
			if (multipart !== null) return createMultipart(multipart, path.endsWith('outbound_email'));
			const parsed = parseBody(request);
			return 'answer' in parsed ? parsed.answer : createTicket(parsed.body, path.endsWith('outbound_email'));
		}
		if (method === 'POST' && path === '/api/v2/tickets/bulk_update') {
			const parsed = parseBody(request);
			return 'answer' in parsed ? parsed.answer : bulkUpdate(parsed.body);
		}
		const jobMatch = /^\/api\/v2\/jobs\/([0-9a-f]+)$/.exec(path);
		if (method === 'GET' && jobMatch) {
			const job = jobs.get(jobMatch[1] ?? '');
			return job === undefined ? {status: 404, body: ''} : jobAnswer(job);
		}
		if (method === 'GET' && path === '/api/v2/surveys/satisfaction_ratings') {
			const since = query.get('created_since');
			const user = query.get('user_id');
			const list = ratings.filter(
				(rating) =>
					(since === null || Date.parse(rating['created_at'] as string) >= Date.parse(since)) &&
					(user === null || rating['user_id'] === Number(user)),
			);
			return listPage(request, list, (rating) => rating);
		}
		const ticketMatch = /^\/api\/v2\/tickets\/(\d+)(?:\/(conversations|reply|notes))?$/.exec(path);
		if (ticketMatch) {
			const ticket = tickets.get(Number(ticketMatch[1]));
			if (ticket === undefined) return {status: 404, body: ''};
			const sub = ticketMatch[2];
			if (method === 'GET' && sub === undefined) return {status: 200, json: ticketJson(ticket, include, true)};
			if (method === 'GET' && sub === 'conversations')
				return listPage(request, conversations.get(ticket.id) ?? [], (item) => item);
			if (method === 'PUT' && sub === undefined) {
				const parsed = parseBody(request);
				if ('answer' in parsed) return parsed.answer;
				const invalid = invalidProperties(parsed.body);
				if (invalid) return invalid;
				stats.puts += 1;
				apply(ticket, parsed.body);
				return {status: 200, json: ticketJson(ticket, [], true)};
			}
			if (method === 'POST' && (sub === 'reply' || sub === 'notes')) {
				const multipart = parseMultipart(request.headers['content-type'], request.raw);
				if (multipart !== null) return postMultipart(ticket, multipart, sub === 'reply' ? 'reply' : 'note');
				const parsed = parseBody(request);
				return 'answer' in parsed ? parsed.answer : post(ticket, parsed.body, sub === 'reply' ? 'reply' : 'note');
			}
			return {status: 405, body: ''};
		}
		return undefined;
	}

	server = await startFakeServer((request) => {
		const intercepted = fake.intercept?.(request);
		if (intercepted) return intercepted;
		const file = /^\/s3\/files\/(\d+)\//.exec(request.pathname);
		if (file !== null && request.method === 'GET') {
			// A signed S3 link: no API key wanted, and one sent would be a leak.
			const stored = files.get(Number(file[1]));
			if (
				stored === undefined ||
				request.headers.authorization !== undefined ||
				request.headers.host?.startsWith('127.')
			)
				return {status: 403, body: '<Error><Code>AccessDenied</Code></Error>'};
			return {status: 200, headers: {'content-type': stored.contentType}, bytes: stored.bytes};
		}
		if (!authorised(request)) return {status: 401, json: errorBody('401')};
		const headers: Record<string, string> = {};
		const limit = options.ratePerMinute;
		if (limit !== undefined) {
			if (clock.now() - windowStart >= windowMs) {
				windowStart = clock.now();
				used = 0;
			}
			if (used >= limit) {
				stats.overQuota += 1;
				const retryAfter = Math.max(1, Math.ceil((windowStart + windowMs - clock.now()) / 1000));
				return {
					status: 429,
					body: '',
					headers: {
						'retry-after': String(retryAfter),
						'x-ratelimit-total': String(limit),
						'x-ratelimit-remaining': '0',
					},
				};
			}
			used += 1;
			headers['x-ratelimit-total'] = String(limit);
			headers['x-ratelimit-remaining'] = String(limit - used);
			headers['x-ratelimit-used-currentrequest'] = '1';
		}
		const routed = route(request) ?? {status: 404, body: ''};
		const answer = fake.afterRoute?.(request, routed) ?? routed;
		return {...answer, headers: {...headers, ...answer.headers}};
	});

	const fake: FakeFreshdesk = {
		url: server.url,
		requests: server.requests,
		tickets,
		conversations,
		contacts,
		agents,
		me,
		groups,
		ratings,
		jobs,
		createdSolutions,
		stats,
		files,
		intercept: undefined,
		afterRoute: undefined,
		emailConfigs: [
			{id: 301, name: 'Sales', to_email: 'sales@fake.freshdesk.test', primary_role: false, active: true},
			{id: 302, name: 'Support', to_email: 'support@fake.freshdesk.test', primary_role: true, active: true},
		],
		addConversation,
		close: () => server?.close() ?? Promise.resolve(),
	};
	return fake;
}
