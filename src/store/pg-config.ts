import {UsageError} from '../errors.js';

/** What csr passes to node-postgres: built here, so every setting's source (URL, PG* variable) is explicit. */
export type PgConnectionConfig = {
	readonly host: string;
	readonly port: number;
	readonly user: string | undefined;
	readonly password: string | undefined;
	readonly database: string | undefined;
	readonly ssl: false | {readonly rejectUnauthorized: boolean; readonly ca?: string; readonly verifyHost: boolean};
	readonly sslmode: SslMode;
	readonly sslRootCert: string | undefined;
	readonly connectTimeoutMs: number;
	readonly options: string | undefined;
	readonly applicationName: string;
};

export const sslModes = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;
export type SslMode = (typeof sslModes)[number];

/** A team store as csr names it: where it is (never the password) and how to reach it. */
export type TeamStoreTarget = {
	/** host:port/database: which store a queued row belongs to, and what csr prints. */
	readonly key: string;
	/** The URL with the password replaced by ***: safe to print. */
	readonly redactedUrl: string;
	readonly config: PgConnectionConfig;
};

type Env = Readonly<Record<string, string | undefined>>;

/** True for the URL forms csr accepts as a team store. */
export function isStoreUrl(value: string): boolean {
	return /^postgres(ql)?:\/\//i.test(value.trim());
}

/** The URL with its password (and any password= parameter) replaced by ***; unparsable text is hidden whole. */
export function redactStoreUrl(value: string): string {
	try {
		const url = new URL(value.trim());
		if (url.password !== '') url.password = '***';
		if (url.searchParams.has('password')) url.searchParams.set('password', '***');
		return url.toString();
	} catch {
		return isStoreUrl(value) ? `${value.trim().split('//')[0]}//***` : '***';
	}
}

const decode = (text: string): string => {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
};

/**
 * Reads a postgres:// URL the way libpq does, for what csr needs: user, password, host, port, database in the URL;
 * query parameters sslmode, sslrootcert, connect_timeout, options, application_name, host (a socket directory);
 * what the URL leaves out comes from the standard variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE,
 * PGSSLMODE, PGSSLROOTCERT, PGCONNECT_TIMEOUT, PGOPTIONS). sslmode keeps its libpq meaning: disable, allow and prefer
 * connect without TLS (csr does not try TLS and fall back), require encrypts without checking the certificate,
 * verify-ca checks the certificate chain, verify-full the chain and the host name.
 */
export function parseStoreUrl(value: string, env: Env, readFile: (path: string) => string): TeamStoreTarget {
	const raw = value.trim();
	if (!isStoreUrl(raw)) {
		throw new UsageError(
			`the team store URL ${redactStoreUrl(raw)} is not a PostgreSQL URL`,
			'Use postgres://USER@HOST:PORT/DATABASE (the password from PGPASSWORD or ~/.pgpass, or in the URL).',
		);
	}
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new UsageError(
			`cannot read the team store URL ${redactStoreUrl(raw)}`,
			'Percent-encode special characters in the user name and password (@ is %40, / is %2F).',
		);
	}
	const query = url.searchParams;
	const pick = (parameter: string, variable: string): string | undefined => {
		const fromUrl = query.get(parameter);
		if (fromUrl !== null && fromUrl !== '') return fromUrl;
		const fromEnv = env[variable];
		return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
	};
	const host = (url.hostname === '' ? undefined : decode(url.hostname)) ?? pick('host', 'PGHOST') ?? 'localhost';
	const portText = (url.port === '' ? undefined : url.port) ?? pick('port', 'PGPORT') ?? '5432';
	const port = Number(portText);
	if (!Number.isInteger(port) || port < 1 || port > 65_535)
		throw new UsageError(`invalid team store port "${portText}"`);
	const path = decode(url.pathname.replace(/^\//, ''));
	const user = (url.username === '' ? undefined : decode(url.username)) ?? pick('user', 'PGUSER');
	const password = (url.password === '' ? undefined : decode(url.password)) ?? pick('password', 'PGPASSWORD');
	const database = (path === '' ? undefined : path) ?? pick('dbname', 'PGDATABASE') ?? user;
	const modeText = (pick('sslmode', 'PGSSLMODE') ?? 'prefer').toLowerCase();
	if (!(sslModes as readonly string[]).includes(modeText)) {
		throw new UsageError(`invalid sslmode "${modeText}"`, `Use one of ${sslModes.join(', ')}.`);
	}
	const sslmode = modeText as SslMode;
	const sslRootCert = pick('sslrootcert', 'PGSSLROOTCERT');
	let ca: string | undefined;
	if (sslRootCert !== undefined && (sslmode === 'verify-ca' || sslmode === 'verify-full' || sslmode === 'require')) {
		try {
			ca = readFile(sslRootCert);
		} catch (error) {
			throw new UsageError(
				`cannot read sslrootcert ${sslRootCert}: ${error instanceof Error ? error.message : String(error)}`,
			);
		}
	}
	let ssl: PgConnectionConfig['ssl'] = false;
	if (sslmode === 'require') ssl = {rejectUnauthorized: false, verifyHost: false};
	if (sslmode === 'verify-ca') ssl = {rejectUnauthorized: true, verifyHost: false, ...(ca === undefined ? {} : {ca})};
	if (sslmode === 'verify-full') ssl = {rejectUnauthorized: true, verifyHost: true, ...(ca === undefined ? {} : {ca})};
	const timeoutText = pick('connect_timeout', 'PGCONNECT_TIMEOUT') ?? '10';
	const timeoutSec = Number(timeoutText);
	if (!Number.isFinite(timeoutSec) || timeoutSec < 0) throw new UsageError(`invalid connect_timeout "${timeoutText}"`);
	const config: PgConnectionConfig = {
		host,
		port,
		user,
		password,
		database,
		ssl,
		sslmode,
		sslRootCert,
		// libpq: 0 means wait forever; csr never waits forever on a team store it can fall back from.
		connectTimeoutMs: Math.max(1, timeoutSec === 0 ? 30 : timeoutSec) * 1000,
		options: pick('options', 'PGOPTIONS'),
		applicationName: pick('application_name', 'PGAPPNAME') ?? 'csr',
	};
	return {key: `${host}:${port}/${database ?? ''}`, redactedUrl: redactStoreUrl(raw), config};
}
