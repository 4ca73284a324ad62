import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {openDatabase} from '../../../src/store/database.js';
import {insertRun, markSending} from '../../../src/store/journal.js';
import {enqueue} from '../../../src/store/outbox.js';
import {createSqliteRecordStore} from '../../../src/store/record-store.js';
import {insertRecord} from '../../../src/store/records.js';

let dir: string;
afterEach(() => rmSync(dir, {recursive: true, force: true}));

const at = '2026-11-20T10:00:00.000Z';
const secret = 'Sehr geehrte Frau Åsa Größe, Ihre Adresse Kungsgatan 12';

describe('log purge and the reply machinery', () => {
	it('erases the customer from the journal, the outbox, drafts and unconfirmed deliveries, leaving no bytes behind', async () => {
		dir = mkdtempSync(join(tmpdir(), 'csr-purge-'));
		const path = join(dir, 'csr.db');
		const db = openDatabase(path);
		insertRecord(db, {
			id: 'r1',
			at,
			agent: null,
			profile: 'demo',
			provider: 'demo',
			ticketId: '7',
			customer: {email: 'Asa@Example.com', name: 'Åsa'},
			channel: 'email',
			action: 'reply',
			template: null,
			status: null,
			outcome: null,
			durationSec: null,
			summary: 's',
			followUpAt: null,
		});
		const item = {
			ticketId: '7',
			position: 0,
			intentHash: 'h',
			isPublic: true,
			body: secret,
			changesJson: null,
			template: null,
			expectedUpdatedAt: null,
			customerEmail: 'asa@example.com',
			customerName: 'Åsa',
			channel: 'email',
			state: 'planned' as const,
			messageId: null,
			reason: null,
		};
		insertRun(
			db,
			{id: 'run1', profile: 'demo', fingerprint: 'f', kind: 'reply', planJson: '{}', createdAt: at},
			[
				item,
				// Another customer's reply that copies this one in (--cc): the address goes from its extras too.
				{
					...item,
					ticketId: '8',
					customerEmail: 'other@example.com',
					body: 'keep me',
					extrasJson: JSON.stringify({cc: ['Asa@example.com']}),
				},
			],
			at,
		);
		enqueue(db, {
			id: 'o1',
			profile: 'demo',
			ticketId: '7',
			isPublic: true,
			body: secret,
			changesJson: null,
			intentHash: 'h',
			expectedUpdatedAt: null,
			template: null,
			customerEmail: 'ASA@example.com',
			customerName: 'Åsa',
			channel: 'email',
			action: 'reply',
			runId: null,
			createdAt: at,
			lastError: 'down',
		});
		markSending(db, {profile: 'demo', ticketId: '7', intentHash: 'h2', body: secret, runId: null}, at);
		db.prepare(
			'INSERT INTO drafts (profile, ticket_id, is_public, body, template, updated_at) VALUES (?, ?, 1, ?, NULL, ?)',
		).run('demo', '7', secret, at);

		const result = await createSqliteRecordStore(db).purgeCustomer('asa@example.com');
		expect(result).toMatchObject({records: 1, otherTraces: 4, scrubbed: true});
		expect(
			db
				.prepare('SELECT ticket_id FROM run_items')
				.all()
				.map((row) => row['ticket_id']),
		).toEqual(['8']);
		expect(db.prepare('SELECT extras_json FROM run_items').get()?.['extras_json']).toBe('{"cc":["[erased]"]}');
		db.close();
		for (const file of [path, `${path}-wal`]) {
			let bytes: Buffer;
			try {
				bytes = readFileSync(file);
			} catch {
				continue;
			}
			expect(bytes.includes(Buffer.from('Kungsgatan'))).toBe(false);
			expect(bytes.includes(Buffer.from('asa@example.com'))).toBe(false);
		}
	});
});
