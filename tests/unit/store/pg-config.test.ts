import {describe, expect, it} from 'vitest';
import {UsageError} from '../../../src/errors.js';
import {toPgSql} from '../../../src/store/pg-client.js';
import {parseStoreUrl, redactStoreUrl} from '../../../src/store/pg-config.js';

const noFile = (path: string): string => {
	throw new Error(`no ${path}`);
};

describe('team store URL', () => {
	it('never shows the password, in the URL or as a parameter', () => {
		expect(redactStoreUrl('postgres://alice:s3cr%40t@db.example:5433/csr?sslmode=require')).toBe(
			'postgres://alice:***@db.example:5433/csr?sslmode=require',
		);
		expect(redactStoreUrl('postgresql://db.example/csr?password=s3cret')).not.toContain('s3cret');
		expect(redactStoreUrl('postgres://alice:s3cret@[bad')).not.toContain('s3cret');
		const target = parseStoreUrl('postgres://alice:s3cret@db.example/csr', {}, noFile);
		expect(JSON.stringify({key: target.key, url: target.redactedUrl})).not.toContain('s3cret');
		expect(target.config.password).toBe('s3cret');
	});

	it('takes what the URL leaves out from the PG* variables, and the URL wins over them', () => {
		const env = {PGHOST: 'env-host', PGPORT: '6543', PGUSER: 'env-user', PGPASSWORD: 'pw', PGDATABASE: 'envdb'};
		const bare = parseStoreUrl('postgres://', env, noFile);
		expect(bare.config).toMatchObject({
			host: 'env-host',
			port: 6543,
			user: 'env-user',
			password: 'pw',
			database: 'envdb',
		});
		expect(bare.key).toBe('env-host:6543/envdb');
		const full = parseStoreUrl('postgres://u@h:1234/db', env, noFile);
		expect(full.config).toMatchObject({host: 'h', port: 1234, user: 'u', password: 'pw', database: 'db'});
	});

	it('keeps libpq sslmode meanings: no TLS, TLS unchecked, chain checked, chain and host checked', () => {
		const ssl = (mode: string) => parseStoreUrl(`postgres://h/db?sslmode=${mode}`, {}, noFile).config.ssl;
		expect(ssl('disable')).toBe(false);
		expect(ssl('prefer')).toBe(false);
		expect(ssl('require')).toEqual({rejectUnauthorized: false, verifyHost: false});
		expect(ssl('verify-ca')).toEqual({rejectUnauthorized: true, verifyHost: false});
		expect(ssl('verify-full')).toEqual({rejectUnauthorized: true, verifyHost: true});
		expect(parseStoreUrl('postgres://h/db', {PGSSLMODE: 'verify-full'}, noFile).config.ssl).toMatchObject({
			verifyHost: true,
		});
		const withCa = parseStoreUrl('postgres://h/db?sslmode=verify-full&sslrootcert=/ca.pem', {}, () => 'PEM');
		expect(withCa.config.ssl).toEqual({rejectUnauthorized: true, verifyHost: true, ca: 'PEM'});
	});

	it('rejects what is not a PostgreSQL URL, a bad port or sslmode, with exit code 2', () => {
		for (const bad of ['mysql://h/db', 'postgres://h:99999/db', 'postgres://h/db?sslmode=maybe']) {
			expect(() => parseStoreUrl(bad, {}, noFile)).toThrow(UsageError);
		}
		expect(() => parseStoreUrl('postgres://h/db?sslmode=verify-ca&sslrootcert=/nope', {}, noFile)).toThrow(
			/cannot read sslrootcert/,
		);
	});

	it("numbers the portable SQL's placeholders for PostgreSQL, leaving quoted text alone", () => {
		expect(toPgSql("SELECT a FROM t WHERE b = ? AND c LIKE ? ESCAPE '\\' AND d = '?' LIMIT ?")).toBe(
			"SELECT a FROM t WHERE b = $1 AND c LIKE $2 ESCAPE '\\' AND d = '?' LIMIT $3",
		);
	});
});
