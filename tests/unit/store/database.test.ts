import {mkdtempSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {openDatabase, transaction} from '../../../src/store/database.js';
import {migrations} from '../../../src/store/migrations.js';

let dir: string;
afterEach(() => rmSync(dir, {recursive: true, force: true}));

describe('the local database', () => {
	it('creates a 0600 file in WAL mode with every migration applied once', () => {
		dir = mkdtempSync(join(tmpdir(), 'csr-db-'));
		const path = join(dir, 'nested', 'csr.db');
		const first = openDatabase(path);
		first.close();
		const db = openDatabase(path);
		const versions = db
			.prepare('SELECT version FROM schema_version ORDER BY version')
			.all()
			.map((row) => row['version']);
		expect(versions).toEqual(migrations.map((migration) => migration.version));
		expect(db.prepare('PRAGMA journal_mode').get()?.['journal_mode']).toBe('wal');
		db.prepare(
			"INSERT INTO drafts (profile, ticket_id, is_public, body, updated_at) VALUES ('p', '1', 1, 'x', 'now')",
		).run();
		expect(statSync(path).mode & 0o777).toBe(0o600);
		expect(statSync(`${path}-wal`).mode & 0o777).toBe(0o600);
		db.close();
	});

	it('rolls a failed transaction back completely', () => {
		dir = mkdtempSync(join(tmpdir(), 'csr-db-'));
		const db = openDatabase(join(dir, 'csr.db'));
		expect(() =>
			transaction(db, () => {
				db.prepare(
					"INSERT INTO drafts (profile, ticket_id, is_public, body, updated_at) VALUES ('p', '1', 1, 'x', 'now')",
				).run();
				throw new Error('boom');
			}),
		).toThrow('boom');
		expect(db.prepare('SELECT COUNT(*) AS n FROM drafts').get()?.['n']).toBe(0);
		db.close();
	});
});
