import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {Ticket} from '../../src/domain/ticket.js';
import type {QueueResult} from '../../src/services/queue.js';
import {Workstation} from '../../src/tui/screens/workstation.js';
import {aTicket} from '../support/memory-help-desk.js';
import {aMessage, aThread, expectNoControls, hostileText, keys, renderWithServices} from '../support/tui.js';

afterEach(() => cleanup());

const page = (tickets: Ticket[]): QueueResult => ({tickets, hasMore: false, totalCount: tickets.length, cap: null});
const three = [
	aTicket({id: '101', subject: 'Parcel never arrived', slaDueAt: '2026-11-20T10:00:00Z'}),
	aTicket({id: '102', subject: 'Wrong size'}),
	aTicket({
		id: '103',
		subject: 'Refund please',
		requester: {id: 'u9', name: 'Sven Ek', email: 'sven@example.se', locale: 'sv-SE'},
	}),
];

describe('Workstation', () => {
	it('lists the queue with the cursor on the first ticket and the status bar', async () => {
		const screen = renderWithServices(<Workstation width={100} height={20} onQuit={() => {}} />, {
			listQueue: async () => page(three),
		});
		const frame = await screen.waitForFrame((text) => text.includes('#103'));
		expect(frame).toContain('›');
		expect(frame).toMatch(/› #101/);
		expect(frame).toContain('3 tickets');
		expect(frame).toContain('1 SLA breached');
		expect(frame).toContain('-2h');
	});

	it.each([80, 100, 160])(
		'fits the key bar to %i columns and always ends it with the key that lists the rest',
		async (width) => {
			const screen = renderWithServices(<Workstation width={width} height={20} onQuit={() => {}} />, {
				listQueue: async () => page(three),
			});
			const frame = await screen.waitForFrame((text) => text.includes('#103'));
			const bar = frame.split('\n').find((line) => line.startsWith('↑↓ move')) ?? '';
			expect(bar.endsWith('? all keys'), bar).toBe(true);
			expect(bar).not.toContain('…');
			expect([...bar].length).toBeLessThanOrEqual(width);
			// Every shown key keeps its whole word.
			for (const item of bar.split(' · ')) expect(item).toMatch(/^\S+ [a-z#-]+( [a-z#-]+)?$/);
			if (width >= 160) expect(bar).toContain('m merge · w forward');
		},
	);

	it('moves with j and opens the ticket under the cursor with enter', async () => {
		const opened: string[] = [];
		const screen = renderWithServices(<Workstation width={100} height={20} onQuit={() => {}} />, {
			listQueue: async () => page(three),
			getThread: async (id) => {
				opened.push(id);
				const ticket = three.find((candidate) => candidate.id === id) as Ticket;
				return aThread(ticket, [aMessage({text: `Body of ${id}`})]);
			},
		});
		await screen.waitForFrame((text) => text.includes('#103'));
		await screen.press('j', 'j');
		await screen.waitForFrame((text) => /› #103/.test(text));
		await screen.press(keys.enter);
		const frame = await screen.waitForFrame((text) => text.includes('Body of 103'));
		// The preview may have fetched a ticket the cursor rested on; what is open is 103.
		expect(opened.at(-1)).toBe('103');
		expect(frame).toContain('#103 Refund please');
		expect(frame).toContain('CUSTOMER');
	});

	it('takes keys that arrive together one by one (tmux send-keys, key repeat over ssh)', async () => {
		const opened: string[] = [];
		const screen = renderWithServices(<Workstation width={100} height={20} onQuit={() => {}} />, {
			listQueue: async () => page(three),
			getThread: async (id) => {
				opened.push(id);
				return aThread(three.find((candidate) => candidate.id === id) as Ticket);
			},
		});
		await screen.waitForFrame((text) => text.includes('#103'));
		screen.stdin.write('jj\r');
		await screen.waitForFrame((text) => text.includes('#103 Refund please'));
		// The preview may have fetched a ticket the cursor rested on; what is open is 103.
		expect(opened.at(-1)).toBe('103');
	});

	it('moves four rows for four downs sent in one write, as tmux send-keys Down Down Down Down does', async () => {
		const five = [...three, aTicket({id: '104', subject: 'Fourth'}), aTicket({id: '105', subject: 'Fifth'})];
		const screen = renderWithServices(<Workstation width={100} height={20} onQuit={() => {}} />, {
			listQueue: async () => page(five),
		});
		await screen.waitForFrame((text) => text.includes('#105'));
		screen.stdin.write(keys.down.repeat(4));
		await screen.waitForFrame((text) => /› #105/.test(text));
		screen.stdin.write(`${keys.up}${keys.up}\u001B[H`);
		await screen.waitForFrame((text) => /› #101/.test(text));
	});

	it('says so when no ticket matches, and when the queue cannot load', async () => {
		const empty = renderWithServices(<Workstation width={100} height={20} onQuit={() => {}} />, {
			listQueue: async () => page([]),
		});
		await empty.waitForFrame((text) => text.includes('No tickets match'));
		cleanup();
		const broken = renderWithServices(<Workstation width={100} height={20} onQuit={() => {}} />, {
			listQueue: async () => {
				throw new Error('desk is down');
			},
		});
		await broken.waitForFrame((text) => text.includes('Could not load the queue: desk is down'));
	});

	it('never lets a subject or a message drive the terminal, in the list or the thread', async () => {
		// The worst first: a row shows only the start of a subject.
		const subject = `\u001B[31m\u202E\u009B2J\u0085\u001B]52;c;ZXZpbA==\u0007 ${hostileText}`;
		const hostile = aTicket({
			id: '666',
			subject,
			requester: {id: 'x', name: `Eve ${hostileText}`, email: null, locale: null},
		});
		const screen = renderWithServices(<Workstation width={100} height={24} onQuit={() => {}} />, {
			listQueue: async () => page([hostile]),
			getThread: async () =>
				aThread(hostile, [
					aMessage({
						text: `Body ${hostileText}`,
						author: {id: 'x', name: `Eve ${hostileText}`, email: null, role: 'customer'},
					}),
				]),
		});
		const list = await screen.waitForFrame((text) => text.includes('#666'));
		expectNoControls(list);
		expect(list).toMatch(/#666 .*Hi ␦click/);
		await screen.press(keys.enter);
		const thread = await screen.waitForFrame((text) => text.includes('Body'));
		expectNoControls(thread);
		expect(thread).toContain('click');
		expect(thread).not.toContain('evil.example');
		expect(thread).not.toContain('ZXZpbA');
	});
});
