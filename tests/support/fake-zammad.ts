import {
	type FakeAnswer,
	type FakeServer,
	type RecordedRequest,
	startFakeServer,
	type VirtualClock,
} from './fake-server.js';
import {deskFixture, errorFixtures} from './fixtures.js';

// A stateful fake Zammad REST API v1 on 127.0.0.1, built from the documented payloads in tests/fixtures/zammad:
// users/me and users, groups, ticket_states, ticket_priorities, organizations, the ticket list (page/per_page, max
// 100, id order), search (the query-string subset csr sends: `field:value`, `field:(a OR b)`, AND, free text over the
// title; unsupported syntax answers 422), show and update of tickets, articles by ticket and article creation, tags
// (list/add/remove) and overviews (an unknown view answers 200 with an empty body, as documented). It checks
// `Authorization: Token token=…` or basic auth and answers Zammad's `{error, error_human}` envelopes.

type Json = Record<string, unknown>;

export function zammadFixture<T = Json>(name: string): T {
	return deskFixture<T>('zammad', name);
}

export const zammadError = errorFixtures('zammad');

const templateTicket = zammadFixture('ticket_show');
const templateArticles = zammadFixture<Json[]>('ticket_articles_by_ticket');
const templateCreatedArticle = zammadFixture('article_create_response');
const templateMe = zammadFixture('users_me');
const states = zammadFixture<Json[]>('ticket_states');
const priorities = zammadFixture<Json[]>('ticket_priorities');
const groups = zammadFixture<(Json & {id: number; name: string})[]>('groups');

export type FakeZammadTicket = Json & {
	id: number;
	title: string;
	state_id: number;
	priority_id: number;
	group_id: number;
	owner_id: number;
	customer_id: number;
	organization_id: number | null;
	created_at: string;
	updated_at: string;
};
export type FakeZammadArticle = Json & {
	id: number;
	ticket_id: number;
	body: string;
	internal: boolean;
	sender: string;
	type: string;
	created_by_id: number;
	created_at: string;
};
export type FakeZammadUser = Json & {id: number; firstname: string; lastname: string; email: string; login: string};

export type FakeZammadOptions = {
	readonly clock: VirtualClock;
	readonly tickets?: number;
	/** The accepted access token. */
	readonly token?: string;
	/** Accepted basic-auth login and password, if any. */
	readonly basic?: {readonly login: string; readonly password: string} | undefined;
	readonly stateFor?: (id: number) => number;
	/** false: a Zammad without Elasticsearch, whose field searches answer an empty list (as documented). */
	readonly elasticsearch?: boolean;
	/** Real milliseconds each article creation takes (so a bulk run can be killed in the middle). */
	readonly writeDelayMs?: number;
};

export type FakeZammad = {
	readonly url: string;
	readonly requests: RecordedRequest[];
	readonly tickets: Map<number, FakeZammadTicket>;
	readonly articles: Map<number, FakeZammadArticle[]>;
	readonly tags: Map<number, string[]>;
	readonly users: Map<number, FakeZammadUser>;
	readonly me: FakeZammadUser;
	intercept: ((request: RecordedRequest) => FakeAnswer | undefined) | undefined;
	/** Someone else writes on a ticket (moves updated_at, like the real thing). */
	addArticle(
		ticketId: number,
		fields: {userId: number; body: string; internal: boolean; sender: 'Agent' | 'Customer'},
	): FakeZammadArticle;
	close(): Promise<void>;
};

const defaultStates = [1, 2, 2, 7, 3, 2, 4, 1, 2, 7, 2, 4];
const tagSets = [['billing', 'vip'], ['shipping'], [], ['refund', 'billing'], ['outage'], ['vip']];
const stateTypeOf = (stateId: number): number =>
	(states.find((state) => state['id'] === stateId)?.['state_type_id'] as number) ?? 0;

export async function startFakeZammad(options: FakeZammadOptions): Promise<FakeZammad> {
	const {clock} = options;
	const token = options.token ?? 'zammad-token';
	let lastWrite = 0;
	const writeTime = (): string => {
		lastWrite = Math.max(clock.now(), lastWrite + 1000);
		return new Date(lastWrite).toISOString();
	};
	const daysAgo = (days: number): string => new Date(clock.now() - days * 86_400_000).toISOString();

	const users = new Map<number, FakeZammadUser>();
	const me: FakeZammadUser = {
		...templateMe,
		id: templateMe['id'] as number,
		firstname: templateMe['firstname'] as string,
		lastname: templateMe['lastname'] as string,
		email: templateMe['email'] as string,
		login: templateMe['login'] as string,
	};
	users.set(me.id, me);
	const person = (
		id: number,
		firstname: string,
		lastname: string,
		locale: string | null,
		organization: number | null,
	) => {
		const email = `${firstname.toLowerCase().replace(/[^a-z]/g, '')}@example.com`;
		const user: FakeZammadUser = {
			...templateMe,
			id,
			firstname,
			lastname,
			email,
			login: email,
			organization_id: organization,
			preferences: {locale},
			role_ids: [3],
			group_ids: {},
		};
		users.set(id, user);
		return user;
	};
	person(4, 'Emma', 'Taylor', 'en-us', 2);
	person(5, 'Jacob', 'Smith', 'en-us', 2);
	const customers = [
		person(10, 'David', 'Bell', 'en-us', 3),
		person(11, 'Anna', 'Berg', 'sv-se', null),
		person(12, 'Lars', 'Holm', 'da-dk', null),
		// Hostile text in a customer field: csr must never pass escape sequences to a terminal.
		person(13, 'Eve\u001b[31m', 'Mallory\u0007', 'de-de', null),
		// A customer without a language on the desk.
		person(14, 'Kim', 'Nolang', null, null),
	];
	const organizations = new Map([
		[2, 'Chrispresso Inc.'],
		[3, 'Bell Logistics'],
	]);

	const tickets = new Map<number, FakeZammadTicket>();
	const articles = new Map<number, FakeZammadArticle[]>();
	const tags = new Map<number, string[]>();
	let nextArticleId = 100;

	const article = (
		ticketId: number,
		fields: {userId: number; body: string; internal: boolean; sender: string; type: string; at: string},
	): FakeZammadArticle => {
		const template = (fields.sender === 'Customer' ? templateArticles[0] : templateArticles[1]) ?? {};
		const author = users.get(fields.userId);
		return {
			...template,
			id: nextArticleId++,
			ticket_id: ticketId,
			body: fields.body,
			content_type: 'text/html',
			internal: fields.internal,
			sender: fields.sender,
			sender_id: fields.sender === 'Customer' ? 2 : 1,
			type: fields.type,
			type_id: fields.type === 'note' ? 10 : 1,
			from: author ? `${author.firstname} ${author.lastname} <${author.email}>` : null,
			created_by_id: fields.userId,
			updated_by_id: fields.userId,
			created_by: author?.login ?? null,
			updated_by: author?.login ?? null,
			created_at: fields.at,
			updated_at: fields.at,
			attachments:
				ticketId === 1 && fields.sender === 'Customer'
					? [{id: 7, filename: 'receipt.pdf', size: '2048', preferences: {'Content-Type': 'application/pdf'}}]
					: ticketId === 4 && fields.sender === 'Customer'
						? // Hostile text in an attachment name.
							[{id: 8, filename: 'invoice\u001b[2J.pdf', size: 10, preferences: {'Content-Type': 'application/pdf'}}]
						: [],
		};
	};

	const count = options.tickets ?? 30;
	for (let id = 1; id <= count; id++) {
		const stateId = options.stateFor?.(id) ?? (defaultStates[(id - 1) % defaultStates.length] as number);
		const customer = customers[(id - 1) % customers.length] as FakeZammadUser;
		const created = daysAgo(2 + (id % 20));
		const owner = id % 3 === 0 ? 1 : id % 3 === 1 ? me.id : 4;
		const responded = owner === 1 ? null : new Date(Date.parse(created) + 3_600_000).toISOString();
		const closed = stateTypeOf(stateId) === 5 ? daysAgo(1) : null;
		const ticket: FakeZammadTicket = {
			...templateTicket,
			id,
			number: String(22000 + id),
			title:
				id === 1
					? (templateTicket['title'] as string)
					: id === 4
						? 'Question 4\u001b]0;pwned\u0007 about my order'
						: `Question ${id} about my order`,
			state_id: stateId,
			priority_id: 1 + (id % 3),
			group_id: (groups[id % groups.length]?.id as number) ?? 1,
			owner_id: owner,
			customer_id: customer.id,
			organization_id: (customer['organization_id'] as number | null) ?? null,
			first_response_at: responded,
			first_response_in_min: responded === null ? null : 60,
			first_response_diff_in_min: responded === null ? null : id % 5 === 0 ? -30 : 60,
			close_at: closed,
			last_close_at: closed,
			close_in_min: closed === null ? null : 600,
			close_diff_in_min: null,
			last_contact_agent_at: responded,
			escalation_at: daysAgo(-(id % 4)),
			create_article_type_id: id % 4 === 0 ? 5 : 1,
			article_count: 0,
			created_by_id: customer.id,
			created_at: created,
			updated_at: daysAgo(1 + (id % 20) - 0.5),
		};
		tickets.set(id, ticket);
		const at = (hours: number) => new Date(Date.parse(created) + hours * 3_600_000).toISOString();
		const thread = [
			article(id, {
				userId: customer.id,
				body:
					id === 1
						? (templateArticles[0]?.['body'] as string)
						: `Hello,<br>ticket ${id} needs help with order ${1000 + id}.`,
				internal: false,
				sender: 'Customer',
				type: 'email',
				at: at(0),
			}),
		];
		if (owner !== 1) {
			thread.push(
				article(id, {
					userId: owner,
					body: `Thanks for writing about ticket ${id}.`,
					internal: false,
					sender: 'Agent',
					type: 'email',
					at: at(1),
				}),
				article(id, {
					userId: owner,
					body: 'Checked with the warehouse.',
					internal: true,
					sender: 'Agent',
					type: 'note',
					at: at(2),
				}),
			);
		}
		ticket['article_count'] = thread.length;
		articles.set(id, thread);
		tags.set(id, [...(tagSets[(id - 1) % tagSets.length] ?? [])]);
	}

	// ---- search --------------------------------------------------------------------------------------------
	const fieldOf = (ticket: FakeZammadTicket, field: string): string[] => {
		switch (field) {
			case 'state.name':
				return [String(states.find((state) => state['id'] === ticket.state_id)?.['name'] ?? '')];
			case 'owner_id':
				return [String(ticket.owner_id)];
			case 'group_id':
				return [String(ticket.group_id)];
			case 'priority_id':
				return [String(ticket.priority_id)];
			case 'customer_id':
				return [String(ticket.customer_id)];
			case 'tags':
				return tags.get(ticket.id) ?? [];
			default:
				throw new Error(`unsupported field ${field}`);
		}
	};
	const unquote = (value: string): string =>
		value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
	/** `a AND b AND c`, each `field:value`, `field:(x OR y)`, `*` or `(free text)`. */
	function matcher(query: string): (ticket: FakeZammadTicket) => boolean {
		if (query.trim() === '*') return () => true;
		const parts = query.split(/ AND (?=(?:[^"]*"[^"]*")*[^"]*$)/);
		const tests = parts.map((part): ((ticket: FakeZammadTicket) => boolean) => {
			const text = /^\((.*)\)$/.exec(part.trim());
			if (text) return (ticket) => ticket.title.toLowerCase().includes((text[1] ?? '').trim().toLowerCase());
			const match = /^([a-z_.]+):(.+)$/.exec(part.trim());
			if (!match) throw new Error(`unreadable term ${part}`);
			const field = match[1] ?? '';
			const raw = match[2] ?? '';
			const values = (/^\((.*)\)$/.exec(raw)?.[1]?.split(' OR ') ?? [raw]).map((value) => unquote(value.trim()));
			return (ticket) =>
				fieldOf(ticket, field).some((value) => values.some((wanted) => wanted.toLowerCase() === value.toLowerCase()));
		});
		return (ticket) => tests.every((test) => test(ticket));
	}

	function sorted(list: FakeZammadTicket[], sortBy: string | null, orderBy: string | null): FakeZammadTicket[] {
		if (sortBy === null) return list;
		const direction = orderBy === 'asc' ? 1 : -1;
		return [...list].sort((a, b) => {
			const x = a[sortBy];
			const y = b[sortBy];
			// Elasticsearch puts missing values last either way.
			if (x == null || y == null) return x == null ? (y == null ? a.id - b.id : 1) : -1;
			const order = typeof x === 'number' ? x - (y as number) : Date.parse(String(x)) - Date.parse(String(y));
			return direction * order || a.id - b.id;
		});
	}

	// ---- rendering -------------------------------------------------------------------------------------------
	const ticketJson = (ticket: FakeZammadTicket, expand: boolean): Json => {
		if (!expand) return {...ticket};
		const owner = users.get(ticket.owner_id);
		return {
			...ticket,
			state: states.find((state) => state['id'] === ticket.state_id)?.['name'],
			priority: priorities.find((priority) => priority['id'] === ticket.priority_id)?.['name'],
			group: groups.find((group) => group.id === ticket.group_id)?.name,
			owner: ticket.owner_id === 1 ? '-' : owner?.login,
			customer: users.get(ticket.customer_id)?.login,
			create_article_type: ticket['create_article_type_id'] === 5 ? 'phone' : 'email',
		};
	};

	function page(request: RecordedRequest, list: readonly FakeZammadTicket[], max: number, expand: boolean): FakeAnswer {
		const number = Number(request.query.get('page') ?? '1');
		const perPage = Math.min(max, Number(request.query.get('per_page') ?? '50'));
		if (!Number.isInteger(number) || number < 1 || !Number.isInteger(perPage) || perPage < 1) {
			return {status: 422, json: {error: 'Invalid page', error_human: 'Invalid page'}};
		}
		return {
			status: 200,
			json: list.slice((number - 1) * perPage, number * perPage).map((ticket) => ticketJson(ticket, expand)),
		};
	}

	// ---- writes -------------------------------------------------------------------------------------------------
	function addArticle(
		ticketId: number,
		fields: {userId: number; body: string; internal: boolean; sender: 'Agent' | 'Customer'; type?: string},
	): FakeZammadArticle {
		const ticket = tickets.get(ticketId);
		if (ticket === undefined) throw new Error(`no ticket ${ticketId}`);
		const at = writeTime();
		const created = article(ticketId, {...fields, type: fields.type ?? (fields.internal ? 'note' : 'email'), at});
		articles.get(ticketId)?.push(created);
		ticket.updated_at = at;
		ticket['article_count'] = (articles.get(ticketId) ?? []).length;
		if (fields.sender === 'Agent' && !fields.internal) {
			ticket['first_response_at'] ??= at;
			ticket['last_contact_agent_at'] = at;
		}
		return created;
	}

	const invalid = (message: string): FakeAnswer => ({status: 422, json: {error: message, error_human: message}});
	const notFound = (what: string, id: string): FakeAnswer => ({
		status: 404,
		json: {error: `Couldn't find ${what} with 'id'=${id}`, error_human: `Couldn't find ${what} with 'id'=${id}`},
	});

	function update(ticket: FakeZammadTicket, body: Json): FakeAnswer {
		const known = new Set([
			'state_id',
			'state',
			'pending_time',
			'priority_id',
			'priority',
			'owner_id',
			'group_id',
			'group',
			'title',
			'article',
		]);
		for (const key of Object.keys(body)) if (!known.has(key)) return invalid(`Unknown attribute ${key}`);
		if ('state_id' in body) {
			const state = states.find((candidate) => candidate['id'] === body['state_id']);
			if (state === undefined) return invalid("No lookup value found for 'state'");
			const type = state['state_type_id'] as number;
			if ((type === 3 || type === 4) && typeof body['pending_time'] !== 'string')
				return invalid("Missing required value for field 'pending_time'!");
		}
		if ('priority_id' in body && !priorities.some((candidate) => candidate['id'] === body['priority_id']))
			return invalid("No lookup value found for 'priority'");
		if ('group_id' in body && !groups.some((candidate) => candidate.id === body['group_id']))
			return invalid("No lookup value found for 'group'");
		if ('owner_id' in body && !users.has(body['owner_id'] as number) && body['owner_id'] !== 1)
			return invalid("Invalid value for param 'owner_id'");
		const at = writeTime();
		if (typeof body['state_id'] === 'number' && body['state_id'] !== ticket.state_id) {
			const wasClosed = stateTypeOf(ticket.state_id) === 5;
			ticket.state_id = body['state_id'];
			if (stateTypeOf(ticket.state_id) === 5) {
				ticket['close_at'] ??= at;
				ticket['last_close_at'] = at;
			} else if (wasClosed) ticket['reopened'] = true;
		}
		if (typeof body['pending_time'] === 'string') ticket['pending_time'] = body['pending_time'];
		if (typeof body['priority_id'] === 'number') ticket.priority_id = body['priority_id'];
		if (typeof body['owner_id'] === 'number') ticket.owner_id = body['owner_id'];
		if (typeof body['group_id'] === 'number') ticket.group_id = body['group_id'];
		ticket.updated_at = at;
		ticket['updated_by_id'] = me.id;
		return {status: 200, json: ticketJson(ticket, false)};
	}

	function createArticle(body: Json): FakeAnswer {
		const ticket = tickets.get(Number(body['ticket_id']));
		if (ticket === undefined) return notFound('Ticket', String(body['ticket_id']));
		if (typeof body['body'] !== 'string' || body['body'].trim() === '') return invalid('Need at least article: body');
		const type = typeof body['type'] === 'string' ? body['type'] : 'note';
		if (!['email', 'note', 'phone', 'web'].includes(type)) return invalid("No lookup value found for 'type'");
		if (type === 'email' && typeof body['to'] !== 'string') return invalid('Need recipient for email article');
		const created = addArticle(ticket.id, {
			userId: me.id,
			body: body['body'],
			internal: body['internal'] === true,
			sender: 'Agent',
			type,
		});
		created['content_type'] = body['content_type'] ?? 'text/plain';
		created['to'] = body['to'] ?? null;
		created['from'] = templateCreatedArticle['from'];
		return {status: 201, json: {...templateCreatedArticle, ...created}};
	}

	function changeTag(body: Json, add: boolean): FakeAnswer {
		if (body['object'] !== 'Ticket' || typeof body['item'] !== 'string') return invalid('Need object, o_id and item');
		const ticket = tickets.get(Number(body['o_id']));
		if (ticket === undefined) return notFound('Ticket', String(body['o_id']));
		const list = tags.get(ticket.id) ?? [];
		const item = body['item'];
		if (add && !list.includes(item)) list.push(item);
		if (!add)
			tags.set(
				ticket.id,
				list.filter((tag) => tag !== item),
			);
		else tags.set(ticket.id, list);
		ticket.updated_at = writeTime();
		return {status: 200, json: true};
	}

	// ---- routing ------------------------------------------------------------------------------------------------
	function authorised(request: RecordedRequest): boolean {
		const header = request.headers.authorization ?? '';
		if (header === `Token token=${token}`) return true;
		if (options.basic && header.startsWith('Basic ')) {
			return (
				Buffer.from(header.slice(6), 'base64').toString('utf8') === `${options.basic.login}:${options.basic.password}`
			);
		}
		return false;
	}

	const parseBody = (request: RecordedRequest): Json | null => {
		try {
			const value = JSON.parse(request.body || '{}') as unknown;
			return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
		} catch {
			return null;
		}
	};

	const overviews = [
		{id: 1, name: 'My Assigned Tickets', link: 'my_assigned', prio: 1000},
		{id: 2, name: 'Unassigned & Open Tickets', link: 'all_unassigned', prio: 1010},
		{id: 3, name: 'Open Tickets', link: 'all_open', prio: 1020},
	];
	const overviewTickets = (link: string): FakeZammadTicket[] => {
		const open = [...tickets.values()].filter((ticket) => [1, 2, 3, 4].includes(stateTypeOf(ticket.state_id)));
		if (link === 'my_assigned') return open.filter((ticket) => ticket.owner_id === me.id);
		if (link === 'all_unassigned') return open.filter((ticket) => ticket.owner_id === 1);
		return open;
	};

	function route(request: RecordedRequest): FakeAnswer | undefined {
		const {method, pathname: path, query} = request;
		const expand = query.get('expand') === 'true';
		if (method === 'GET' && path === '/api/v1/users/me') return {status: 200, json: me};
		const userMatch = /^\/api\/v1\/users\/(\d+)$/.exec(path);
		if (method === 'GET' && userMatch) {
			const user = users.get(Number(userMatch[1]));
			return user === undefined ? notFound('User', userMatch[1] ?? '') : {status: 200, json: user};
		}
		const organizationMatch = /^\/api\/v1\/organizations\/(\d+)$/.exec(path);
		if (method === 'GET' && organizationMatch) {
			const name = organizations.get(Number(organizationMatch[1]));
			return name === undefined
				? notFound('Organization', organizationMatch[1] ?? '')
				: {status: 200, json: {id: Number(organizationMatch[1]), name, active: true}};
		}
		if (method === 'GET' && path === '/api/v1/groups')
			return {status: 200, json: groups.map((group) => ({...group, user_ids: [me.id, 4, 5]}))};
		if (method === 'GET' && path === '/api/v1/ticket_states') return {status: 200, json: states};
		if (method === 'GET' && path === '/api/v1/ticket_priorities') return {status: 200, json: priorities};
		if (method === 'GET' && path === '/api/v1/tickets')
			return page(
				request,
				[...tickets.values()].sort((a, b) => a.id - b.id),
				100,
				expand,
			);
		if (method === 'GET' && path === '/api/v1/tickets/search' && options.elasticsearch === false) {
			return {status: 200, json: []};
		}
		if (method === 'GET' && path === '/api/v1/tickets/search') {
			let test: (ticket: FakeZammadTicket) => boolean;
			try {
				test = matcher(query.get('query') ?? '');
			} catch (error) {
				return invalid((error as Error).message);
			}
			const list = sorted([...tickets.values()].filter(test), query.get('sort_by'), query.get('order_by'));
			return page(request, list, 200, expand);
		}
		if (method === 'GET' && path === '/api/v1/ticket_overviews') {
			const view = query.get('view');
			if (view === null)
				return {
					status: 200,
					json: overviews.map((overview) => ({...overview, count: overviewTickets(overview.link).length})),
				};
			if (!overviews.some((overview) => overview.link === view)) return {status: 200, body: ''};
			const list = overviewTickets(view);
			return {
				status: 200,
				json: {
					assets: {Ticket: Object.fromEntries(list.map((ticket) => [String(ticket.id), ticketJson(ticket, false)]))},
					index: {tickets: list.map((ticket) => ({id: ticket.id, updated_at: ticket.updated_at})), count: list.length},
				},
			};
		}
		const ticketMatch = /^\/api\/v1\/tickets\/(\d+)$/.exec(path);
		if (ticketMatch) {
			const ticket = tickets.get(Number(ticketMatch[1]));
			if (ticket === undefined) return notFound('Ticket', ticketMatch[1] ?? '');
			if (method === 'GET') return {status: 200, json: ticketJson(ticket, expand)};
			if (method === 'PUT') {
				const body = parseBody(request);
				return body === null ? invalid('Invalid JSON') : update(ticket, body);
			}
		}
		const articlesMatch = /^\/api\/v1\/ticket_articles\/by_ticket\/(\d+)$/.exec(path);
		if (method === 'GET' && articlesMatch) {
			const list = articles.get(Number(articlesMatch[1]));
			return list === undefined ? notFound('Ticket', articlesMatch[1] ?? '') : {status: 200, json: list};
		}
		if (method === 'POST' && path === '/api/v1/ticket_articles') {
			const body = parseBody(request);
			return body === null ? invalid('Invalid JSON') : createArticle(body);
		}
		if (method === 'GET' && path === '/api/v1/tags') {
			const list = tags.get(Number(query.get('o_id')));
			return list === undefined ? notFound('Ticket', query.get('o_id') ?? '') : {status: 200, json: {tags: [...list]}};
		}
		if ((method === 'POST' && path === '/api/v1/tags/add') || (method === 'DELETE' && path === '/api/v1/tags/remove')) {
			const body = parseBody(request);
			return body === null ? invalid('Invalid JSON') : changeTag(body, method === 'POST');
		}
		return undefined;
	}

	const server: FakeServer = await startFakeServer(async (request) => {
		if (options.writeDelayMs && request.method === 'POST') {
			await new Promise((resolve) => setTimeout(resolve, options.writeDelayMs));
		}
		const intercepted = fake.intercept?.(request);
		if (intercepted) return intercepted;
		if (!authorised(request))
			return {status: 401, json: zammadError('401'), headers: {'x-failure': 'Authorization failed'}};
		return route(request) ?? {status: 404, json: {error: 'No route matches', error_human: 'No route matches'}};
	});

	const fake: FakeZammad = {
		url: server.url,
		requests: server.requests,
		tickets,
		articles,
		tags,
		users,
		me,
		intercept: undefined,
		addArticle,
		close: () => server.close(),
	};
	return fake;
}
