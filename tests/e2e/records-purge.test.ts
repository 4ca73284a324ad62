import {existsSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {DatabaseSync} from 'node:sqlite';
import {afterEach, describe, expect, it} from 'vitest';
import {createSandbox} from '../support/e2e.js';

let sandbox: ReturnType<typeof createSandbox> | undefined;
afterEach(() => sandbox?.cleanup());

function seedRecords(): string {
	let text = '';
	for (let index = 0; index < 3000; index++) {
		const isX = index % 30 === 0;
		text += `${JSON.stringify({
			id: `seed-${index}`,
			at: new Date(Date.UTC(2026, 9, 1) + index * 60_000).toISOString(),
			action: 'call',
			ticketId: String(index % 300),
			customer: isX
				? {email: index % 60 === 0 ? 'x@example.com' : 'X@EXAMPLE.COM', name: 'Xenia Exampledottir'}
				: {email: `c${index}@example.com`, name: `Customer ${index}`},
			summary: isX ? 'xenia-private-details' : 'an ordinary call',
		})}\n`;
	}
	return text;
}

describe('the interaction log on disk', () => {
	it('keeps the database and its WAL at mode 0600', async () => {
		sandbox = createSandbox();
		const box = sandbox;
		const add = () => box.csr(['log', 'add', '--ticket', '1', '--type', 'call', '--summary', 'hello']);
		expect((await add()).exitCode).toBe(0);
		const path = join(box.home, 'data', 'csr.db');
		expect(statSync(path).mode & 0o777).toBe(0o600);
		// SQLite removes the WAL when the last connection closes; hold one open so csr's WAL stays to be inspected.
		const reader = new DatabaseSync(path);
		try {
			reader.prepare('SELECT COUNT(*) AS n FROM records').get();
			expect((await add()).exitCode).toBe(0);
			expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
			expect(statSync(`${path}-wal`).mode & 0o777).toBe(0o600);
			expect(statSync(`${path}-shm`).mode & 0o777).toBe(0o600);
		} finally {
			reader.close();
		}
	});

	it('csr log purge --customer x@example.com --yes leaves no byte of the customer in the database or WAL files', async () => {
		sandbox = createSandbox();
		const imported = await sandbox.csr(['log', 'import', '-'], {stdin: seedRecords()});
		expect(imported.stdout).toBe('imported 3000, already present 0\n');
		const followUp = await sandbox.csr([
			'log',
			'add',
			'--customer',
			'x@example.com',
			'--customer-name',
			'Xenia Exampledottir',
			'--type',
			'call',
			'--summary',
			'xenia-private-details',
			'--followup',
			'3d',
		]);
		expect(followUp.exitCode).toBe(0);

		const files = ['csr.db', 'csr.db-wal', 'csr.db-shm'].map((name) => join(sandbox?.home ?? '', 'data', name));
		const traces = ['x@example.com', 'X@EXAMPLE.COM', 'Xenia Exampledottir', 'xenia-private-details'];
		const found = () =>
			traces.filter((trace) =>
				files.some((file) => existsSync(file) && readFileSync(file).includes(Buffer.from(trace, 'utf8'))),
			);
		expect(found()).toEqual(traces);

		const refused = await sandbox.csr(['log', 'purge', '--customer', 'x@example.com']);
		expect(refused.exitCode).toBe(2);
		expect(refused.stderr).toContain('add --yes');

		const purged = await sandbox.csr(['log', 'purge', '--customer', 'x@example.com', '--yes']);
		expect(purged).toEqual({exitCode: 0, stdout: 'erased 101 records and 1 follow-up of x@example.com\n', stderr: ''});
		expect(found()).toEqual([]);
		const left = await sandbox.csr(['log', 'export']);
		expect(left.stdout.trim().split('\n')).toHaveLength(2900);
	});
});
