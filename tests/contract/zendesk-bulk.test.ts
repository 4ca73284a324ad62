import {afterEach, describe, expect, it} from 'vitest';
import {AuthError, ConflictError, type ProviderError} from '../../src/errors.js';
import type {BatchItem} from '../../src/providers/help-desk.js';
import {createVirtualClock} from '../support/fake-server.js';
import {type FakeZendesk, fixture} from './fake-zendesk.js';
import {zendeskOnFake} from './zendesk-setup.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
	await close?.();
	close = undefined;
});

const open = (id: number): string => ['new', 'open', 'pending'][id % 3] ?? 'open';

function itemsFor(fake: FakeZendesk, ids: readonly number[]): BatchItem[] {
	return ids.map((id) => ({
		ticketId: String(id),
		message: {body: `Hi Customer, update for order ${1000 + id}: it shipped today.`, public: true},
		options: {idempotencyKey: `csr-${id}`, expectedUpdatedAt: String(fake.tickets.get(id)?.updated_at)},
	}));
}

describe('Zendesk sendBatch', () => {
	it.each([1, 3, 7])(
		'delivers 250 replies exactly once in 3 update_many calls despite 429s and 503s (seed %i), within the quota',
		async (seed) => {
			const clock = createVirtualClock();
			const setup = await zendeskOnFake({
				clock,
				tickets: 250,
				statusFor: open,
				quota: {limit: 8, windowMs: 60_000},
				chaos: {seed, rate429: 0.15, rate503: 0.15},
			});
			close = setup.close;
			const {fake, desk} = setup;
			const ids = Array.from({length: 250}, (_, index) => index + 1);
			const outcomes = await desk.sendBatch?.(itemsFor(fake, ids));
			expect(outcomes?.filter((outcome) => outcome.ok)).toHaveLength(250);
			for (const id of ids) {
				const copies = fake.comments
					.get(id)
					?.filter((comment) => comment.body.includes(`order ${1000 + id}: it shipped`));
				expect(copies, `ticket ${id}`).toHaveLength(1);
				expect(copies?.[0]?.public).toBe(true);
			}
			expect(fake.stats.updateManyProcessed).toBe(3);
			expect(fake.stats.chaos429).toBeGreaterThan(0);
			expect(fake.stats.chaos503).toBeGreaterThan(0);
			expect(fake.stats.overQuota).toBe(0);
			const paths = fake.requests.map((request) => request.pathname);
			expect(paths.filter((path) => path === '/api/v2/tickets/show_many.json').length).toBeGreaterThanOrEqual(3);
			const updateMany = fake.requests.filter((request) => request.pathname === '/api/v2/tickets/update_many.json');
			const bodies = updateMany.map((request) => JSON.parse(request.body).tickets as {safe_update: boolean}[]);
			expect(bodies.every((tickets) => tickets.length <= 100 && tickets.every((ticket) => ticket.safe_update))).toBe(
				true,
			);
			// 8 requests a minute: the run had to wait for new windows instead of running into 429s.
			expect(clock.sleptMs()).toBeGreaterThanOrEqual(60_000);
		},
	);

	it('holds back tickets that changed since they were read, and closed ones', async () => {
		const clock = createVirtualClock();
		const setup = await zendeskOnFake({clock, tickets: 20, statusFor: (id) => (id === 5 ? 'closed' : open(id))});
		close = setup.close;
		const {fake, desk} = setup;
		const items = itemsFor(fake, [1, 2, 3, 4, 5, 6]);
		clock.advance(5000);
		fake.addComment(2, 2002, 'I found it myself, thanks', true);
		const outcomes = (await desk.sendBatch?.(items)) ?? [];
		const byTicket = new Map(outcomes.map((outcome) => [outcome.ticketId, outcome]));
		expect(byTicket.get('2')).toMatchObject({ok: false});
		const errorOf = (id: string): Error | undefined => {
			const outcome = byTicket.get(id);
			return outcome?.ok === false ? outcome.error : undefined;
		};
		expect(errorOf('2')).toBeInstanceOf(ConflictError);
		expect((errorOf('5') as ProviderError).kind).toBe('invalid');
		for (const id of ['1', '3', '4', '6']) expect(byTicket.get(id)?.ok).toBe(true);
		expect(fake.comments.get(2)?.some((comment) => comment.body.includes('it shipped'))).toBe(false);
		const sent = JSON.parse(
			fake.requests.find((request) => request.pathname.endsWith('update_many.json'))?.body ?? '{}',
		);
		expect(sent.tickets.map((ticket: {id: number}) => ticket.id)).toEqual([1, 3, 4, 6]);
	});

	it('checks every result item of the job', async () => {
		const clock = createVirtualClock();
		const setup = await zendeskOnFake({clock, tickets: 10, statusFor: open});
		close = setup.close;
		const {fake, desk} = setup;
		// Someone updates ticket 3 between csr's re-read and Zendesk running the job: safe_update fails that item only.
		fake.intercept = (request) => {
			if (request.pathname.endsWith('update_many.json')) {
				const ticket = fake.tickets.get(3);
				if (ticket) ticket.updated_at = '2030-01-01T00:00:00Z';
			}
			return undefined;
		};
		const outcomes = (await desk.sendBatch?.(itemsFor(fake, [1, 2, 3]))) ?? [];
		expect(outcomes.map((outcome) => [outcome.ticketId, outcome.ok])).toEqual([
			['1', true],
			['2', true],
			['3', false],
		]);
		const third = outcomes[2];
		expect(third?.ok === false && third.error).toBeInstanceOf(ConflictError);
	});

	it('reads the documented job result shape', async () => {
		const clock = createVirtualClock();
		const setup = await zendeskOnFake({clock, tickets: 250, statusFor: open});
		close = setup.close;
		const {fake, desk} = setup;
		const completed = fixture<{job_status: Record<string, unknown>}>('job_status_completed.oas');
		fake.intercept = (request) =>
			request.pathname.startsWith('/api/v2/job_statuses/') ? {status: 200, json: completed} : undefined;
		const outcomes = (await desk.sendBatch?.(itemsFor(fake, [244, 245, 246]))) ?? [];
		expect(outcomes.map((outcome) => [outcome.ticketId, outcome.ok])).toEqual([
			['244', true],
			['245', true],
			['246', false],
		]);
		const missing = outcomes[2];
		expect(missing?.ok === false && (missing.error as ProviderError).kind).toBe('temporary');
	});

	it('keeps the outcomes of delivered chunks when a later chunk cannot be read', async () => {
		const clock = createVirtualClock();
		const setup = await zendeskOnFake({clock, tickets: 150, statusFor: open});
		close = setup.close;
		const {fake, desk} = setup;
		let reads = 0;
		fake.intercept = (request) => {
			if (!request.pathname.endsWith('show_many.json')) return undefined;
			reads += 1;
			return reads === 2 ? {status: 403, json: {error: {title: 'Forbidden', message: 'no'}}} : undefined;
		};
		const outcomes =
			(await desk.sendBatch?.(
				itemsFor(
					fake,
					Array.from({length: 150}, (_, index) => index + 1),
				),
			)) ?? [];
		expect(outcomes).toHaveLength(150);
		expect(outcomes.slice(0, 100).every((outcome) => outcome.ok)).toBe(true);
		expect(outcomes.slice(100).every((outcome) => !outcome.ok && outcome.error instanceof AuthError)).toBe(true);
		expect(fake.stats.updateManyProcessed).toBe(1);
	});

	it('does not resend an update_many whose answer was lost', async () => {
		const clock = createVirtualClock();
		const setup = await zendeskOnFake({clock, tickets: 5, statusFor: open});
		close = setup.close;
		const {fake, desk} = setup;
		fake.afterRoute = (request) =>
			request.pathname.endsWith('update_many.json') ? {status: 200, drop: true} : undefined;
		const outcomes = (await desk.sendBatch?.(itemsFor(fake, [1, 2]))) ?? [];
		expect(outcomes.every((outcome) => !outcome.ok && (outcome.error as ProviderError).kind === 'temporary')).toBe(
			true,
		);
		expect(fake.requests.filter((request) => request.pathname.endsWith('update_many.json'))).toHaveLength(1);
	});
});
