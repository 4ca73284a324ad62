import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {Message} from '../../src/domain/message.js';
import {Ticket, type TicketStatus} from '../../src/domain/ticket.js';
import {ConflictError, ProviderError} from '../../src/errors.js';
import type {HelpDesk, TicketQuery} from '../../src/providers/help-desk.js';
import {listQueue} from '../../src/services/queue.js';
import {normalizeLocale} from '../../src/templates/locale.js';
import {builtInTemplateDir} from '../../src/templates/lookup.js';
import {loadAndRender} from '../../src/templates/render.js';

/**
 * Tickets whose requesters' languages the test knows from the desk's own data: `known` has a requester with a language
 * csr ships templates in; `none` one whose requester has no language on the desk (or cannot be read).
 */
export type ContractLocales = {
	readonly known: {readonly ticketId: string; readonly locale: string};
	readonly none: string;
};

export type ContractDesk = {
	readonly desk: HelpDesk;
	readonly cleanup: () => Promise<void>;
	/** Prepares (where needed) and names the tickets of the language case; every offline desk gives it. */
	readonly locales?: () => Promise<ContractLocales>;
};

const query = (overrides: Partial<TicketQuery> = {}): TicketQuery => ({
	statuses: ['new', 'open', 'pending'],
	assignee: 'any',
	sort: 'urgency',
	limit: 25,
	...overrides,
});

const failureOf = (promise: Promise<unknown>): Promise<unknown> =>
	promise.then(
		() => {
			throw new Error('expected a failure');
		},
		(error: unknown) => error,
	);

/**
 * What every provider must do, whatever it talks to. `makeDesk` gives a fresh desk over fresh data for each test
 * (a fake server, a temp data directory) with at least a handful of new/open/pending tickets that have threads.
 */
export function describeHelpDeskContract(name: string, makeDesk: () => Promise<ContractDesk>): void {
	describe(`${name}: HelpDesk contract`, () => {
		let desk: HelpDesk;
		let cleanup: () => Promise<void>;
		let locales: ContractDesk['locales'];
		beforeEach(async () => {
			({desk, cleanup, locales} = await makeDesk());
		});
		afterEach(async () => {
			await desk.close();
			await cleanup();
		});

		async function anOpenTicket() {
			const page = await desk.listTickets(query({statuses: ['open'], limit: 10}));
			const ticket = page.tickets[0];
			if (ticket === undefined) throw new Error('the contract needs at least one open ticket');
			return ticket;
		}

		it('lists valid domain tickets in the requested statuses', async () => {
			const page = await desk.listTickets(query());
			expect(page.tickets.length).toBeGreaterThan(0);
			for (const ticket of page.tickets) {
				expect(() => Ticket.parse(ticket)).not.toThrow();
				expect(['new', 'open', 'pending']).toContain(ticket.status);
			}
		});

		it('respects the statuses filter', async () => {
			const all = await desk.listTickets(query({statuses: ['new', 'open', 'pending', 'on-hold', 'solved'], limit: 50}));
			const present = [...new Set(all.tickets.map((ticket) => ticket.status))];
			expect(present.length).toBeGreaterThan(1);
			const wanted = present[0] as TicketStatus;
			const only = await desk.listTickets(query({statuses: [wanted], limit: 50}));
			expect(only.tickets.length).toBeGreaterThan(0);
			expect(only.tickets.every((ticket) => ticket.status === wanted)).toBe(true);
			const others = present.filter((status) => status !== wanted);
			const rest = await desk.listTickets(query({statuses: others, limit: 50}));
			expect(rest.tickets.every((ticket) => others.includes(ticket.status))).toBe(true);
		});

		it('pages with a cursor, and pages do not overlap', async () => {
			const seen: string[] = [];
			let cursor: string | undefined;
			for (let pages = 0; pages < 4; pages++) {
				const page = await desk.listTickets(query({limit: 3, cursor}));
				expect(page.tickets.length).toBeLessThanOrEqual(3);
				seen.push(...page.tickets.map((ticket) => ticket.id));
				if (pages === 0) expect(page.nextCursor).not.toBeNull();
				if (page.nextCursor === null) break;
				cursor = page.nextCursor;
			}
			expect(seen.length).toBeGreaterThan(3);
			expect(new Set(seen).size).toBe(seen.length);
		});

		it('returns the thread oldest first with roles and public flags', async () => {
			const ticket = await anOpenTicket();
			const thread = await desk.getThread(ticket.id);
			expect(thread.ticket.id).toBe(ticket.id);
			expect(thread.messages.length).toBeGreaterThan(0);
			for (const message of thread.messages) expect(() => Message.parse(message)).not.toThrow();
			const times = thread.messages.map((message) => Date.parse(message.createdAt));
			expect(times).toEqual([...times].sort((a, b) => a - b));
			expect(thread.customer.id).toBe(ticket.requester.id);
		});

		it('sends a public reply and an internal note that appear in the thread with the right flag', async () => {
			const ticket = await anOpenTicket();
			const replyBody = `Contract reply ${ticket.id}: your parcel left the warehouse.`;
			const noteBody = `Contract note ${ticket.id}: customer called twice.`;
			const reply = await desk.sendMessage(
				ticket.id,
				{body: replyBody, public: true},
				{expectedUpdatedAt: ticket.updatedAt},
			);
			const note = await desk.sendMessage(
				ticket.id,
				{body: noteBody, public: false},
				{expectedUpdatedAt: reply.ticket.updatedAt},
			);
			const thread = await desk.getThread(ticket.id);
			const sentReply = thread.messages.find((message) => message.text.includes(replyBody));
			const sentNote = thread.messages.find((message) => message.text.includes(noteBody));
			expect(sentReply?.public).toBe(true);
			expect(sentNote?.public).toBe(false);
			expect(sentReply?.author.role).toBe('agent');
			expect(thread.messages.indexOf(sentReply as Message)).toBeLessThan(thread.messages.indexOf(sentNote as Message));
			expect(thread.messages.map((message) => message.id)).toEqual(
				expect.arrayContaining([reply.messageId, note.messageId]),
			);
		});

		it('makes a status change visible', async () => {
			const ticket = await anOpenTicket();
			const updated = await desk.updateTicket(ticket.id, {status: 'pending'}, {expectedUpdatedAt: ticket.updatedAt});
			expect(updated.status).toBe('pending');
			const [reread] = await desk.getTickets([ticket.id]);
			expect(reread?.status).toBe('pending');
		});

		it('changes tags as a delta, keeping the others', async () => {
			const page = await desk.listTickets(query({limit: 50}));
			const ticket = page.tickets.find((candidate) => candidate.tags.length >= 1) ?? page.tickets[0];
			if (ticket === undefined) throw new Error('no ticket');
			const removed = ticket.tags[0];
			const kept = ticket.tags.slice(1);
			const updated = await desk.updateTicket(
				ticket.id,
				{tags: {add: ['contract-added'], remove: removed === undefined ? [] : [removed]}},
				{},
			);
			const [reread] = await desk.getTickets([ticket.id]);
			for (const tags of [updated.tags, reread?.tags ?? []]) {
				expect(tags).toContain('contract-added');
				if (removed !== undefined) expect(tags).not.toContain(removed);
				expect(tags).toEqual(expect.arrayContaining(kept));
			}
		});

		it('refuses a write based on a stale read with ConflictError when it supports safe updates', async () => {
			if (!desk.capabilities.supportsSafeUpdate) return;
			const ticket = await anOpenTicket();
			const body = `Contract stale ${ticket.id}`;
			const failure = await failureOf(
				desk.sendMessage(ticket.id, {body, public: true}, {expectedUpdatedAt: '2001-01-01T00:00:00Z'}),
			);
			expect(failure).toBeInstanceOf(ConflictError);
			const thread = await desk.getThread(ticket.id);
			expect(thread.messages.some((message) => message.text.includes(body))).toBe(false);
		});

		it("answers in the customer's language: getTickets, the queue and a rendered reply; without one, the fallback", async (context) => {
			if (locales === undefined) return context.skip();
			const {known, none} = await locales();
			const language = normalizeLocale(known.locale);
			const [ticket] = await desk.getTickets([known.ticketId]);
			if (ticket === undefined) throw new Error(`no ticket ${known.ticketId}`);
			expect(ticket.requester.locale).toBe(known.locale);
			const listed = await listQueue(desk, query({statuses: [ticket.status], limit: 100}), {all: true});
			expect(listed.tickets.find((candidate) => candidate.id === ticket.id)?.requester.locale).toBe(known.locale);
			const agent = {name: 'Contract Agent', email: 'agent@example.com', signature: null};
			const now = new Date('2026-03-14T12:00:00Z');
			const dirs = [builtInTemplateDir()];
			const reply = loadAndRender({name: 'delivery-delay', ticket, agent, now, dirs});
			expect(reply.locale).toBe(language);
			expect(reply.file).toContain(`delivery-delay.${language}.md`);

			const [plain] = await desk.getTickets([none]);
			if (plain === undefined) throw new Error(`no ticket ${none}`);
			expect(plain.requester.locale).toBeNull();
			// PRODUCT.md §4: no requester language → the profile's default locale, else English (the plain NAME.md).
			expect(loadAndRender({name: 'delivery-delay', ticket: plain, agent, now, dirs}).locale).toBe('en');
			const byProfile = loadAndRender({name: 'delivery-delay', ticket: plain, agent, now, dirs, profileLocale: 'sv'});
			expect(byProfile.locale).toBe('sv');
		});

		it('says not-found for an unknown ticket', async () => {
			const failure = await failureOf(desk.getThread('987654321'));
			expect(failure).toBeInstanceOf(ProviderError);
			expect((failure as ProviderError).kind).toBe('not-found');
			expect(await desk.getTickets(['987654321'])).toEqual([]);
		});
	});
}
