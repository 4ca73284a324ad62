import {afterEach, describe, expect, it} from 'vitest';
import {createZendeskHelpDesk} from '../../src/providers/zendesk/zendesk-help-desk.js';
import {startFakeZendesk} from '../contract/fake-zendesk.js';
import {zendeskSetup} from '../contract/zendesk-setup.js';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';
import {createVirtualClock} from '../support/fake-server.js';
import {createMemoryHelpDesk} from '../support/memory-help-desk.js';

let context: TestContext | undefined;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
	context?.cleanup();
	context = undefined;
	await close?.();
	close = undefined;
});

async function onZendesk() {
	const clock = createVirtualClock();
	const fake = await startFakeZendesk({clock, tickets: 3});
	close = () => fake.close();
	// csr closes the desk after each command: every command gets its own, as in production.
	const base = createTestContext({now: new Date('2026-11-20T12:00:00Z')});
	context = {
		...base,
		openHelpDesk: async () =>
			createZendeskHelpDesk(zendeskSetup(fake.url, clock), {clock, timeouts: {connectMs: 2000, readMs: 2000}}),
	};
	return {fake, context};
}

const call = [
	'log',
	'add',
	'--customer',
	'ola@example.net',
	'--customer-name',
	'Ola Nordmann',
	'--type',
	'call',
	'--summary',
	'Parcel lost in transit; promised a refund by Friday',
	'--duration',
	'6m',
	'--followup',
	'2d',
	'--create-ticket',
	'--json',
];

type Logged = {
	record: {id: string; ticketId: string; action: string; channel: string; durationSec: number};
	followUp: {id: string} | null;
	ticketId: string;
	created: boolean;
};

describe('csr log add --create-ticket', () => {
	it('opens a phone ticket with the summary as an internal note and links the record; again: nothing twice', async () => {
		const {fake, context} = await onZendesk();
		const first = await runCsr(call, context);
		expect(first.exitCode, first.stderr).toBe(0);
		const logged = JSON.parse(first.stdout) as Logged;
		expect(logged.created).toBe(true);
		expect(logged.record).toMatchObject({
			ticketId: logged.ticketId,
			action: 'call',
			channel: 'phone',
			durationSec: 360,
		});
		const ticket = fake.tickets.get(Number(logged.ticketId));
		expect(ticket?.subject).toBe('Phone call: Parcel lost in transit; promised a refund by Friday');
		expect(fake.users.get(ticket?.requester_id ?? 0)?.email).toBe('ola@example.net');
		const comments = fake.comments.get(Number(logged.ticketId)) ?? [];
		expect(comments.map((comment) => [comment.public, comment.body])).toEqual([
			[false, 'Parcel lost in transit; promised a refund by Friday'],
		]);

		const again = await runCsr(call, context);
		expect(again.exitCode, again.stderr).toBe(0);
		const second = JSON.parse(again.stdout) as Logged;
		expect(second).toMatchObject({created: false, ticketId: logged.ticketId});
		expect(second.record.id).toBe(logged.record.id);
		expect(second.followUp?.id).toBe(logged.followUp?.id);
		const made = [...fake.tickets.values()].filter(
			(candidate) => fake.users.get(candidate.requester_id)?.email === 'ola@example.net',
		);
		expect(made).toHaveLength(1);
		const list = await runCsr(['log', 'list', '--customer', 'ola@example.net', '--type', 'call', '--json'], context);
		expect((JSON.parse(list.stdout) as unknown[]).length).toBe(1);
		const followups = await runCsr(['followup', 'list', '--json'], context);
		expect((JSON.parse(followups.stdout) as unknown[]).length).toBe(1);
	});

	it('refuses with --ticket, without --customer, and for a note; nothing is opened', async () => {
		const {fake, context} = await onZendesk();
		const before = fake.tickets.size;
		const withTicket = await runCsr([...call.slice(0, -1), '--ticket', '2'], context);
		expect(withTicket.exitCode).toBe(2);
		expect(withTicket.stderr).toContain('cannot go with --ticket');
		const note = await runCsr(
			['log', 'add', '--customer', 'a@example.com', '--type', 'note', '--summary', 'x', '--create-ticket'],
			context,
		);
		expect(note.exitCode).toBe(2);
		expect(note.stderr).toContain('--type call, chat, email or visit');
		expect(fake.tickets.size).toBe(before);
	});

	it('on a desk without creation says so naming the desk, and logs nothing', async () => {
		context = createTestContext({helpDesk: {...createMemoryHelpDesk([]), providerName: 'zammad'}});
		const result = await runCsr(call, context);
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toContain('csr cannot open new tickets on Zammad');
		const list = await runCsr(['log', 'list', '--json'], context);
		expect(JSON.parse(list.stdout)).toEqual([]);
	});
});
