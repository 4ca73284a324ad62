import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {Ticket} from '../../src/domain/ticket.js';
import type {DeliveryResult} from '../../src/services/delivery.js';
import type {QueueResult} from '../../src/services/queue.js';
import {formatWhen} from '../../src/tui/format.js';
import {ThreadCache} from '../../src/tui/hooks/use-ticket-thread.js';
import {tomorrowMorning} from '../../src/tui/screens/follow-ups-screen.js';
import {Workstation} from '../../src/tui/screens/workstation.js';
import type {MessagePlan, TuiServices} from '../../src/tui/services.js';
import {aTicket} from '../support/memory-help-desk.js';
import {aMessage, aThread, keys, renderWithServices, testSession} from '../support/tui.js';

afterEach(() => cleanup());

const tickets = [
	aTicket({id: '101', subject: 'Parcel never arrived'}),
	aTicket({id: '102', subject: 'Wrong size'}),
	aTicket({id: '103', subject: 'Refund please'}),
	aTicket({id: '104', subject: 'Broken lid'}),
];
const page = (list: readonly Ticket[]): QueueResult => ({
	tickets: [...list],
	hasMore: false,
	totalCount: list.length,
	cap: null,
});

/** A desk whose threads say which ticket they are, counting fetches per ticket. */
function desk(overrides: Partial<TuiServices> = {}) {
	const fetches: string[] = [];
	const sent: MessagePlan[] = [];
	const services: Partial<TuiServices> = {
		listQueue: async () => page(tickets),
		getThread: async (id) => {
			fetches.push(id);
			const ticket = tickets.find((candidate) => candidate.id === id);
			if (ticket === undefined) throw new Error(`ticket ${id} not found`);
			return aThread(ticket, [aMessage({id: `m${id}`, text: `Message of ticket ${id}`})]);
		},
		listTemplates: async () => [
			{name: 'delivery-delay', title: 'Delivery delay', description: '', internal: false, locales: ['en']},
		],
		renderTemplate: async (name) => ({
			kind: 'rendered',
			name,
			locale: 'en',
			body: 'Your parcel is delayed.\n\nWe are sorry.\n\nIt left our warehouse today.\n\nThe carrier has it.\n\nYou will get a link.\n\nKind regards\nAnna\nSupport',
			internal: false,
			changes: {},
		}),
		sendMessage: async (plan): Promise<DeliveryResult> => {
			sent.push(plan);
			return {ticketId: plan.ticketId, result: 'sent', messageId: 'm9'};
		},
		...overrides,
	};
	return {services, fetches, sent};
}

async function start(overrides: Partial<TuiServices> = {}) {
	const fake = desk(overrides);
	const screen = renderWithServices(<Workstation width={110} height={24} onQuit={() => {}} />, fake.services);
	await screen.waitForFrame((frame) => frame.includes('#104'));
	return {...fake, screen};
}

describe('look: the cursor previews the ticket', () => {
	it('shows the ticket under the cursor on the right while the keys keep moving the queue', async () => {
		const {screen} = await start();
		await screen.waitForFrame((frame) => frame.includes('Message of ticket 101'));
		screen.stdin.write(keys.down.repeat(2));
		const previewed = await screen.waitForFrame((frame) => frame.includes('Message of ticket 103'));
		expect(previewed).toMatch(/› #103/);
		await screen.press('j');
		await screen.waitForFrame((frame) => /› #104/.test(frame) && frame.includes('Message of ticket 104'));
	});

	it('shows a ticket seen before at once, without fetching it again', async () => {
		const {screen, fetches} = await start();
		await screen.waitForFrame((frame) => frame.includes('Message of ticket 101'));
		await screen.press('j');
		await screen.waitForFrame((frame) => frame.includes('Message of ticket 102'));
		await screen.press('k');
		await screen.waitForFrame((frame) => /› #101/.test(frame));
		expect(screen.lastFrame()).toContain('Message of ticket 101');
		expect(fetches.filter((id) => id === '101')).toHaveLength(1);
	});

	it('fetches the next ticket while the cursor rests, so the step down shows it in the same frame', async () => {
		const {screen, fetches} = await start();
		await screen.waitForFrame((frame) => frame.includes('Message of ticket 101'));
		await screen.waitForFrame(() => fetches.includes('102'));
		screen.stdin.write('j');
		const moved = await screen.waitForFrame((frame) => /› #102/.test(frame));
		expect(moved).toContain('Message of ticket 102');
		expect(fetches.filter((id) => id === '102')).toHaveLength(1);
	});

	it('fetches a ticket again once the queue shows it changed', () => {
		const cache = new ThreadCache();
		const thread = aThread(tickets[0] as Ticket);
		cache.set({id: '101', version: 'v1'}, thread);
		expect(cache.get({id: '101', version: 'v1'})).toBe(thread);
		expect(cache.get({id: '101', version: 'v2'})).toBeUndefined();
		expect(cache.get({id: '101', version: null})).toBe(thread);
		cache.drop('101');
		expect(cache.get({id: '101', version: null})).toBeUndefined();
	});
});

describe('read, answer, next', () => {
	it('enter gives the thread the focus; a reply leaves the cursor on the next ticket in queue order', async () => {
		const {screen, sent} = await start();
		await screen.press('j', keys.enter);
		await screen.waitForFrame(
			(frame) => frame.includes('Message of ticket 102') && frame.includes('more line') === false,
		);
		await screen.press('r');
		await screen.waitForFrame((frame) => frame.includes('pick a template'));
		await screen.type('delivery');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Your parcel is delayed.'));
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Send this reply?'));
		await screen.press('y');
		const after = await screen.waitForFrame(
			(frame) => frame.includes('Reply sent to #102.') && frame.includes('Message of ticket 103'),
		);
		expect(after).toMatch(/› #103/);
		expect(sent.map((plan) => plan.ticketId)).toEqual(['102']);
		// The focus is back on the queue: j moves the cursor.
		await screen.press('j');
		await screen.waitForFrame((frame) => /› #104/.test(frame));
	});

	it('says why a key of the other pane does nothing here', async () => {
		const {screen} = await start();
		await screen.press('o');
		await screen.waitForFrame((frame) => frame.includes('o (open (or close) a folded message) works in the thread'));
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Ticket #101 ●'));
		await screen.press(' ');
		await screen.waitForFrame((frame) =>
			frame.includes('space (select: r n e f s a t m then work on all selected) works in the queue'),
		);
	});

	it('stays on the ticket when the agent configured it so', async () => {
		const {screen} = await start({session: {...testSession, afterSend: 'stay'}});
		await screen.press('j', 'r');
		await screen.waitForFrame((frame) => frame.includes('pick a template'));
		await screen.type('delivery');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Your parcel is delayed.'));
		await screen.press(keys.enter, 'y');
		const after = await screen.waitForFrame((frame) => frame.includes('Reply sent to #102.'));
		expect(after).toMatch(/› #102/);
	});

	it('opens a ticket by number with : (or #), also one that is not in the queue', async () => {
		const {screen} = await start();
		await screen.press(':');
		await screen.waitForFrame((frame) => frame.includes('open ticket #'));
		await screen.type('103');
		await screen.press(keys.enter);
		const opened = await screen.waitForFrame((frame) => frame.includes('Message of ticket 103'));
		expect(opened).toMatch(/› #103/);
		await screen.press('#');
		await screen.type('999');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Could not load the ticket: ticket 999 not found'));
		await screen.press(':');
		await screen.type('no way');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Type a ticket number, e.g. 123.'));
	});
});

describe('compose beside the conversation', () => {
	const outage = aTicket({id: '101', subject: 'App will not log in', tags: ['outage', 'app_login']});
	const messages = Array.from({length: 6}, (_, index) =>
		aMessage({id: `m${index}`, text: `Customer message number ${index + 1}.`}),
	);
	for (const [width, height] of [
		[100, 30],
		[140, 30],
		[80, 24],
	] as const) {
		it(`keeps the tags and the last message in view while composing at ${width}×${height}`, async () => {
			const screen = renderWithServices(<Workstation width={width} height={height} onQuit={() => {}} />, {
				...desk().services,
				listQueue: async () => page([outage]),
				getThread: async () => aThread(outage, messages),
			});
			await screen.waitForFrame((frame) => frame.includes('Customer message number 1.'));
			await screen.press('r');
			await screen.waitForFrame((frame) => frame.includes('pick a template'));
			await screen.type('delivery');
			await screen.press(keys.enter);
			const frame = await screen.waitForFrame((text) => text.includes('Your parcel is delayed.'));
			expect(frame).toContain('tags: outage app_login');
			expect(frame).toContain('Customer message number 6.');
			expect(frame).toContain('status on send');
			// Stacked above the composer, the start of the conversation gives way to its end.
			if (width < 120) expect(frame).toContain('earlier lines');
			if (height === 24) expect(frame).toMatch(/↓ \d+ more lines? \(j\/k, PgDn\)/);
			expect(frame.split('\n')).toHaveLength(height);
		});
	}
});

describe('a queue that shows enough', () => {
	const wide = [
		aTicket({
			id: '101',
			subject: 'Parcel never arrived',
			priority: 'urgent',
			requester: {id: 'u1', name: 'Sven Ek', email: null, locale: 'sv'},
			assignee: {id: 'a1', name: 'Bea Lund', email: null},
			updatedAt: '2026-11-20T09:00:00.000Z',
		}),
		aTicket({id: '102', subject: 'Wrong size'}),
	];
	it('adds priority, channel, requester, assignee and age as the width allows, and marks a draft', async () => {
		const services = {
			...desk().services,
			listQueue: async () => page(wide),
			listDrafts: async () => [{ticketId: '102', isPublic: true, body: 'Hej', template: null, updatedAt: ''}],
		};
		const screen = renderWithServices(<Workstation width={200} height={20} onQuit={() => {}} />, services);
		const frame = await screen.waitForFrame((text) => text.includes('✎'));
		const row = frame.split('\n').find((line) => /#101\s+open/.test(line)) ?? '';
		expect(row).toMatch(/urg\s+email\s+Sven Ek\s+Bea Lund\s+3h/);
		expect(frame.split('\n').find((line) => /#102\s+open/.test(line))).toContain('✎');
		cleanup();
		const narrow = renderWithServices(<Workstation width={80} height={20} onQuit={() => {}} />, services);
		const small = await narrow.waitForFrame((text) => text.includes('#101'));
		expect(small).not.toContain('Sven Ek  ');
		expect(small.split('\n').every((line) => [...line].length <= 80)).toBe(true);
	});
});

describe('views that need the loaded list', () => {
	it('SLA breached and pending over 3 days narrow the queue on screen', async () => {
		const list = [
			aTicket({id: '201', subject: 'Late one', slaDueAt: '2026-11-20T10:00:00Z', updatedAt: '2026-11-20T11:00:00Z'}),
			aTicket({id: '202', subject: 'In time', slaDueAt: '2026-11-21T10:00:00Z', updatedAt: '2026-11-20T11:00:00Z'}),
			aTicket({id: '203', subject: 'Waiting long', status: 'pending', updatedAt: '2026-11-10T11:00:00Z'}),
		];
		const screen = renderWithServices(<Workstation width={100} height={20} onQuit={() => {}} />, {
			...desk().services,
			listQueue: async () => page(list),
		});
		await screen.waitForFrame((frame) => frame.includes('#203'));
		await screen.press('/');
		await screen.type('sla:breached');
		await screen.press(keys.enter);
		const breached = await screen.waitForFrame((frame) => !frame.includes('#202') && frame.includes('1 ticket'));
		expect(breached).toContain('#201');
		expect(breached).not.toContain('#203');
		await screen.press('/');
		await screen.press(...Array.from({length: 12}, () => keys.backspace));
		await screen.type('idle:3d');
		await screen.press(keys.enter);
		const idle = await screen.waitForFrame((frame) => frame.includes('#203') && !frame.includes('#201'));
		expect(idle).toContain('1 ticket');
		await screen.press('/');
		await screen.press(...Array.from({length: 7}, () => keys.backspace));
		await screen.type('idle:soon');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('idle:soon should be a num'));
	});
});

describe('live', () => {
	it('marks a ticket that changed since the agent looked, and names the change of the one on screen', async () => {
		let changed = false;
		const first = aTicket({id: '101', subject: 'Parcel never arrived', updatedAt: '2026-11-20T10:00:00.000Z'});
		const second = aTicket({id: '102', subject: 'Wrong size', updatedAt: '2026-11-20T10:00:00.000Z'});
		const later = '2026-11-20T11:30:00.000Z';
		const screen = renderWithServices(<Workstation width={100} height={20} onQuit={() => {}} />, {
			listQueue: async () =>
				page(
					changed
						? [
								{...first, updatedAt: later, status: 'pending'},
								{...second, updatedAt: later},
							]
						: [first, second],
				),
			getThread: async (id) => {
				const base = id === '101' ? first : second;
				if (!changed) return aThread(base, [aMessage({id: 'm1', text: `Hello from ${id}`})]);
				return aThread({...base, updatedAt: later, status: id === '101' ? 'pending' : base.status}, [
					aMessage({id: 'm1', text: `Hello from ${id}`}),
					aMessage({
						id: 'm2',
						public: false,
						author: {id: 'a2', name: 'Bea Lund', email: null, role: 'agent'},
						text: 'Checked with the carrier.',
					}),
				]);
			},
		});
		await screen.waitForFrame((frame) => frame.includes('Hello from 101'));
		expect(screen.lastFrame()).toMatch(/as of \d\d:\d\d/);
		await screen.press('j');
		await screen.waitForFrame((frame) => frame.includes('Hello from 102'));
		await screen.press('k');
		await screen.waitForFrame((frame) => /› #101/.test(frame) && frame.includes('Hello from 101'));
		// Someone else works on both tickets; the queue refreshes (g here, on a timer in use).
		changed = true;
		await screen.press('g');
		const banner = await screen.waitForFrame((frame) =>
			frame.includes('#101 changed: open → pending, a new note by Bea Lund.'),
		);
		// 102 changed too, while the agent was not looking at it.
		expect(banner.split('\n').find((line) => /#102\s/.test(line))).toContain('•');
	});
});

describe('the outbox pane', () => {
	it('shows what is kept and why, sends it again with R and drops with D twice', async () => {
		let kept = [
			{
				id: 'o1',
				ticketId: '101',
				action: 'reply',
				body: 'Your parcel is on its way.',
				attempts: 1,
				why: 'network down',
				createdAt: '',
			},
			{
				id: 'o2',
				ticketId: '102',
				action: 'note',
				body: 'Called the carrier.',
				attempts: 2,
				why: 'HTTP 503',
				createdAt: '',
			},
		];
		const retried: string[] = [];
		const {screen} = await start({
			listOutbox: async () => kept,
			retryOutbox: async (id) => {
				retried.push(id);
				kept = kept.filter((item) => item.id !== id);
				return {ticketId: '101', result: 'sent', messageId: 'm1'};
			},
			dropOutbox: async (id) => {
				kept = kept.filter((item) => item.id !== id);
				return true;
			},
		});
		// The kept reply shows at the end of its ticket's thread.
		await screen.waitForFrame((frame) => frame.includes('⧗ QUEUED reply, not delivered yet: network down (O: outbox)'));
		await screen.press('O');
		const pane = await screen.waitForFrame((frame) => frame.includes('Outbox: messages the desk could not take yet'));
		expect(pane).toContain('#101 reply · 1 try · network down');
		expect(pane).toContain('Your parcel is on its way.');
		await screen.press('R');
		await screen.waitForFrame((frame) => frame.includes('Delivered to #101; it left the outbox.'));
		expect(retried).toEqual(['o1']);
		await screen.waitForFrame(
			(frame) => frame.includes('#102 note · 2 tries · HTTP 503') && !frame.includes('#101 reply'),
		);
		await screen.press('D');
		await screen.waitForFrame((frame) => frame.includes('D again drops the note to #102 unsent.'));
		expect(kept).toHaveLength(1);
		await screen.press('D');
		await screen.waitForFrame((frame) => frame.includes('The outbox is empty'));
		await screen.press(keys.escape);
		await screen.waitForFrame((frame) => frame.includes('Queue · 4'));
	});
});

describe('the follow-ups pane', () => {
	it('lists what is due, marks one done, snoozes one to tomorrow 09:00 and opens a ticket', async () => {
		let due = [
			{
				id: 'f1',
				ticketId: '103',
				customerEmail: null,
				dueAt: '2026-11-20T08:00:00.000Z',
				note: 'check refund',
				createdAt: '',
				doneAt: null,
				profile: null,
				agent: null,
				assignee: null,
			},
			{
				id: 'f2',
				ticketId: '104',
				customerEmail: null,
				dueAt: '2026-11-20T15:00:00.000Z',
				note: 'call back',
				createdAt: '',
				doneAt: null,
				profile: null,
				agent: null,
				assignee: null,
			},
			{
				id: 'f3',
				ticketId: '102',
				customerEmail: null,
				dueAt: '2026-11-20T16:00:00.000Z',
				note: 'size swap',
				createdAt: '',
				doneAt: null,
				profile: null,
				agent: null,
				assignee: null,
			},
		];
		const snoozed: {id: string; dueAt: string}[] = [];
		const {screen} = await start({
			listDueFollowUps: async () => due,
			completeFollowUp: async (id) => {
				due = due.filter((item) => item.id !== id);
			},
			snoozeFollowUp: async (id, dueAt) => {
				snoozed.push({id, dueAt});
				due = due.filter((item) => item.id !== id);
			},
		});
		await screen.press('F');
		const pane = await screen.waitForFrame((frame) => frame.includes('check refund'));
		expect(pane).toContain('Follow-ups due today and overdue');
		await screen.press('d');
		await screen.waitForFrame((frame) => frame.includes('Done.') && !frame.includes('check refund'));
		await screen.press('z');
		await screen.waitForFrame((frame) => frame.includes('Snoozed to') && !frame.includes('call back'));
		// The test session's zone is UTC: tomorrow 09:00 there.
		expect(snoozed).toEqual([{id: 'f2', dueAt: '2026-11-21T09:00:00.000Z'}]);
		await screen.press(keys.enter);
		const opened = await screen.waitForFrame(
			(frame) => frame.includes('Message of ticket 102') && /› #102/.test(frame),
		);
		expect(opened).not.toContain('Follow-ups due');
	});
});

describe('times in the agent’s time zone', () => {
	it('shows message times and snoozes in the configured zone', async () => {
		expect(formatWhen('2026-11-20T08:05:00.000Z')).toBe('2026-11-20 08:05 UTC');
		expect(formatWhen('2026-11-20T08:05:00.000Z', 'Europe/Copenhagen')).toBe('2026-11-20 09:05 CET');
		expect(tomorrowMorning(new Date('2026-11-20T23:30:00Z'), 'Europe/Copenhagen').toISOString()).toBe(
			'2026-11-22T08:00:00.000Z',
		);
		const screen = renderWithServices(<Workstation width={120} height={20} onQuit={() => {}} />, {
			...desk().services,
			session: {...testSession, timeZone: 'Europe/Copenhagen'},
		});
		const frame = await screen.waitForFrame((text) => text.includes('Message of ticket 101'));
		expect(frame).toContain('2026-11-01 11:00 CET');
	});
});
