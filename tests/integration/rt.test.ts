import {spawn} from 'node:child_process';
import {createHash} from 'node:crypto';
import {once} from 'node:events';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {Message} from '../../src/domain/message.js';
import {Ticket} from '../../src/domain/ticket.js';
import {AuthError, ConflictError, ProviderError} from '../../src/errors.js';
import type {HelpDesk, ProviderSetup, TicketQuery} from '../../src/providers/help-desk.js';
import {createRtHelpDesk} from '../../src/providers/rt/rt-help-desk.js';
import {describeAttachmentContract} from '../support/attachments-contract.js';
import {binPath, createSandbox} from '../support/e2e.js';
import {describeHelpDeskContract} from '../support/help-desk-contract.js';
import {describeForwardContract, describeMergeContract} from '../support/merge-forward-contract.js';
import {mailIn, type RtServer, rest2Client, rtInstalled, startRt, stopRt} from './rt-server.js';

/*
 * csr against a real Request Tracker 5 (Debian packages): one server per file, started by scripts/rt-start.sh on a
 * free 127.0.0.1 port with a throwaway SQLite database, seeded through REST2 and RT's mail gateway.
 * Without RT installed the suite is skipped with a note, unless CSR_REQUIRE_RT=1 (CI): then the availability test
 * fails (and the rest is skipped).
 */
const installed = rtInstalled();
const required = process.env['CSR_REQUIRE_RT'] === '1';
if (!installed && !required) {
	console.warn('RT 5 not installed: run scripts/install-rt.sh (skipping tests/integration/rt.test.ts)');
}

function setupFor(server: RtServer, overrides: Partial<ProviderSetup> = {}): ProviderSetup {
	return {
		profileName: 'rt',
		baseUrl: server.url,
		email: null,
		user: null,
		token: server.agent.token,
		tokenSource: 'env-profile',
		oauth: null,
		saveOAuth: () => {},
		dataDir: server.home,
		now: () => new Date(),
		log: undefined,
		...overrides,
	};
}

const query = (overrides: Partial<TicketQuery> = {}): TicketQuery => ({
	statuses: ['new', 'open', 'pending'],
	assignee: 'any',
	sort: 'urgency',
	limit: 50,
	...overrides,
});

const failureOf = (promise: Promise<unknown>): Promise<unknown> =>
	promise.then(
		() => {
			throw new Error('expected a failure');
		},
		(error: unknown) => error,
	);

/** Runs `task` over `items`, `limit` at a time. */
async function inParallel<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	await Promise.all(
		Array.from({length: limit}, async () => {
			while (next < items.length) {
				const index = next++;
				results[index] = await task(items[index] as T);
			}
		}),
	);
	return results;
}

const customers = [
	{name: 'Karin Berg', email: 'karin@example.se', lang: 'sv', subject: 'Var är mitt paket?', html: false},
	{name: 'Søren Ærø', email: 'soren@example.dk', lang: 'da', subject: 'Fejl på faktura', html: false},
	{name: 'Jürgen Größ', email: 'juergen@example.de', lang: 'de', subject: 'Lieferung verspätet', html: true},
	{name: 'Ola Nordmann', email: 'ola@example.no', lang: '', subject: 'Feil størrelse', html: false},
	{name: 'Ann Lee', email: 'ann@example.com', lang: 'en', subject: 'Refund for order 1001', html: true},
	{name: 'Bo Ek', email: 'bo@example.se', lang: '', subject: 'Exchange a jacket', html: false},
	{name: 'Cy Twombly', email: 'cy@example.com', lang: '', subject: 'Damaged parcel', html: false},
	{name: 'Di Prince', email: 'di@example.com', lang: '', subject: 'Order status 1002', html: false},
	{name: 'Ed Hart', email: 'ed@example.com', lang: '', subject: 'Wrong colour', html: false},
	{name: 'Flo Rida', email: 'flo@example.com', lang: '', subject: 'Login trouble', html: false},
] as const;

describe('Request Tracker 5 availability', () => {
	it.runIf(required)('is installed, as CSR_REQUIRE_RT=1 (CI) demands', () => {
		expect(installed, 'CSR_REQUIRE_RT=1 but RT 5 is not installed: run scripts/install-rt.sh').toBe(true);
	});
});

describe.skipIf(!installed)('Request Tracker 5 (real server)', () => {
	let server: RtServer;
	let root: ReturnType<typeof rest2Client>;
	/** Ticket id by customer email, for the mailed-in Support tickets. */
	const support = new Map<string, string>();

	beforeAll(async () => {
		server = await startRt();
		root = rest2Client(server, server.root.token);
		const seeded = performance.now();
		await root.post('/queue', {
			Name: 'Support',
			CorrespondAddress: 'support@csr.test',
			CommentAddress: 'support-comment@csr.test',
		});
		await root.post('/queue', {Name: 'Bulk', Description: 'bulk reply test'});
		await root.post('/customfield', {Name: 'Tags', Type: 'Freeform', MaxValues: 0, Queue: 'Support'});
		const category = (await root.post('/customfield', {
			Name: 'Category',
			Type: 'Select',
			MaxValues: 1,
			Queue: 'Support',
		})) as {id: string};
		for (const value of ['Billing', 'Shipping', 'Technical']) {
			await root.post(`/customfield/${category.id}/value`, {Name: value});
		}
		await root.post('/user', {
			Name: 'blake',
			Password: 'blake-password',
			EmailAddress: 'blake@csr.test',
			RealName: 'Blake Second',
			Privileged: 1,
		});
		await root.post('/user', {
			Name: 'outsider',
			Password: 'outsider-password',
			EmailAddress: 'outsider@example.com',
			Privileged: 0,
		});
		// Customers write in by email: they are the requestors and the authors of the opening messages.
		await inParallel(customers, 3, (customer) =>
			mailIn(server, {
				from: `${customer.name} <${customer.email}>`,
				subject: customer.subject,
				html: customer.html,
				body: customer.html
					? `<p>Hello,</p><p>about <b>${customer.subject}</b>: see <a href="https://shop.example/orders">my orders</a>.</p>`
					: `Hello,\n\n${customer.subject}: please help.\n\n${customer.name}`,
			}),
		);
		for (const customer of customers) {
			const [id] = await root.ticketIds(`Requestor.EmailAddress = '${customer.email}'`);
			if (id === undefined) throw new Error(`no ticket from ${customer.email}`);
			support.set(customer.email, id);
			if (customer.lang) await root.put(`/user/${encodeURIComponent(customer.email)}`, {Lang: customer.lang});
		}
		const id = (email: string) => support.get(email) as string;
		// 3 stay new; 4 open (one with an agent reply); 2 stalled; 1 resolved. Tags and a category on some.
		await root.put(`/ticket/${id('karin@example.se')}`, {
			Status: 'open',
			Priority: 80,
			CustomFields: {Tags: ['vip', 'parcel'], Category: 'Shipping'},
		});
		await root.put(`/ticket/${id('soren@example.dk')}`, {Status: 'open', CustomFields: {Category: 'Billing'}});
		await root.put(`/ticket/${id('juergen@example.de')}`, {Status: 'open', CustomFields: {Tags: ['late']}});
		await root.post(`/ticket/${id('ann@example.com')}/correspond`, {
			Content: 'We are on it.',
			ContentType: 'text/plain',
		});
		await root.put(`/ticket/${id('bo@example.se')}`, {Status: 'stalled'});
		await root.put(`/ticket/${id('cy@example.com')}`, {Status: 'stalled', CustomFields: {Tags: ['damaged']}});
		await root.put(`/ticket/${id('di@example.com')}`, {Status: 'resolved'});
		console.info(
			`RT 5 integration: rt-start.sh ${server.startMs} ms, seeding ${Math.round(performance.now() - seeded)} ms (port ${server.port})`,
		);
	}, 180_000);

	afterAll(async () => {
		if (server !== undefined) await stopRt(server.home);
	}, 60_000);

	describe('provider', () => {
		let desk: HelpDesk;
		beforeAll(() => {
			desk = createRtHelpDesk(setupFor(server));
		});
		afterAll(async () => {
			await desk?.close();
		});

		it('knows the agent from a token, and from basic auth with a password or a token', async () => {
			expect(await desk.whoAmI()).toEqual({id: 'agent', name: 'Alex Agent', email: 'agent@csr.test'});
			for (const secret of [server.agent.password, server.agent.token]) {
				const basic = createRtHelpDesk(setupFor(server, {user: 'agent', token: secret}));
				try {
					expect((await basic.whoAmI()).id).toBe('agent');
				} finally {
					await basic.close();
				}
			}
		});

		it('refuses bad credentials and non-agents with AuthError, and never shows the secret', async () => {
			const badToken = `1-27-${'0'.repeat(32)}`;
			const cases: Partial<ProviderSetup>[] = [
				{token: badToken},
				{user: 'agent', token: 'wrong-password-123'},
				{user: 'outsider', token: 'outsider-password'},
				{user: 'blake', token: server.agent.token},
				{token: null},
			];
			for (const overrides of cases) {
				const other = createRtHelpDesk(setupFor(server, overrides));
				try {
					const failure = await failureOf(other.whoAmI());
					expect(failure, JSON.stringify(overrides)).toBeInstanceOf(AuthError);
					if (overrides.token) expect(String((failure as Error).message)).not.toContain(overrides.token);
					if (
						overrides.user === undefined ||
						overrides.token === badToken ||
						overrides.token === 'wrong-password-123'
					) {
						expect(await failureOf(other.listTickets(query()))).toBeInstanceOf(AuthError);
					}
				} finally {
					await other.close();
				}
			}
		});

		it('maps a mailed-in ticket: requester with locale, queue as group, tags from custom fields, RT links', async () => {
			const id = support.get('karin@example.se') as string;
			const [ticket] = await desk.getTickets([id, '987654']);
			expect(() => Ticket.parse(ticket)).not.toThrow();
			expect(ticket).toMatchObject({
				id,
				subject: 'Var är mitt paket?',
				status: 'open',
				priority: 'high',
				channel: 'email',
				requester: {id: 'karin@example.se', name: 'Karin Berg', email: 'karin@example.se', locale: 'sv'},
				assignee: null,
				group: {name: 'Support'},
				slaDueAt: null,
				url: `${server.url}/Ticket/Display.html?id=${id}`,
			});
			expect(ticket?.tags).toEqual(expect.arrayContaining(['vip', 'parcel', 'Category:Shipping']));
			expect(Date.parse(ticket?.updatedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(ticket?.createdAt ?? ''));
		});

		it('shows the thread: the customer mail first (HTML as text), agent replies public, RT mail copies left out', async () => {
			const id = support.get('juergen@example.de') as string;
			const thread = await desk.getThread(id);
			for (const message of thread.messages) expect(() => Message.parse(message)).not.toThrow();
			expect(thread.messages).toHaveLength(1);
			const [first] = thread.messages;
			expect(first?.author).toEqual({
				id: 'juergen@example.de',
				name: 'Jürgen Größ',
				email: 'juergen@example.de',
				role: 'customer',
			});
			expect(first?.channel).toBe('email');
			expect(first?.public).toBe(true);
			expect(first?.text).toContain('about Lieferung verspätet: see my orders [https://shop.example/orders]');
			expect(first?.text).not.toContain('<b>');
			expect(thread.customer).toMatchObject({id: 'juergen@example.de', locale: 'de', lastCsat: null});

			const answered = await desk.getThread(support.get('ann@example.com') as string);
			expect(answered.messages.map((message) => [message.author.role, message.public, message.text])).toEqual([
				['customer', true, expect.stringContaining('Refund for order 1001')],
				['agent', true, 'We are on it.'],
			]);
		});

		it('filters by group, assignee, priority, tag and search with TicketSQL', async () => {
			const ids = async (overrides: Partial<TicketQuery>) =>
				(await desk.listTickets(query({statuses: ['new', 'open', 'pending', 'solved'], ...overrides}))).tickets
					.map((ticket) => ticket.id)
					.sort();
			const karin = support.get('karin@example.se') as string;
			expect(await ids({tags: ['vip']})).toEqual([karin]);
			expect(await ids({tags: ['Category:Shipping']})).toEqual([karin]);
			expect(await ids({priorities: ['high']})).toEqual([karin]);
			expect(await ids({search: 'paket'})).toEqual([karin]);
			expect(await ids({search: "O'Brien's"})).toEqual([]);
			expect(await ids({group: 'Bulk'})).toEqual([]);
			expect((await ids({group: 'Support'})).length).toBe(customers.length);
			expect(await ids({assignee: 'me'})).toEqual([]);
			expect((await ids({assignee: 'none'})).length).toBe(customers.length);
			expect(await ids({channels: ['chat']})).toEqual([]);
			const solved = await desk.listTickets(query({statuses: ['solved']}));
			expect(solved.tickets.map((ticket) => ticket.id)).toEqual([support.get('di@example.com')]);
			expect(solved.totalCount).toBe(1);
		});

		it('assigns by email, moves queues, sets priority, and says what RT refused', async () => {
			const id = support.get('flo@example.com') as string;
			const updated = await desk.updateTicket(
				id,
				{assignee: {email: 'blake@csr.test'}, priority: 'urgent', group: 'Bulk'},
				{},
			);
			expect(updated.assignee).toEqual({id: 'blake', name: 'Blake Second', email: 'blake@csr.test'});
			expect(updated.priority).toBe('urgent');
			expect(updated.group?.name).toBe('Bulk');
			const back = await desk.updateTicket(id, {assignee: 'me', group: 'Support'}, {});
			expect(back.assignee?.id).toBe('agent');
			expect((await desk.updateTicket(id, {assignee: null}, {})).assignee).toBeNull();

			const unknownOwner = await failureOf(desk.updateTicket(id, {assignee: {email: 'nobody@nowhere.test'}}, {}));
			expect(unknownOwner).toBeInstanceOf(ProviderError);
			expect((unknownOwner as ProviderError).kind).toBe('invalid');
			const badQueue = await failureOf(desk.updateTicket(id, {group: 'No Such Queue'}, {}));
			expect(badQueue).toBeInstanceOf(ProviderError);
			expect((badQueue as ProviderError).message).toContain('RT did not apply');
			const closed = await failureOf(desk.updateTicket(id, {status: 'closed'}, {}));
			expect((closed as ProviderError).kind).toBe('invalid');
			// General has no custom fields: plain tags have nowhere to go there.
			const general = await root.createTicket({
				Queue: 'General',
				Subject: 'No fields here',
				Requestor: 'x@example.com',
			});
			const noTagsField = await failureOf(desk.updateTicket(general, {tags: {add: ['x'], remove: []}}, {}));
			expect((noTagsField as ProviderError).message).toContain('no "Tags" custom field');
			expect(noTagsField).toBeInstanceOf(ProviderError);
		});

		it('sends a reply with a status change in one go, and RT records exactly one Correspond', async () => {
			const id = support.get('ed@example.com') as string;
			const before = await root.transactions(id, ['Correspond']);
			const sent = await desk.sendMessage(
				id,
				{body: 'Hello Ed,\n\nthe right colour is on its way.\n', public: true, changes: {status: 'pending'}},
				{},
			);
			expect(sent.ticket.status).toBe('pending');
			const after = await root.transactions(id, ['Correspond']);
			expect(after).toHaveLength(before.length + 1);
			expect(after.at(-1)?.id).toBe(sent.messageId);
			expect(after.at(-1)?.Creator.id).toBe('agent');
			expect(await failureOf(desk.sendMessage(id, {body: '  ', public: true}, {}))).toBeInstanceOf(ProviderError);
			const stale = await failureOf(
				desk.sendMessage(id, {body: 'stale', public: true}, {expectedUpdatedAt: '2001-01-01T00:00:00Z'}),
			);
			expect(stale).toBeInstanceOf(ConflictError);
			expect(await root.transactions(id, ['Correspond'])).toHaveLength(after.length);
		});

		it('exports KPI facts from transactions: first reply, solve, reopen; no ratings or surveys', async () => {
			const customer = {from: 'Gus Grant <gus@example.com>', subject: 'Broken zipper'};
			await mailIn(server, {...customer, body: 'The zipper broke.'});
			const [id] = await root.ticketIds("Requestor.EmailAddress = 'gus@example.com'");
			if (id === undefined) throw new Error('no ticket from gus');
			await desk.sendMessage(
				id,
				{body: 'Sorry! A new one is on its way.', public: true, changes: {status: 'solved'}},
				{},
			);
			await mailIn(server, {...customer, ticketId: id, body: 'It arrived broken too.'});
			const facts = [];
			for (let cursor: string | null = null, pages = 0; pages < 20; pages++) {
				const page = await desk.exportTicketFacts(cursor);
				facts.push(...page.items);
				if (page.nextCursor === null) break;
				cursor = page.nextCursor;
			}
			const gus = facts.find((fact) => fact.ticket.id === id);
			expect(gus).toMatchObject({
				publicAgentReplies: 1,
				reopens: 1,
				firstReplyBusinessMinutes: null,
				slaBreached: null,
			});
			expect(gus?.ticket.status).toBe('open');
			expect(gus?.firstReplyAt).not.toBeNull();
			expect(gus?.solvedAt).not.toBeNull();
			expect(gus?.firstReplyMinutes).toBeGreaterThanOrEqual(0);
			const untouched = facts.find((fact) => fact.ticket.id === support.get('ola@example.no'));
			expect(untouched).toMatchObject({firstReplyAt: null, solvedAt: null, reopens: 0, publicAgentReplies: 0});
			expect(new Set(facts.map((fact) => fact.ticket.id)).size).toBe(facts.length);
			// A second ticket from the same customer shows up in the first one's customer context.
			await mailIn(server, {from: customer.from, subject: 'Also: the buttons', body: 'And a button is missing.'});
			const context = (await desk.getThread(id)).customer;
			expect(context.recentTickets.map((ticket) => ticket.subject)).toEqual(['Also: the buttons']);
			expect(await desk.exportSatisfaction(null)).toEqual({items: [], nextCursor: null});
			expect(await desk.exportSurveys(null)).toEqual({items: [], nextCursor: null});
		});

		it('lists queues as groups and says not-found for tickets that are not there', async () => {
			expect((await desk.listGroups()).map((group) => group.name)).toEqual(
				expect.arrayContaining(['General', 'Support', 'Bulk']),
			);
			expect(await desk.listAgents()).toEqual(
				expect.arrayContaining([{id: 'agent', name: 'Alex Agent', email: 'agent@csr.test'}]),
			);
			for (const missing of ['987654321', 'abc']) {
				const failure = await failureOf(desk.getThread(missing));
				expect((failure as ProviderError).kind).toBe('not-found');
			}
		});
	});

	describeHelpDeskContract('rt (real RT 5)', async () => ({
		desk: createRtHelpDesk(setupFor(server)),
		cleanup: async () => {},
	}));

	/** Three fresh open Support tickets from one customer, each with its opening message (for merge and forward). */
	async function threeOpenTickets(): Promise<[string, string, string]> {
		const ids: string[] = [];
		for (const n of [1, 2, 3]) {
			const id = await root.createTicket({
				Queue: 'Support',
				Subject: `Order 7${n}00 question`,
				Requestor: 'twice@example.com',
				Content: `About order 7${n}00, please help.`,
				ContentType: 'text/plain',
			});
			await root.put(`/ticket/${id}`, {Status: 'open'});
			ids.push(id);
		}
		return ids as [string, string, string];
	}
	/** What third parties got from a ticket: each linked ticket's correspondence, with its files as RT stored them. */
	async function sentToThirdParties(ticketId: string): Promise<{files: {name: string; sha256: string}[]}[]> {
		const sent: {files: {name: string; sha256: string}[]}[] = [];
		for (const linked of await root.ticketIds(`RefersTo = ${ticketId}`)) {
			for (const transaction of await root.transactions(linked, ['Correspond'])) {
				const refs = (await root.get(`/transaction/${transaction.id}/attachments`, {per_page: '100'})) as {
					items: {id: string}[];
				};
				const files: {name: string; sha256: string}[] = [];
				for (const ref of refs.items) {
					const part = (await root.get(`/attachment/${ref.id}`)) as {Filename?: string; Content: string | null};
					if (!part.Filename) continue;
					const bytes = Buffer.from(part.Content ?? '', 'base64');
					files.push({name: part.Filename, sha256: createHash('sha256').update(bytes).digest('hex')});
				}
				sent.push({files});
			}
		}
		return sent;
	}
	const mergeForwardCase = async () => ({
		desk: createRtHelpDesk(setupFor(server)),
		cleanup: async () => {},
		openTickets: threeOpenTickets,
		missingId: '987654321',
		sentToThirdParties,
	});
	describeMergeContract('rt (real RT 5)', mergeForwardCase);
	describeForwardContract('rt (real RT 5)', mergeForwardCase);

	it('rt: a merged ticket lives on inside the target (RT keeps the MergedInto link); a forward opens a linked ticket the third party gets', async () => {
		const desk = createRtHelpDesk(setupFor(server));
		try {
			const [source, target, other] = await threeOpenTickets();
			await desk.mergeTickets({sourceIds: [source], targetId: target, comment: null});
			const merged = (await root.get(`/ticket/${source}`)) as {id: string; EffectiveId: {id: string}};
			expect(String(merged.EffectiveId.id)).toBe(target);
			const result = await desk.forwardTicket(
				other,
				{
					to: ['claims@carrier.example', 'wh@warehouse.example'],
					note: null,
					subject: 'Fwd: parcel',
					body: 'the thread',
				},
				{},
			);
			expect(result.via).toBe('linked-ticket');
			const linked = (await root.get(`/ticket/${result.linkedTicketId}`)) as {
				Requestor: {id: string}[];
				Cc: {id: string}[];
			};
			expect(linked.Requestor.map((user) => user.id)).toEqual(['claims@carrier.example']);
			expect(linked.Cc.map((user) => user.id)).toEqual(['wh@warehouse.example']);
			const replies = await root.transactions(result.linkedTicketId ?? '', ['Correspond']);
			expect(replies).toHaveLength(1);
		} finally {
			await desk.close();
		}
	});

	let filesTicket: string | undefined;
	describeAttachmentContract('rt (real RT 5)', async () => {
		filesTicket ??= await root.createTicket({
			Queue: 'General',
			Subject: 'Return label, please',
			Requestor: 'files@example.com',
			Content: 'Could you send me a return label?',
			ContentType: 'text/plain',
			Status: 'open',
		});
		return {
			desk: createRtHelpDesk(setupFor(server)),
			ticketId: filesTicket,
			cleanup: async () => {},
			// RT keeps copies per ticket: the address becomes a Cc watcher and stays one.
			ccPerTicket: true,
			ccOf: async (id) =>
				((await root.get(`/ticket/${id}`)) as {Cc: {id: string}[]}).Cc.map((user) => user.id.toLowerCase()),
		};
	});

	describe('csr end to end (built bin)', () => {
		let box: ReturnType<typeof createSandbox>;
		beforeAll(async () => {
			box = createSandbox({CSR_TOKEN_RT: server.agent.token});
			const added = await box.csr(['profile', 'add', 'rt', '--provider', 'rt', '--url', server.url, '--use']);
			expect(added.exitCode, added.stderr).toBe(0);
		});
		afterAll(() => box?.cleanup());

		it('profile test, queue, show', async () => {
			const test = await box.csr(['profile', 'test']);
			expect(test.stdout).toContain('signed in as Alex Agent <agent@csr.test>');

			const queue = await box.csr(['queue', '--json']);
			expect(queue.exitCode, queue.stderr).toBe(0);
			const tickets = JSON.parse(queue.stdout) as {
				id: string;
				status: string;
				priority: 'low' | 'normal' | 'high' | 'urgent';
			}[];
			expect(tickets.length).toBeGreaterThanOrEqual(5);
			expect(tickets.every((ticket) => ['new', 'open', 'pending'].includes(ticket.status))).toBe(true);
			// Most urgent first: RT sorts by priority, csr keeps that order.
			const rank = {urgent: 0, high: 1, normal: 2, low: 3} as const;
			const ranks = tickets.map((ticket) => rank[ticket.priority]);
			expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
			expect(ranks[0]).toBeLessThanOrEqual(1);

			const table = await box.csr(['queue', '--group', 'Support', '--status', 'open,pending']);
			expect(table.exitCode, table.stderr).toBe(0);
			expect(table.stdout).toContain('Var är mitt paket?');

			const id = support.get('juergen@example.de') as string;
			const show = await box.csr(['show', id]);
			expect(show.exitCode, show.stderr).toBe(0);
			expect(show.stdout).toContain('Lieferung verspätet');
			expect(show.stdout).toContain('Jürgen Größ');
			const json = JSON.parse((await box.csr(['show', id, '--json'])).stdout) as {
				ticket: {id: string};
				messages: {text: string; author: {role: string}}[];
			};
			expect(json.ticket.id).toBe(id);
			expect(json.messages[0]?.author.role).toBe('customer');

			const missing = await box.csr(['show', '987654321']);
			expect(missing.exitCode).toBe(1);
			expect(missing.stderr).toContain('987654321');
		});

		it('reply, note, status, assign and tag land in RT', async () => {
			// A ticket of its own, so nothing earlier in the file has written to it.
			await mailIn(server, {
				from: 'Hanna Holm <hanna@example.dk>',
				subject: 'Faktura 4711',
				body: 'Beløbet er forkert.',
			});
			const [id] = await root.ticketIds("Requestor.EmailAddress = 'hanna@example.dk'");
			if (id === undefined) throw new Error('no ticket from hanna');
			await root.put(`/ticket/${id}`, {CustomFields: {Category: 'Billing'}});
			const reply = await box.csr(['reply', id, '--body', 'Hej Hanna, vi retter fakturaen.', '--json']);
			expect(reply.exitCode, reply.stderr).toBe(0);
			const [result] = JSON.parse(reply.stdout) as {result: string; messageId: string}[];
			expect(result?.result).toBe('sent');
			const note = await box.csr(['note', id, '--body', 'Kunden er VIP.']);
			expect(note.exitCode, note.stderr).toBe(0);
			const messages = await root.transactions(id, ['Correspond', 'Comment']);
			expect(messages.map((transaction) => [transaction.Type, transaction.Creator.id])).toEqual([
				['Correspond', 'agent'],
				['Comment', 'agent'],
			]);
			expect(messages[0]?.id).toBe(result?.messageId);

			expect((await box.csr(['status', id, 'solved'])).exitCode).toBe(0);
			expect((await box.csr(['assign', id, '--to', 'blake@csr.test'])).exitCode).toBe(0);
			expect((await box.csr(['tag', id, '+refund', '-Category:Billing'])).exitCode).toBe(0);
			const ticket = (await root.get(`/ticket/${id}`)) as {
				Status: string;
				Owner: {id: string};
				CustomFields: {name: string; values: string[]}[];
			};
			expect(ticket.Status).toBe('resolved');
			expect(ticket.Owner.id).toBe('blake');
			expect(ticket.CustomFields.find((field) => field.name === 'Tags')?.values).toEqual(['refund']);
			expect(ticket.CustomFields.find((field) => field.name === 'Category')?.values).toEqual([]);

			const bad = await box.csr(['queue'], {env: {CSR_TOKEN_RT: `1-27-${'f'.repeat(32)}`}});
			expect(bad.exitCode, bad.stderr).toBe(4);
			expect(bad.stderr).not.toContain('f'.repeat(32));
		});

		it('csr sync and csr stats read KPI facts from RT (no CSAT: RT has none)', async () => {
			const sync = await box.csr(['sync']);
			expect(sync.exitCode, sync.stderr).toBe(0);
			const again = await box.csr(['sync']);
			expect(again.exitCode, again.stderr).toBe(0);
			const stats = await box.csr(['stats', '--json', '--since', '1d']);
			expect(stats.exitCode, stats.stderr).toBe(0);
			const json = JSON.parse(stats.stdout) as {
				tickets: {created: number; solved: number};
				firstReplyMinutes: {count: number};
				csat: {score: number | null};
			};
			expect(json.tickets.created).toBeGreaterThanOrEqual(customers.length);
			expect(json.tickets.solved).toBeGreaterThanOrEqual(1);
			expect(json.firstReplyMinutes.count).toBeGreaterThanOrEqual(2);
			expect(json.csat.score).toBeNull();
		});

		it('bulk: a 100-ticket reply leaves exactly 100 new Correspond transactions; the same command again adds none', async () => {
			const created = performance.now();
			const ids = await inParallel(
				Array.from({length: 100}, (_, index) => index + 1),
				4,
				(index) =>
					root.createTicket({
						Queue: 'Bulk',
						Subject: `Outage question ${index}`,
						Requestor: `Customer ${index} <bulk${index}@example.com>`,
						Content: `Is the service down? (${index})`,
						ContentType: 'text/plain',
					}),
			);
			const createMs = Math.round(performance.now() - created);
			const correspondOnBulk = () =>
				root.countTransactions(
					`ObjectType = 'RT::Ticket' AND Type = 'Correspond' AND ObjectId >= ${Math.min(...ids.map(Number))} AND ObjectId <= ${Math.max(...ids.map(Number))}`,
				);
			expect(await correspondOnBulk()).toBe(0);

			const listed = await box.csr(['queue', '--group', 'Bulk', '--status', 'new', '--ids', '--limit', '100']);
			expect(listed.exitCode, listed.stderr).toBe(0);
			const queueIds = listed.stdout.trim().split('\n');
			expect(queueIds.sort()).toEqual([...ids].sort());

			const body = 'We know about the outage and are fixing it. Thank you for your patience.';
			const started = performance.now();
			const first = await box.csr(['reply', '-', '--body', body, '--yes', '--json'], {stdin: listed.stdout});
			const firstMs = Math.round(performance.now() - started);
			expect(first.exitCode, first.stderr).toBe(0);
			const firstResults = JSON.parse(first.stdout) as {ticketId: string; result: string}[];
			expect(firstResults.filter((row) => row.result === 'sent')).toHaveLength(100);
			const afterFirst = await correspondOnBulk();
			expect(afterFirst).toBe(100);

			const again = performance.now();
			const second = await box.csr(['reply', '-', '--body', body, '--yes', '--json'], {stdin: listed.stdout});
			const secondMs = Math.round(performance.now() - again);
			expect(second.exitCode, second.stderr).toBe(0);
			const secondResults = JSON.parse(second.stdout) as {result: string}[];
			expect(secondResults.filter((row) => row.result === 'skipped')).toHaveLength(100);
			const afterSecond = await correspondOnBulk();
			expect(afterSecond).toBe(100);

			// Each ticket: exactly one reply, by the agent, with the text sent (RT's own auto-open is a Status change).
			const sample = await root.transactions(ids[42] as string, ['Correspond', 'Status']);
			expect(sample.map((transaction) => [transaction.Type, transaction.Creator.id, transaction.NewValue])).toEqual([
				['Correspond', 'agent', ''],
				['Status', 'RT_System', 'open'],
			]);
			console.info(
				`RT 5 bulk: created 100 tickets in ${createMs} ms; csr reply sent 100 in ${firstMs} ms (Correspond count 0 → ${afterFirst}); re-run skipped 100 in ${secondMs} ms (count ${afterSecond})`,
			);
		}, 300_000);

		it('a bulk reply killed mid-run (SIGKILL) and run again still leaves exactly one reply per ticket', async () => {
			await root.post('/queue', {Name: 'Crash'});
			const ids = await inParallel(
				Array.from({length: 30}, (_, index) => index + 1),
				4,
				(index) =>
					root.createTicket({
						Queue: 'Crash',
						Subject: `Crash test ${index}`,
						Requestor: `crash${index}@example.com`,
						Content: 'Hello?',
						ContentType: 'text/plain',
					}),
			);
			const range = `ObjectId >= ${Math.min(...ids.map(Number))} AND ObjectId <= ${Math.max(...ids.map(Number))}`;
			const replies = () => root.countTransactions(`ObjectType = 'RT::Ticket' AND Type = 'Correspond' AND ${range}`);
			const stdin = `${ids.join('\n')}\n`;
			const args = ['reply', '-', '--body', 'Thanks, we are looking into it.', '--yes'];

			const child = spawn(process.execPath, [binPath, ...args], {env: box.env, stdio: ['pipe', 'ignore', 'ignore']});
			child.stdin.end(stdin);
			const exited = once(child, 'exit');
			// Kill it once some replies are in RT and others are not: likely with one in flight.
			for (let seen = 0; seen < 5 && child.exitCode === null; seen = await replies()) {
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
			child.kill('SIGKILL');
			await exited;
			const afterKill = await replies();
			expect(afterKill).toBeLessThan(30);

			const resumed = await box.csr([...args, '--json'], {stdin});
			expect(resumed.exitCode, resumed.stderr).toBe(0);
			const results = JSON.parse(resumed.stdout) as {result: string}[];
			expect(results).toHaveLength(30);
			expect(await replies()).toBe(30);
			for (const id of ids) expect(await root.transactions(id, ['Correspond']), `ticket ${id}`).toHaveLength(1);
			console.info(
				`RT 5 crash: ${afterKill} of 30 replies in RT when csr was killed; after the re-run: ${await replies()} (${results.filter((row) => row.result === 'sent').length} sent, ${results.filter((row) => row.result === 'skipped').length} skipped)`,
			);
		}, 300_000);
	});
});
