import {join} from 'node:path';
import {DatabaseSync} from 'node:sqlite';
import {afterEach, describe, expect, it} from 'vitest';
import {createSandbox} from '../support/e2e.js';

let sandbox: ReturnType<typeof createSandbox> | undefined;
afterEach(() => sandbox?.cleanup());

/** A customer of the default demo desk (seed 1) with an open, two solved and a closed ticket, and ratings. */
const sandra = 'skoch@t-online.de';

describe('csr customer on the built binary and the demo desk', () => {
	it('gives the whole customer as one JSON object: tickets in several statuses, records, follow-ups and ratings', async () => {
		sandbox = createSandbox();
		const box = sandbox;
		const logged = await box.csr([
			'log',
			'add',
			'--customer',
			'SKoch@t-online.de',
			'--type',
			'call',
			'--summary',
			'asked about the return label',
			'--followup',
			'1d',
		]);
		expect(logged.exitCode, logged.stderr).toBe(0);
		const {exitCode, stdout, stderr} = await box.csr(['customer', sandra, '--json']);
		expect(exitCode, stderr).toBe(0);
		const whole = JSON.parse(stdout);
		expect(Object.keys(whole)).toEqual([
			'customer',
			'tickets',
			'hasMore',
			'records',
			'followUps',
			'ratings',
			'drafts',
			'outbox',
			'notVisible',
		]);
		expect(whole.customer).toMatchObject({
			name: 'Sandra Koch',
			email: sandra,
			locale: 'de-DE',
			timeZone: 'Europe/Berlin',
		});
		expect(whole.customer.phone).toMatch(/^\+49 1\d\d \d{7}$/);
		const statuses = new Set(whole.tickets.map((ticket: {status: string}) => ticket.status));
		expect(statuses.size).toBeGreaterThan(1);
		const created = whole.tickets.map((ticket: {createdAt: string}) => ticket.createdAt);
		expect(created).toEqual([...created].sort().reverse());
		expect(whole.tickets.every((ticket: {requester: {email: string}}) => ticket.requester.email === sandra)).toBe(true);
		expect(whole.records.map((record: {summary: string}) => record.summary)).toEqual(['asked about the return label']);
		expect(whole.followUps).toHaveLength(1);
		const rated = [...whole.ratings.csat, ...whole.ratings.nps, ...whole.ratings.ces];
		expect(rated.length).toBeGreaterThan(0);
		const ids = new Set(whole.tickets.map((ticket: {id: string}) => ticket.id));
		expect(rated.every((rating: {ticketId: string}) => ids.has(rating.ticketId))).toBe(true);
		expect(whole.notVisible).toEqual([]);

		const table = await box.csr(['customer', sandra]);
		expect(table.stdout).toContain('Sandra Koch <skoch@t-online.de>');
		expect(table.stdout).toMatch(/Tickets \(4: /);
		expect(table.stdout).toContain('asked about the return label');
	}, 120_000);

	it('shows hostile profile text sanitised, says "not visible" for a side part it cannot read, and exits 1 for nobody', async () => {
		sandbox = createSandbox();
		const box = sandbox;
		// The hostile customer's phone carries a terminal link and a right-to-left override.
		const hostile = await box.csr(['customer', 'refunds@nordlyshome-billing.net']);
		expect(hostile.exitCode, hostile.stderr).toBe(0);
		expect(hostile.stdout).toContain('call now');
		expect(hostile.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
		const json = await box.csr(['customer', 'refunds@nordlyshome-billing.net', '--json']);
		expect(json.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
		expect(JSON.parse(json.stdout).customer.phone).toContain('\u202E7946');

		// A local table gone (a damaged csr.db): the drafts cannot be read, the rest still shows.
		const db = new DatabaseSync(join(box.home, 'data', 'csr.db'));
		db.exec('DROP TABLE drafts');
		db.close();
		const partial = await box.csr(['customer', sandra, '--json']);
		expect(partial.exitCode, partial.stderr).toBe(0);
		const whole = JSON.parse(partial.stdout);
		expect(whole.drafts).toBeNull();
		expect(whole.notVisible).toEqual(['drafts']);
		expect(whole.tickets.length).toBe(4);
		const table = await box.csr(['customer', sandra]);
		expect(table.stdout).toMatch(/Drafts\n {2}\(not visible to you\)/);

		const nobody = await box.csr(['customer', 'nobody@example.com']);
		expect(nobody.exitCode).toBe(1);
		expect(nobody.stderr).toContain('the demo desk has no customer nobody@example.com');
		expect(nobody.stderr).toContain('Check the address');
		const noId = await box.csr(['customer', '999999']);
		expect(noId.exitCode).toBe(1);
		expect(noId.stderr).toContain('the demo desk has no customer id 999999');
		expect(noId.stderr).toContain('Check the id');
		const bad = await box.csr(['customer', 'not an address']);
		expect(bad.exitCode).toBe(2);
	}, 120_000);
});
