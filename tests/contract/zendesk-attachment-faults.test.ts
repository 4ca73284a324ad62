import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {samplePdf} from '../../src/providers/demo/sample-files.js';
import {readAttachmentFile} from '../../src/services/attachments.js';
import {type DeliveryEnv, hashIntent, type PlannedWrite} from '../../src/services/delivery.js';
import {retryOutbox} from '../../src/services/outbox.js';
import {executeRun, planRun} from '../../src/services/replies.js';
import {openDatabase} from '../../src/store/database.js';
import {listOutbox} from '../../src/store/outbox.js';
import {createVirtualClock} from '../support/fake-server.js';
import {zendeskOnFake} from './zendesk-setup.js';

// A reply with a file through the real delivery path (journal, outbox) when Zendesk's answer is lost after it applied
// the comment: the file goes out once, with the one comment.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('Zendesk: a reply with a file whose answer is lost', () => {
	it('is queued, then found on retry: one comment, one file, no second upload', async () => {
		const clock = createVirtualClock();
		const {desk, fake, close} = await zendeskOnFake({clock, tickets: 3, statusFor: () => 'open'});
		const directory = mkdtempSync(join(tmpdir(), 'csr-attach-faults-'));
		const db = openDatabase(join(directory, 'csr.db'));
		cleanups.push(
			() => rmSync(directory, {recursive: true, force: true}),
			() => db.close(),
			close,
		);
		const env: DeliveryEnv = {desk, db, profile: 'work', agent: null, now: () => new Date(clock.now())};
		const path = join(directory, 'label.pdf');
		writeFileSync(path, samplePdf('Return label RMA-77'));
		const file = readAttachmentFile(path, '--attach').planned;
		const item: PlannedWrite = {
			ticketId: '1',
			isPublic: true,
			body: 'Your label is attached.',
			changes: undefined,
			template: null,
			intentHash: hashIntent(['work', '1', 'label', file.sha256]),
			expectedUpdatedAt: String(fake.tickets.get(1)?.updated_at),
			customer: {email: null, name: null},
			channel: 'email',
			action: 'reply',
			outcome: null,
			durationSec: null,
			extras: {attachments: [file], cc: ['carrier@example.com']},
		};
		fake.afterRoute = (request) => (request.method === 'PUT' ? {status: 200, drop: true} : undefined);
		const run = planRun(db, {
			profile: 'work',
			fingerprint: 'f',
			kind: 'reply',
			planJson: '{}',
			items: [item],
			now: env.now(),
		});
		const first = await executeRun(env, run, {force: false, concurrency: 1});
		expect(first.results[0]?.result).toBe('queued');
		expect(JSON.parse(listOutbox(db, 'work')[0]?.extrasJson ?? '{}').attachments[0].sha256).toBe(file.sha256);
		fake.afterRoute = undefined;
		const uploadsBefore = fake.uploads.size;
		const retried = await retryOutbox(env, listOutbox(db, 'work'), {force: false, onResult: () => {}});
		expect(retried[0]?.result).toBe('skipped');
		expect(listOutbox(db, 'work')).toEqual([]);
		const mine = (fake.comments.get(1) ?? []).filter((comment) => comment.body === 'Your label is attached.');
		expect(mine).toHaveLength(1);
		expect(mine[0]?.attachments.map((attachment) => attachment['file_name'])).toEqual(['label.pdf']);
		expect(fake.uploads.size).toBe(uploadsBefore);
		expect(fake.emailCcs.get(1)).toEqual(['carrier@example.com']);
	});
});
