import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {it} from 'vitest';
import {createFreshdeskHelpDesk} from '../../../src/providers/freshdesk/freshdesk-help-desk.js';
import type {HelpDesk, TicketQuery} from '../../../src/providers/help-desk.js';
import {createZendeskHelpDesk} from '../../../src/providers/zendesk/zendesk-help-desk.js';
import {listQueue} from '../../../src/services/queue.js';
import {openContactCache} from '../../../src/store/contact-cache.js';
import {openDatabase} from '../../../src/store/database.js';
import {startFakeZendesk} from '../../../tests/contract/fake-zendesk.js';
import {freshdeskKey, freshdeskSetup} from '../../../tests/contract/freshdesk-setup.js';
import {zendeskSetup} from '../../../tests/contract/zendesk-setup.js';
import {startFakeFreshdesk} from '../../../tests/support/fake-freshdesk.js';
import {createVirtualClock, type RecordedRequest} from '../../../tests/support/fake-server.js';

// Requests per user action on each remote desk, against the fakes on 127.0.0.1 (run by scripts/bench/50-requests.mjs).
// Lines starting with "COUNT " are what the bench prints.

const queue: TicketQuery = {statuses: ['open', 'pending', 'on-hold'], assignee: 'any', sort: 'urgency', limit: 25};

/** 400 tickets, 170 unresolved (100 open, 50 pending, 20 custom statuses). */
const freshdeskStatus = (id: number): number => {
	const slot = id % 40;
	if (slot < 10) return 2;
	if (slot < 15) return 3;
	if (slot < 17) return slot === 15 ? 6 : 7;
	return slot % 2 === 0 ? 4 : 5;
};

function print(desk: string, action: string, count: number, goal = ''): void {
	console.log(`COUNT ${desk}\t${action}\t${count}\t${goal}`);
}

async function measure(requests: RecordedRequest[], action: () => Promise<unknown>): Promise<number> {
	const before = requests.length;
	await action();
	return requests.length - before;
}

it('counts requests', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'csr-bench-counts-'));
	const db = openDatabase(join(dir, 'csr.db'));
	try {
		{
			const clock = createVirtualClock();
			const fake = await startFakeFreshdesk({
				clock,
				apiKey: freshdeskKey,
				tickets: 400,
				contacts: 150,
				statusFor: freshdeskStatus,
			});
			const now = () => new Date(clock.now());
			const open = (): HelpDesk =>
				createFreshdeskHelpDesk(freshdeskSetup(fake.url, clock, {contacts: openContactCache(db, 'fd', now)}), {clock});
			let all = 0;
			const cold = await measure(fake.requests, async () => {
				all = (await listQueue(open(), queue, {all: true})).tickets.length;
			});
			print('freshdesk', `queue --all, ${all} of 400 tickets, cold cache`, cold, `≤ ${Math.ceil(all / 100) + 3}`);
			const warm = await measure(fake.requests, () => listQueue(open(), queue, {all: true}));
			print('freshdesk', `queue --all, ${all} of 400 tickets, warm cache`, warm, `≤ ${Math.ceil(all / 100) + 3}`);
			const first = await measure(fake.requests, () =>
				listQueue(open(), {...queue, statuses: ['new', 'open', 'pending']}, {all: false}),
			);
			print('freshdesk', 'queue, first page (25), warm cache', first, '≤ 3');
			const show = await measure(fake.requests, () => open().getThread('7'));
			print('freshdesk', 'show one ticket', show);
			const ids = [...fake.tickets.values()]
				.filter((ticket) => ticket.status === 2)
				.slice(0, 20)
				.map((ticket) => String(ticket.id));
			const reads = await measure(fake.requests, () => open().getTickets(ids));
			print('freshdesk', 'read 20 tickets for a reply plan (warm cache)', reads);
			await fake.close();
		}
		{
			const clock = createVirtualClock();
			const fake = await startFakeZendesk({clock, tickets: 400});
			const open = (): HelpDesk =>
				createZendeskHelpDesk(zendeskSetup(fake.url, clock), {clock, timeouts: {connectMs: 2000, readMs: 2000}});
			let all = 0;
			const whole = await measure(fake.requests, async () => {
				all = (await listQueue(open(), queue, {all: true})).tickets.length;
			});
			print('zendesk', `queue --all, ${all} of 400 tickets`, whole, `≤ ${Math.ceil(all / 100) + 3}`);
			const first = await measure(fake.requests, () =>
				listQueue(open(), {...queue, statuses: ['new', 'open', 'pending']}, {all: false}),
			);
			print('zendesk', 'queue, first page (25)', first, '≤ 3');
			const ids = [...fake.tickets.values()].slice(0, 20).map((ticket) => String(ticket.id));
			const reads = await measure(fake.requests, () => open().getTickets(ids));
			print('zendesk', 'read 20 tickets for a reply plan', reads);
			await fake.close();
		}
	} finally {
		db.close();
		rmSync(dir, {recursive: true, force: true});
	}
});
