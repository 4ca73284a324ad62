import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll} from 'vitest';
import {createDemoHelpDesk} from '../../src/providers/demo/demo-help-desk.js';
import {describeCustomerDirectoryContract} from '../support/customer-directory-contract.js';
import {demoSetup} from '../support/desk-on-fake.js';

const dataDir = mkdtempSync(join(tmpdir(), 'csr-demo-customers-'));
afterAll(() => rmSync(dataDir, {recursive: true, force: true}));

const open = () => createDemoHelpDesk(demoSetup(dataDir, {now: () => new Date('2026-03-02T12:00:00Z')}));

describeCustomerDirectoryContract('demo', async () => {
	const desk = open();
	// A customer of the seeded desk with an organisation: the first b2b ticket's requester.
	const page = await desk.listTickets({
		statuses: ['new', 'open', 'pending', 'on-hold', 'solved', 'closed'],
		assignee: 'any',
		tags: ['b2b'],
		sort: 'created',
		limit: 50,
	});
	const requester = page.tickets.find((ticket) => ticket.requester.email !== null)?.requester;
	if (requester === undefined || requester.email === null) throw new Error('the seed has no b2b customer with email');
	const found = await desk.findCustomer({id: requester.id});
	if (found === null || found.organization === null || found.phone === null || found.timeZone === null)
		throw new Error('the b2b customer lacks an organisation, phone or time zone');
	return {
		desk,
		known: {...found, email: requester.email, name: requester.name, locale: requester.locale},
		unknown: {email: 'nobody-here@example.invalid', id: '999999'},
	};
});
