import {join} from 'node:path';
import type {DatabaseSync, SQLInputValue, StatementSync} from 'node:sqlite';
import type {Attachment, Customer, Message, Satisfaction, TicketSummary, TicketThread} from '../../domain/message.js';
import type {AgentRef, Channel, GroupRef, Priority, Ticket, TicketStatus} from '../../domain/ticket.js';
import {ConflictError, ProviderError} from '../../errors.js';
import {openDatabase, transaction} from '../../store/database.js';
import type {
	Capabilities,
	ExportPage,
	HelpDesk,
	OutgoingMessage,
	ProviderSetup,
	SatisfactionRating,
	SendResult,
	SurveyResponse,
	TicketChanges,
	TicketFacts,
	TicketPage,
	TicketQuery,
	WriteOptions,
} from '../help-desk.js';
import {demoAgentEmail, demoSchemaVersion, firstReplyDueMs, readDemoSchemaVersion, slaDueMs} from './schema.js';

/** The demo desk plus what trainers and tests need to play the customer. */
export type DemoHelpDesk = HelpDesk & {
	/**
	 * The customer writes on a ticket, as if by email: a solved, pending or on-hold ticket opens again. Lets a test or
	 * a training session show "the ticket changed since you read it". Works during a simulated outage (the outage is
	 * between csr and the desk, not between the customer and the desk).
	 */
	simulateCustomerReply(ticketId: string, text: string, signal?: AbortSignal): Promise<{messageId: string}>;
};

export function demoDatabasePath(dataDir: string): string {
	return join(dataDir, 'demo.db');
}

const capabilities: Capabilities = {
	supportsSafeUpdate: true,
	supportsBulk: false,
	supportsIdempotencyKey: true,
	supportsViews: true,
	supportsSatisfaction: true,
	supportsSurveys: true,
	maxPageSize: 1000,
};

/** Views the demo desk has built in (a help desk's saved views), found by id or name. */
const demoViews = [
	{id: 'unassigned', name: 'Unassigned tickets', where: 't.assignee_id IS NULL'},
	{id: 'breached', name: 'SLA breached', where: 't.sla_due_ms IS NOT NULL AND t.sla_due_ms < ?', usesNow: true},
] as const;

const ticketColumns = `t.id, t.subject, t.status, t.priority, t.channel, t.created_ms, t.updated_ms, t.sla_due_ms,
	t.first_reply_due_ms, r.id AS r_id, r.name AS r_name, r.email AS r_email, r.locale AS r_locale,
	a.id AS a_id, a.name AS a_name, a.email AS a_email, g.id AS g_id, g.name AS g_name,
	(SELECT group_concat(tag, ' ') FROM (SELECT tag FROM ticket_tags WHERE ticket_id = t.id ORDER BY tag)) AS tags`;
const ticketJoins = `FROM tickets t JOIN users r ON r.id = t.requester_id LEFT JOIN users a ON a.id = t.assignee_id
	LEFT JOIN agent_groups g ON g.id = t.group_id`;

/**
 * Exactly compareTickets() of domain/urgency.ts (null priority ranks 2.5, between normal and low), each with the
 * index that holds tickets in that order (schema.ts).
 */
const sorts = {
	urgency: {
		orderBy: 't.sla_due_ms IS NULL, t.sla_due_ms, t.priority_rank, t.created_ms, t.id',
		index: 'tickets_urgency',
	},
	priority: {
		orderBy: 't.priority_rank, t.sla_due_ms IS NULL, t.sla_due_ms, t.created_ms, t.id',
		index: 'tickets_priority',
	},
	updated: {orderBy: 't.updated_ms DESC, t.id DESC', index: 'tickets_updated'},
	created: {orderBy: 't.created_ms DESC, t.id DESC', index: 'tickets_created'},
} as const;

type TicketRow = {
	id: number;
	subject: string;
	status: TicketStatus;
	priority: Priority | null;
	channel: Channel;
	created_ms: number;
	updated_ms: number;
	sla_due_ms: number | null;
	first_reply_due_ms: number | null;
	r_id: number;
	r_name: string;
	r_email: string | null;
	r_locale: string | null;
	a_id: number | null;
	a_name: string | null;
	a_email: string | null;
	g_id: number | null;
	g_name: string | null;
	tags: string | null;
};

type MessageRow = {
	id: number;
	author_id: number;
	author_role: 'customer' | 'agent' | 'system';
	name: string;
	email: string | null;
	is_public: number;
	channel: Channel;
	created_ms: number;
	body: string;
	is_html: number;
	attachments: string | null;
};

type AgentRow = {id: number; name: string; email: string; default_group_id: number | null};
type GroupRow = {id: number; name: string};

const iso = (ms: number): string => new Date(ms).toISOString();
const unsolved = new Set<TicketStatus>(['new', 'open', 'pending', 'on-hold']);

function toTicket(row: TicketRow): Ticket {
	return {
		id: String(row.id),
		subject: row.subject,
		status: row.status,
		priority: row.priority,
		channel: row.channel,
		requester: {id: String(row.r_id), name: row.r_name, email: row.r_email, locale: row.r_locale},
		assignee: row.a_id === null ? null : {id: String(row.a_id), name: row.a_name ?? '', email: row.a_email},
		group: row.g_id === null ? null : {id: String(row.g_id), name: row.g_name ?? ''},
		tags: row.tags === null || row.tags === '' ? [] : row.tags.split(' '),
		createdAt: iso(row.created_ms),
		updatedAt: iso(row.updated_ms),
		slaDueAt: row.sla_due_ms === null ? null : iso(row.sla_due_ms),
		url: `https://demo.csr/tickets/${row.id}`,
	};
}

function notFound(ticketId: string): ProviderError {
	return new ProviderError(`ticket ${ticketId} not found in the demo desk`, {
		kind: 'not-found',
		status: 404,
		hint: 'List every ticket with `csr queue --status new,open,pending,on-hold,solved,closed`.',
	});
}

function invalid(message: string, hint?: string): ProviderError {
	return new ProviderError(message, {kind: 'invalid', status: 422, ...(hint === undefined ? {} : {hint})});
}

/** Opaque page cursors: base64url JSON, tagged with what they page through so one cannot be used for another. */
function encodeCursor(kind: string, position: Record<string, number>): string {
	return Buffer.from(JSON.stringify({k: kind, ...position})).toString('base64url');
}

function decodeCursor(kind: string, cursor: string, keys: readonly string[]): Record<string, number> {
	try {
		const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
		if (value['k'] === kind && keys.every((key) => Number.isSafeInteger(value[key])))
			return value as Record<string, number>;
	} catch {
		// fall through to the error below
	}
	throw invalid(`invalid ${kind} cursor "${cursor}"`, 'Start again without a cursor.');
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/**
 * The embedded demo help desk: a real provider over node:sqlite in `<dataDir>/demo.db`, seeded on first use with
 * the default dataset. Several csr processes may use it at once (WAL, busy timeout, IMMEDIATE write transactions).
 */
export function createDemoHelpDesk(setup: ProviderSetup): DemoHelpDesk {
	const path = demoDatabasePath(setup.dataDir);
	let opened: Promise<Desk> | undefined;
	const desk = (): Promise<Desk> => {
		opened ??= openDesk(path, setup).catch((error: unknown) => {
			opened = undefined;
			throw error;
		});
		return opened;
	};
	const call = async <T>(signal: AbortSignal | undefined, work: (desk: Desk) => T | Promise<T>): Promise<T> => {
		signal?.throwIfAborted();
		return work(await desk());
	};
	return {
		providerName: 'demo',
		capabilities,
		whoAmI: (signal) => call(signal, (d) => d.me),
		listTickets: (query, signal) => call(signal, (d) => d.listTickets(query)),
		getTickets: (ids, signal) => call(signal, (d) => d.getTickets(ids)),
		getThread: (ticketId, signal) =>
			call(signal, async (d) => {
				// Loaded only for threads: `csr queue` need not pay for html-to-text.
				const {htmlToText} = await import('../../text/html-to-text.js');
				return d.getThread(ticketId, htmlToText);
			}),
		sendMessage: (ticketId, message, options, signal) => call(signal, (d) => d.sendMessage(ticketId, message, options)),
		updateTicket: (ticketId, changes, options, signal) =>
			call(signal, (d) => d.updateTicket(ticketId, changes, options)),
		listGroups: (signal) => call(signal, (d) => d.listGroups()),
		listAgents: (signal) => call(signal, (d) => d.listAgents()),
		exportTicketFacts: (cursor, signal) => call(signal, (d) => d.exportTicketFacts(cursor)),
		exportSatisfaction: (cursor, signal) => call(signal, (d) => d.exportSatisfaction(cursor)),
		exportSurveys: (cursor, signal) => call(signal, (d) => d.exportSurveys(cursor)),
		simulateCustomerReply: (ticketId, text, signal) => call(signal, (d) => d.simulateCustomerReply(ticketId, text)),
		close: async () => {
			const pending = opened;
			opened = undefined;
			if (pending !== undefined) (await pending.catch(() => undefined))?.db.close();
		},
	};
}

type Desk = ReturnType<typeof createDesk>;

async function openDesk(path: string, setup: ProviderSetup): Promise<Desk> {
	const db = openDatabase(path, {migrate: false});
	try {
		if (readDemoSchemaVersion(db) !== demoSchemaVersion) {
			// First use (or a desk from another csr version; demo data is disposable): seed the default dataset.
			const {defaultDemoSeed, writeDemoDesk} = await import('./seed.js');
			setup.log?.(`demo desk: seeding ${path} with ${defaultDemoSeed.tickets} tickets (seed ${defaultDemoSeed.seed})`);
			transaction(db, () => {
				// Re-checked under the write lock: another csr process may have seeded it meanwhile.
				if (readDemoSchemaVersion(db) !== demoSchemaVersion) writeDemoDesk(db, {...defaultDemoSeed, now: setup.now()});
			});
		}
		return createDesk(db, setup);
	} catch (error) {
		db.close();
		throw error;
	}
}

function createDesk(db: DatabaseSync, setup: ProviderSetup) {
	const statements = new Map<string, StatementSync>();
	const statement = (sql: string): StatementSync => {
		let prepared = statements.get(sql);
		if (prepared === undefined) {
			prepared = db.prepare(sql);
			statements.set(sql, prepared);
		}
		return prepared;
	};
	const all = <T>(sql: string, ...params: SQLInputValue[]): T[] => statement(sql).all(...params) as T[];
	const get = <T>(sql: string, ...params: SQLInputValue[]): T | undefined =>
		statement(sql).get(...params) as T | undefined;
	const nowMs = () => setup.now().getTime();

	const agentByEmail = (email: string) =>
		get<AgentRow>(
			"SELECT id, name, email, default_group_id FROM users WHERE role = 'agent' AND email = ? COLLATE NOCASE",
			email,
		);
	const meRow = agentByEmail(setup.email ?? demoAgentEmail) ?? agentByEmail(demoAgentEmail);
	if (meRow === undefined) throw new ProviderError('the demo desk has no agents; run `csr demo reset`');
	const me: AgentRef = {id: String(meRow.id), name: meRow.name, email: meRow.email};

	/** One consistent snapshot for multi-statement reads (WAL readers never block writers). */
	function read<T>(work: () => T): T {
		db.exec('BEGIN');
		try {
			return work();
		} finally {
			db.exec('COMMIT');
		}
	}

	function assertReachable(): void {
		const outage = get<{value: string}>("SELECT value FROM meta WHERE key = 'outage'");
		if (outage?.value === 'on')
			throw new ProviderError('demo desk unreachable (simulated outage)', {
				kind: 'temporary',
				status: 503,
				hint: 'End the simulation with `csr demo outage off`.',
			});
	}

	function ticketRow(id: number): TicketRow | undefined {
		return get<TicketRow>(`SELECT ${ticketColumns} ${ticketJoins} WHERE t.id = ?`, id);
	}

	function parseId(ticketId: string): number | null {
		return /^\d{1,15}$/.test(ticketId.trim()) ? Number(ticketId.trim()) : null;
	}

	function requireTicket(ticketId: string): TicketRow {
		const id = parseId(ticketId);
		const row = id === null ? undefined : ticketRow(id);
		if (row === undefined) throw notFound(ticketId);
		return row;
	}

	function groups(): GroupRow[] {
		return all<GroupRow>('SELECT id, name FROM agent_groups ORDER BY name');
	}

	function agents(): AgentRow[] {
		return all<AgentRow>("SELECT id, name, email, default_group_id FROM users WHERE role = 'agent' ORDER BY name");
	}

	function resolveGroup(nameOrId: string): GroupRow {
		const wanted = nameOrId.trim().toLowerCase();
		const found = groups().find((group) => group.name.toLowerCase() === wanted || String(group.id) === wanted);
		if (found === undefined)
			throw invalid(
				`unknown group "${nameOrId}"; valid groups: ${groups()
					.map((group) => group.name)
					.join(', ')}`,
			);
		return found;
	}

	function resolveAgent(email: string): AgentRow {
		const found = agentByEmail(email.trim());
		if (found === undefined)
			throw invalid(
				`unknown agent "${email}"; agents: ${agents()
					.map((agent) => agent.email)
					.join(', ')}`,
			);
		return found;
	}

	function where(query: TicketQuery): {sql: string; params: SQLInputValue[]} {
		const clauses: string[] = [];
		const params: SQLInputValue[] = [];
		const list = (column: string, values: readonly string[]) => {
			clauses.push(`${column} IN (${values.map(() => '?').join(', ')})`);
			params.push(...values);
		};
		if (query.statuses.length > 0) list('t.status', query.statuses);
		const assignee = query.assignee;
		if (assignee === 'me') {
			clauses.push('t.assignee_id = ?');
			params.push(meRow?.id ?? 0);
		} else if (assignee === 'none') clauses.push('t.assignee_id IS NULL');
		else if (typeof assignee === 'object') {
			clauses.push('t.assignee_id = ?');
			params.push(resolveAgent(assignee.email).id);
		}
		if (query.group !== undefined && query.group.trim() !== '') {
			clauses.push('t.group_id = ?');
			params.push(resolveGroup(query.group).id);
		}
		if (query.priorities !== undefined && query.priorities.length > 0) list('t.priority', query.priorities);
		if (query.channels !== undefined && query.channels.length > 0) list('t.channel', query.channels);
		for (const tag of query.tags ?? []) {
			clauses.push('t.id IN (SELECT ticket_id FROM ticket_tags WHERE tag = ?)');
			params.push(tag.trim().toLowerCase());
		}
		const search = query.search?.trim() ?? '';
		if (search !== '') {
			// LIKE is case-insensitive for ASCII letters only; enough for names, order numbers and most words.
			const pattern = `%${escapeLike(search)}%`;
			clauses.push(`(t.subject LIKE ? ESCAPE '\\'
				OR t.requester_id IN (SELECT id FROM users WHERE role = 'customer' AND (name LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\'))
				OR t.id IN (SELECT ticket_id FROM messages WHERE body LIKE ? ESCAPE '\\'))`);
			params.push(pattern, pattern, pattern, pattern);
		}
		if (query.view !== undefined && query.view.trim() !== '') {
			const wanted = query.view.trim().toLowerCase();
			const view = demoViews.find((candidate) => candidate.id === wanted || candidate.name.toLowerCase() === wanted);
			if (view === undefined)
				throw new ProviderError(
					`no view "${query.view}" in the demo desk; views: ${demoViews.map((candidate) => `${candidate.id} (${candidate.name})`).join(', ')}`,
					{kind: 'not-found', status: 404},
				);
			clauses.push(view.where);
			if ('usesNow' in view) params.push(nowMs());
		}
		return {sql: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params};
	}

	function listTickets(query: TicketQuery): TicketPage {
		const limit = Math.max(1, Math.min(Math.floor(query.limit) || 50, capabilities.maxPageSize));
		const offset = query.cursor === undefined ? 0 : (decodeCursor('tickets', query.cursor, ['o'])['o'] ?? 0);
		const filter = where(query);
		const sort = sorts[query.sort];
		return read(() => {
			const total = get<{n: number}>(`SELECT count(*) AS n FROM tickets t ${filter.sql}`, ...filter.params)?.n ?? 0;
			// Walking the sort's index reaches the page after about (offset + limit) × size / total rows; SQLite would
			// rather filter through another index and sort all `total` matches. Walk when that is clearly cheaper (the
			// usual queue: a few hundred rows instead of thousands), let SQLite choose for narrow filters. Ids are
			// dense, so max(id) stands in for the desk's size.
			const size = get<{n: number | null}>('SELECT max(id) AS n FROM tickets')?.n ?? 0;
			const hint = (offset + limit) * size * 4 < total * total ? `INDEXED BY ${sort.index}` : '';
			const ids = all<{id: number}>(
				`SELECT t.id FROM tickets t ${hint} ${filter.sql} ORDER BY ${sort.orderBy} LIMIT ? OFFSET ?`,
				...filter.params,
				limit,
				offset,
			).map((row) => row.id);
			// Then the page's details in one query (no query per ticket).
			const rows = new Map(
				all<TicketRow>(
					`SELECT ${ticketColumns} ${ticketJoins} WHERE t.id IN (SELECT value FROM json_each(?))`,
					JSON.stringify(ids),
				).map((row) => [row.id, row]),
			);
			const tickets = ids.flatMap((id) => {
				const row = rows.get(id);
				return row === undefined ? [] : [toTicket(row)];
			});
			const next = offset + ids.length;
			return {
				tickets,
				nextCursor: ids.length > 0 && next < total ? encodeCursor('tickets', {o: next}) : null,
				totalCount: total,
			};
		});
	}

	function getTickets(ids: readonly string[]): Ticket[] {
		const numeric = [...new Set(ids.map(parseId).filter((id): id is number => id !== null))];
		if (numeric.length === 0) return [];
		const rows = all<TicketRow>(
			`SELECT ${ticketColumns} ${ticketJoins} WHERE t.id IN (SELECT value FROM json_each(?))`,
			JSON.stringify(numeric),
		);
		const byId = new Map(rows.map((row) => [String(row.id), toTicket(row)]));
		return ids.flatMap((id) => {
			const ticket = byId.get(String(parseId(id)));
			return ticket === undefined ? [] : [ticket];
		});
	}

	function toMessage(row: MessageRow, htmlToText: (html: string) => string): Message {
		let attachments: Attachment[] = [];
		if (row.attachments !== null) attachments = JSON.parse(row.attachments) as Attachment[];
		return {
			id: String(row.id),
			author: {id: String(row.author_id), name: row.name, email: row.email, role: row.author_role},
			public: row.is_public === 1,
			channel: row.channel,
			createdAt: iso(row.created_ms),
			text: row.is_html === 1 ? htmlToText(row.body) : row.body,
			attachments,
		};
	}

	function getThread(ticketId: string, htmlToText: (html: string) => string): TicketThread {
		return read(() => {
			const row = requireTicket(ticketId);
			const messages = all<MessageRow>(
				`SELECT m.id, m.author_id, m.author_role, u.name, u.email, m.is_public, m.channel, m.created_ms, m.body,
					m.is_html, m.attachments
				FROM messages m JOIN users u ON u.id = m.author_id WHERE m.ticket_id = ? ORDER BY m.created_ms, m.id`,
				row.id,
			);
			const organization = get<GroupRow>(
				'SELECT o.id, o.name FROM users u JOIN organizations o ON o.id = u.organization_id WHERE u.id = ?',
				row.r_id,
			);
			const csat = get<{score: 'good' | 'bad'; comment: string | null; at_ms: number}>(
				`SELECT s.score, s.comment, s.at_ms FROM satisfaction s JOIN tickets t ON t.id = s.ticket_id
				WHERE t.requester_id = ? AND s.score IN ('good', 'bad') ORDER BY s.at_ms DESC, s.id DESC LIMIT 1`,
				row.r_id,
			);
			const recent = all<{
				id: number;
				subject: string;
				status: TicketStatus;
				channel: Channel;
				created_ms: number;
				updated_ms: number;
			}>(
				`SELECT id, subject, status, channel, created_ms, updated_ms FROM tickets
				WHERE requester_id = ? AND id <> ? ORDER BY created_ms DESC, id DESC LIMIT 5`,
				row.r_id,
				row.id,
			);
			const lastCsat: Satisfaction | null =
				csat === undefined ? null : {score: csat.score, comment: csat.comment, at: iso(csat.at_ms)};
			const recentTickets: TicketSummary[] = recent.map((ticket) => ({
				id: String(ticket.id),
				subject: ticket.subject,
				status: ticket.status,
				channel: ticket.channel,
				createdAt: iso(ticket.created_ms),
				updatedAt: iso(ticket.updated_ms),
			}));
			const customer: Customer = {
				id: String(row.r_id),
				name: row.r_name,
				email: row.r_email,
				locale: row.r_locale,
				organization: organization === undefined ? null : {id: String(organization.id), name: organization.name},
				lastCsat,
				recentTickets,
			};
			return {
				ticket: toTicket(row),
				customer,
				messages: messages.map((message) => toMessage(message, htmlToText)),
			};
		});
	}

	/** What changed on a ticket after `sinceMs`, for a conflict message a person can act on. */
	function describeChanges(row: TicketRow, sinceMs: number): string {
		const parts: string[] = [];
		const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
		const messages = all<{author_role: string; is_public: number; name: string; n: number}>(
			`SELECT m.author_role, m.is_public, u.name, count(*) AS n FROM messages m JOIN users u ON u.id = m.author_id
			WHERE m.ticket_id = ? AND m.created_ms > ? GROUP BY m.author_role, m.is_public, u.name ORDER BY min(m.created_ms)`,
			row.id,
			sinceMs,
		);
		for (const group of messages) {
			if (group.author_role === 'customer')
				parts.push(`${plural(group.n, 'new message', 'new messages')} from the customer`);
			else if (group.author_role === 'agent')
				parts.push(
					group.is_public === 1
						? `${plural(group.n, 'new reply', 'new replies')} from ${group.name}`
						: `${plural(group.n, 'new internal note', 'new internal notes')} from ${group.name}`,
				);
		}
		const events = all<{field: string; new_value: string | null}>(
			'SELECT field, new_value FROM events WHERE ticket_id = ? AND at_ms > ? ORDER BY at_ms, id',
			row.id,
			sinceMs,
		);
		const latest = new Map<string, string | null>();
		for (const event of events) latest.set(event.field, event.new_value);
		for (const [field, value] of latest) {
			if (field === 'status') parts.push(`status changed to ${value}`);
			else if (field === 'assignee') parts.push(value === null || value === '' ? 'unassigned' : `assigned to ${value}`);
			else if (field === 'group') parts.push(`moved to ${value}`);
			else if (field === 'priority') parts.push(`priority changed to ${value}`);
			else if (field === 'tags') parts.push(`tags changed (${value})`);
		}
		const detail = parts.length > 0 ? parts.join(', ') : `updated at ${iso(row.updated_ms)}`;
		return `ticket ${row.id} changed since you read it: ${detail}`;
	}

	function checkExpected(row: TicketRow, expectedUpdatedAt: string | undefined): void {
		if (expectedUpdatedAt === undefined) return;
		const expected = Date.parse(expectedUpdatedAt);
		if (Number.isNaN(expected)) throw invalid(`invalid expectedUpdatedAt "${expectedUpdatedAt}"`);
		if (expected !== row.updated_ms)
			throw new ConflictError(
				describeChanges(row, Math.min(expected, row.updated_ms)),
				`Read it again with \`csr show ${row.id}\`, then decide.`,
			);
	}

	function assertChangeable(row: TicketRow): void {
		if (row.status === 'closed')
			throw invalid(
				`ticket ${row.id} is closed; closed tickets cannot be changed`,
				'Ask the customer to write again: that opens a new ticket.',
			);
	}

	type Plan = {
		status?: TicketStatus;
		priority?: Priority;
		assignee?: AgentRow | null;
		group?: GroupRow;
		addTags: string[];
		removeTags: string[];
	};

	function normaliseTags(tags: readonly string[]): string[] {
		return tags.map((tag) => {
			const clean = tag.trim().toLowerCase();
			if (!/^[\p{L}\p{N}_\-:./]{1,80}$/u.test(clean))
				throw invalid(`invalid tag "${tag}": use letters, digits and _ - : . / without spaces`);
			return clean;
		});
	}

	function planChanges(row: TicketRow, changes: TicketChanges | undefined): Plan {
		const plan: Plan = {addTags: [], removeTags: []};
		if (changes === undefined) return plan;
		if (changes.status !== undefined) {
			if (changes.status === 'new' && row.status !== 'new')
				throw invalid(`ticket ${row.id} cannot go back to new`, 'Use open or pending instead.');
			plan.status = changes.status;
		}
		if (changes.priority !== undefined) plan.priority = changes.priority;
		if (changes.assignee !== undefined) {
			if (changes.assignee === null) plan.assignee = null;
			else if (changes.assignee === 'me') plan.assignee = meRow ?? null;
			else plan.assignee = resolveAgent(changes.assignee.email);
		}
		if (changes.group !== undefined) plan.group = resolveGroup(changes.group);
		if (changes.tags !== undefined) {
			plan.addTags = normaliseTags(changes.tags.add);
			plan.removeTags = normaliseTags(changes.tags.remove);
		}
		return plan;
	}

	/** A time after the ticket's last update: updatedAt strictly increases, so drift shows even within one millisecond. */
	function nextUpdate(row: TicketRow): number {
		return Math.max(nowMs(), row.updated_ms + 1);
	}

	function recordEvent(
		ticketId: number,
		atMs: number,
		field: string,
		oldValue: string | null,
		newValue: string | null,
	) {
		statement(
			'INSERT INTO events (ticket_id, at_ms, author_id, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)',
		).run(ticketId, atMs, meRow?.id ?? null, field, oldValue, newValue);
	}

	/**
	 * Applies a plan at `atMs` and returns whether anything changed. Any agent update opens a new ticket (as help desks
	 * do); a solved ticket always has an owner.
	 */
	function applyPlan(row: TicketRow, plan: Plan, atMs: number, isAgentUpdate: boolean): boolean {
		let status = plan.status ?? row.status;
		if (plan.status === undefined && row.status === 'new' && isAgentUpdate) status = 'open';
		let assigneeId = plan.assignee === undefined ? row.a_id : (plan.assignee?.id ?? null);
		if ((status === 'solved' || status === 'closed') && assigneeId === null) assigneeId = meRow?.id ?? null;
		let groupId = plan.group?.id ?? row.g_id;
		if (groupId === null && plan.assignee) groupId = plan.assignee.default_group_id;
		const priority = plan.priority ?? row.priority;
		let changed = false;
		if (status !== row.status) {
			recordEvent(row.id, atMs, 'status', row.status, status);
			changed = true;
		}
		if (assigneeId !== row.a_id) {
			const name =
				assigneeId === null
					? null
					: (get<{name: string}>('SELECT name FROM users WHERE id = ?', assigneeId)?.name ?? null);
			recordEvent(row.id, atMs, 'assignee', row.a_name, name);
			changed = true;
		}
		if (groupId !== row.g_id) {
			const name =
				groupId === null
					? null
					: (get<{name: string}>('SELECT name FROM agent_groups WHERE id = ?', groupId)?.name ?? null);
			recordEvent(row.id, atMs, 'group', row.g_name, name);
			changed = true;
		}
		if (priority !== row.priority) {
			recordEvent(row.id, atMs, 'priority', row.priority, priority);
			changed = true;
		}
		const current = new Set(row.tags === null || row.tags === '' ? [] : row.tags.split(' '));
		const added = plan.addTags.filter((tag) => !current.has(tag));
		const removed = plan.removeTags.filter((tag) => current.has(tag) && !plan.addTags.includes(tag));
		for (const tag of added)
			statement('INSERT OR IGNORE INTO ticket_tags (ticket_id, tag) VALUES (?, ?)').run(row.id, tag);
		for (const tag of removed) statement('DELETE FROM ticket_tags WHERE ticket_id = ? AND tag = ?').run(row.id, tag);
		if (added.length > 0 || removed.length > 0) {
			recordEvent(
				row.id,
				atMs,
				'tags',
				null,
				[...added.map((tag) => `+${tag}`), ...removed.map((tag) => `-${tag}`)].join(' '),
			);
			changed = true;
		}
		if (!changed && !isAgentUpdate) return false;
		const replies = get<{agent: number | null; customer: number | null}>(
			`SELECT max(CASE WHEN author_role = 'agent' THEN created_ms END) AS agent,
				max(CASE WHEN author_role = 'customer' THEN created_ms END) AS customer
			FROM messages WHERE ticket_id = ? AND is_public = 1`,
			row.id,
		);
		const lastAgentReplyMs = replies?.agent ?? null;
		const sla = slaDueMs({
			status,
			priority,
			createdMs: row.created_ms,
			lastAgentReplyMs,
			lastCustomerMessageMs: replies?.customer ?? null,
		});
		// Until the first reply, a new priority brings a new first-reply target.
		const firstDue = lastAgentReplyMs === null ? firstReplyDueMs(priority, row.created_ms) : row.first_reply_due_ms;
		statement(
			`UPDATE tickets SET status = ?, priority = ?, assignee_id = ?, group_id = ?, updated_ms = ?, sla_due_ms = ?,
				first_reply_due_ms = ? WHERE id = ?`,
		).run(status, priority, assigneeId, groupId, atMs, sla, firstDue, row.id);
		return true;
	}

	function priorWrite(ticketId: number, key: string | undefined, kind: 'message' | 'update') {
		if (key === undefined) return undefined;
		const prior = get<{kind: string; message_id: number | null}>(
			'SELECT kind, message_id FROM idempotency WHERE ticket_id = ? AND key = ?',
			ticketId,
			key,
		);
		if (prior !== undefined && prior.kind !== kind)
			throw invalid(`idempotency key "${key}" was already used for a different kind of write on ticket ${ticketId}`);
		return prior;
	}

	function rememberWrite(
		ticketId: number,
		key: string | undefined,
		kind: 'message' | 'update',
		messageId: number | null,
	) {
		if (key === undefined) return;
		statement('INSERT INTO idempotency (ticket_id, key, kind, message_id, created_ms) VALUES (?, ?, ?, ?, ?)').run(
			ticketId,
			key,
			kind,
			messageId,
			nowMs(),
		);
	}

	function sendMessage(ticketId: string, message: OutgoingMessage, options: WriteOptions): SendResult {
		assertReachable();
		if (message.body.trim() === '') throw invalid(`empty message for ticket ${ticketId}`);
		const messageId = transaction(db, () => {
			const row = requireTicket(ticketId);
			const prior = priorWrite(row.id, options.idempotencyKey, 'message');
			if (prior !== undefined) return prior.message_id ?? 0;
			checkExpected(row, options.expectedUpdatedAt);
			assertChangeable(row);
			const plan = planChanges(row, message.changes);
			const atMs = nextUpdate(row);
			const result = statement(
				`INSERT INTO messages (ticket_id, author_id, author_role, is_public, channel, created_ms, body, is_html,
					attachments) VALUES (?, ?, 'agent', ?, ?, ?, ?, 0, NULL)`,
			).run(row.id, meRow?.id ?? 0, message.public ? 1 : 0, message.public ? row.channel : 'web', atMs, message.body);
			const id = Number(result.lastInsertRowid);
			applyPlan(row, plan, atMs, true);
			rememberWrite(row.id, options.idempotencyKey, 'message', id);
			return id;
		});
		const ticket = ticketRow(Number(parseId(ticketId)));
		if (ticket === undefined) throw notFound(ticketId);
		return {messageId: String(messageId), ticket: toTicket(ticket)};
	}

	function updateTicket(ticketId: string, changes: TicketChanges, options: WriteOptions): Ticket {
		assertReachable();
		const row = transaction(db, () => {
			const current = requireTicket(ticketId);
			if (priorWrite(current.id, options.idempotencyKey, 'update') !== undefined) return current;
			checkExpected(current, options.expectedUpdatedAt);
			assertChangeable(current);
			const plan = planChanges(current, changes);
			applyPlan(current, plan, nextUpdate(current), false);
			rememberWrite(current.id, options.idempotencyKey, 'update', null);
			return current;
		});
		const ticket = ticketRow(row.id);
		if (ticket === undefined) throw notFound(ticketId);
		return toTicket(ticket);
	}

	function simulateCustomerReply(ticketId: string, text: string): {messageId: string} {
		return transaction(db, () => {
			const row = requireTicket(ticketId);
			assertChangeable(row);
			const atMs = nextUpdate(row);
			const result = statement(
				`INSERT INTO messages (ticket_id, author_id, author_role, is_public, channel, created_ms, body, is_html,
					attachments) VALUES (?, ?, 'customer', 1, ?, ?, ?, 0, NULL)`,
			).run(row.id, row.r_id, row.channel, atMs, text);
			const status: TicketStatus = row.status === 'new' ? 'new' : 'open';
			if (status !== row.status)
				statement(
					'INSERT INTO events (ticket_id, at_ms, author_id, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)',
				).run(row.id, atMs, row.r_id, 'status', row.status, status);
			const agent = get<{last: number | null}>(
				"SELECT max(created_ms) AS last FROM messages WHERE ticket_id = ? AND author_role = 'agent' AND is_public = 1",
				row.id,
			);
			const sla = slaDueMs({
				status,
				priority: row.priority,
				createdMs: row.created_ms,
				lastAgentReplyMs: agent?.last ?? null,
				lastCustomerMessageMs: atMs,
			});
			statement('UPDATE tickets SET status = ?, updated_ms = ?, sla_due_ms = ? WHERE id = ?').run(
				status,
				atMs,
				sla,
				row.id,
			);
			return {messageId: String(result.lastInsertRowid)};
		});
	}

	function exportTicketFacts(cursor: string | null): ExportPage<TicketFacts> {
		const after = cursor === null ? {u: -1, i: 0} : decodeCursor('facts', cursor, ['u', 'i']);
		return read(() => {
			const rows = all<TicketRow>(
				`SELECT ${ticketColumns} ${ticketJoins} WHERE (t.updated_ms, t.id) > (?, ?) ORDER BY t.updated_ms, t.id LIMIT ?`,
				after['u'] ?? -1,
				after['i'] ?? 0,
				capabilities.maxPageSize + 1,
			);
			const page = rows.slice(0, capabilities.maxPageSize);
			const ids = JSON.stringify(page.map((row) => row.id));
			const replies = new Map(
				all<{ticket_id: number; first_ms: number; n: number}>(
					`SELECT ticket_id, min(created_ms) AS first_ms, count(*) AS n FROM messages
					WHERE ticket_id IN (SELECT value FROM json_each(?)) AND author_role = 'agent' AND is_public = 1
					GROUP BY ticket_id`,
					ids,
				).map((row) => [row.ticket_id, row]),
			);
			const solves = new Map(
				all<{ticket_id: number; solved_ms: number | null; reopens: number}>(
					`SELECT ticket_id,
						max(CASE WHEN new_value = 'solved' OR (new_value = 'closed' AND old_value <> 'solved') THEN at_ms END) AS solved_ms,
						sum(CASE WHEN old_value IN ('solved', 'closed') AND new_value IN ('new', 'open', 'pending', 'on-hold') THEN 1 ELSE 0 END) AS reopens
					FROM events WHERE field = 'status' AND ticket_id IN (SELECT value FROM json_each(?)) GROUP BY ticket_id`,
					ids,
				).map((row) => [row.ticket_id, row]),
			);
			const now = nowMs();
			const items = page.map((row): TicketFacts => {
				const reply = replies.get(row.id);
				const solve = solves.get(row.id);
				const firstReplyMs = reply?.first_ms ?? null;
				const solvedMs = solve?.solved_ms ?? null;
				const minutes = (ms: number | null) => (ms === null ? null : Math.round((ms - row.created_ms) / 60_000));
				return {
					ticket: toTicket(row),
					firstReplyAt: firstReplyMs === null ? null : iso(firstReplyMs),
					firstReplyMinutes: minutes(firstReplyMs),
					firstReplyBusinessMinutes: null,
					solvedAt: solvedMs === null ? null : iso(solvedMs),
					fullResolutionMinutes: minutes(solvedMs),
					fullResolutionBusinessMinutes: null,
					reopens: solve?.reopens ?? 0,
					publicAgentReplies: reply?.n ?? 0,
					slaBreached: slaBreached(row, firstReplyMs, solvedMs, now),
				};
			});
			const last = page[page.length - 1];
			return {
				items,
				nextCursor:
					rows.length > page.length && last !== undefined
						? encodeCursor('facts', {u: last.updated_ms, i: last.id})
						: null,
			};
		});
	}

	function exportSatisfaction(cursor: string | null): ExportPage<SatisfactionRating> {
		const after = cursor === null ? {a: -1, i: 0} : decodeCursor('satisfaction', cursor, ['a', 'i']);
		const rows = all<{
			id: number;
			ticket_id: number | null;
			at_ms: number;
			score: 'good' | 'bad' | 'offered';
			comment: string | null;
			channel: Channel | null;
		}>(
			`SELECT id, ticket_id, at_ms, score, comment, channel FROM satisfaction
			WHERE (at_ms, id) > (?, ?) ORDER BY at_ms, id LIMIT ?`,
			after['a'] ?? -1,
			after['i'] ?? 0,
			capabilities.maxPageSize + 1,
		);
		const page = rows.slice(0, capabilities.maxPageSize);
		const last = page[page.length - 1];
		return {
			items: page.map((row) => ({
				id: String(row.id),
				ticketId: row.ticket_id === null ? null : String(row.ticket_id),
				at: iso(row.at_ms),
				score: row.score,
				comment: row.comment,
				channel: row.channel,
			})),
			nextCursor:
				rows.length > page.length && last !== undefined
					? encodeCursor('satisfaction', {a: last.at_ms, i: last.id})
					: null,
		};
	}

	function exportSurveys(cursor: string | null): ExportPage<SurveyResponse> {
		const after = cursor === null ? {a: -1, i: 0} : decodeCursor('surveys', cursor, ['a', 'i']);
		const rows = all<{id: number; ticket_id: number | null; at_ms: number; kind: 'nps' | 'ces'; score: number}>(
			`SELECT id, ticket_id, at_ms, kind, score FROM surveys WHERE (at_ms, id) > (?, ?) ORDER BY at_ms, id LIMIT ?`,
			after['a'] ?? -1,
			after['i'] ?? 0,
			capabilities.maxPageSize + 1,
		);
		const page = rows.slice(0, capabilities.maxPageSize);
		const last = page[page.length - 1];
		return {
			items: page.map((row) => ({
				id: String(row.id),
				ticketId: row.ticket_id === null ? null : String(row.ticket_id),
				at: iso(row.at_ms),
				kind: row.kind,
				score: row.score,
			})),
			nextCursor:
				rows.length > page.length && last !== undefined ? encodeCursor('surveys', {a: last.at_ms, i: last.id}) : null,
		};
	}

	return {
		db,
		me,
		listTickets,
		getTickets,
		getThread,
		sendMessage,
		updateTicket,
		simulateCustomerReply,
		listGroups: (): GroupRef[] => groups().map((group) => ({id: String(group.id), name: group.name})),
		listAgents: (): AgentRef[] =>
			agents().map((agent) => ({id: String(agent.id), name: agent.name, email: agent.email})),
		exportTicketFacts,
		exportSatisfaction,
		exportSurveys,
	};
}

/**
 * Breached when the first reply came after its target (or has not come and the target passed), or the ticket is
 * unsolved past its running SLA. Null when the ticket never had an SLA (no priority).
 */
function slaBreached(
	row: TicketRow,
	firstReplyMs: number | null,
	solvedMs: number | null,
	nowMs: number,
): boolean | null {
	if (row.first_reply_due_ms === null && row.sla_due_ms === null) return null;
	const firstLate = row.first_reply_due_ms !== null && (firstReplyMs ?? solvedMs ?? nowMs) > row.first_reply_due_ms;
	const runningLate = unsolved.has(row.status) && row.sla_due_ms !== null && row.sla_due_ms < nowMs;
	return firstLate || runningLate;
}
