import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import type {HelpDesk, NewTicket, TicketCreation} from '../../../src/providers/help-desk.js';
import {deliverNew} from '../../../src/services/new-tickets.js';
import {openDatabase} from '../../../src/store/database.js';
import {findDelivery, markSending} from '../../../src/store/journal.js';
import {plannedCreate} from '../../support/creation-contract.js';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true});
});

const spec: NewTicket = {
	requester: {email: 'rita@example.net', name: null},
	subject: 'Recall',
	body: 'Hi',
	channel: 'email',
};

/**
 * A desk without an idempotency key whose server applies a create csr was killed waiting for a moment later (RT with
 * the request still in its queue): `findCreatedTicket` finds it only from the `landsAfter`-th look.
 */
function lateDesk(landsAfter: number, withinMs: number | undefined) {
	const calls = {finds: 0, creates: 0};
	const desk = {
		providerName: 'late',
		createMayLandWithinMs: withinMs,
		async findCreatedTicket() {
			calls.finds += 1;
			return calls.finds >= landsAfter ? '501' : null;
		},
		async createTicket() {
			calls.creates += 1;
			throw new Error('a second ticket would be opened');
		},
	} as unknown as HelpDesk & TicketCreation;
	return {desk, calls};
}

function crashedRun(desk: HelpDesk, startedAgoMs: number) {
	const dir = mkdtempSync(join(tmpdir(), 'csr-late-create-'));
	dirs.push(dir);
	const db = openDatabase(join(dir, 'csr.db'));
	const item = plannedCreate(spec, 'late');
	// What a kill -9 with the create in flight leaves: `sending`, started a moment ago.
	markSending(
		db,
		{profile: 'rt', ticketId: item.ticketId, intentHash: item.intentHash, body: item.body, runId: null},
		new Date(Date.now() - startedAgoMs).toISOString(),
	);
	return {env: {desk, db, profile: 'rt', agent: null, now: () => new Date()}, item, db};
}

describe('deliverNew after a kill with a create in flight', () => {
	it('on a desk whose server may still apply it, looks again until it lands, and opens no second ticket', async () => {
		const {desk, calls} = lateDesk(3, 10_000);
		const {env, item, db} = crashedRun(desk, 0);
		const notices: string[] = [];
		const result = await deliverNew({...env, notice: (text) => notices.push(text)}, item, {runId: null});
		expect(result).toMatchObject({ticketId: '501', result: 'skipped'});
		expect(calls).toEqual({finds: 3, creates: 0});
		// The pause is explained once, not left silent.
		expect(notices).toHaveLength(1);
		expect(notices[0]).toMatch(/rita@example\.net.*late may still open it.*up to 10 s/);
		expect(findDelivery(db, 'rt', item.ticketId, item.intentHash)?.state).toBe('sent');
		db.close();
	});

	it('does not wait for an attempt older than the window, nor on a desk without one', async () => {
		for (const [withinMs, agoMs] of [
			[10_000, 60_000],
			[undefined, 0],
		] as const) {
			const {desk, calls} = lateDesk(3, withinMs);
			const {env, item, db} = crashedRun(desk, agoMs);
			const result = await deliverNew(env, item, {runId: null});
			expect(result.result).toBe('failed');
			expect(calls).toEqual({finds: 1, creates: 1});
			db.close();
		}
	});
});
