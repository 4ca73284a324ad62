import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {Ticket} from '../../src/domain/ticket.js';
import type {TicketQuery} from '../../src/providers/help-desk.js';
import type {QueueResult} from '../../src/services/queue.js';
import {Workstation} from '../../src/tui/screens/workstation.js';
import {aTicket} from '../support/memory-help-desk.js';
import {keys, renderWithServices, testSession} from '../support/tui.js';

afterEach(() => cleanup());

const page = (list: readonly Ticket[]): QueueResult => ({
	tickets: list,
	hasMore: false,
	totalCount: list.length,
	cap: null,
});
const many = (count: number) =>
	Array.from({length: count}, (_, index) => aTicket({id: String(index + 1), subject: `Ticket number ${index + 1}`}));

describe('the queue', () => {
	it('renders only the rows that fit, even for 10,000 tickets, and jumps to the end', async () => {
		const screen = renderWithServices(<Workstation width={100} height={30} onQuit={() => {}} />, {
			listQueue: async () => page(many(10_000)),
		});
		const first = await screen.waitForFrame((frame) => frame.includes('› #1 '));
		expect(first).toContain('10,000 tickets');
		expect(first.split('\n')).toHaveLength(30);
		expect(first).toContain('#26 ');
		expect(first).not.toContain('#27 ');
		await screen.press('G');
		const last = await screen.waitForFrame((frame) => frame.includes('› #10000'));
		expect(last).not.toContain('#9000 ');
		expect(last.split('\n')).toHaveLength(30);
	});

	it('shows the first page of a long queue while the rest is read, then all of it', async () => {
		let finish: () => void = () => {};
		const rest = new Promise<void>((resolve) => {
			finish = resolve;
		});
		const screen = renderWithServices(<Workstation width={100} height={30} onQuit={() => {}} />, {
			listQueue: async (_query, _signal, onFirstPage) => {
				await onFirstPage?.({tickets: many(1000), hasMore: true, totalCount: 3000, cap: null});
				await rest;
				return page(many(3000));
			},
		});
		const first = await screen.waitForFrame((frame) => frame.includes('› #1 '));
		expect(first).toContain('3,000 tickets');
		expect(first).toContain('refreshing');
		await screen.press('G');
		await screen.waitForFrame((frame) => frame.includes('› #1000 '));
		finish();
		const whole = await screen.waitForFrame((frame) => !frame.includes('refreshing'));
		expect(whole).toContain('3,000 tickets');
		await screen.press('G');
		await screen.waitForFrame((frame) => frame.includes('› #3000 '));
	});

	it('fits an 80×24 terminal', async () => {
		const screen = renderWithServices(<Workstation width={80} height={24} onQuit={() => {}} />, {
			listQueue: async () => page(many(40)),
		});
		const frame = await screen.waitForFrame((text) => text.includes('› #1 '));
		const lines = frame.split('\n');
		expect(lines).toHaveLength(24);
		expect(Math.max(...lines.map((line) => [...line].length))).toBeLessThanOrEqual(80);
	});

	it('filters with / by status, tag, assignee and words, and says what is wrong with a bad filter', async () => {
		const queries: TicketQuery[] = [];
		const screen = renderWithServices(<Workstation width={160} height={20} onQuit={() => {}} />, {
			listQueue: async (query) => {
				queries.push(query);
				return page(many(3));
			},
		});
		await screen.waitForFrame((frame) => frame.includes('#3 '));
		await screen.press('/');
		await screen.type('status:opne');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('status:opne is not one of new, open'));
		await screen.press(...Array.from({length: 11}, () => keys.backspace));
		await screen.type('status:open,pending tag:vip assignee:me anna berg');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('/ status:open,pending tag:vip assignee:me anna berg'));
		await screen.waitForFrame(() => queries.length === 2);
		expect(queries[1]).toMatchObject({
			statuses: ['open', 'pending'],
			tags: ['vip'],
			assignee: 'me',
			search: 'anna berg',
			sort: 'urgency',
		});
	});

	it('cycles with v through the built-in views, then the profile’s saved ones', async () => {
		const queries: TicketQuery[] = [];
		const screen = renderWithServices(<Workstation width={100} height={20} onQuit={() => {}} />, {
			session: {...testSession, views: [{name: 'vip', filter: 'status:open tag:vip'}]},
			listQueue: async (query) => {
				queries.push(query);
				return page(many(2));
			},
		});
		await screen.waitForFrame((frame) => frame.includes('#2 '));
		await screen.press('v');
		await screen.waitForFrame((frame) => frame.includes('[my open]'));
		await screen.waitForFrame(() => queries.at(-1)?.assignee === 'me');
		expect(queries.at(-1)).toMatchObject({statuses: ['new', 'open'], assignee: 'me'});
		for (const name of ['unassigned', 'SLA breached', 'pending over 3 days', 'vip']) {
			await screen.press('v');
			await screen.waitForFrame((frame) => frame.includes(`[${name}]`));
		}
		await screen.waitForFrame(() => queries.at(-1)?.tags?.includes('vip') === true);
		expect(queries.at(-1)).toMatchObject({statuses: ['open'], tags: ['vip']});
		await screen.press('v');
		await screen.waitForFrame((frame) => !frame.includes('[vip]') && frame.includes('queue: new, open, pending'));
	});

	it('refreshes with g and keeps the cursor on the same ticket when the order changes', async () => {
		let round = 0;
		const screen = renderWithServices(<Workstation width={100} height={20} onQuit={() => {}} />, {
			listQueue: async () => {
				round += 1;
				const list = many(3);
				return page(round === 1 ? list : [...list].reverse());
			},
		});
		await screen.waitForFrame((frame) => frame.includes('#3 '));
		await screen.press('j');
		await screen.waitForFrame((frame) => frame.includes('› #2 '));
		await screen.press('G');
		await screen.waitForFrame((frame) => frame.includes('› #3 '));
		await screen.press('g');
		const frame = await screen.waitForFrame((text) => round === 2 && text.indexOf('#3 ') < text.indexOf('#1 '));
		expect(frame).toContain('› #3 ');
	});

	it('refreshes quietly in the background, keeping the list on screen', async () => {
		let calls = 0;
		const screen = renderWithServices(<Workstation width={100} height={20} onQuit={() => {}} />, {
			session: {...testSession, refreshSeconds: 0.05},
			listQueue: async () => {
				calls += 1;
				return page(many(calls === 1 ? 2 : 3));
			},
		});
		await screen.waitForFrame((frame) => frame.includes('2 tickets'));
		const frame = await screen.waitForFrame((text) => text.includes('3 tickets'));
		expect(frame).not.toContain('Loading the queue');
		expect(screen.frames.some((text) => text.includes('Loading the queue') && text.includes('2 tickets'))).toBe(false);
	});

	it('shows due follow-ups, today’s replies and the outbox in the status bar', async () => {
		const screen = renderWithServices(<Workstation width={120} height={12} onQuit={() => {}} />, {
			listQueue: async () => page(many(1)),
			statusCounts: async () => ({dueFollowUps: 2, outbox: 1, repliesToday: 5}),
		});
		const frame = await screen.waitForFrame((text) => text.includes('outbox 1'));
		expect(frame).toContain('2 follow-ups due');
		expect(frame).toContain('5 replies today');
	});
});
