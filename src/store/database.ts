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
	let db: DatabaseSync;
	try {
		mkdirSync(dirname(path), {recursive: true, mode: 0o700});
		if (!existsSync(path)) {
			// Create the file ourselves so it is 0600 from its first byte; SQLite gives -wal/-shm the same mode.
			closeSync(openSync(path, 'a', 0o600));
		}
		db = new DatabaseSync(path, {timeout: 10_000});
		switchToWal(db);
		db.exec('PRAGMA synchronous = NORMAL');
		db.exec('PRAGMA foreign_keys = ON');
		db.exec('PRAGMA secure_delete = ON');
	} catch (error) {
		throw cannotOpen(path, error);
	}
	if (options.migrate !== false) {
		try {
			migrate(db);
		} catch (error) {
			db.close();
			throw cannotOpen(path, error);
		}
	}
	return db;
}

/**
 * WAL mode, which the database keeps once set. Setting it takes the database's exclusive lock and SQLite's busy
 * timeout does not wait for that: two csr processes opening a new database at once, one still migrating it, gave the
 * other "database is locked" at once. So it is set only when not set yet, and tried again for up to 10 s while locked.
 */
function switchToWal(db: DatabaseSync): void {
	const started = Date.now();
	const pause = new Int32Array(new SharedArrayBuffer(4));
	for (;;) {
		try {
			const mode = db.prepare('PRAGMA journal_mode').get()?.['journal_mode'];
			if (mode !== 'wal') db.exec('PRAGMA journal_mode = WAL');
			return;
		} catch (error) {
			const locked = /database is locked|SQLITE_BUSY/i.test(error instanceof Error ? error.message : String(error));
			if (!locked || Date.now() - started > 10_000) throw error;
			Atomics.wait(pause, 0, 0, 20);
		}
	}
}

/** Why the database cannot be used, with the path and what to do: the same shape for every cause. */
function cannotOpen(path: string, error: unknown): StoreError {
	const code = (error as {code?: unknown}).code;
	const text = error instanceof Error ? error.message : String(error);
	const directory = dirname(path);
	if (code === 'EEXIST' || code === 'ENOTDIR')
		return new StoreError(`the data directory ${directory} is not a directory (a file is in its place)`, {
			hint: 'Move that file away, or point $CSR_DATA_DIR at a directory.',
			cause: error,
		});
	if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || /readonly|permission/i.test(text))
		return new StoreError(`cannot read and write the local database ${path}: ${text}`, {
			hint: `Give your user read and write access to ${directory} (chmod u+rwX), or point $CSR_DATA_DIR at a directory you own.`,
			cause: error,
		});
	if (/not a database|malformed|corrupt/i.test(text))
		return new StoreError(`the local database ${path} is damaged or not a csr database (${text})`, {
			hint: `Move it aside (mv ${path} ${path}.broken) and run again: csr starts a new one.`,
			cause: error,
		});
	return new StoreError(`cannot open the local database ${path}: ${text}`, {
		hint: `Check that ${directory} is a directory you can write to ($CSR_DATA_DIR), with free space.`,
		cause: error,
	});
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
