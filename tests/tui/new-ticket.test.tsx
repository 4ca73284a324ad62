import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {Ticket} from '../../src/domain/ticket.js';
import type {PlannedAttachment} from '../../src/services/attachments.js';
import type {QueueResult} from '../../src/services/queue.js';
import {Workstation} from '../../src/tui/screens/workstation.js';
import type {NewTicketInput, TuiServices} from '../../src/tui/services.js';
import {aTicket} from '../support/memory-help-desk.js';
import {aThread, keys, renderWithServices, testNow} from '../support/tui.js';

afterEach(() => cleanup());

const queued = [aTicket({id: '101', subject: 'Parcel never arrived'})];
const made = aTicket({
	id: '900',
	subject: 'Your replacement',
	requester: {id: 'c9', name: 'Nell', email: 'nell@example.net', locale: null},
});
const page = (list: Ticket[]): QueueResult => ({tickets: list, hasMore: false, totalCount: list.length, cap: null});

function setup(overrides: Partial<TuiServices> = {}) {
	const created: NewTicketInput[] = [];
	const threads: string[] = [];
	const screen = renderWithServices(<Workstation width={100} height={24} onQuit={() => {}} />, {
		now: () => testNow,
		listQueue: async () => page(queued),
		getThread: async (id) => {
			threads.push(id);
			return aThread(id === '900' ? made : (queued[0] as Ticket));
		},
		createTicket: async (input) => {
			created.push(input);
			return {ticketId: '900', result: 'sent', messageId: 'm9'};
		},
		...overrides,
	});
	return {screen, created, threads};
}

async function fillIn(screen: ReturnType<typeof setup>['screen']) {
	await screen.waitForFrame((frame) => frame.includes('#101'));
	await screen.press('N');
	await screen.waitForFrame((frame) => frame.includes('New ticket: to'));
	await screen.type('nell@example');
	await screen.press(keys.enter);
	await screen.waitForFrame((frame) => frame.includes('Give one email address'));
	await screen.type('.net');
	await screen.press(keys.enter);
	await screen.waitForFrame((frame) => frame.includes('Subject'));
	await screen.type('Your replacement');
	await screen.press(keys.enter);
	await screen.waitForFrame((frame) => frame.includes('First message'));
	await screen.type('Hi Nell, it ships today.');
	await screen.press(keys.enter);
	return screen.waitForFrame((frame) => frame.includes('Open a new ticket'));
}

describe('N: a new ticket from the TUI', () => {
	it('asks for to, subject and message, shows the plan, opens nothing before y, then opens the new ticket', async () => {
		const {screen, created, threads} = setup();
		const plan = await fillIn(screen);
		expect(plan).toContain('To: nell@example.net');
		expect(plan).toContain('Subject: Your replacement');
		expect(plan).toContain('Hi Nell, it ships today.');
		expect(created).toEqual([]);
		await screen.press('y');
		await screen.waitForFrame((frame) => frame.includes('Opened #900 for nell@example.net.'));
		expect(created).toEqual([
			{email: 'nell@example.net', name: null, subject: 'Your replacement', body: 'Hi Nell, it ships today.'},
		]);
		// The new ticket opens in the ticket pane (it is not in the queue's filter yet).
		await screen.waitForFrame((frame) => frame.includes('Your replacement') && !frame.includes('Open a new ticket'));
		expect(threads).toContain('900');
	});

	it('attaches the files typed in its last step, checked by the desk before anything is opened', async () => {
		const label: PlannedAttachment = {
			path: '/tmp/label.pdf',
			fileName: 'label.pdf',
			contentType: 'application/pdf',
			size: 45,
			sha256: 'ab'.repeat(32),
		};
		const asked: string[] = [];
		const {screen, created} = setup({
			attachFile: async (path) => {
				asked.push(path);
				if (path !== 'label.pdf') throw new Error(`cannot read ${path}`);
				return label;
			},
		});
		await screen.waitForFrame((frame) => frame.includes('#101'));
		await screen.press('N');
		await screen.waitForFrame((frame) => frame.includes('New ticket: to'));
		await screen.type('nell@example.net');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Subject'));
		await screen.type('Your label');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('First message'));
		await screen.type('Hi Nell, the label is attached.');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Files to attach'));
		await screen.type(' label.pdf ');
		await screen.press(keys.enter);
		const plan = await screen.waitForFrame((frame) => frame.includes('Open a new ticket'));
		expect(plan).toContain('📎 label.pdf');
		expect(created).toEqual([]);
		await screen.press('y');
		await screen.waitForFrame((frame) => frame.includes('Opened #900 for nell@example.net.'));
		expect(asked).toEqual(['label.pdf']);
		expect(created).toEqual([
			{
				email: 'nell@example.net',
				name: null,
				subject: 'Your label',
				body: 'Hi Nell, the label is attached.',
				attachments: [label],
			},
		]);
	});

	it('on a desk that cannot open tickets shows its words and opens nothing', async () => {
		const {screen, threads} = setup({
			createTicket: async () => {
				throw new Error('csr cannot open new tickets on Zammad (profile test)');
			},
		});
		await fillIn(screen);
		await screen.press('y');
		await screen.waitForFrame((frame) => frame.includes('csr cannot open new tickets on Zammad'));
		expect(threads).not.toContain('900');
	});
});
