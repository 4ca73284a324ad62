import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import type {Ticket} from '../../../src/domain/ticket.js';
import {compareByUrgency, compareTickets, sortKeys} from '../../../src/domain/urgency.js';
import {ConflictError, ProviderError} from '../../../src/errors.js';
import {resetDemoDesk, setDemoOutage} from '../../../src/providers/demo/admin.js';
import {createDemoHelpDesk, type DemoHelpDesk} from '../../../src/providers/demo/demo-help-desk.js';
import type {HelpDesk, ProviderSetup, TicketFacts, TicketQuery} from '../../../src/providers/help-desk.js';

const now = new Date('2026-03-02T12:00:00Z');
const everyStatus = ['new', 'open', 'pending', 'on-hold', 'solved', 'closed'] as const;

function setupFor(dataDir: string, overrides: Partial<ProviderSetup> = {}): ProviderSetup {
	return {
		profileName: 'demo',
		baseUrl: null,
		email: 'you@demo.csr',
		user: null,
		token: null,
		tokenSource: null,
		oauth: null,
		saveOAuth: () => {},
		dataDir,
		now: () => now,
		log: undefined,
		...overrides,
	};
}

const query = (overrides: Partial<TicketQuery> = {}): TicketQuery => ({
	statuses: ['new', 'open', 'pending'],
	assignee: 'any',
	sort: 'urgency',
	limit: 1000,
	...overrides,
});

async function failureOf(promise: Promise<unknown>): Promise<ProviderError> {
	const outcome = await promise.then(
		() => undefined,
		(error: unknown) => error,
	);
	if (!(outcome instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(outcome)}`);
	return outcome;
}

async function everyTicket(desk: HelpDesk): Promise<Ticket[]> {
	return [...(await desk.listTickets(query({statuses: [...everyStatus]}))).tickets];
}

describe('the demo desk, read side', () => {
	let dataDir: string;
	let desk: HelpDesk;
	let all: Ticket[];
	beforeAll(async () => {
		dataDir = mkdtempSync(join(tmpdir(), 'csr-demo-read-'));
		desk = createDemoHelpDesk(setupFor(dataDir));
		all = await everyTicket(desk);
	});
	afterAll(async () => {
		await desk.close();
		rmSync(dataDir, {recursive: true, force: true});
	});

	it('seeds itself on first use with the default 300 tickets', async () => {
		expect(all).toHaveLength(300);
		expect(all.map((ticket) => ticket.url)).toContain('https://demo.csr/tickets/1');
	});

	it('lists the default queue most urgent first, exactly as compareByUrgency orders it', async () => {
		const page = await desk.listTickets(query());
		expect(page.tickets.length).toBeGreaterThan(100);
		expect(page.tickets.every((ticket) => ['new', 'open', 'pending'].includes(ticket.status))).toBe(true);
		expect(page.tickets.map((ticket) => ticket.id)).toEqual(
			[...page.tickets].sort(compareByUrgency).map((ticket) => ticket.id),
		);
		// The ordering has something to prove: SLA and no-SLA tickets, and null priorities among equal SLAs.
		expect(page.tickets.some((ticket) => ticket.slaDueAt === null)).toBe(true);
		expect(page.tickets.some((ticket) => ticket.slaDueAt === null && ticket.priority === null)).toBe(true);
	});

	it('sorts by every key the way compareTickets does', async () => {
		for (const sort of sortKeys) {
			const page = await desk.listTickets(query({statuses: [...everyStatus], sort}));
			const ids = page.tickets.map((ticket) => ticket.id);
			const keyOf = (ticket: Ticket) =>
				sort === 'updated' ? ticket.updatedAt : sort === 'created' ? ticket.createdAt : ticket.id;
			// Ties in updated/created may come in any order; the sort keys must not.
			expect(page.tickets.map(keyOf), sort).toEqual([...page.tickets].sort(compareTickets(sort)).map(keyOf));
			expect(ids).toHaveLength(300);
		}
	});

	it('pages with opaque cursors: same order, no duplicates, the total known up front', async () => {
		const whole = await desk.listTickets(query());
		const seen: string[] = [];
		let cursor: string | undefined;
		do {
			const page = await desk.listTickets(query({limit: 7, cursor}));
			expect(page.totalCount).toBe(whole.tickets.length);
			seen.push(...page.tickets.map((ticket) => ticket.id));
			cursor = page.nextCursor ?? undefined;
		} while (cursor !== undefined);
		expect(seen).toEqual(whole.tickets.map((ticket) => ticket.id));
		expect((await failureOf(desk.listTickets(query({cursor: 'bogus'})))).kind).toBe('invalid');
	});

	it('filters by assignee: me, none, an agent by email; an unknown agent names the valid ones', async () => {
		const mine = (await desk.listTickets(query({assignee: 'me'}))).tickets;
		expect(mine.length).toBeGreaterThan(5);
		expect(mine.every((ticket) => ticket.assignee?.email === 'you@demo.csr')).toBe(true);
		const nobody = (await desk.listTickets(query({assignee: 'none'}))).tickets;
		expect(nobody.length).toBeGreaterThan(0);
		expect(nobody.every((ticket) => ticket.assignee === null)).toBe(true);
		const freja = (await desk.listTickets(query({assignee: {email: 'FREJA.HOLM@nordlyshome.dk'}}))).tickets;
		expect(freja.length).toBeGreaterThan(0);
		expect(freja.every((ticket) => ticket.assignee?.name === 'Freja Holm')).toBe(true);
		const failure = await failureOf(desk.listTickets(query({assignee: {email: 'nobody@example.com'}})));
		expect(failure.kind).toBe('invalid');
		expect(failure.message).toContain('nobody@example.com');
		expect(failure.message).toContain('you@demo.csr');
	});

	it('filters by group name (any case) or id; an unknown group lists the valid ones', async () => {
		const byName = (await desk.listTickets(query({group: 'billing'}))).tickets;
		expect(byName.length).toBeGreaterThan(0);
		expect(byName.every((ticket) => ticket.group?.name === 'Billing')).toBe(true);
		const id = byName[0]?.group?.id ?? '';
		expect((await desk.listTickets(query({group: id}))).tickets.map((ticket) => ticket.id)).toEqual(
			byName.map((ticket) => ticket.id),
		);
		const failure = await failureOf(desk.listTickets(query({group: 'Marketing'})));
		expect(failure.kind).toBe('invalid');
		expect(failure.message).toBe(
			'unknown group "Marketing"; valid groups: Billing, Returns, Sales, Support, Technical',
		);
	});

	it('filters by priority, channel, and tags (every tag given must be there)', async () => {
		const urgent = (await desk.listTickets(query({statuses: [...everyStatus], priorities: ['urgent', 'high']})))
			.tickets;
		expect(urgent.length).toBeGreaterThan(0);
		expect(urgent.every((ticket) => ticket.priority === 'urgent' || ticket.priority === 'high')).toBe(true);
		const chats = (await desk.listTickets(query({statuses: [...everyStatus], channels: ['chat', 'phone']}))).tickets;
		expect(new Set(chats.map((ticket) => ticket.channel))).toEqual(new Set(['chat', 'phone']));
		const tagged = all.find((ticket) => ticket.tags.length >= 2) as Ticket;
		const [first, second] = tagged.tags as [string, string];
		const both = (await desk.listTickets(query({statuses: [...everyStatus], tags: [first, second]}))).tickets;
		expect(both.map((ticket) => ticket.id)).toContain(tagged.id);
		expect(both.every((ticket) => ticket.tags.includes(first) && ticket.tags.includes(second))).toBe(true);
		const onlyFirst = all.filter((ticket) => ticket.tags.includes(first));
		expect(both.length).toBeLessThanOrEqual(onlyFirst.length);
		expect((await desk.listTickets(query({tags: ['no-such-tag']}))).tickets).toEqual([]);
	});

	it('searches subjects, requester names and emails, and message text', async () => {
		const someone = all.find((ticket) => ticket.requester.email !== null) as Ticket;
		const byName = await desk.listTickets(query({statuses: [...everyStatus], search: someone.requester.name}));
		expect(byName.tickets.map((ticket) => ticket.id)).toContain(someone.id);
		const byEmail = await desk.listTickets(query({statuses: [...everyStatus], search: someone.requester.email ?? ''}));
		expect(byEmail.tickets.map((ticket) => ticket.id)).toContain(someone.id);
		// An order number that appears only inside a thread, not in the subject.
		let found = false;
		for (const ticket of all.slice(0, 40)) {
			const thread = await desk.getThread(ticket.id);
			const order = thread.messages
				.map((message) => message.text.match(/\b1[0-3]\d{5}\b/)?.[0])
				.find((number) => number !== undefined && !ticket.subject.includes(number));
			if (order === undefined) continue;
			const result = await desk.listTickets(query({statuses: [...everyStatus], search: order}));
			expect(result.tickets.map((candidate) => candidate.id)).toContain(ticket.id);
			found = true;
			break;
		}
		expect(found).toBe(true);
		const percent = await desk.listTickets(query({statuses: [...everyStatus], search: '100%'}));
		expect(percent.tickets).toEqual([]);
	});

	it('has two built-in views, found by id or name, and says not-found for others', async () => {
		const unassigned = (await desk.listTickets(query({view: 'Unassigned tickets'}))).tickets;
		expect(unassigned.length).toBeGreaterThan(0);
		expect(unassigned.every((ticket) => ticket.assignee === null)).toBe(true);
		const breached = (await desk.listTickets(query({view: 'breached', statuses: [...everyStatus]}))).tickets;
		expect(breached.length).toBeGreaterThan(0);
		expect(breached.every((ticket) => ticket.slaDueAt !== null && Date.parse(ticket.slaDueAt) < now.getTime())).toBe(
			true,
		);
		const failure = await failureOf(desk.listTickets(query({view: 'VIP'})));
		expect(failure.kind).toBe('not-found');
		expect(failure.message).toContain('unassigned');
	});

	it('gives the thread oldest first, HTML rendered as text, with attachments and the customer context', async () => {
		let sawHtmlRendering = false;
		let sawAttachment = false;
		for (const ticket of all) {
			const thread = await desk.getThread(ticket.id);
			const times = thread.messages.map((message) => Date.parse(message.createdAt));
			expect(times).toEqual([...times].sort((a, b) => a - b));
			for (const message of thread.messages) {
				expect(message.text).not.toMatch(/<\/?(p|div|table|li|a)\b/);
				if (message.text.includes('[https://')) sawHtmlRendering = true;
				if (message.attachments.length > 0) sawAttachment = true;
			}
			expect(thread.customer.id).toBe(ticket.requester.id);
			expect(thread.customer.recentTickets.map((recent) => recent.id)).not.toContain(ticket.id);
		}
		expect(sawHtmlRendering).toBe(true);
		expect(sawAttachment).toBe(true);
	});

	it("lists the customer's other tickets newest first (up to 5) and their last CSAT", async () => {
		const counts = new Map<string, number>();
		for (const ticket of all) counts.set(ticket.requester.id, (counts.get(ticket.requester.id) ?? 0) + 1);
		const regular = all.find((ticket) => (counts.get(ticket.requester.id) ?? 0) >= 2) as Ticket;
		const thread = await desk.getThread(regular.id);
		const recent = thread.customer.recentTickets;
		expect(recent.length).toBe(Math.min(5, (counts.get(regular.requester.id) ?? 0) - 1));
		const created = recent.map((ticket) => Date.parse(ticket.createdAt));
		expect(created).toEqual([...created].sort((a, b) => b - a));
		const others = await desk.getTickets(recent.map((ticket) => ticket.id));
		expect(others.every((ticket) => ticket.requester.id === regular.requester.id)).toBe(true);
		let withCsat = 0;
		for (const ticket of all.filter((candidate) => candidate.status === 'solved' || candidate.status === 'closed')) {
			const csat = (await desk.getThread(ticket.id)).customer.lastCsat;
			if (csat !== null) {
				withCsat++;
				expect(['good', 'bad']).toContain(csat.score);
			}
		}
		expect(withCsat).toBeGreaterThan(0);
	});

	it('shows the hostile ticket raw (the provider does not sanitise; printing code must)', async () => {
		const queue = (await desk.listTickets(query({limit: 50}))).tickets;
		const hostile = queue.find((ticket) => ticket.subject.includes('\u202E'));
		expect(hostile?.id).toBe('13');
		const thread = await desk.getThread('13');
		const text = thread.messages[0]?.text ?? '';
		for (const sequence of ['\u001b]52;c;', '\u001b[2J', '\u001b]8;;https://', '\u009b31m', '\u200b'])
			expect(text).toContain(sequence);
	});

	it('gets several tickets in the order asked, leaving out unknown ids', async () => {
		const tickets = await desk.getTickets(['12', '999999', '3', 'abc', '12']);
		expect(tickets.map((ticket) => ticket.id)).toEqual(['12', '3', '12']);
	});

	it('says not-found for an unknown ticket', async () => {
		const failure = await failureOf(desk.getThread('424242'));
		expect(failure.kind).toBe('not-found');
		expect(failure.message).toContain('424242');
	});

	it('knows its agents, groups and the signed-in agent', async () => {
		expect(await desk.whoAmI()).toEqual({id: expect.any(String), name: 'Demo Agent', email: 'you@demo.csr'});
		expect((await desk.listGroups()).map((group) => group.name)).toEqual([
			'Billing',
			'Returns',
			'Sales',
			'Support',
			'Technical',
		]);
		expect((await desk.listAgents()).length).toBe(9);
		const freja = createDemoHelpDesk(setupFor(dataDir, {email: 'freja.holm@nordlyshome.dk'}));
		expect((await freja.whoAmI()).name).toBe('Freja Holm');
		await freja.close();
		expect(desk.capabilities).toMatchObject({
			supportsSafeUpdate: true,
			supportsIdempotencyKey: true,
			maxPageSize: 1000,
		});
	});
});

/** KPI facts computed here from the thread alone, to compare with what the desk exports. */
function factsFromThread(
	ticket: Ticket,
	messages: readonly {author: {role: string}; public: boolean; createdAt: string}[],
) {
	const replies = messages.filter((message) => message.author.role === 'agent' && message.public);
	const first = replies[0]?.createdAt ?? null;
	return {
		firstReplyAt: first,
		firstReplyMinutes: first === null ? null : Math.round((Date.parse(first) - Date.parse(ticket.createdAt)) / 60_000),
		publicAgentReplies: replies.length,
	};
}

describe('the demo desk, KPI exports', () => {
	let dataDir: string;
	let desk: DemoHelpDesk;
	beforeEach(() => {
		dataDir = mkdtempSync(join(tmpdir(), 'csr-demo-kpi-'));
		desk = createDemoHelpDesk(setupFor(dataDir));
	});
	afterEach(async () => {
		await desk.close();
		rmSync(dataDir, {recursive: true, force: true});
	});

	async function allFacts(): Promise<TicketFacts[]> {
		const facts: TicketFacts[] = [];
		let cursor: string | null = null;
		do {
			const page: Awaited<ReturnType<HelpDesk['exportTicketFacts']>> = await desk.exportTicketFacts(cursor);
			facts.push(...page.items);
			cursor = page.nextCursor;
		} while (cursor !== null);
		return facts;
	}

	it('exports ticket facts consistent with each thread', async () => {
		const facts = await allFacts();
		expect(facts).toHaveLength(300);
		for (const fact of facts) {
			const thread = await desk.getThread(fact.ticket.id);
			expect(fact, `ticket ${fact.ticket.id}`).toMatchObject(factsFromThread(fact.ticket, thread.messages));
			const isSolved = fact.ticket.status === 'solved' || fact.ticket.status === 'closed';
			if (isSolved) expect(fact.solvedAt, `ticket ${fact.ticket.id}`).not.toBeNull();
			if (fact.ticket.status === 'new') expect(fact.solvedAt).toBeNull();
			if (fact.solvedAt !== null) {
				expect(Date.parse(fact.solvedAt)).toBeLessThanOrEqual(Date.parse(fact.ticket.updatedAt));
				expect(fact.fullResolutionMinutes).toBe(
					Math.round((Date.parse(fact.solvedAt) - Date.parse(fact.ticket.createdAt)) / 60_000),
				);
			} else expect(fact.fullResolutionMinutes).toBeNull();
			if (fact.ticket.slaDueAt !== null && Date.parse(fact.ticket.slaDueAt) < now.getTime())
				expect(fact.slaBreached).toBe(true);
			if (fact.ticket.priority === null && fact.ticket.slaDueAt === null) expect(fact.slaBreached).toBeNull();
			expect(fact.firstReplyBusinessMinutes).toBeNull();
		}
		expect(facts.some((fact) => fact.reopens > 0)).toBe(true);
		expect(facts.some((fact) => fact.slaBreached === false)).toBe(true);
		const order = facts.map((fact) => [Date.parse(fact.ticket.updatedAt), Number(fact.ticket.id)] as const);
		expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
	});

	it('counts a reopen and moves solvedAt to the last solve', async () => {
		const [open] = (await desk.listTickets(query({statuses: ['open'], limit: 1}))).tickets;
		const id = open?.id ?? '';
		await desk.updateTicket(id, {status: 'solved'}, {});
		await desk.simulateCustomerReply(id, 'It broke again.');
		const before = (await allFacts()).find((fact) => fact.ticket.id === id);
		await desk.sendMessage(id, {body: 'Sorted again.', public: true, changes: {status: 'solved'}}, {});
		const after = (await allFacts()).find((fact) => fact.ticket.id === id);
		expect(after?.reopens).toBe(before?.reopens ?? 0);
		expect(before?.ticket.status).toBe('open');
		expect(after?.ticket.status).toBe('solved');
		expect(Date.parse(after?.solvedAt ?? '')).toBeGreaterThan(Date.parse(before?.solvedAt ?? ''));
		expect(after?.reopens).toBeGreaterThanOrEqual(1);
	});

	it('pages facts by updatedAt then id, 1,000 a page, and resumes from a cursor with only what changed', async () => {
		resetDemoDesk(dataDir, {tickets: 1_200, seed: 4, now});
		const first = await desk.exportTicketFacts(null);
		expect(first.items).toHaveLength(1000);
		expect(first.nextCursor).not.toBeNull();
		const second = await desk.exportTicketFacts(first.nextCursor);
		expect(second.items).toHaveLength(200);
		expect(second.nextCursor).toBeNull();
		const ids = [...first.items, ...second.items].map((fact) => fact.ticket.id);
		expect(new Set(ids).size).toBe(1_200);
		// A change moves the ticket to the end: resuming from the first page's cursor picks it up.
		const changed = first.items[0]?.ticket.id ?? '';
		await desk.sendMessage(changed, {body: 'bump', public: false}, {});
		const resumed = await desk.exportTicketFacts(first.nextCursor);
		expect(resumed.items).toHaveLength(201);
		expect(resumed.items[200]?.ticket.id).toBe(changed);
		expect((await failureOf(desk.exportTicketFacts('nonsense'))).kind).toBe('invalid');
	});

	it('exports satisfaction ratings and survey answers with cursors', async () => {
		const ratings = await desk.exportSatisfaction(null);
		expect(ratings.nextCursor).toBeNull();
		expect(new Set(ratings.items.map((rating) => rating.score))).toEqual(new Set(['good', 'bad', 'offered']));
		const times = ratings.items.map((rating) => Date.parse(rating.at));
		expect(times).toEqual([...times].sort((a, b) => a - b));
		const surveys = await desk.exportSurveys(null);
		expect(surveys.items.some((survey) => survey.kind === 'nps')).toBe(true);
		expect(surveys.items.some((survey) => survey.kind === 'ces')).toBe(true);
		expect(surveys.items.some((survey) => survey.ticketId === null)).toBe(true);
		expect((await failureOf(desk.exportSurveys(ratings.items.length > 0 ? 'x' : 'y'))).kind).toBe('invalid');
	});
});

describe('the demo desk, writes', () => {
	let dataDir: string;
	let clock: Date;
	let desk: DemoHelpDesk;
	beforeEach(() => {
		dataDir = mkdtempSync(join(tmpdir(), 'csr-demo-write-'));
		clock = now;
		desk = createDemoHelpDesk(setupFor(dataDir, {now: () => clock}));
	});
	afterEach(async () => {
		await desk.close();
		rmSync(dataDir, {recursive: true, force: true});
	});

	async function first(statuses: Ticket['status'][]): Promise<Ticket> {
		const ticket = (await desk.listTickets(query({statuses, limit: 5}))).tickets.find(
			(candidate) => candidate.id !== '13',
		);
		if (ticket === undefined) throw new Error(`no ${statuses.join('/')} ticket`);
		return ticket;
	}

	it('appends a reply by the signed-in agent and applies the changes with it', async () => {
		const ticket = await first(['open']);
		const sent = await desk.sendMessage(
			ticket.id,
			{
				body: 'Your replacement left our warehouse today.',
				public: true,
				changes: {
					status: 'pending',
					priority: 'high',
					assignee: {email: 'elin.lindqvist@nordlyshome.dk'},
					group: 'returns',
					tags: {add: ['Replacement'], remove: [ticket.tags[0] ?? 'none']},
				},
			},
			{expectedUpdatedAt: ticket.updatedAt},
		);
		expect(sent.ticket).toMatchObject({
			status: 'pending',
			priority: 'high',
			assignee: {name: 'Elin Lindqvist'},
			group: {name: 'Returns'},
			slaDueAt: null,
		});
		expect(sent.ticket.tags).toContain('replacement');
		if (ticket.tags[0] !== undefined) expect(sent.ticket.tags).not.toContain(ticket.tags[0]);
		const thread = await desk.getThread(ticket.id);
		const last = thread.messages[thread.messages.length - 1];
		expect(last).toMatchObject({
			id: sent.messageId,
			public: true,
			text: 'Your replacement left our warehouse today.',
			author: {role: 'agent', email: 'you@demo.csr', name: 'Demo Agent'},
			channel: ticket.channel,
		});
	});

	it('keeps updatedAt strictly increasing even when the clock does not move', async () => {
		const ticket = await first(['open']);
		clock = new Date(Date.parse(ticket.updatedAt) - 60_000);
		const one = await desk.sendMessage(ticket.id, {body: 'note one', public: false}, {});
		const two = await desk.sendMessage(ticket.id, {body: 'note two', public: false}, {});
		expect(Date.parse(one.ticket.updatedAt)).toBeGreaterThan(Date.parse(ticket.updatedAt));
		expect(Date.parse(two.ticket.updatedAt)).toBeGreaterThan(Date.parse(one.ticket.updatedAt));
	});

	it('opens a new ticket when an agent answers it, and answering stops the first-reply clock', async () => {
		const ticket = await first(['new']);
		const sent = await desk.sendMessage(ticket.id, {body: 'Looking into it now.', public: true}, {});
		expect(sent.ticket.status).toBe('open');
		expect(sent.ticket.slaDueAt).toBeNull();
		const facts = await desk.exportTicketFacts(null);
		const fact = facts.items.find((item) => item.ticket.id === ticket.id);
		expect(fact?.firstReplyAt).toBe(sent.ticket.updatedAt);
	});

	it('sends once per idempotency key: the retry returns the first message and writes nothing', async () => {
		const ticket = await first(['open']);
		const options = {idempotencyKey: 'csr-abc123', expectedUpdatedAt: ticket.updatedAt};
		const once = await desk.sendMessage(ticket.id, {body: 'Only once, please.', public: true}, options);
		const again = await desk.sendMessage(ticket.id, {body: 'Only once, please.', public: true}, options);
		expect(again.messageId).toBe(once.messageId);
		const thread = await desk.getThread(ticket.id);
		expect(thread.messages.filter((message) => message.text === 'Only once, please.')).toHaveLength(1);
		const other = await first(['pending']);
		const elsewhere = await desk.sendMessage(
			other.id,
			{body: 'Same key, other ticket.', public: true},
			{idempotencyKey: options.idempotencyKey},
		);
		expect(elsewhere.messageId).not.toBe(once.messageId);
	});

	it('refuses a write on a stale read and says what changed (the customer wrote)', async () => {
		const ticket = await first(['pending']);
		await desk.simulateCustomerReply(ticket.id, 'Any news?');
		const failure = await failureOf(
			desk.sendMessage(ticket.id, {body: 'Stale reply', public: true}, {expectedUpdatedAt: ticket.updatedAt}),
		);
		expect(failure).toBeInstanceOf(ConflictError);
		expect(failure.message).toBe(
			`ticket ${ticket.id} changed since you read it: 1 new message from the customer, status changed to open`,
		);
		const thread = await desk.getThread(ticket.id);
		expect(thread.messages.some((message) => message.text === 'Stale reply')).toBe(false);
		expect(thread.ticket.status).toBe('open');
	});

	it('sees changes made through another desk (another csr process) and names the agent', async () => {
		const ticket = (await desk.listTickets(query({statuses: ['open']}))).tickets.find(
			(candidate) => candidate.assignee?.name !== 'Freja Holm' && candidate.id !== '13',
		) as Ticket;
		const freja = createDemoHelpDesk(setupFor(dataDir, {email: 'freja.holm@nordlyshome.dk'}));
		try {
			await freja.sendMessage(ticket.id, {body: 'Took this one.', public: false, changes: {assignee: 'me'}}, {});
			const failure = await failureOf(
				desk.updateTicket(ticket.id, {status: 'pending'}, {expectedUpdatedAt: ticket.updatedAt}),
			);
			expect(failure).toBeInstanceOf(ConflictError);
			expect(failure.message).toContain('1 new internal note from Freja Holm');
			expect(failure.message).toContain('assigned to Freja Holm');
			const [reread] = await desk.getTickets([ticket.id]);
			expect(reread?.assignee?.name).toBe('Freja Holm');
		} finally {
			await freja.close();
		}
	});

	it('refuses to change a closed ticket, an unknown ticket, an unknown group or agent', async () => {
		const closed = await first(['closed']);
		const refusal = await failureOf(desk.sendMessage(closed.id, {body: 'Hello?', public: true}, {}));
		expect(refusal.kind).toBe('invalid');
		expect(refusal.message).toBe(`ticket ${closed.id} is closed; closed tickets cannot be changed`);
		expect((await failureOf(desk.updateTicket(closed.id, {status: 'open'}, {}))).kind).toBe('invalid');
		expect((await failureOf(desk.sendMessage('777777', {body: 'x', public: true}, {}))).kind).toBe('not-found');
		const open = await first(['open']);
		const group = await failureOf(desk.updateTicket(open.id, {group: 'Marketing'}, {}));
		expect(group.kind).toBe('invalid');
		expect(group.message).toContain('Marketing');
		const agent = await failureOf(desk.updateTicket(open.id, {assignee: {email: 'ghost@nordlyshome.dk'}}, {}));
		expect(agent.message).toContain('ghost@nordlyshome.dk');
		expect((await desk.getTickets([open.id]))[0]?.updatedAt).toBe(open.updatedAt);
	});

	it('updates fields without a message, and an update that changes nothing does not touch the ticket', async () => {
		const ticket = await first(['open']);
		const same = await desk.updateTicket(ticket.id, {status: ticket.status}, {});
		expect(same.updatedAt).toBe(ticket.updatedAt);
		const solved = await desk.updateTicket(ticket.id, {status: 'solved'}, {idempotencyKey: 'k1'});
		expect(solved.status).toBe('solved');
		expect(solved.assignee).not.toBeNull();
		expect(solved.slaDueAt).toBeNull();
		const replay = await desk.updateTicket(ticket.id, {status: 'solved'}, {idempotencyKey: 'k1'});
		expect(replay.updatedAt).toBe(solved.updatedAt);
	});

	it('fails every write as temporary during a simulated outage, and reads keep working', async () => {
		const ticket = await first(['open']);
		await desk.whoAmI();
		setDemoOutage(dataDir, true, now);
		const failure = await failureOf(desk.sendMessage(ticket.id, {body: 'During the outage', public: true}, {}));
		expect(failure.message).toBe('demo desk unreachable (simulated outage)');
		expect(failure.kind).toBe('temporary');
		expect(failure.isTemporary).toBe(true);
		expect((await failureOf(desk.updateTicket(ticket.id, {priority: 'low'}, {}))).kind).toBe('temporary');
		expect((await desk.getThread(ticket.id)).messages.some((message) => message.text === 'During the outage')).toBe(
			false,
		);
		setDemoOutage(dataDir, false, now);
		const sent = await desk.sendMessage(ticket.id, {body: 'After the outage', public: true}, {});
		expect(sent.ticket.id).toBe(ticket.id);
	});

	it('regenerates on reset: the same seed gives the same desk again, writes are gone', async () => {
		const before = await everyTicket(desk);
		const ticket = await first(['open']);
		await desk.sendMessage(ticket.id, {body: 'to be forgotten', public: true}, {});
		const summary = resetDemoDesk(dataDir, {tickets: 300, seed: 1, now});
		expect(summary).toMatchObject({tickets: 300, seed: 1});
		expect(await everyTicket(desk)).toEqual(before);
		resetDemoDesk(dataDir, {tickets: 40, seed: 9, now});
		expect(await everyTicket(desk)).toHaveLength(40);
	});
});
