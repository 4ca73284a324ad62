import {execFile} from 'node:child_process';
import {mkdtempSync, readdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import pg from 'pg';

/** A throwaway PostgreSQL cluster started by scripts/pg-start.sh (its JSON facts). */
export type PgServer = {
	readonly url: string;
	readonly host: string;
	readonly port: number;
	readonly user: string;
	readonly password: string;
	readonly database: string;
	readonly home: string;
	readonly pid: number;
};

const scripts = fileURLToPath(new URL('../../scripts/', import.meta.url));

/** Debian's server binaries (scripts/install-pg.sh). */
export function pgInstalled(): boolean {
	try {
		return readdirSync('/usr/lib/postgresql').some((version) => {
			try {
				return readdirSync(join('/usr/lib/postgresql', version, 'bin')).includes('initdb');
			} catch {
				return false;
			}
		});
	} catch {
		return false;
	}
}

function run(script: string, args: string[], env: Record<string, string>): Promise<{stdout: string; stderr: string}> {
	return new Promise((resolve, reject) => {
		execFile('bash', [join(scripts, script), ...args], {env: {...process.env, ...env}}, (error, stdout, stderr) => {
			if (error) reject(new Error(`${script} failed (${error.code ?? error.message}):\n${stderr}`));
			else resolve({stdout, stderr});
		});
	});
}

/** Starts a cluster on a free 127.0.0.1 port in a new temp directory (or restarts the one in `home`). */
export async function startPg(home = mkdtempSync(join(tmpdir(), 'csr-pg-test-'))): Promise<PgServer> {
	const {stdout} = await run('pg-start.sh', [], {PG_HOME: home});
	return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as PgServer;
}

/** Stops the server (fast shutdown); keeps the cluster unless `wipe`. */
export async function stopPg(home: string, options: {wipe?: boolean} = {}): Promise<void> {
	await run('pg-stop.sh', [home, ...(options.wipe ? ['--wipe'] : [])], {});
}

/** A new empty database on the server; returns its URL. */
export async function createDatabase(server: PgServer, name: string): Promise<string> {
	const client = new pg.Client({connectionString: server.url});
	await client.connect();
	try {
		await client.query(`DROP DATABASE IF EXISTS "${name}"`);
		await client.query(`CREATE DATABASE "${name}"`);
	} finally {
		await client.end();
	}
	return server.url.replace(/\/[^/]*$/, `/${name}`);
}

/** One query against a database, for checking what csr wrote from the outside. */
export async function queryPg<T extends Record<string, unknown>>(url: string, sql: string, params: unknown[] = []) {
	const client = new pg.Client({connectionString: url});
	await client.connect();
	try {
		return (await client.query<T>(sql, params)).rows;
	} finally {
		await client.end();
	}
}
