import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {Ticket} from '../../src/domain/ticket.js';
import type {TicketChanges} from '../../src/providers/help-desk.js';
import type {QueueResult} from '../../src/services/queue.js';
import {Workstation} from '../../src/tui/screens/workstation.js';
import type {MessagePlan, TuiServices} from '../../src/tui/services.js';
import {aTicket} from '../support/memory-help-desk.js';
import {aThread, keys, renderWithServices, testNow} from '../support/tui.js';

afterEach(() => cleanup());

const tickets = [
	aTicket({id: '101', subject: 'Parcel never arrived', updatedAt: '2026-11-20T09:00:00.000Z'}),
	aTicket({id: '102', subject: 'Wrong size'}),
	aTicket({id: '103', subject: 'Refund please', assignee: {id: 'a7', name: 'Bea Lund', email: 'bea@example.com'}}),
];
const page = (list: Ticket[]): QueueResult => ({tickets: list, hasMore: false, totalCount: list.length, cap: null});

type Update = {ids: readonly string[]; changes: TicketChanges; action: string; durationSec: number | null};

function setup(overrides: Partial<TuiServices> = {}) {
	let clock = testNow.getTime();
	const updates: Update[] = [];
	const messages: MessagePlan[] = [];
	const followUps: {ticketId: string; dueAt: string; note: string | null}[] = [];
	const screen = renderWithServices(<Workstation width={100} height={24} onQuit={() => {}} />, {
		now: () => new Date(clock),
		listQueue: async () => page(tickets),
		getThread: async (id) => aThread(tickets.find((ticket) => ticket.id === id) as Ticket),
		updateTickets: async (ids, changes, action, durationSec) => {
			updates.push({ids, changes, action, durationSec});
			return ids.map((ticketId) => ({ticketId, result: 'sent' as const}));
		},
		sendMessage: async (plan) => {
			messages.push(plan);
			return {ticketId: plan.ticketId, result: 'sent', messageId: 'm1'};
		},
		addFollowUp: async ({ticket, dueAt, note}) => {
			followUps.push({ticketId: ticket.id, dueAt, note});
		},
		listAgents: async () => [{id: 'a2', name: 'Bea Lund', email: 'bea@example.com'}],
		listGroups: async () => [
			{id: 'g1', name: 'Support'},
			{id: 'g2', name: 'Billing'},
		],
		...overrides,
	});
	const advance = (seconds: number) => {
		clock += seconds * 1000;
	};
	return {screen, updates, messages, followUps, advance};
}

describe('ticket actions', () => {
	it('sets one status on every selected ticket after a confirmation', async () => {
		const {screen, updates} = setup();
		await screen.waitForFrame((frame) => frame.includes('#103'));
		await screen.press(keys.space, keys.space);
		await screen.waitForFrame((frame) => frame.includes('2 selected'));
		await screen.press('s');
		await screen.waitForFrame((frame) => frame.includes('Status for #101, #102'));
		await screen.press(keys.down, keys.down, keys.down, keys.down);
		await screen.press(keys.enter);
		const confirm = await screen.waitForFrame((frame) => frame.includes('Set status solved on #101, #102.'));
		expect(confirm).toContain('y or enter: do it');
		expect(updates).toEqual([]);
		await screen.press('y');
		const done = await screen.waitForFrame((frame) => frame.includes('Status solved: #101, #102'));
		expect(done).not.toContain('selected');
		expect(updates).toEqual([{ids: ['101', '102'], changes: {status: 'solved'}, action: 'status', durationSec: null}]);
	});

	it('cancels without writing anything', async () => {
		const {screen, updates} = setup();
		await screen.waitForFrame((frame) => frame.includes('#103'));
		await screen.press('s');
		await screen.waitForFrame((frame) => frame.includes('Status for #101'));
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Set status new on #101.'));
		await screen.press(keys.escape);
		await screen.waitForFrame((frame) => frame.includes('Status for #101'));
		await screen.press(keys.escape);
		await screen.waitForFrame((frame) => frame.includes('Parcel never arrived') && !frame.includes('Status for'));
		expect(updates).toEqual([]);
	});

	it('assigns the open ticket to a group found by typing, with the handle time since it was opened', async () => {
		const {screen, updates, advance} = setup();
		await screen.waitForFrame((frame) => frame.includes('#103'));
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('#101 Parcel never arrived'));
		advance(140);
		await screen.press('a');
		const list = await screen.waitForFrame((frame) => frame.includes('Bea Lund'));
		expect(list).toContain('nobody');
		expect(list).toContain('Billing');
		await screen.type('bill');
		await screen.waitForFrame((frame) => /› Billing/.test(frame));
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Move #101 to Billing.'));
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Assigned to Billing: #101'));
		expect(updates).toEqual([{ids: ['101'], changes: {group: 'Billing'}, action: 'assign', durationSec: 140}]);
	});

	it('adds and removes tags', async () => {
		const {screen, updates} = setup();
		await screen.waitForFrame((frame) => frame.includes('#103'));
		await screen.press('t');
		await screen.waitForFrame((frame) => frame.includes('Tags for #101'));
		await screen.type('vip');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Write tags as +tag'));
		await screen.press(keys.backspace, keys.backspace, keys.backspace);
		await screen.type('+vip -spam');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('add vip') && frame.includes('remove spam'));
		await screen.press('y');
		await screen.waitForFrame((frame) => frame.includes('Tags changed: #101'));
		expect(updates[0]?.changes).toEqual({tags: {add: ['vip'], remove: ['spam']}});
	});

	it('escalates with a group, a reason and a priority, as an internal note', async () => {
		const {screen, messages, advance} = setup();
		await screen.waitForFrame((frame) => frame.includes('#103'));
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('#101 Parcel never arrived'));
		advance(60);
		await screen.press('e');
		await screen.waitForFrame((frame) => frame.includes('Escalate #101 to'));
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Reason'));
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('A reason is needed.'));
		await screen.type('Carrier lost it');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Priority'));
		await screen.press(keys.down, keys.down, keys.down, keys.enter);
		const confirm = await screen.waitForFrame((frame) => frame.includes('Escalate #101'));
		expect(confirm).toContain('Group → Support, priority → high');
		expect(confirm).toContain('Internal note: Escalated to Support: Carrier lost it');
		await screen.press('y');
		await screen.waitForFrame((frame) => frame.includes('Escalation sent to #101.'));
		expect(messages).toEqual([
			expect.objectContaining({
				ticketId: '101',
				isPublic: false,
				action: 'escalate',
				outcome: 'escalated',
				body: 'Escalated to Support: Carrier lost it',
				changes: {group: 'Support', priority: 'high'},
				expectedUpdatedAt: '2026-11-20T09:00:00.000Z',
				durationSec: 60,
			}),
		]);
	});

	it('offers to clear the assignee when escalating a ticket someone holds', async () => {
		const {screen, messages} = setup();
		await screen.waitForFrame((frame) => frame.includes('#103'));
		await screen.press('G', 'e');
		await screen.waitForFrame((frame) => frame.includes('Escalate #103 to'));
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Reason'));
		await screen.type('Needs billing');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Priority'));
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Assigned to Bea Lund: clear the assignee?'));
		await screen.press(keys.enter);
		const confirm = await screen.waitForFrame((frame) => frame.includes('Escalate #103'));
		expect(confirm).toContain('Assignee Bea Lund → none');
		await screen.press('y');
		await screen.waitForFrame((frame) => frame.includes('Escalation sent to #103.'));
		expect(messages[0]?.changes).toEqual({group: 'Support', assignee: null});
	});

	it('sets a follow-up in two days with a note', async () => {
		const {screen, followUps} = setup();
		await screen.waitForFrame((frame) => frame.includes('#103'));
		await screen.press('j', 'f');
		await screen.waitForFrame((frame) => frame.includes('Follow up on #102 when?'));
		await screen.type('soon');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Write it as'));
		await screen.press(...Array.from({length: 4}, () => keys.backspace));
		await screen.type('2d');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Note (optional)'));
		await screen.type('check refund');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('#102 due 2026-11-22 12:00 UTC'));
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Follow-up on #102 due 2026-11-22 12:00 UTC.'));
		expect(followUps).toEqual([{ticketId: '102', dueAt: '2026-11-22T12:00:00.000Z', note: 'check refund'}]);
	});

	it('reports a failed update in red and keeps the selection', async () => {
		const {screen} = setup({
			updateTickets: async (ids) =>
				ids.map((ticketId) => ({ticketId, result: 'failed' as const, reason: 'desk said no'})),
		});
		await screen.waitForFrame((frame) => frame.includes('#103'));
		await screen.press(keys.space, 's', keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Set status new on #101.'));
		await screen.press('y');
		const frame = await screen.waitForFrame((text) => text.includes('1 of 1 failed (#101: desk said no)'));
		expect(frame).toContain('1 selected');
	});
});
