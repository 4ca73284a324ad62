import type {Pool, PoolClient} from 'pg';
import {StoreError} from '../errors.js';
import type {TeamStoreTarget} from './pg-config.js';

/**
 * node-postgres, loaded on first use only: a csr without a team store never loads it (startup is a feature).
 * One small pool per team store and process; idle connections do not keep the process alive.
 */
const pools = new Map<string, Pool>();

export async function poolFor(target: TeamStoreTarget): Promise<Pool> {
	const existing = pools.get(target.key);
	if (existing !== undefined) return existing;
	const {default: pg} = await import('pg');
	const {config} = target;
	const pool = new pg.Pool({
		host: config.host,
		port: config.port,
		user: config.user,
		password: config.password,
		database: config.database,
		ssl:
			config.ssl === false
				? false
				: {
						rejectUnauthorized: config.ssl.rejectUnauthorized,
						...(config.ssl.ca === undefined ? {} : {ca: config.ssl.ca}),
						// verify-ca checks the chain only; verify-full also the host name (node's default check).
						...(config.ssl.verifyHost ? {} : {checkServerIdentity: () => undefined}),
					},
		connectionTimeoutMillis: config.connectTimeoutMs,
		options: config.options,
		application_name: config.applicationName,
		max: 4,
		idleTimeoutMillis: 5_000,
		allowExitOnIdle: true,
	});
	// A connection the server drops while idle (a restart) must not crash the process; the next query reconnects.
	pool.on('error', () => {});
	// The same for a connection in use (a server stopped mid-transaction): the query in flight rejects and says so;
	// the 'error' event the client also emits must not end the process as an unhandled one.
	pool.on('connect', (client) => {
		client.on('error', () => {});
	});
	pools.set(target.key, pool);
	return pool;
}

/** Closes every pool this process opened (tests, and commands that want to exit at once). */
export async function closePools(): Promise<void> {
	const all = [...pools.values()];
	pools.clear();
	await Promise.all(all.map((pool) => pool.end().catch(() => {})));
}

/** `?` placeholders (the portable SQL the SQLite store uses) to PostgreSQL's `$1, $2, …`. */
export function toPgSql(sql: string): string {
	let index = 0;
	let inString = false;
	let out = '';
	for (const character of sql) {
		if (character === "'") inString = !inString;
		if (character === '?' && !inString) {
			index += 1;
			out += `$${index}`;
		} else out += character;
	}
	return out;
}

/** PostgreSQL text cannot hold NUL; SQLite can. Dropped on the way in (it is never meaningful in a record). */
export function toPgParams(params: readonly unknown[]): unknown[] {
	return params.map((value) =>
		typeof value === 'string' && value.includes('\u0000') ? value.replaceAll('\u0000', '') : value,
	);
}

type PgLikeError = {code?: unknown; message?: unknown};

/** SQLSTATE classes and socket errors that mean "not reachable now": worth a retry later, never data errors. */
export function isUnreachable(error: unknown): boolean {
	const code = String((error as PgLikeError | null)?.code ?? '');
	if (/^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|EPIPE)$/.test(code))
		return true;
	if (/^(08|57P|53)/.test(code)) return true; // connection exception, operator intervention, insufficient resources
	const message = String((error as PgLikeError | null)?.message ?? '');
	return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
		message,
	);
}

/** A driver error as one line, with no credentials in it. */
export function describePgError(error: unknown): string {
	const code = (error as PgLikeError | null)?.code;
	const message = error instanceof Error ? error.message : String(error);
	const line = message.split('\n')[0] ?? message;
	if (code === '28P01' || code === '28000') return `authentication failed (${line.replace(/"[^"]*"/g, '"…"')})`;
	return typeof code === 'string' && code !== '' && !line.includes(code) ? `${line} (${code})` : line;
}

/** The error a command reports when it needed the team store and could not use it. */
export function teamStoreError(target: TeamStoreTarget, error: unknown, doing: string): StoreError {
	const code = String((error as PgLikeError | null)?.code ?? '');
	let hint = 'Check the URL (csr config get store.url), that the server runs, and `csr store test`.';
	if (code === '28P01' || code === '28000')
		hint = 'Check the user name and password (PGPASSWORD, ~/.pgpass, or the URL).';
	if (code === '42P01') hint = 'The team store has no csr tables yet: run `csr store migrate` (as its owner).';
	if (code === '42501') hint = 'The database role lacks a privilege csr needs: see docs/TEAM-STORE.md for the grants.';
	return new StoreError(`team store ${target.key}: ${doing} failed: ${describePgError(error)}`, {hint, cause: error});
}

/** Runs `work` with one connection in one transaction; rolls back on any error. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
	const client = await pool.connect();
	let broken = false;
	try {
		await client.query('BEGIN');
		const result = await work(client);
		await client.query('COMMIT');
		return result;
	} catch (error) {
		broken = isUnreachable(error);
		await client.query('ROLLBACK').catch(() => {
			broken = true;
		});
		throw error;
	} finally {
		client.release(broken);
	}
}
