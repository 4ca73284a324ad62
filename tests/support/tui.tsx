import {render} from 'ink-testing-library';
import type {ReactElement} from 'react';
import type {Customer, Message, TicketThread} from '../../src/domain/message.js';
import type {Ticket} from '../../src/domain/ticket.js';
import type {YieldTurn} from '../../src/tui/key-input.js';
import {KeyRouter} from '../../src/tui/keys.js';
import {ServicesProvider, type Session, type TuiServices} from '../../src/tui/services.js';

/** Key codes as a terminal sends them. */
export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	backspace: '\u007F',
	pageDown: '\u001B[6~',
	pageUp: '\u001B[5~',
	ctrlC: '\u0003',
	ctrlE: '\u0005',
	ctrlK: '\u000B',
	space: ' ',
} as const;

export const testNow = new Date('2026-11-20T12:00:00Z');

export const testSession: Session = {
	profileName: 'test',
	agentName: 'Test Agent',
	views: [],
	refreshSeconds: 0,
	afterSend: 'next',
	timeZone: 'UTC',
	baseQuery: {statuses: ['new', 'open', 'pending'], assignee: 'any', sort: 'urgency', limit: 10_000},
};

const missing = (name: string) => () => Promise.reject(new Error(`${name} is not provided by this test`));

/** Services that fail unless a test provides them, so a test states exactly what the screen may call. */
export function fakeServices(overrides: Partial<TuiServices> = {}): TuiServices {
	return {
		session: testSession,
		now: () => testNow,
		listQueue: missing('listQueue'),
		getThread: missing('getThread'),
		listTemplates: async () => [],
		renderTemplate: missing('renderTemplate'),
		sendMessage: missing('sendMessage'),
		sendBulk: missing('sendBulk'),
		updateTickets: missing('updateTickets'),
		addFollowUp: missing('addFollowUp'),
		listGroups: async () => [],
		listAgents: async () => [],
		hasHelpCenter: async () => false,
		searchArticles: async () => null,
		statusCounts: async () => ({dueFollowUps: 0, outbox: 0, repliesToday: 0}),
		listOutbox: async () => [],
		listDueFollowUps: async () => [],
		completeFollowUp: missing('completeFollowUp'),
		snoozeFollowUp: missing('snoozeFollowUp'),
		retryOutbox: missing('retryOutbox'),
		dropOutbox: missing('dropOutbox'),
		saveDraft: async () => {},
		loadDraft: async () => null,
		discardDraft: async () => {},
		listDrafts: async () => [],
		listSavedViews: async () => [],
		saveView: missing('saveView'),
		deleteView: missing('deleteView'),
		editText: async (initial) => initial,
		...overrides,
	};
}

/**
 * Renders a tree as the App does (services, one keyboard), with a wait on frames instead of sleeps. `yieldTurn`
 * replaces the key feed's wait for a frame (a test that hands a whole burst over before any render).
 */
export function renderWithServices(
	tree: ReactElement,
	overrides: Partial<TuiServices> = {},
	options: {readonly yieldTurn?: YieldTurn} = {},
) {
	const services = fakeServices(overrides);
	const instance = render(
		<ServicesProvider value={services}>
			<KeyRouter {...(options.yieldTurn ? {yieldTurn: options.yieldTurn} : {})}>{tree}</KeyRouter>
		</ServicesProvider>,
	);
	// Generous: the machine running the tests may be busy; a frame that never comes still fails.
	async function waitForFrame(predicate: (frame: string) => boolean, timeoutMs = 10_000): Promise<string> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const frame = instance.lastFrame() ?? '';
			if (predicate(frame)) return frame;
			if (Date.now() > deadline) throw new Error(`No matching frame within ${timeoutMs} ms. Last frame:\n${frame}`);
			await new Promise((resolve) => setImmediate(resolve));
		}
	}
	/** Writes keys one at a time, letting React handle each before the next. */
	async function press(...sequence: string[]): Promise<void> {
		for (const key of sequence) {
			instance.stdin.write(key);
			await new Promise((resolve) => setImmediate(resolve));
		}
	}
	/** Types text one character at a time, as a person would. */
	async function type(text: string): Promise<void> {
		await press(...Array.from(text));
	}
	return {...instance, services, waitForFrame, press, type};
}

export function aThread(ticket: Ticket, messages: Message[] = [], customer: Partial<Customer> = {}): TicketThread {
	return {
		ticket,
		customer: {...ticket.requester, organization: null, lastCsat: null, recentTickets: [], ...customer},
		messages,
	};
}

export function aMessage(overrides: Partial<Message> = {}): Message {
	return {
		id: 'm1',
		author: {id: 'u1', name: 'Anna Berg', email: 'anna@example.com', role: 'customer'},
		public: true,
		channel: 'email',
		createdAt: '2026-11-01T10:00:00.000Z',
		text: 'Hello, where is my order?',
		attachments: [],
		...overrides,
	};
}

/** Everything that could drive a terminal: ESC, OSC 8 and 52, CSI, C1 controls and bidi overrides. */
export const hostileText =
	'Hi \u001B]8;;https://evil.example\u0007click\u001B]8;;\u0007 \u001B]52;c;ZXZpbA==\u0007 \u001B[2J\u001B[31mred\u001B[0m \u009B31m \u202Eexe.pdf \u0085x';

/** Fails when a frame holds anything a terminal would act on (Ink adds no colour under test). */
export function expectNoControls(frame: string): void {
	const found = [...frame].filter((character) =>
		/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/.test(character),
	);
	if (found.length > 0) {
		throw new Error(
			`frame holds control characters ${found.map((c) => `U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(' ')}:\n${frame}`,
		);
	}
}
