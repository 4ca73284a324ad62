import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {createInterface} from 'node:readline';
import {DatabaseSync} from 'node:sqlite';
import {afterEach, describe, expect, it} from 'vitest';
import {binPath, createSandbox} from '../support/e2e.js';

let sandbox: ReturnType<typeof createSandbox> | undefined;
afterEach(() => sandbox?.cleanup());

function records(count: number): string {
	let text = '';
	for (let index = 0; index < count; index++) {
		text += `${JSON.stringify({
			id: `kill-${String(index).padStart(5, '0')}`,
			at: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString(),
			agent: 'agent@example.com',
			profile: 'callcentre',
			provider: null,
			ticketId: String(1000 + (index % 500)),
			customer: {email: `c${index % 2000}@example.com`, name: `Customer ${index % 2000}`},
			channel: 'phone',
			action: 'call',
			template: null,
			status: null,
			outcome: 'resolved',
			durationSec: 60 + (index % 600),
			summary: `Call ${index}: ${'a long enough summary to make each batch take a moment to write. '.repeat(3)}`,
			followUpAt: null,
		})}\n`;
	}
	return text;
}

function inspect(home: string): {count: number; integrity: string} {
	const db = new DatabaseSync(join(home, 'data', 'csr.db'));
	try {
		return {
			count: Number(db.prepare('SELECT COUNT(*) AS n FROM records').get()?.['n']),
			integrity: String(db.prepare('PRAGMA integrity_check').get()?.['integrity_check']),
		};
	} finally {
		db.close();
	}
}

describe('SIGKILL during csr log import', () => {
	it('leaves an intact database holding whole batches, everything acknowledged, and a re-import finishes the job', async () => {
		sandbox = createSandbox();
		const file = join(sandbox.home, 'records.ndjson');
		writeFileSync(file, records(10_000));
		const child = spawn(process.execPath, [binPath, 'log', 'import', file, '--verbose'], {
			env: sandbox.env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const exited = once(child, 'exit');
		let acknowledged = 0;
		const stderr: string[] = [];
		for await (const line of createInterface({input: child.stderr})) {
			stderr.push(line);
			const match = /^csr: batch \d+ committed, (\d+) rows$/.exec(line);
			if (match) {
				acknowledged = Number(match[1]);
				child.kill('SIGKILL');
				break;
			}
		}
		const [code, signal] = await exited;
		expect(acknowledged, stderr.join('\n')).toBeGreaterThanOrEqual(1000);
		// Killed, unless it happened to finish between the acknowledgement and the signal.
		expect(signal === 'SIGKILL' || code === 0).toBe(true);

		const after = inspect(sandbox.home);
		expect(after.integrity).toBe('ok');
		expect(after.count % 1000).toBe(0);
		expect(after.count).toBeGreaterThanOrEqual(acknowledged);

		const again = await sandbox.csr(['log', 'import', file]);
		expect(again.exitCode).toBe(0);
		expect(again.stdout).toBe(`imported ${10_000 - after.count}, already present ${after.count}\n`);
		expect(inspect(sandbox.home)).toEqual({count: 10_000, integrity: 'ok'});
	}, 60_000);
});
