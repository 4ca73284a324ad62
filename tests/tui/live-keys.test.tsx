import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {Ticket} from '../../src/domain/ticket.js';
import type {CustomerOverview} from '../../src/services/customer.js';
import type {QueueResult} from '../../src/services/queue.js';
import {KeyRouter} from '../../src/tui/keys.js';
import {ActionScreen} from '../../src/tui/screens/action-screen.js';
import {ComposeScreen} from '../../src/tui/screens/compose-screen.js';
import {CustomerScreen} from '../../src/tui/screens/customer-screen.js';
import {FollowUpsScreen} from '../../src/tui/screens/follow-ups-screen.js';
import {OutboxScreen} from '../../src/tui/screens/outbox-screen.js';
import {TemplatePickScreen} from '../../src/tui/screens/template-pick-screen.js';
import {Workstation} from '../../src/tui/screens/workstation.js';
import type {OutboxEntry, TuiServices} from '../../src/tui/services.js';
import {aTicket} from '../support/memory-help-desk.js';
import {aMessage, aThread, renderWithServices} from '../support/tui.js';
import {aFollowUp} from '../unit/records/fixtures.js';

afterEach(() => cleanup());

// Keys are handed over one per frame, but a render can be slow (a loaded machine, React yielding mid-render): the next
// key then runs before the frame of the last. Here every key of a burst runs before any render at all, the worst case;
// a text step must still hold every character typed (a lost space made "it shipstoday" under load).

const noWait = (next: () => void) => next();

async function frameWith(lastFrame: () => string | undefined, text: string): Promise<string> {
	for (let turn = 0; turn < 200; turn++) {
		const frame = lastFrame() ?? '';
		if (frame.includes(text)) return frame;
		await new Promise((resolve) => setImmediate(resolve));
	}
	return lastFrame() ?? '';
}

describe('typing while the screen has not caught up', () => {
	it('keeps every character and every step when a burst of keys lands before any render', async () => {
		const done: (string | null)[] = [];
		const {stdin, lastFrame} = render(
			<KeyRouter yieldTurn={noWait}>
				<ActionScreen
					steps={[
						{kind: 'text', title: 'Subject', placeholder: 'Your order', validate: () => null},
						{kind: 'text', title: 'Message', placeholder: 'Hi', validate: () => null},
					]}
					summary={([subject = '', body = '']) => ({title: 'Check', lines: [`S: ${subject}`, `B: ${body}`]})}
					run={async () => ({text: 'done', tone: 'ok'})}
					onDone={(flash) => done.push(flash?.text ?? null)}
					width={60}
					height={10}
				/>
			</KeyRouter>,
		);
		stdin.write('Your replacement\rHi Nell, it ships today.\r');
		const frame = await frameWith(lastFrame, 'B: ');
		expect(frame).toContain('S: Your replacement');
		expect(frame).toContain('B: Hi Nell, it ships today.');
	});
});

// The same worst case for the other screens: every key of a burst runs before any render, so a handler that read its
// state from the last frame would act on a stale cursor, text or selection.
describe('bursts on the workstation and its panes', () => {
	const tickets = [
		aTicket({id: '101', subject: 'Parcel never arrived'}),
		aTicket({id: '102', subject: 'Wrong size'}),
		aTicket({id: '103', subject: 'Refund please'}),
		aTicket({id: '104', subject: 'Broken lid'}),
	];
	const queueServices: Partial<TuiServices> = {
		listQueue: async (): Promise<QueueResult> => ({tickets, hasMore: false, totalCount: 4, cap: null}),
		getThread: async (id) =>
			aThread(tickets.find((ticket) => ticket.id === id) as Ticket, [aMessage({text: `Message of ticket ${id}`})]),
	};
	const queueScreen = () =>
		renderWithServices(<Workstation width={100} height={24} onQuit={() => {}} />, queueServices, {
			yieldTurn: noWait,
		});

	it('moves and selects from where the last key left the cursor (space space selects two tickets)', async () => {
		const screen = queueScreen();
		await screen.waitForFrame((frame) => frame.includes('Broken lid'));
		screen.stdin.write('j  ');
		const frame = await screen.waitForFrame((frame) => frame.includes('selected'));
		expect(frame).toContain('Queue · 4 · 2 selected');
		// The cursor went on past the two selected tickets, to the last one, and its preview shows.
		await screen.waitForFrame((frame) => frame.includes('Message of ticket 104'));
	});

	it('opens a ticket typed after : in one burst', async () => {
		const screen = queueScreen();
		await screen.waitForFrame((frame) => frame.includes('Broken lid'));
		screen.stdin.write(':103\r');
		await screen.waitForFrame((frame) => frame.includes('Message of ticket 103') && !frame.includes(':103'));
	});

	it('opens the customer’s third ticket with down down enter', async () => {
		const opened: string[] = [];
		const screen = renderWithServices(
			<CustomerScreen
				ticket={tickets[0] as Ticket}
				onClose={() => {}}
				onOpen={(id) => opened.push(id)}
				width={80}
				height={20}
			/>,
			{
				lookUpCustomer: async (): Promise<CustomerOverview> => ({
					customer: {
						id: 'u1',
						name: 'Anna Berg',
						email: 'anna@example.com',
						phone: null,
						locale: null,
						organization: null,
						timeZone: null,
					},
					tickets,
					hasMore: false,
					totalCount: 4,
					records: [],
					followUps: [],
					ratings: {csat: [], nps: [], ces: []},
					drafts: [],
					outbox: [],
					notVisible: [],
				}),
			},
			{yieldTurn: noWait},
		);
		await screen.waitForFrame((frame) => frame.includes('Broken lid'));
		screen.stdin.write('jj\r');
		await screen.waitForFrame(() => opened.length > 0);
		expect(opened).toEqual(['103']);
	});

	it('drops the second outbox item with down D D', async () => {
		const dropped: string[] = [];
		const item = (id: string, ticketId: string): OutboxEntry => ({
			id,
			ticketId,
			action: 'reply',
			attempts: 1,
			why: 'the desk did not answer',
			body: `Reply to ${ticketId}`,
			createdAt: '2026-11-20T10:00:00.000Z',
		});
		const screen = renderWithServices(
			<OutboxScreen onClose={() => {}} width={80} height={20} />,
			{
				listOutbox: async () => [item('o1', '101'), item('o2', '102')],
				dropOutbox: async (id) => {
					dropped.push(id);
					return true;
				},
			},
			{yieldTurn: noWait},
		);
		await screen.waitForFrame((frame) => frame.includes('#102'));
		screen.stdin.write('jDD');
		await screen.waitForFrame(() => dropped.length > 0);
		expect(dropped).toEqual(['o2']);
	});

	it('marks the second follow-up done with down d', async () => {
		const completed: string[] = [];
		const screen = renderWithServices(
			<FollowUpsScreen onClose={() => {}} onOpen={() => {}} width={90} height={12} />,
			{
				listDueFollowUps: async () => [
					aFollowUp({id: 'f1', ticketId: '101', note: 'call Anna back'}),
					aFollowUp({id: 'f2', ticketId: '102', note: 'check the refund'}),
				],
				completeFollowUp: async (id) => {
					completed.push(id);
				},
			},
			{yieldTurn: noWait},
		);
		await screen.waitForFrame((frame) => frame.includes('check the refund'));
		screen.stdin.write('jd');
		await screen.waitForFrame(() => completed.length > 0);
		expect(completed).toEqual(['f2']);
	});

	it('picks the template typed to, when enter comes in the same burst as the search', async () => {
		const picked: (string | null)[] = [];
		const screen = renderWithServices(
			<TemplatePickScreen
				title="Reply"
				forNote={false}
				onPick={(name) => picked.push(name)}
				onCancel={() => {}}
				width={80}
				height={20}
			/>,
			{
				listTemplates: async () => [
					{name: 'delivery-delay', title: 'Delivery delay', description: '', internal: false, locales: ['en']},
					{name: 'refund-confirmation', title: 'Refund confirmed', description: '', internal: false, locales: ['en']},
				],
			},
			{yieldTurn: noWait},
		);
		await screen.waitForFrame((frame) => frame.includes('refund-confirmation'));
		screen.stdin.write('refund\r');
		await screen.waitForFrame(() => picked.length > 0);
		expect(picked).toEqual(['refund-confirmation']);
	});

	it('keeps every character typed into the composer’s editor in one burst', async () => {
		const drafts: string[] = [];
		const ticket = tickets[2] as Ticket;
		const screen = renderWithServices(
			<ComposeScreen ticket={ticket} isPublic openedAtMs={0} onDone={() => {}} width={100} height={24} />,
			{
				loadDraft: async () => ({ticketId: ticket.id, isPublic: true, body: 'Hi,', template: null, updatedAt: ''}),
				saveDraft: async (draft) => {
					drafts.push(draft.body);
				},
			},
			{yieldTurn: noWait},
		);
		await screen.waitForFrame((frame) => frame.includes('Hi,'));
		// i: edit inline. Then the end of the text, a line, and esc to finish.
		screen.stdin.write('i\u001B[F\r it ships today.\u001B');
		await screen.waitForFrame(() => drafts.length > 0);
		expect(drafts.at(-1)).toBe('Hi,\n it ships today.');
	});
});
