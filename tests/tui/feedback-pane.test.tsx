import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {FeedbackItem} from '../../src/services/feedback.js';
import {Workstation} from '../../src/tui/screens/workstation.js';
import type {TuiServices} from '../../src/tui/services.js';
import {aTicket} from '../support/memory-help-desk.js';
import {aMessage, aThread, expectNoControls, hostileText, keys, renderWithServices} from '../support/tui.js';

afterEach(() => cleanup());

const tickets = [aTicket({id: '101', subject: 'Parcel never arrived'}), aTicket({id: '102', subject: 'Wrong size'})];

const feedback: FeedbackItem[] = [
	{
		id: 'csat:1',
		kind: 'bad',
		at: '2026-11-19T10:00:00.000Z',
		score: 'bad',
		comment: 'Nobody answered my mails for a week',
		ticketId: '102',
		subject: 'Wrong size',
		channel: 'email',
		agent: 'Ida Holm',
		customerEmail: 'sven@example.se',
	},
	{
		id: 'nps:7',
		kind: 'detractor',
		at: '2026-11-18T10:00:00.000Z',
		score: '3',
		comment: hostileText,
		ticketId: '101',
		subject: 'Parcel never arrived',
		channel: 'chat',
		agent: null,
		customerEmail: 'anna@example.com',
	},
];

function start(overrides: Partial<TuiServices>) {
	return renderWithServices(<Workstation width={120} height={24} onQuit={() => {}} />, {
		listQueue: async () => ({tickets, hasMore: false, totalCount: tickets.length, cap: null}),
		getThread: async (id) => {
			const ticket = tickets.find((candidate) => candidate.id === id);
			if (ticket === undefined) throw new Error(`ticket ${id} not found`);
			return aThread(ticket, [aMessage({id: `m${id}`, text: `Message of ticket ${id}`})]);
		},
		...overrides,
	});
}

describe('the feedback pane (B)', () => {
	it('lists bad ratings, detractors and hard answers with the comment, sanitised, and enter opens the ticket', async () => {
		const screen = start({listFeedback: async () => feedback});
		await screen.waitForFrame((frame) => frame.includes('#102'));
		await screen.press('B');
		const pane = await screen.waitForFrame((frame) => frame.includes('Nobody answered my mails'));
		expect(pane).toContain('Feedback to act on');
		expect(pane).toMatch(/› bad CSAT\s+19 Nov\s+#102\s+email\s+Ida Holm/);
		expect(pane).toMatch(/NPS 3\s+18 Nov\s+#101\s+chat\s+unassigned/);
		expect(pane).toContain('sven@example.se · Wrong size · Ida Holm');
		await screen.press(keys.down);
		const hostile = await screen.waitForFrame((frame) => frame.includes('anna@example.com · Parcel never arrived'));
		expectNoControls(hostile);
		expect(hostile).toContain('click');
		await screen.press(keys.enter);
		const opened = await screen.waitForFrame(
			(frame) => frame.includes('Message of ticket 101') && /› #101/.test(frame),
		);
		expect(opened).not.toContain('Feedback to act on');
	});

	it('says when there is nothing to act on, or the desk has no ratings, and esc goes back', async () => {
		const empty = start({listFeedback: async () => []});
		await empty.waitForFrame((frame) => frame.includes('#102'));
		await empty.press('B');
		await empty.waitForFrame((frame) => frame.includes('No bad ratings, detractors or hard answers'));
		await empty.press(keys.escape);
		await empty.waitForFrame((frame) => frame.includes('#101') && !frame.includes('Feedback to act on'));
		cleanup();
		const none = start({listFeedback: async () => null});
		await none.waitForFrame((frame) => frame.includes('#102'));
		await none.press('B');
		await none.waitForFrame((frame) => frame.includes('This desk gives csr no ratings or survey answers.'));
	});
});
