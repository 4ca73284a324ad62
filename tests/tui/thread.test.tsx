import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {TicketThread} from '../../src/domain/message.js';
import type {Ticket} from '../../src/domain/ticket.js';
import type {QueueResult} from '../../src/services/queue.js';
import {Workstation} from '../../src/tui/screens/workstation.js';
import {aTicket} from '../support/memory-help-desk.js';
import {aMessage, aThread, keys, renderWithServices} from '../support/tui.js';

afterEach(() => cleanup());

const ticket = aTicket({
	id: '101',
	subject: 'Parcel never arrived',
	priority: 'high',
	tags: ['shipping'],
	group: {id: 'g1', name: 'Support'},
});
const others = [aTicket({id: '102', subject: 'Second ticket'}), aTicket({id: '103', subject: 'Third ticket'})];
const page = (list: Ticket[]): QueueResult => ({tickets: list, hasMore: false, totalCount: list.length, cap: null});
const longText = Array.from({length: 40}, (_, index) => `Line ${index + 1} of a long story.`).join('\n');

function thread(): TicketThread {
	return aThread(
		ticket,
		[
			aMessage({id: 'm1', text: longText}),
			aMessage({
				id: 'm2',
				public: false,
				author: {id: 'a1', name: 'Bea Lund', email: 'bea@example.com', role: 'agent'},
				text: 'Called the carrier, they are looking.',
				createdAt: '2026-11-01T11:00:00.000Z',
			}),
			aMessage({
				id: 'm3',
				author: {id: 'a1', name: 'Bea Lund', email: 'bea@example.com', role: 'agent'},
				text: 'We are on it.',
				createdAt: '2026-11-01T12:00:00.000Z',
				attachments: [{name: 'label.pdf', size: 20_480, contentType: 'application/pdf', url: null}],
			}),
		],
		{
			organization: {id: 'o1', name: 'Berg AB'},
			lastCsat: {score: 'bad', comment: 'slow', at: '2026-10-01T09:00:00.000Z'},
			recentTickets: [
				{
					id: '77',
					subject: 'Late delivery in May',
					status: 'solved',
					channel: 'email',
					createdAt: '2026-05-01T00:00:00Z',
					updatedAt: '2026-05-02T00:00:00Z',
				},
			],
		},
	);
}

async function openThread(height = 30, getThread: (id: string) => Promise<TicketThread> = async () => thread()) {
	const screen = renderWithServices(<Workstation width={120} height={height} onQuit={() => {}} />, {
		listQueue: async () => page([ticket, ...others]),
		getThread,
	});
	await screen.waitForFrame((frame) => frame.includes('#103'));
	await screen.press(keys.enter);
	await screen.waitForFrame((frame) => frame.includes('Line 1 of a long story.'));
	return screen;
}

describe('the ticket pane', () => {
	it('shows the header and the customer’s context: organisation, other tickets, last CSAT', async () => {
		const screen = await openThread();
		const frame = screen.lastFrame() ?? '';
		expect(frame).toContain('#101 Parcel never arrived');
		expect(frame).toContain('open · high · email · Support · unassigned');
		expect(frame).toContain('tags: shipping');
		expect(frame).toContain('Customer: Anna Berg <anna@example.com> · sv-SE · Berg AB');
		expect(frame).toContain('Last CSAT: bad (2026-10-01 09:00 UTC)');
		expect(frame).toContain('Other: #77 solved Late delivery in May');
	});

	it('folds a long message and opens it with o', async () => {
		const screen = await openThread(60);
		const folded = screen.lastFrame() ?? '';
		expect(folded).toContain('Line 12 of a long story.');
		expect(folded).not.toContain('Line 13 of a long story.');
		expect(folded).toContain('… (28 more lines, o to open)');
		await screen.press('o');
		const open = await screen.waitForFrame((frame) => frame.includes('Line 13 of a long story.'));
		expect(open).not.toContain('more lines, o to open');
	});

	it('marks internal notes apart from public replies and lists attachments', async () => {
		const screen = await openThread(60);
		const frame = screen.lastFrame() ?? '';
		expect(frame).toContain('▌ INTERNAL NOTE Bea Lund');
		expect(frame).toContain('│ Called the carrier, they are looking.');
		expect(frame).toContain('▍ REPLY Bea Lund');
		expect(frame).toContain('+ attachment: label.pdf (20 KB, application/pdf)');
	});

	it('scrolls the thread on its own: the queue cursor stays where it is', async () => {
		const screen = await openThread(20, async (id: string) =>
			id === '101' ? thread() : aThread(others.find((other) => other.id === id) as Ticket),
		);
		expect(screen.lastFrame()).toContain('more lines (j/k, PgDn)');
		await screen.press('j', 'j', 'j');
		const scrolled = await screen.waitForFrame((frame) => !frame.includes('#101 Parcel never arrived'));
		expect(scrolled).toMatch(/› #101/);
		await screen.press(keys.pageDown);
		await screen.waitForFrame((frame) => frame.includes('Line 12 of a long story.') && !frame.includes('Line 1 of'));
		await screen.press(keys.tab, 'j');
		const moved = await screen.waitForFrame((frame) => /› #102/.test(frame) && frame.includes('#102 Second ticket'));
		expect(moved).not.toContain('Line 12 of a long story.');
	});

	it('says when the ticket cannot be loaded', async () => {
		const screen = renderWithServices(<Workstation width={120} height={20} onQuit={() => {}} />, {
			listQueue: async () => page([ticket]),
			getThread: async () => {
				throw new Error('ticket 101 not found');
			},
		});
		await screen.waitForFrame((frame) => frame.includes('#101'));
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) =>
			frame.includes('Could not load the ticket: ticket 101 not found (g to try again)'),
		);
	});
});
