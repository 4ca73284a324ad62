import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {type DeliveryEnv, hashIntent, type PlannedWrite} from '../../src/services/delivery.js';
import {retryOutbox} from '../../src/services/outbox.js';
import {executeRun, planRun} from '../../src/services/replies.js';
import {openDatabase} from '../../src/store/database.js';
import {listOutbox} from '../../src/store/outbox.js';
import {createVirtualClock} from '../support/fake-server.js';
import type {FakeZendesk} from './fake-zendesk.js';
import {zendeskOnFake} from './zendesk-setup.js';

// Faults in the middle of sending, on the real Zendesk provider and the real delivery path (journal, outbox): answers
// lost after Zendesk applied the write, 429s that carry no rate-limit headers at all (no Retry-After, no quota), and
// a network cut half-way through a run. The bar each time: every ticket answered exactly once, nothing lost.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(tickets: number) {
	const clock = createVirtualClock();
	const zendesk = await zendeskOnFake({clock, tickets, statusFor: () => 'open'});
	const directory = mkdtempSync(join(tmpdir(), 'csr-faults-'));
	const db = openDatabase(join(directory, 'csr.db'));
	cleanups.push(() => rmSync(directory, {recursive: true, force: true}));
	cleanups.push(() => db.close());
	cleanups.push(zendesk.close);
	const env: DeliveryEnv = {
		desk: zendesk.desk,
		db,
		profile: 'work',
		agent: 'agent@example.com',
		now: () => new Date(clock.now()),
	};
	return {...zendesk, env, db};
}

function plan(fake: FakeZendesk, ids: readonly number[], body: string): PlannedWrite[] {
	return ids.map((id) => ({
		ticketId: String(id),
		isPublic: true,
		body: `${body} (#${id})`,
		changes: undefined,
		template: null,
		intentHash: hashIntent(['work', id, body]),
		expectedUpdatedAt: String(fake.tickets.get(id)?.updated_at),
		customer: {email: null, name: null},
		channel: 'email',
		action: 'reply',
		outcome: null,
		durationSec: null,
	}));
}

const range = (count: number) => Array.from({length: count}, (_, index) => index + 1);

function repliesPerTicket(fake: FakeZendesk, ids: readonly number[], body: string): number[] {
	return ids.map(
		(id) =>
			(fake.comments.get(id) ?? []).filter(
				(comment) => comment['author_id'] === fake.me.id && String(comment['body']) === `${body} (#${id})`,
			).length,
	);
}

/** Runs the plan, then retries the outbox until it is empty (at most 5 rounds), as an agent would. */
async function runToTheEnd(
	env: DeliveryEnv,
	db: ReturnType<typeof openDatabase>,
	items: PlannedWrite[],
	fingerprint: string,
) {
	const run = planRun(db, {profile: 'work', fingerprint, kind: 'reply', planJson: '{}', items, now: env.now()});
	const first = await executeRun(env, run, {force: false, concurrency: 4});
	let rounds = 0;
	while (listOutbox(db, 'work').length > 0 && rounds < 5) {
		rounds += 1;
		await retryOutbox(env, listOutbox(db, 'work'), {force: false, onResult: () => {}});
	}
	return {first: first.results, rounds};
}

describe('faults in the middle of sending (Zendesk, real delivery path)', () => {
	it('update_many answered with 429s that carry no headers, also while polling the job: each ticket once', async () => {
		const {fake, env, db} = await setup(12);
		let bare429 = 0;
		fake.intercept = (request) => {
			const bulk = request.pathname.includes('update_many') || request.pathname.includes('job_statuses');
			if (bulk && bare429 < 4) {
				bare429 += 1;
				return {status: 429, json: {error: 'TooManyRequests'}};
			}
			return undefined;
		};
		const ids = range(12);
		const {first} = await runToTheEnd(env, db, plan(fake, ids, 'Bare 429 bulk'), 'bulk-429');
		expect(bare429).toBe(4);
		expect(first.every((result) => result.result === 'sent' || result.result === 'queued')).toBe(true);
		expect(repliesPerTicket(fake, ids, 'Bare 429 bulk')).toEqual(ids.map(() => 1));
		expect(listOutbox(db, 'work')).toEqual([]);
	});

	it('single writes answered with 429s that carry no headers: each ticket once', async () => {
		const {fake, env, db} = await setup(6);
		let bare429 = 0;
		fake.intercept = (request) => {
			if (request.method === 'PUT' && /^\/api\/v2\/tickets\/\d+/.test(request.pathname) && bare429 % 2 === 0) {
				bare429 += 1;
				return {status: 429, json: {error: 'TooManyRequests'}};
			}
			if (request.method === 'PUT') bare429 += 1;
			return undefined;
		};
		const ids = range(6);
		// One item per run: the single-write path (sendMessage), not update_many.
		for (const id of ids) await runToTheEnd(env, db, plan(fake, [id], 'Bare 429 single'), `single-${id}`);
		expect(bare429).toBeGreaterThanOrEqual(12);
		expect(repliesPerTicket(fake, ids, 'Bare 429 single')).toEqual(ids.map(() => 1));
	});

	it('answers lost after Zendesk applied them (single and update_many): queued, then found, never doubled', async () => {
		const {fake, env, db} = await setup(10);
		fake.afterRoute = (request) => (request.method === 'PUT' ? {status: 200, drop: true} : undefined);
		const single = await runToTheEnd(env, db, plan(fake, [1], 'Lost answer'), 'lost-single');
		const bulkIds = range(10).slice(1);
		fake.afterRoute = (request) =>
			request.method === 'PUT' && request.pathname.includes('update_many') ? {status: 200, drop: true} : undefined;
		const bulk = await runToTheEnd(env, db, plan(fake, bulkIds, 'Lost answer'), 'lost-bulk');
		fake.afterRoute = undefined;
		expect(single.first[0]?.result).toBe('queued');
		expect(bulk.first.every((result) => result.result === 'queued')).toBe(true);
		expect(repliesPerTicket(fake, range(10), 'Lost answer')).toEqual(range(10).map(() => 1));
		expect(listOutbox(db, 'work')).toEqual([]);
	});

	it('a network cut half-way through a run of single writes: 0 lost, 0 doubled, complete after the retry', async () => {
		const {fake, env, db} = await setup(20);
		let writes = 0;
		let cut = false;
		// After 8 writes the network goes: every request is dropped, in both directions, until it comes back.
		fake.intercept = (request) => {
			if (request.method === 'PUT') writes += 1;
			if (writes > 8 && writes <= 30) cut = true;
			return cut ? {status: 200, drop: true} : undefined;
		};
		const ids = range(20);
		const items = plan(fake, ids, 'Network cut');
		const run = planRun(db, {
			profile: 'work',
			fingerprint: 'cut',
			kind: 'reply',
			planJson: '{}',
			items,
			now: env.now(),
		});
		// Concurrency 1 on the single-write path: the desk's bulk API is hidden for this run.
		const single = {...env, desk: {...env.desk, capabilities: {...env.desk.capabilities, supportsBulk: false}}};
		const first = await executeRun(single, run, {force: false, concurrency: 1});
		expect(first.results.filter((result) => result.result === 'sent').length).toBe(8);
		expect(first.results.filter((result) => result.result === 'queued').length).toBe(12);
		cut = false;
		fake.intercept = undefined;
		await retryOutbox(single, listOutbox(db, 'work'), {force: false, onResult: () => {}});
		expect(listOutbox(db, 'work')).toEqual([]);
		expect(repliesPerTicket(fake, ids, 'Network cut')).toEqual(ids.map(() => 1));
	});
});
