import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {Ticket} from '../../src/domain/ticket.js';
import type {QueueResult} from '../../src/services/queue.js';
import {Workstation} from '../../src/tui/screens/workstation.js';
import type {TuiServices} from '../../src/tui/services.js';
import {aTicket} from '../support/memory-help-desk.js';
import {aMessage, aThread, keys, renderWithServices} from '../support/tui.js';

afterEach(() => cleanup());

const tickets = [
	aTicket({id: '101', subject: 'Where is order 55?'}),
	aTicket({id: '102', subject: 'Order 55 again'}),
	aTicket({id: '103', subject: 'Order 55, third mail'}),
	aTicket({id: '104', subject: 'Broken lid'}),
];

function workstation(overrides: Partial<TuiServices> = {}) {
	const merges: {sourceIds: readonly string[]; targetId: string; comment: string | null}[] = [];
	const forwards: {ticketId: string; to: readonly string[]; note: string | null; lastOnly?: boolean}[] = [];
	let done = 0;
	const screen = renderWithServices(<Workstation width={100} height={30} onQuit={() => {}} />, {
		listQueue: async (): Promise<QueueResult> => ({tickets, hasMore: false, totalCount: 4, cap: null}),
		getThread: async (id) => aThread(tickets.find((ticket) => ticket.id === id) as Ticket, [aMessage()]),
		cannot: async () => null,
		planMerge: async (input) => {
			merges.push(input);
			return {
				title: `Merge ${input.sourceIds.map((id) => `#${id}`).join(', ')} into #${input.targetId}?`,
				lines: ['#102 Order 55 again → closed'],
				alreadyDone: false,
				run: async () => {
					done++;
					return `Merged into #${input.targetId}.`;
				},
			};
		},
		planForward: async (input) => {
			forwards.push(input);
			return {
				title: `Forward #${input.ticketId}?`,
				lines: ['Subject: Fwd'],
				alreadyDone: false,
				run: async () => 'Forwarded.',
			};
		},
		...overrides,
	});
	return {screen, merges, forwards, done: () => done};
}

describe('merge and forward from the workstation', () => {
	it('m merges the selected tickets into the one typed, after showing the plan read from the desk', async () => {
		const {screen, merges, done} = workstation();
		await screen.waitForFrame((frame) => frame.includes('Broken lid'));
		await screen.press(keys.down, keys.space, keys.space);
		await screen.waitForFrame((frame) => frame.includes('2 selected'));
		await screen.press('m');
		await screen.waitForFrame((frame) => frame.includes('Merge #102, #103 into ticket number'));
		await screen.type('102');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('#102 is being merged; pick the ticket to keep.'));
		for (let i = 0; i < 3; i++) await screen.press(keys.backspace);
		await screen.type('101');
		await screen.press(keys.enter);
		await screen.type('same order');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Merge #102, #103 into #101?'));
		expect(merges).toEqual([{sourceIds: ['102', '103'], targetId: '101', comment: 'same order'}]);
		expect(done()).toBe(0);
		await screen.press('y');
		await screen.waitForFrame((frame) => frame.includes('Merged into #101.') && !frame.includes('selected'));
		expect(done()).toBe(1);
	});

	it('keeps the keys typed while the screen still asks the desk (m 101 enter enter in one burst)', async () => {
		let answer: (reason: string | null) => void = () => {};
		const asked = new Promise<string | null>((resolve) => {
			answer = resolve;
		});
		const {screen, merges} = workstation({cannot: () => asked});
		await screen.waitForFrame((frame) => frame.includes('Broken lid'));
		await screen.press(keys.down);
		screen.stdin.write('m101\r\r');
		await screen.waitForFrame((frame) => frame.includes('Asking the desk'));
		answer(null);
		await screen.waitForFrame((frame) => frame.includes('Merge #102 into #101?'));
		expect(merges).toEqual([{sourceIds: ['102'], targetId: '101', comment: null}]);
	});

	it('says so at once, naming the desk, where the desk cannot merge', async () => {
		const {screen, merges} = workstation({
			cannot: async (what) => `The zammad desk (profile z) cannot ${what} tickets from csr: do it in the desk.`,
		});
		await screen.waitForFrame((frame) => frame.includes('Broken lid'));
		await screen.press('m');
		await screen.waitForFrame((frame) => frame.includes('The zammad desk (profile z) cannot merge tickets from csr'));
		expect(merges).toEqual([]);
	});

	it('w forwards the ticket with a note; with several selected it says it forwards one', async () => {
		const {screen, forwards} = workstation();
		await screen.waitForFrame((frame) => frame.includes('Broken lid'));
		await screen.press(keys.space, keys.space, 'w');
		await screen.waitForFrame((frame) => frame.includes('w forwards one ticket: esc clears the selection first.'));
		await screen.press(keys.escape);
		await screen.waitForFrame((frame) => !frame.includes('selected'));
		await screen.press(keys.enter, 'w');
		await screen.waitForFrame((frame) => frame.includes('Forward #103 to (email'));
		await screen.type('claims@carrier');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('"claims@carrier" is not an email address.'));
		await screen.type('.example');
		await screen.press(keys.enter);
		await screen.type('Damage claim');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('What to send') && frame.includes('the whole thread'));
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Forward #103?'));
		await screen.press('y');
		await screen.waitForFrame((frame) => frame.includes('Forwarded.'));
		expect(forwards).toEqual([
			{ticketId: '103', to: ['claims@carrier.example'], note: 'Damage claim', lastOnly: false},
		]);
	});

	it('w can send only the last public message', async () => {
		const {screen, forwards} = workstation();
		await screen.waitForFrame((frame) => frame.includes('Broken lid'));
		await screen.press('w');
		await screen.waitForFrame((frame) => frame.includes('Forward #101 to (email'));
		await screen.type('stock@warehouse.example');
		await screen.press(keys.enter, keys.enter);
		await screen.waitForFrame((frame) => frame.includes('the last public message only'));
		await screen.press(keys.down, keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Forward #101?'));
		expect(forwards).toEqual([{ticketId: '101', to: ['stock@warehouse.example'], note: null, lastOnly: true}]);
	});
});
