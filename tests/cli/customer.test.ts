import {afterEach, describe, expect, it} from 'vitest';
import {ProviderError} from '../../src/errors.js';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';
import {aTicket, createMemoryHelpDesk} from '../support/memory-help-desk.js';

let context: TestContext;
afterEach(() => context.cleanup());

const ann = {id: 'u1', name: 'Ann Lee', email: 'ann@example.com', locale: 'en-GB'};
const bo = {id: 'u2', name: 'Bo Ek', email: 'bo@example.se', locale: 'sv'};

/** A desk without a customer directory (like Zammad or Help Scout in csr): the profile comes from the tickets. */
function setup(options: {failRatings?: boolean} = {}) {
	const desk = createMemoryHelpDesk([
		aTicket({id: '1', subject: 'First order', status: 'closed', requester: ann, createdAt: '2026-11-01T10:00:00Z'}),
		aTicket({id: '2', subject: 'Someone else', status: 'open', requester: bo, createdAt: '2026-11-10T10:00:00Z'}),
		aTicket({id: '3', subject: 'Same order again', status: 'open', requester: ann, createdAt: '2026-11-18T10:00:00Z'}),
	]);
	if (options.failRatings)
		desk.exportTicketFacts = async () => {
			throw new ProviderError('the desk is down', {kind: 'temporary', status: 503});
		};
	context = createTestContext({now: new Date('2026-11-20T12:00:00Z'), helpDesk: desk});
	return context;
}

describe('csr customer', () => {
	it("on a desk without a directory: the requester's name and language, their tickets only, newest first", async () => {
		const {stdout, exitCode} = await runCsr(['customer', 'ANN@example.com', '--json'], setup());
		expect(exitCode).toBe(0);
		const whole = JSON.parse(stdout);
		expect(whole.customer).toEqual({...ann, phone: null, organization: null, timeZone: null});
		expect(whole.tickets.map((ticket: {id: string; status: string}) => [ticket.id, ticket.status])).toEqual([
			['3', 'open'],
			['1', 'closed'],
		]);
	});

	it('shows the ratings as not visible when the KPI sync fails, and still exits 0', async () => {
		const {stdout, exitCode} = await runCsr(['customer', 'ann@example.com'], setup({failRatings: true}));
		expect(exitCode).toBe(0);
		expect(stdout).toMatch(/Ratings\n {2}\(not visible to you\)/);
		expect(stdout).toContain('#3      open');
		const json = await runCsr(['customer', 'ann@example.com', '--json'], setup({failRatings: true}));
		expect(JSON.parse(json.stdout)).toMatchObject({ratings: null, notVisible: ['ratings']});
	});

	it('refuses an id on a desk without a directory (exit 2) and says when nobody has that address (exit 1)', async () => {
		const byId = await runCsr(['customer', '42'], setup());
		expect(byId.exitCode).toBe(2);
		expect(byId.stderr).toContain('cannot look customers up by id');
		const nobody = await runCsr(['customer', 'nobody@example.com'], setup());
		expect(nobody.exitCode).toBe(1);
		expect(nobody.stderr).toContain('has no customer nobody@example.com');
		const csv = await runCsr(['customer', 'ann@example.com', '--format', 'csv'], setup());
		expect(csv.exitCode).toBe(2);
	});
});
