import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {ProviderError} from '../../src/errors.js';
import {hashIntent} from '../../src/services/delivery.js';
import {markSending} from '../../src/store/journal.js';
import {createTestContext, runCsr, type TestContext} from '../support/context.js';
import {aTicket, createMemoryHelpDesk} from '../support/memory-help-desk.js';

const now = new Date('2026-11-20T12:00:00Z');
let context: TestContext;
afterEach(() => context.cleanup());

function tickets(count: number) {
	return Array.from({length: count}, (_, index) =>
		aTicket({
			id: String(index + 1),
			requester: {
				id: `u${index}`,
				name: `Anna ${index + 1} Berg`,
				email: `anna${index + 1}@example.com`,
				locale: 'sv-SE',
			},
		}),
	);
}

function records(ctx: TestContext): {ticket_id: string; action: string; template: string | null}[] {
	return ctx.store().prepare('SELECT ticket_id, action, template FROM records ORDER BY ticket_id').all() as never;
}

function teamTemplate(ctx: TestContext, name: string, text: string) {
	const dir = join(ctx.cwd, '.csr', 'templates');
	mkdirSync(dir, {recursive: true});
	writeFileSync(join(dir, `${name}.md`), text);
}

describe('csr reply', () => {
	it('sends one reply with --body, journals it and writes a record', async () => {
		const desk = createMemoryHelpDesk(tickets(1));
		context = createTestContext({now, helpDesk: desk});
		const result = await runCsr(['reply', '1', '--body', 'Hej Anna, tack!', '--json'], context);
		expect(result.exitCode).toBe(0);
		expect(JSON.parse(result.stdout)).toEqual([{ticketId: '1', result: 'sent', messageId: 'm1'}]);
		expect(desk.sent).toHaveLength(1);
		expect(desk.sent[0]?.message).toMatchObject({body: 'Hej Anna, tack!', public: true});
		expect(records(context)).toEqual([{ticket_id: '1', action: 'reply', template: null}]);
	});

	it('never sends the same reply twice: a re-run reports skipped', async () => {
		const desk = createMemoryHelpDesk(tickets(3));
		context = createTestContext({now, helpDesk: desk});
		const first = await runCsr(['reply', '1', '2', '3', '--body', 'Outage is over', '--yes', '--json'], context);
		expect(JSON.parse(first.stdout).map((row: {result: string}) => row.result)).toEqual(['sent', 'sent', 'sent']);
		const second = await runCsr(['reply', '1', '2', '3', '--body', 'Outage is over', '--yes', '--json'], context);
		expect(second.exitCode).toBe(0);
		expect(JSON.parse(second.stdout).map((row: {result: string}) => row.result)).toEqual([
			'skipped',
			'skipped',
			'skipped',
		]);
		expect(desk.sent).toHaveLength(3);
	});

	it('reads ids from stdin and refuses bulk without --yes off a TTY', async () => {
		const desk = createMemoryHelpDesk(tickets(2));
		context = createTestContext({now, helpDesk: desk, stdin: '1\n2\n'});
		const result = await runCsr(['reply', '-', '--body', 'x'], context);
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toContain('without --yes');
		expect(desk.sent).toHaveLength(0);
	});

	it('renders a template per ticket and stops everything when a required variable is missing', async () => {
		const desk = createMemoryHelpDesk(tickets(2));
		context = createTestContext({now, helpDesk: desk});
		teamTemplate(
			context,
			'refund',
			'---\ntitle: Refund\nvars:\n  order_id:\n    required: true\nset:\n  status: solved\n---\nHi {{ ticket.requester.first_name }}, order {{ vars.order_id }} is refunded.\n',
		);
		const missing = await runCsr(['reply', '1', '2', '--template', 'refund', '--yes'], context);
		expect(missing.exitCode).toBe(2);
		expect(missing.stderr).toContain('order_id');
		expect(desk.sent).toHaveLength(0);
		const ok = await runCsr(
			['reply', '1', '2', '--template', 'refund', '--var', 'order_id=A-77', '--yes', '--json'],
			context,
		);
		expect(ok.exitCode).toBe(0);
		expect(desk.sent.map((sent) => sent.message.body.trim())).toEqual([
			'Hi Anna, order A-77 is refunded.',
			'Hi Anna, order A-77 is refunded.',
		]);
		expect(desk.sent[0]?.message.changes?.status).toBe('solved');
	});

	it('changes nothing with --dry-run and shows the rendered text', async () => {
		const desk = createMemoryHelpDesk(tickets(2));
		context = createTestContext({now, helpDesk: desk});
		const result = await runCsr(['reply', '1', '2', '--body', 'Preview me', '--dry-run'], context);
		expect(result.exitCode).toBe(0);
		expect(result.stdout).toContain('── #1');
		expect(result.stdout).toContain('Preview me');
		expect(desk.sent).toHaveLength(0);
		expect(records(context)).toEqual([]);
	});

	it('stops for a ticket that changed since it was read and says what changed', async () => {
		const desk = createMemoryHelpDesk(tickets(1));
		const original = desk.getTickets;
		// The customer writes again between csr reading the ticket and sending.
		desk.getTickets = async (ids) => {
			const read = await original(ids);
			await desk.updateTicket('1', {tags: {add: ['bumped'], remove: []}}, {});
			desk.threads.get('1')?.push({
				id: 'c9',
				author: {id: 'u0', name: 'Anna', email: null, role: 'customer'},
				public: true,
				channel: 'email',
				createdAt: '2026-11-20T00:00:30.000Z',
				text: 'Any news?',
				attachments: [],
			});
			return read;
		};
		context = createTestContext({now, helpDesk: desk});
		const result = await runCsr(['reply', '1', '--body', 'Hello', '--json'], context);
		expect(result.exitCode).toBe(1);
		const [row] = JSON.parse(result.stdout);
		expect(row.result).toBe('failed');
		expect(row.reason).toContain('1 new message from the customer');
		expect(desk.sent).toHaveLength(0);
	});

	it('keeps a reply in the outbox when the desk is unreachable (exit 75) and retry delivers it once', async () => {
		let down = true;
		const desk = createMemoryHelpDesk(tickets(1), {
			failWrites: () => (down ? new ProviderError('connection refused', {kind: 'temporary'}) : undefined),
		});
		context = createTestContext({now, helpDesk: desk});
		const failed = await runCsr(['reply', '1', '--body', 'Your parcel left today.'], context);
		expect(failed.exitCode).toBe(75);
		const listed = await runCsr(['outbox', 'list', '--json'], context);
		expect(JSON.parse(listed.stdout)).toMatchObject([{ticketId: '1', body: 'Your parcel left today.'}]);
		down = false;
		const retried = await runCsr(['outbox', 'retry', '--json'], context);
		expect(retried.exitCode).toBe(0);
		expect(JSON.parse(retried.stdout)).toMatchObject([{ticketId: '1', result: 'sent'}]);
		expect(desk.sent).toHaveLength(1);
		expect(JSON.parse((await runCsr(['outbox', 'list', '--json'], context)).stdout)).toEqual([]);
		expect(JSON.parse((await runCsr(['outbox', 'retry', '--json'], context)).stdout || '[]')).toEqual([]);
		expect(desk.sent).toHaveLength(1);
	});

	it('keeps an escalation an escalation when it goes through the outbox', async () => {
		let down = true;
		const desk = createMemoryHelpDesk(tickets(1), {
			failWrites: () => (down ? new ProviderError('503 from the desk', {kind: 'temporary'}) : undefined),
		});
		context = createTestContext({now, helpDesk: desk});
		const queued = await runCsr(['escalate', '1', '--group', 'Billing', '--reason', 'Double charge'], context);
		expect(queued.exitCode).toBe(75);
		down = false;
		expect((await runCsr(['outbox', 'retry'], context)).exitCode).toBe(0);
		const record = context.store().prepare('SELECT action, outcome FROM records').get() as {
			action: string;
			outcome: string;
		};
		expect(record).toEqual({action: 'escalate', outcome: 'escalated'});
		expect(desk.sent[0]?.message).toMatchObject({public: false, changes: {group: 'Billing'}});
	});

	it('after a crash mid-send, looks in the thread before sending again', async () => {
		const desk = createMemoryHelpDesk(tickets(2));
		context = createTestContext({now, helpDesk: desk});
		const db = context.store();
		// Ticket 1: the crash came after the desk got the reply. Ticket 2: before.
		const intentFor = (id: string) => hashIntent(['demo', id, true, 'body', 'Same text', null]);
		await desk.sendMessage('1', {body: 'Same text', public: true}, {});
		markSending(
			db,
			{profile: 'demo', ticketId: '1', intentHash: intentFor('1'), body: 'Same text', runId: null},
			'2026-11-19T23:59:00.000Z',
		);
		markSending(
			db,
			{profile: 'demo', ticketId: '2', intentHash: intentFor('2'), body: 'Same text', runId: null},
			'2026-11-19T23:59:00.000Z',
		);
		const result = await runCsr(['reply', '1', '2', '--body', 'Same text', '--yes', '--json'], context);
		expect(JSON.parse(result.stdout).map((row: {result: string}) => row.result)).toEqual(['skipped', 'sent']);
		expect(desk.sent.filter((sent) => sent.ticketId === '1')).toHaveLength(1);
		expect(desk.sent.filter((sent) => sent.ticketId === '2')).toHaveLength(1);
	});

	it('reports a sent reply whose follow-up change the desk refused, without sending it again', async () => {
		const desk = createMemoryHelpDesk(tickets(1));
		const send = desk.sendMessage;
		desk.sendMessage = async (...args) => ({
			...(await send(...args)),
			warnings: ['the status change was refused (422)'],
		});
		context = createTestContext({now, helpDesk: desk});
		const result = await runCsr(['reply', '1', '--body', 'Solved it', '--status', 'solved', '--json'], context);
		expect(result.exitCode).toBe(0);
		expect(JSON.parse(result.stdout)).toEqual([
			{ticketId: '1', result: 'sent', messageId: 'm1', reason: 'sent, but the status change was refused (422)'},
		]);
		expect(
			(await runCsr(['reply', '1', '--body', 'Solved it', '--status', 'solved', '--json'], context)).stdout,
		).toContain('skipped');
		expect(desk.sent).toHaveLength(1);
	});

	it('sends an internal note with csr note', async () => {
		const desk = createMemoryHelpDesk(tickets(1));
		context = createTestContext({now, helpDesk: desk});
		expect((await runCsr(['note', '1', '--body', 'Called the carrier'], context)).exitCode).toBe(0);
		expect(desk.sent[0]?.message.public).toBe(false);
		expect(records(context)[0]?.action).toBe('note');
	});
});

describe('csr status, assign, tag, escalate', () => {
	it('sets a status and records it', async () => {
		const desk = createMemoryHelpDesk(tickets(2));
		context = createTestContext({now, helpDesk: desk});
		expect((await runCsr(['status', '1', '2', 'solved', '--yes'], context)).exitCode).toBe(0);
		expect((await desk.getTickets(['1', '2'])).map((ticket) => ticket.status)).toEqual(['solved', 'solved']);
		expect(records(context).map((record) => record.action)).toEqual(['status', 'status']);
		expect((await runCsr(['status', '1', 'bogus'], context)).exitCode).toBe(2);
	});

	it('adds and removes tags as a delta', async () => {
		const desk = createMemoryHelpDesk([aTicket({id: '1', tags: ['keep', 'spam']})]);
		context = createTestContext({now, helpDesk: desk});
		expect((await runCsr(['tag', '1', '+vip', '-spam'], context)).exitCode).toBe(0);
		expect((await desk.getTickets(['1']))[0]?.tags).toEqual(['keep', 'vip']);
	});

	it('escalates with an internal note, the group and priority, and an escalated record', async () => {
		const desk = createMemoryHelpDesk(tickets(1));
		context = createTestContext({now, helpDesk: desk});
		const result = await runCsr(
			['escalate', '1', '--group', 'Technical', '--reason', 'Router reboots hourly', '--priority', 'high'],
			context,
		);
		expect(result.exitCode).toBe(0);
		expect(desk.sent[0]?.message).toMatchObject({
			public: false,
			body: 'Escalated to Technical: Router reboots hourly',
			changes: {group: 'Technical', priority: 'high'},
		});
		const outcome = context.store().prepare('SELECT outcome FROM records').get() as {outcome: string};
		expect(outcome.outcome).toBe('escalated');
	});
});

describe("csr reply: the agent's own text and the customer's language", () => {
	it('fills placeholders in --body per ticket, --editor text too, and --raw keeps them', async () => {
		const desk = createMemoryHelpDesk(tickets(2));
		context = createTestContext({now, helpDesk: desk});
		const filled = await runCsr(
			['reply', '1', '2', '--body', 'Hej {{ ticket.requester.first_name }}!', '--yes'],
			context,
		);
		expect(filled.exitCode, filled.stderr).toBe(0);
		expect(desk.sent.map((sent) => sent.message.body)).toEqual(['Hej Anna!', 'Hej Anna!']);
		const raw = await runCsr(['reply', '1', '--body', 'Hej {{ x }}', '--raw'], context);
		expect(raw.exitCode, raw.stderr).toBe(0);
		expect(desk.sent.at(-1)?.message.body).toBe('Hej {{ x }}');
		context.editText = async () => 'Tack {{ customer.name }}';
		const edited = await runCsr(['reply', '2', '--editor'], context);
		expect(edited.exitCode, edited.stderr).toBe(0);
		expect(desk.sent.at(-1)?.message.body).toBe('Tack Anna 2 Berg');
	});

	it('refuses an unknown placeholder with exit 2 before sending anything', async () => {
		const desk = createMemoryHelpDesk(tickets(3));
		context = createTestContext({now, helpDesk: desk});
		const result = await runCsr(
			['reply', '1', '2', '3', '--body', 'Hi {{ ticket.requester.firstname }}', '--yes'],
			context,
		);
		expect(result.exitCode).toBe(2);
		expect(result.stderr).toContain('ticket.requester.firstname');
		expect(desk.sent).toEqual([]);
	});

	it('shows the rendered text in a dry run, and says when the locale is a fallback', async () => {
		const [known, unknown] = tickets(2);
		if (known === undefined || unknown === undefined) throw new Error('no tickets');
		const desk = createMemoryHelpDesk([known, {...unknown, requester: {...unknown.requester, locale: null}}]);
		context = createTestContext({now, helpDesk: desk});
		const body = await runCsr(['reply', '1', '--body', 'Hej {{ ticket.requester.first_name }}', '--dry-run'], context);
		expect(body.stdout).toContain('Hej Anna');
		expect(body.stdout).not.toContain('{{');
		const result = await runCsr(['reply', '1', '2', '--template', 'delivery-delay', '--dry-run'], context);
		expect(result.exitCode, result.stderr).toBe(0);
		expect(result.stdout).toContain('#1 · public reply · locale sv · template delivery-delay');
		expect(result.stdout).toContain("#2 · public reply · locale en (customer's language unknown");
		expect(desk.sent).toEqual([]);
	});
});
