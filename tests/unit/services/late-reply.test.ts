import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import type {HelpDesk} from '../../../src/providers/help-desk.js';
import {deliverOne, hashIntent, type PlannedWrite} from '../../../src/services/delivery.js';
import {openDatabase} from '../../../src/store/database.js';
import {findDelivery, markSending} from '../../../src/store/journal.js';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true});
});

const body = 'Thanks, we are looking into it.';

/**
 * A desk whose server applies a reply csr was killed waiting for a moment later (RT 5 with the request still queued):
 * the thread shows it only from the `landsAfter`-th read.
 */
function lateDesk(landsAfter: number, withinMs: number | undefined) {
	const calls = {reads: 0, sends: 0};
	const desk = {
		providerName: 'late',
		capabilities: {supportsSafeUpdate: false, writesMayLandWithinMs: withinMs},
		async getThread() {
			calls.reads += 1;
			const landed = calls.reads >= landsAfter;
			return {
				ticket: {id: '7', updatedAt: '2026-12-01T10:00:00Z'},
				messages: landed
					? [{id: 'm-late', author: {role: 'agent'}, createdAt: new Date().toISOString(), text: body, public: true}]
					: [],
			};
		},
		async sendMessage() {
			calls.sends += 1;
			return {messageId: 'm-second'};
		},
	} as unknown as HelpDesk;
	return {desk, calls};
}

function crashedReply(desk: HelpDesk, startedAgoMs: number) {
	const dir = mkdtempSync(join(tmpdir(), 'csr-late-reply-'));
	dirs.push(dir);
	const db = openDatabase(join(dir, 'csr.db'));
	const item: PlannedWrite = {
		ticketId: '7',
		isPublic: true,
		body,
		changes: undefined,
		template: null,
		intentHash: hashIntent(['late-reply']),
		expectedUpdatedAt: null,
		customer: {email: 'rita@example.net', name: null},
		channel: 'email',
		action: 'reply',
		outcome: null,
		durationSec: null,
	};
	// What a kill -9 with the reply in flight leaves: `sending`, started a moment ago.
	markSending(
		db,
		{profile: 'rt', ticketId: '7', intentHash: item.intentHash, body, runId: null},
		new Date(Date.now() - startedAgoMs).toISOString(),
	);
	return {env: {desk, db, profile: 'rt', agent: null, now: () => new Date()}, item, db};
}

describe('a reply interrupted with the request in flight, run again', () => {
	it('on a desk whose server may still apply it, looks again until it lands, says so once, and sends nothing twice', async () => {
		const {desk, calls} = lateDesk(3, 10_000);
		const {env, item, db} = crashedReply(desk, 0);
		const notices: string[] = [];
		const result = await deliverOne({...env, notice: (text) => notices.push(text)}, item, {runId: null, force: false});
		expect(result).toMatchObject({result: 'skipped', messageId: 'm-late'});
		expect(calls).toEqual({reads: 3, sends: 0});
		expect(notices).toHaveLength(1);
		expect(notices[0]).toMatch(/#7 .*late may still write it.*up to 10 s/);
		expect(findDelivery(db, 'rt', '7', item.intentHash)?.state).toBe('sent');
		db.close();
	});

	it('looks once on a desk without the window, or for an attempt older than it, then sends', async () => {
		for (const [withinMs, agoMs] of [
			[undefined, 0],
			[10_000, 60_000],
		] as const) {
			const {desk, calls} = lateDesk(3, withinMs);
			const {env, item, db} = crashedReply(desk, agoMs);
			const result = await deliverOne(env, item, {runId: null, force: false});
			expect(result.result).toBe('sent');
			expect(calls).toEqual({reads: 1, sends: 1});
			db.close();
		}
	});
});
