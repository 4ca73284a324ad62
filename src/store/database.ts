import {closeSync, existsSync, mkdirSync, openSync} from 'node:fs';
import {dirname} from 'node:path';
import {DatabaseSync} from 'node:sqlite';
import {StoreError} from '../errors.js';
import {migrations} from './migrations.js';

export type Database = DatabaseSync;

/**
 * Opens (creating when missing) a SQLite database with mode 0600, WAL, a busy timeout so several csr processes can
 * write at once, and secure_delete so purged personal data does not linger in free pages.
 */
export function openDatabase(path: string, options: {migrate?: boolean} = {}): DatabaseSync {
	mkdirSync(dirname(path), {recursive: true, mode: 0o700});
	if (!existsSync(path)) {
		// Create the file ourselves so it is 0600 from its first byte; SQLite gives -wal/-shm the same mode.
		closeSync(openSync(path, 'a', 0o600));
	}
	let db: DatabaseSync;
	try {
		db = new DatabaseSync(path, {timeout: 10_000});
		db.exec('PRAGMA journal_mode = WAL');
		db.exec('PRAGMA synchronous = NORMAL');
		db.exec('PRAGMA foreign_keys = ON');
		db.exec('PRAGMA secure_delete = ON');
	} catch (error) {
		throw new StoreError(
			`cannot open the local database ${path}: ${error instanceof Error ? error.message : String(error)}`,
			{
				hint: 'Check the permissions of the data directory ($CSR_DATA_DIR).',
				cause: error,
			},
		);
	}
	if (options.migrate !== false) migrate(db);
	return db;
}

/** Runs `work` in one IMMEDIATE transaction (takes the write lock up front, so concurrent writers queue, not fail). */
export function transaction<T>(db: DatabaseSync, work: () => T): T {
	db.exec('BEGIN IMMEDIATE');
	try {
		const result = work();
		db.exec('COMMIT');
		return result;
	} catch (error) {
		if (db.isTransaction) db.exec('ROLLBACK');
		throw error;
	}
}

function migrate(db: DatabaseSync): void {
	db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
	const current =
		(db.prepare('SELECT MAX(version) AS version FROM schema_version').get()?.['version'] as number | null) ?? 0;
	const pending = migrations.filter((migration) => migration.version > current);
	if (pending.length === 0) return;
	transaction(db, () => {
		// Re-read under the write lock: another csr process may have migrated meanwhile.
		const now =
			(db.prepare('SELECT MAX(version) AS version FROM schema_version').get()?.['version'] as number | null) ?? 0;
		for (const migration of migrations) {
			if (migration.version <= now) continue;
			db.exec(migration.sql);
			db.prepare('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)').run(
				migration.version,
				new Date().toISOString(),
			);
		}
	});
}
