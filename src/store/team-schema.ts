import type {Pool} from 'pg';
import {StoreError} from '../errors.js';
import {teamMigrations} from './migrations.js';
import {inTransaction} from './pg-client.js';
import type {TeamStoreTarget} from './pg-config.js';

/** The schema version this csr needs on the team store. */
export const requiredTeamVersion = teamMigrations.at(-1)?.version ?? 0;

/** The team store's schema version; 0 when csr's tables are not there yet. */
export async function teamSchemaVersion(pool: Pool): Promise<number> {
	const exists = await pool.query<{name: string | null}>("SELECT to_regclass('schema_version')::text AS name");
	if (exists.rows[0]?.name === null || exists.rows[0] === undefined) return 0;
	const result = await pool.query<{version: number | null}>('SELECT MAX(version) AS version FROM schema_version');
	return Number(result.rows[0]?.version ?? 0);
}

/** Fails unless the team store's schema is at least what this csr needs. */
export async function checkTeamSchema(pool: Pool, target: TeamStoreTarget): Promise<number> {
	const version = await teamSchemaVersion(pool);
	if (version < requiredTeamVersion) {
		throw new StoreError(
			`the team store ${target.key} has schema version ${version}; this csr needs ${requiredTeamVersion}`,
			{hint: 'Run `csr store migrate` as the database owner (docs/TEAM-STORE.md).'},
		);
	}
	return version;
}

export type MigrateResult = {readonly from: number; readonly to: number; readonly applied: readonly number[]};

/**
 * Applies the team store's pending migrations in one transaction. An advisory lock makes two `csr store migrate`
 * runs at once safe: the second waits, then finds nothing to do.
 */
export async function migrateTeamStore(pool: Pool): Promise<MigrateResult> {
	return inTransaction(pool, async (client) => {
		await client.query("SELECT pg_advisory_xact_lock(hashtext('csr schema_version'))");
		await client.query(
			'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
		);
		const result = await client.query<{version: number | null}>('SELECT MAX(version) AS version FROM schema_version');
		const from = Number(result.rows[0]?.version ?? 0);
		const applied: number[] = [];
		for (const migration of teamMigrations) {
			if (migration.version <= from) continue;
			await client.query(migration.sql);
			await client.query('INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)', [
				migration.version,
				new Date().toISOString(),
			]);
			applied.push(migration.version);
		}
		return {from, to: Math.max(from, ...applied), applied};
	});
}
