import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {Ticket} from '../../src/domain/ticket.js';
import type {CustomerOverview} from '../../src/services/customer.js';
import type {QueueResult} from '../../src/services/queue.js';
import {Workstation} from '../../src/tui/screens/workstation.js';
import type {TuiServices} from '../../src/tui/services.js';
import {aTicket} from '../support/memory-help-desk.js';
import {aMessage, aThread, expectNoControls, hostileText, keys, renderWithServices} from '../support/tui.js';

afterEach(() => cleanup());

const sven = {id: 'u9', name: 'Sven Ek', email: 'sven@example.se', locale: 'sv-SE'};
const queued = [
	aTicket({id: '101', subject: 'Parcel never arrived'}),
	aTicket({id: '103', subject: 'Refund please', requester: sven}),
];
// Sven's other tickets are solved or closed: not in the queue, reachable only from the customer pane.
const older = aTicket({id: '250', subject: 'Same order, second ticket', status: 'solved', requester: sven});
const oldest = aTicket({id: '77', subject: 'Delivery question', status: 'closed', requester: sven});
const all: Ticket[] = [...queued, older, oldest];

const overview = (ticket: Ticket, parts: Partial<CustomerOverview> = {}): CustomerOverview => ({
	customer: {
		id: ticket.requester.id,
		name: ticket.requester.name,
		email: ticket.requester.email,
		phone: '+46 70-123 45 67',
		locale: 'sv-SE',
		organization: {id: '5', name: `Bergström AB ${hostileText}`},
		timeZone: 'Europe/Stockholm',
	},
	tickets: [queued[1] as Ticket, older, oldest],
	hasMore: false,
	totalCount: 3,
	records: [],
	followUps: [],
	ratings: {csat: [], nps: [], ces: []},
	drafts: [],
	outbox: [],
	notVisible: [],
	...parts,
});

function workstation(parts: Partial<CustomerOverview> = {}, services: Partial<TuiServices> = {}) {
	const opened: string[] = [];
	const looked: string[] = [];
	const screen = renderWithServices(<Workstation width={110} height={22} onQuit={() => {}} />, {
		listQueue: async (): Promise<QueueResult> => ({tickets: queued, hasMore: false, totalCount: 2, cap: null}),
		getThread: async (id) => {
			opened.push(id);
			return aThread(all.find((ticket) => ticket.id === id) as Ticket, [aMessage({text: `Body of ${id}`})]);
		},
		lookUpCustomer: async (ticket) => {
			looked.push(ticket.id);
			return overview(ticket, parts);
		},
		...services,
	});
	return {screen, opened, looked};
}

describe('the customer pane (c)', () => {
	it("shows the ticket's customer with their other tickets, and enter opens one that is not in the queue", async () => {
		const {screen, opened, looked} = workstation({
			records: [],
			followUps: [
				{
					id: 'f1',
					ticketId: '103',
					customerEmail: sven.email,
					dueAt: '2026-11-21T09:00:00Z',
					note: null,
					createdAt: '2026-11-20T09:00:00Z',
					doneAt: null,
					profile: 'test',
					agent: null,
					assignee: null,
				},
			],
		});
		await screen.waitForFrame((text) => text.includes('#103'));
		await screen.press('j', keys.enter);
		await screen.waitForFrame((text) => text.includes('Body of 103'));
		await screen.press('c');
		const pane = await screen.waitForFrame((text) => text.includes('#77'));
		expect(looked).toEqual(['103']);
		expect(pane).toContain('Sven Ek <sven@example.se>');
		expect(pane).toContain('phone +46 70-123 45 67 · sv-SE · Europe/Stockholm · Bergström');
		expect(pane).toContain('follow-ups 1 (1 open)');
		expect(pane).toMatch(/#250\s+solved\s+Same order, second ticket/);
		expect(pane).toMatch(/#77\s+closed\s+Delivery question/);
		expectNoControls(pane);
		await screen.press('j', keys.enter);
		const frame = await screen.waitForFrame((text) => text.includes('Body of 250'));
		expect(opened.at(-1)).toBe('250');
		expect(frame).toContain('#250 Same order, second ticket');
		expect(frame).not.toContain('enter open the ticket');
	});

	it('says which side parts it could not read, and esc goes back to the ticket', async () => {
		const {screen} = workstation({records: null, drafts: null, notVisible: ['records', 'drafts']});
		await screen.waitForFrame((text) => text.includes('#103'));
		await screen.press('c');
		const pane = await screen.waitForFrame((text) => text.includes('not visible to you: records, drafts'));
		expect(pane).toContain('follow-ups 0 (0 open) · outbox 0');
		expect(pane).toContain('#103');
		await screen.press(keys.escape);
		await screen.waitForFrame((text) => !text.includes('not visible to you') && text.includes('Parcel never arrived'));
	});

	it('m merges one of the customer’s other tickets into the open one, after the plan read from the desk', async () => {
		const merges: {sourceIds: readonly string[]; targetId: string; comment: string | null}[] = [];
		let done = 0;
		const {screen, opened} = workstation(
			{},
			{
				cannot: async () => null,
				planMerge: async (input) => {
					merges.push(input);
					return {
						title: `Merge #${input.sourceIds.join(', #')} into #${input.targetId}?`,
						lines: ['#250 Same order, second ticket → closed'],
						alreadyDone: false,
						run: async () => {
							done++;
							return `Merged into #${input.targetId}.`;
						},
					};
				},
			},
		);
		await screen.waitForFrame((text) => text.includes('#103'));
		await screen.press('j', keys.enter);
		await screen.waitForFrame((text) => text.includes('Body of 103'));
		await screen.press('c');
		const pane = await screen.waitForFrame((text) => text.includes('#77'));
		expect(pane).toContain('m merge it into #103');
		// The open ticket itself cannot be merged into itself.
		await screen.press('m');
		await screen.waitForFrame((text) => text.includes('#103 is this ticket: choose a duplicate to merge into it.'));
		expect(merges).toEqual([]);
		await screen.press('j', 'm');
		await screen.waitForFrame((text) => text.includes('Merge #250 into #103: comment for #103'));
		await screen.type('same order');
		await screen.press(keys.enter);
		await screen.waitForFrame((text) => text.includes('Merge #250 into #103?'));
		expect(merges).toEqual([{sourceIds: ['250'], targetId: '103', comment: 'same order'}]);
		expect(done).toBe(0);
		await screen.press('y');
		await screen.waitForFrame((text) => text.includes('Merged into #103.'));
		expect(done).toBe(1);
		// The kept ticket stays open and is read again.
		await screen.waitForFrame(() => opened.filter((id) => id === '103').length >= 2);
	});

	it('offers no merge on a desk without it', async () => {
		const {screen} = workstation();
		await screen.waitForFrame((text) => text.includes('#103'));
		await screen.press('j', keys.enter, 'c');
		const pane = await screen.waitForFrame((text) => text.includes('#77'));
		expect(pane).not.toContain('m merge');
		// j, m, j: the pane took all three (the cursor went on past m to #77), and m opened nothing.
		await screen.press('j', 'm', 'j');
		const after = await screen.waitForFrame((text) => /›#77/.test(text));
		expect(after).not.toContain('Merge #');
		expect(after).toContain('Sven Ek');
	});
});
