import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {Message} from '../../src/domain/message.js';
import type {Ticket} from '../../src/domain/ticket.js';
import type {DeliveryResult} from '../../src/services/delivery.js';
import {Workstation} from '../../src/tui/screens/workstation.js';
import type {Draft, MessagePlan, TuiServices} from '../../src/tui/services.js';
import {aTicket} from '../support/memory-help-desk.js';
import {aMessage, aThread, keys, renderWithServices, testNow} from '../support/tui.js';

afterEach(() => cleanup());

/** A tiny desk behind fake services: a reply updates the ticket, a customer can write in between. */
function deskServices(overrides: Partial<TuiServices> = {}) {
	let clock = testNow.getTime();
	let ticket: Ticket = aTicket({
		id: '103',
		subject: 'Var är mitt paket?',
		updatedAt: '2026-11-20T10:00:00.000Z',
		requester: {id: 'u3', name: 'Sven Ek', email: 'sven@example.se', locale: 'sv-SE'},
	});
	const messages: Message[] = [aMessage({id: 'm1', text: 'Hej, var är paketet?'})];
	const sent: MessagePlan[] = [];
	let drafts: Draft[] = [];
	let threadLoads = 0;
	const services: Partial<TuiServices> = {
		now: () => new Date(clock),
		listQueue: async () => ({
			tickets: [aTicket({id: '101'}), aTicket({id: '102'}), ticket],
			hasMore: false,
			totalCount: 3,
			cap: null,
		}),
		getThread: async () => {
			threadLoads += 1;
			return aThread(ticket, [...messages]);
		},
		listTemplates: async () => [
			{name: 'delivery-delay', title: 'Delivery delay', description: '', internal: false, locales: ['en', 'sv']},
		],
		renderTemplate: async (name, current) => ({
			kind: 'rendered',
			name,
			locale: current.requester.locale?.startsWith('sv') ? 'sv' : 'en',
			body: `Hej ${current.requester.name}! Din order är försenad.`,
			internal: false,
			changes: {status: 'pending'},
		}),
		sendMessage: async (plan): Promise<DeliveryResult> => {
			sent.push(plan);
			if (plan.expectedUpdatedAt !== ticket.updatedAt) {
				return {
					ticketId: plan.ticketId,
					result: 'failed',
					reason: 'ticket 103 changed since it was read: 1 new message from the customer',
				};
			}
			ticket = {...ticket, status: 'pending', updatedAt: new Date(clock).toISOString()};
			messages.push(
				aMessage({
					id: `m${messages.length + 1}`,
					text: plan.body,
					author: {id: 'a1', name: 'Test Agent', email: null, role: 'agent'},
				}),
			);
			return {ticketId: plan.ticketId, result: 'sent', messageId: 'm9'};
		},
		saveDraft: async (draft) => {
			drafts = [
				...drafts.filter((item) => item.ticketId !== draft.ticketId),
				{...draft, updatedAt: new Date(clock).toISOString()},
			];
		},
		loadDraft: async (id) => drafts.find((draft) => draft.ticketId === id) ?? null,
		discardDraft: async (id) => {
			drafts = drafts.filter((draft) => draft.ticketId !== id);
		},
		listDrafts: async () => drafts,
		...overrides,
	};
	return {
		services,
		sent,
		advance: (seconds: number) => {
			clock += seconds * 1000;
		},
		customerWrites: (text: string) => {
			ticket = {...ticket, updatedAt: new Date(clock).toISOString()};
			messages.push(aMessage({id: `m${messages.length + 1}`, text, createdAt: ticket.updatedAt}));
		},
		threadLoads: () => threadLoads,
		drafts: () => drafts,
	};
}

async function replyWithTemplate(screen: ReturnType<typeof renderWithServices>) {
	await screen.press('r');
	await screen.waitForFrame((frame) => frame.includes('pick a template'));
	await screen.type('delay');
	await screen.press(keys.enter);
	await screen.waitForFrame((frame) => frame.includes('Din order är försenad.'));
	await screen.press(keys.enter);
	await screen.waitForFrame((frame) => frame.includes('Send this reply?'));
	await screen.press('y');
}

describe('replying from the workstation', () => {
	it('opens the third ticket, replies with a template in Swedish and shows the reply in the thread', async () => {
		const desk = deskServices();
		const screen = renderWithServices(<Workstation width={100} height={30} onQuit={() => {}} />, desk.services);
		await screen.waitForFrame((frame) => frame.includes('#103'));
		await screen.press('j', 'j', keys.enter);
		// The thread has the focus (the preview looks the same here: this desk has one thread).
		await screen.waitForFrame((frame) => frame.includes('Hej, var är paketet?') && frame.includes('Ticket #103 ●'));
		desk.advance(75);
		await replyWithTemplate(screen);
		const frame = await screen.waitForFrame(
			(text) => text.includes('Reply sent to #103.') && text.includes('REPLY Test Agent'),
		);
		expect(frame).toContain('Din order är försenad.');
		expect(desk.sent).toHaveLength(1);
		expect(desk.sent[0]).toMatchObject({
			ticketId: '103',
			durationSec: 75,
			expectedUpdatedAt: '2026-11-20T10:00:00.000Z',
		});
	});

	it('stops when the customer wrote in the meantime, shows the new message, and sends after a re-read', async () => {
		const desk = deskServices();
		const screen = renderWithServices(<Workstation width={100} height={30} onQuit={() => {}} />, desk.services);
		await screen.waitForFrame((frame) => frame.includes('#103'));
		await screen.press('G', keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Hej, var är paketet?') && frame.includes('Ticket #103 ●'));
		desk.advance(30);
		desk.customerWrites('Hallå? Jag väntar fortfarande!');
		await replyWithTemplate(screen);
		const warned = await screen.waitForFrame((frame) => frame.includes('Hallå? Jag väntar fortfarande!'));
		expect(warned).toContain('Not sent: the ticket changed since you opened it: 1 new message from the customer.');
		expect(desk.drafts()).toHaveLength(1);
		await screen.press('r');
		await screen.waitForFrame((frame) => frame.includes('Your draft reply is back'));
		await screen.press(keys.enter, 'y');
		await screen.waitForFrame((frame) => frame.includes('Reply sent to #103.'));
		expect(desk.sent.map((plan) => plan.expectedUpdatedAt)).toEqual([
			'2026-11-20T10:00:00.000Z',
			'2026-11-20T12:00:30.000Z',
		]);
		expect(desk.drafts()).toEqual([]);
	});

	it('a failed send that went to the outbox says so and drops the draft', async () => {
		const desk = deskServices({
			sendMessage: async (plan) => ({
				ticketId: plan.ticketId,
				result: 'queued',
				reason: 'network down; kept in the outbox (csr outbox retry)',
			}),
			statusCounts: async () => ({dueFollowUps: 0, outbox: 1, repliesToday: 0}),
		});
		const screen = renderWithServices(<Workstation width={140} height={30} onQuit={() => {}} />, desk.services);
		await screen.waitForFrame((frame) => frame.includes('#103'));
		await screen.press('G');
		await replyWithTemplate(screen);
		const frame = await screen.waitForFrame((text) => text.includes('Not delivered now: network down'));
		expect(frame).toContain('outbox 1');
	});
});

describe('leaving', () => {
	it('quits on q when nothing is unsent', async () => {
		let quit = 0;
		const desk = deskServices();
		const screen = renderWithServices(
			<Workstation width={100} height={20} onQuit={() => (quit += 1)} />,
			desk.services,
		);
		await screen.waitForFrame((frame) => frame.includes('#103'));
		await screen.press('q');
		await screen.waitForFrame(() => quit === 1);
	});

	it('asks before quitting with an unsent draft', async () => {
		let quit = 0;
		const desk = deskServices({
			listDrafts: async () => [{ticketId: '103', isPublic: true, body: 'Hej', template: null, updatedAt: ''}],
		});
		const screen = renderWithServices(
			<Workstation width={100} height={20} onQuit={() => (quit += 1)} />,
			desk.services,
		);
		await screen.waitForFrame((frame) => frame.includes('#103'));
		await screen.press(keys.ctrlC);
		const asked = await screen.waitForFrame((frame) => frame.includes('Quit with 1 unsent draft?'));
		expect(asked).toContain('Drafts for #103 were not sent.');
		await screen.press('n');
		await screen.waitForFrame((frame) => !frame.includes('Quit with'));
		expect(quit).toBe(0);
		await screen.press('q');
		await screen.waitForFrame((frame) => frame.includes('Quit with 1 unsent draft?'));
		await screen.press('y');
		await screen.waitForFrame(() => quit === 1);
	});

	it('shows every key on ? and closes on any other key', async () => {
		const desk = deskServices();
		const screen = renderWithServices(<Workstation width={100} height={30} onQuit={() => {}} />, desk.services);
		await screen.waitForFrame((frame) => frame.includes('#103'));
		await screen.press('?');
		const help = await screen.waitForFrame((frame) => frame.includes('any other key closes this help'));
		expect(help).toContain('reply: template, preview, send');
		expect(help).toContain('ctrl+e');
		await screen.press('x');
		await screen.waitForFrame((frame) => !frame.includes('closes this help') && frame.includes('#103'));
	});
});
