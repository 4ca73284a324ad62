import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {contactsRefreshIntervalMs} from '../../src/providers/freshdesk/contacts.js';
import {createFreshdeskHelpDesk} from '../../src/providers/freshdesk/freshdesk-help-desk.js';
import type {TicketQuery} from '../../src/providers/help-desk.js';
import {listQueue} from '../../src/services/queue.js';
import {openContactCache} from '../../src/store/contact-cache.js';
import {type Database, openDatabase} from '../../src/store/database.js';
import {createSqliteRecordStore} from '../../src/store/record-store.js';
import {type FakeFreshdesk, fixture, startFakeFreshdesk} from '../support/fake-freshdesk.js';
import {createVirtualClock, type VirtualClock} from '../support/fake-server.js';
import {freshdeskKey, freshdeskSetup} from './freshdesk-setup.js';

// The issue-20 bar on Freshdesk: a whole queue in few requests (contacts from the local cache, not one read per
// requester), and every requester's own language in listings and reads.

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
	for (const close of closers.splice(0).reverse()) await close();
});

/** 400 tickets, 170 unresolved: 100 open, 50 pending, 20 in custom statuses (on-hold); 230 resolved or closed. */
const statusFor = (id: number): number => {
	const slot = id % 40;
	if (slot < 10) return 2;
	if (slot < 15) return 3;
	if (slot < 17) return slot === 15 ? 6 : 7;
	return slot % 2 === 0 ? 4 : 5;
};

async function world(): Promise<{
	fake: FakeFreshdesk;
	clock: VirtualClock;
	db: Database;
	open: () => ReturnType<typeof createFreshdeskHelpDesk>;
}> {
	const clock = createVirtualClock();
	const fake = await startFakeFreshdesk({clock, apiKey: freshdeskKey, tickets: 400, contacts: 150, statusFor});
	const dir = mkdtempSync(join(tmpdir(), 'csr-contacts-'));
	const db = openDatabase(join(dir, 'csr.db'));
	closers.push(() => rmSync(dir, {recursive: true, force: true}));
	closers.push(() => db.close());
	closers.push(() => fake.close());
	const now = () => new Date(clock.now());
	const open = () => {
		const desk = createFreshdeskHelpDesk(freshdeskSetup(fake.url, clock, {contacts: openContactCache(db, 'fd', now)}), {
			clock,
			timeouts: {connectMs: 2000, readMs: 2000},
		});
		closers.push(() => desk.close());
		return desk;
	};
	return {fake, clock, db, open};
}

const unresolved: TicketQuery = {
	statuses: ['open', 'pending', 'on-hold'],
	assignee: 'any',
	sort: 'urgency',
	limit: 25,
};

function expectOwnLanguages(fake: FakeFreshdesk, tickets: readonly {id: string; requester: {locale: string | null}}[]) {
	for (const ticket of tickets) {
		const requester = fake.contacts.get(fake.tickets.get(Number(ticket.id))?.requester_id ?? -1);
		expect(ticket.requester.locale, `ticket ${ticket.id}`).toBe(requester?.language);
	}
}

describe('Freshdesk: contacts cache and request counts', () => {
	it('lists all 170 unresolved of 400 tickets in ≤ 5 requests, cold and warm, each requester in their own language once the cache is filled', async () => {
		const {fake, open} = await world();
		const cold = await listQueue(open(), {...unresolved}, {all: true});
		expect(cold.tickets).toHaveLength(170);
		// Never one contact read per ticket: the contacts come from the listing, 100 a page.
		expect(fake.requests.filter((request) => /^\/api\/v2\/contacts\/\d+$/.test(request.pathname))).toEqual([]);
		// Cold: the ticket fields (status labels, and every agent's and group's name), the status-ordered list, 100 a page,
		// for the 150 open and pending; one search for the 20 in custom statuses (they sort after the 230 resolved and
		// closed); and one page of contacts, the rest of the fill left to the next runs. No /agents, no /groups.
		const byPath = new Map<string, number>();
		for (const request of fake.requests) byPath.set(request.pathname, (byPath.get(request.pathname) ?? 0) + 1);
		expect(Object.fromEntries(byPath)).toEqual({
			'/api/v2/ticket_fields': 1,
			'/api/v2/tickets': Math.ceil(150 / 100),
			'/api/v2/search/tickets': 1,
			'/api/v2/contacts': 1,
		});
		expect(fake.requests.length).toBeLessThanOrEqual(Math.ceil(170 / 100) + 3);
		// Names from the ticket fields; languages of the contacts read so far, none made up for the rest.
		const assigned = cold.tickets.find((ticket) => ticket.assignee !== null);
		expect(assigned?.assignee?.name).toMatch(/^(Sam Kingston|.+)$/);
		expect(cold.tickets.some((ticket) => ticket.assignee?.name.startsWith('agent '))).toBe(false);
		expect(cold.tickets.some((ticket) => ticket.group?.name.startsWith('group '))).toBe(false);
		for (const ticket of cold.tickets) {
			const requester = fake.contacts.get(fake.tickets.get(Number(ticket.id))?.requester_id ?? -1);
			expect([null, requester?.language]).toContain(ticket.requester.locale);
		}
		expect(cold.tickets.filter((ticket) => ticket.requester.locale !== null).length).toBeGreaterThan(50);

		fake.requests.length = 0;
		const warm = await listQueue(open(), {...unresolved}, {all: true});
		expect(warm.tickets.map((ticket) => ticket.id).sort()).toEqual(cold.tickets.map((ticket) => ticket.id).sort());
		expectOwnLanguages(fake, warm.tickets);
		expect(fake.requests.length).toBeLessThanOrEqual(Math.ceil(170 / 100) + 3);
		expect(warm.tickets.filter((ticket) => ticket.status === 'on-hold')).toHaveLength(20);
	});

	it('reads every contact before choosing languages for a reply, even when a listing left the fill part-way', async () => {
		const {fake, open} = await world();
		const cold = await listQueue(open(), {...unresolved}, {all: true});
		const unknown = cold.tickets.filter((ticket) => ticket.requester.locale === null).map((ticket) => ticket.id);
		expect(unknown.length).toBeGreaterThanOrEqual(20);
		fake.requests.length = 0;
		const tickets = await open().getTickets(unknown.slice(0, 20));
		expectOwnLanguages(fake, tickets);
		// The rest of the contacts listing, then at most a few single reads (contacts outside its window).
		expect(fake.requests.filter((request) => request.pathname === '/api/v2/contacts').length).toBeGreaterThan(0);
		expect(
			fake.requests.filter((request) => /^\/api\/v2\/contacts\/\d+$/.test(request.pathname)).length,
		).toBeLessThanOrEqual(3);
	});

	it('serves the first page of the queue in ≤ 3 requests on a warm cache', async () => {
		const {fake, open} = await world();
		await listQueue(open(), {...unresolved, statuses: ['new', 'open', 'pending']}, {all: false});
		fake.requests.length = 0;
		const page = await listQueue(open(), {...unresolved, statuses: ['new', 'open', 'pending']}, {all: false});
		expect(page.tickets).toHaveLength(25);
		expectOwnLanguages(fake, page.tickets);
		expect(fake.requests.length).toBeLessThanOrEqual(3);
	});

	it('picks up a changed language with one incremental _updated_since listing', async () => {
		const {fake, clock, open} = await world();
		const query = {...unresolved, statuses: ['new', 'open', 'pending']} satisfies TicketQuery;
		await listQueue(open(), query, {all: false});
		const first = await listQueue(open(), query, {all: false});
		expectOwnLanguages(fake, first.tickets);
		const contact = fake.contacts.get(Number(first.tickets[0]?.requester.id));
		if (contact === undefined) throw new Error('no contact');
		expect(contact.language).not.toBe('de');
		clock.advance(contactsRefreshIntervalMs + 1000);
		contact.language = 'de';
		contact.updated_at = new Date(clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
		fake.requests.length = 0;
		const page = await listQueue(open(), query, {all: false});
		const listings = fake.requests.filter((request) => request.pathname === '/api/v2/contacts');
		expect(listings).toHaveLength(1);
		expect(listings[0]?.query.get('_updated_since')).not.toBeNull();
		const changed = page.tickets.filter((candidate) => candidate.requester.id === String(contact.id));
		expect(changed.length).toBeGreaterThan(0);
		for (const found of changed) expect(found.requester.locale).toBe('de');
	});

	it('reads the one contact a show needs when the cache does not hold it, and falls back to no locale without one', async () => {
		const {fake, open} = await world();
		const desk = open();
		const thread = await desk.getThread('7');
		expect(thread.ticket.requester.locale).toBe(fake.contacts.get(fake.tickets.get(7)?.requester_id ?? -1)?.language);
		// A requester Freshdesk will not show (deleted contact): no locale, so templates fall back (profile, then en).
		const orphan = fake.tickets.get(9);
		if (orphan === undefined) throw new Error('no ticket 9');
		orphan.requester_id = 999_999;
		const [ticket] = await open().getTickets(['9']);
		expect(ticket?.requester.locale).toBeNull();
	});

	it('goes on to the on-hold search when the status-ordered list holds no open or pending ticket', async () => {
		const clock = createVirtualClock();
		const fake = await startFakeFreshdesk({
			clock,
			apiKey: freshdeskKey,
			tickets: 120,
			statusFor: (id) => (id % 10 === 0 ? 6 : 4),
		});
		closers.push(() => fake.close());
		const desk = createFreshdeskHelpDesk(freshdeskSetup(fake.url, clock), {clock});
		closers.push(() => desk.close());
		const result = await listQueue(desk, {...unresolved}, {all: true});
		expect(result.tickets.map((ticket) => ticket.id).sort()).toEqual(
			[...fake.tickets.values()]
				.filter((ticket) => ticket.status === 6)
				.map((ticket) => String(ticket.id))
				.sort(),
		);
		expect(result.tickets.every((ticket) => ticket.status === 'on-hold')).toBe(true);
	});

	it('makes no custom-status search when the account has no status beyond the standard four', async () => {
		const clock = createVirtualClock();
		const standardOnly = (id: number) => (statusFor(id) > 5 ? 4 : statusFor(id));
		const fake = await startFakeFreshdesk({
			clock,
			apiKey: freshdeskKey,
			tickets: 400,
			contacts: 150,
			statusFor: standardOnly,
		});
		closers.push(() => fake.close());
		const [field] = fixture<Record<string, unknown>[]>('ticket_fields_status');
		const choices = Object.entries((field?.['choices'] ?? {}) as Record<string, unknown>).filter(
			([code]) => Number(code) <= 5,
		);
		const [groupField, agentField] = fixture<Record<string, unknown>[]>('ticket_fields_agent_group');
		const names = {
			groups: Object.fromEntries(fake.groups.map((group) => [group.name, group.id])),
			agents: Object.fromEntries(fake.agents.map((agent) => [agent.name, agent.id])),
		};
		fake.intercept = (request) =>
			request.pathname === '/api/v2/ticket_fields'
				? {
						status: 200,
						json: [
							{...field, choices: Object.fromEntries(choices)},
							{...groupField, choices: names.groups},
							{...agentField, choices: names.agents},
						],
					}
				: undefined;
		const desk = createFreshdeskHelpDesk(freshdeskSetup(fake.url, clock), {clock});
		closers.push(() => desk.close());
		const result = await listQueue(desk, {...unresolved}, {all: true});
		expect(result.tickets).toHaveLength(150);
		expect(fake.requests.filter((request) => request.pathname === '/api/v2/search/tickets')).toEqual([]);
		// The ticket fields, 2 list pages, 1 contacts page.
		expect(fake.requests).toHaveLength(4);
	});

	it('forgets a purged customer: csr log purge erases them from the contacts cache', async () => {
		const {fake, db, open} = await world();
		await listQueue(open(), {...unresolved}, {all: true});
		await listQueue(open(), {...unresolved}, {all: true});
		const someone = [...fake.contacts.values()].find((contact) => contact.id >= 8000);
		if (someone === undefined) throw new Error('no contact');
		const count = () =>
			Number(db.prepare('SELECT COUNT(*) AS n FROM contacts_cache WHERE email = ?').get(someone.email)?.['n']);
		expect(count()).toBe(1);
		await createSqliteRecordStore(db).purgeCustomer(someone.email.toUpperCase());
		expect(count()).toBe(0);
	});
});
