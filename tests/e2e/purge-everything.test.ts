import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {createSandbox} from '../support/e2e.js';

const box = createSandbox();
afterAll(() => box.cleanup());

/** Every file under the data directory but the demo desk's own database (the help desk, not csr's data). */
function csrFiles(directory: string): string[] {
	return readdirSync(directory).flatMap((name) => {
		const path = join(directory, name);
		if (statSync(path).isDirectory()) return csrFiles(path);
		return name.startsWith('demo.db') ? [] : [path];
	});
}

describe('csr log purge erases everything about the customer', () => {
	it('records, follow-ups, the journal, the outbox and every mention; no file holds the address afterwards', async () => {
		const [first, second] = (await box.csr(['queue', '--status', 'open', '--ids', '--limit', '2'])).stdout
			.trim()
			.split('\n');
		const shown = JSON.parse((await box.csr(['show', String(first), '--json'])).stdout) as {
			customer: {email: string; name: string};
		};
		const email = shown.customer.email;
		const other = JSON.parse((await box.csr(['show', String(second), '--json'])).stdout).customer.email as string;
		expect(email).not.toBe(other);

		// A call logged with only the ticket: the record learns its customer from the desk when it is written.
		const call = await box.csr(['log', 'add', '--ticket', String(first), '--type', 'call', '--summary', 'Called back']);
		expect(call.exitCode, call.stderr).toBe(0);
		const logged = JSON.parse((await box.csr(['log', 'show', call.stdout.trim(), '--json'])).stdout);
		expect(logged.customer.email).toBe(email);
		await box.csr(['followup', 'add', String(first), '--in', '2d', '--note', `mail ${email.toUpperCase()} the label`]);
		// Another customer's record that names the address keeps its own data; only the address goes.
		await box.csr([
			'log',
			'add',
			'--customer',
			other,
			'--type',
			'note',
			'--summary',
			`shares an account with ${email}`,
		]);
		// A bulk reply (journal) and a reply queued while the desk is down (outbox), both naming the customer.
		const bulk = await box.csr(['reply', String(first), String(second), '--body', `Hi, about ${email}`, '--yes']);
		expect(bulk.exitCode, bulk.stderr).toBe(0);
		await box.csr(['demo', 'outage', 'on']);
		expect((await box.csr(['note', String(first), '--body', `Write to ${email}`])).exitCode).toBe(75);
		await box.csr(['demo', 'outage', 'off']);

		const dataDir = join(box.home, 'data');
		const holders = () =>
			csrFiles(dataDir).filter((file) => {
				const bytes = readFileSync(file);
				return bytes.includes(Buffer.from(email)) || bytes.includes(Buffer.from(email.toUpperCase()));
			});
		expect(holders().length).toBeGreaterThan(0);

		const purged = await box.csr(['log', 'purge', '--customer', email.toUpperCase(), '--yes', '--json']);
		expect(purged.exitCode, purged.stderr).toBe(0);
		const counts = JSON.parse(purged.stdout) as Record<string, number | boolean>;
		expect(counts['records']).toBeGreaterThanOrEqual(2); // the call and the reply's record
		expect(counts['followUps']).toBe(1);
		expect(counts['otherTraces']).toBeGreaterThanOrEqual(2); // journal item and outbox message
		expect(counts['mentions']).toBeGreaterThanOrEqual(1); // the other customer's record
		expect(counts['scrubbed']).toBe(true);
		expect(holders()).toEqual([]);

		const left = JSON.parse((await box.csr(['log', 'list', '--all', '--json'])).stdout) as {
			customer: {email: string};
			summary: string;
		}[];
		expect(left.some((record) => record.summary === 'shares an account with [erased]')).toBe(true);
		expect(left.every((record) => record.customer.email !== email)).toBe(true);
		expect(JSON.parse((await box.csr(['outbox', 'list', '--json'])).stdout)).toEqual([]);
	});
});
