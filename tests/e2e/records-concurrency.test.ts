import {execFile} from 'node:child_process';
import {dirname, join} from 'node:path';
import {DatabaseSync} from 'node:sqlite';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {afterEach, describe, expect, it} from 'vitest';
import {binPath, createSandbox} from '../support/e2e.js';

const execFileAsync = promisify(execFile);
const script = fileURLToPath(new URL('../../scripts/records-concurrency.mjs', import.meta.url));
const dist = join(dirname(binPath), '..', 'dist');

let sandbox: ReturnType<typeof createSandbox> | undefined;
afterEach(() => sandbox?.cleanup());

describe('concurrent writers of the interaction log', () => {
	it('two processes adding 1,000 records each through csr log add end with exactly 2,000 and an intact database', async () => {
		const {stdout} = await execFileAsync(
			process.execPath,
			[script, '--processes', '2', '--records', '1000', '--dist', dist],
			{
				timeout: 120_000,
			},
		);
		const result = JSON.parse(stdout) as Record<string, unknown>;
		expect(result).toMatchObject({records: 2000, expected: 2000, integrity: 'ok', childExitCodes: [0, 0]});
		// The writers really overlapped: rows from the two processes alternate in write order.
		expect(result['interleavings']).toBeGreaterThan(1);
	}, 120_000);

	it('two loops of the real bin, spawned side by side, lose nothing', async () => {
		sandbox = createSandbox();
		const box = sandbox;
		const loop = async (tag: string) => {
			for (let index = 0; index < 15; index++) {
				const result = await box.csr([
					'log',
					'add',
					'--customer',
					`${tag}@example.com`,
					'--type',
					'chat',
					'--summary',
					`${tag} ${index}`,
				]);
				expect(result.stderr).toBe('');
				expect(result.exitCode).toBe(0);
			}
		};
		await Promise.all([loop('a'), loop('b')]);
		const db = new DatabaseSync(join(box.home, 'data', 'csr.db'), {readOnly: true});
		try {
			expect(db.prepare('SELECT COUNT(*) AS n FROM records').get()?.['n']).toBe(30);
			expect(db.prepare('PRAGMA integrity_check').get()?.['integrity_check']).toBe('ok');
		} finally {
			db.close();
		}
	}, 120_000);
});
