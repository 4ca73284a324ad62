import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {Ticket} from '../../src/domain/ticket.js';
import {type ComposeOutcome, ComposeScreen} from '../../src/tui/screens/compose-screen.js';
import type {Draft, MessagePlan, TemplateRender, TemplateSummary, TuiServices} from '../../src/tui/services.js';
import {aTicket} from '../support/memory-help-desk.js';
import {expectNoControls, hostileText, keys, renderWithServices, testNow} from '../support/tui.js';

afterEach(() => cleanup());

const swede = aTicket({
	id: '103',
	subject: 'Var är mitt paket?',
	updatedAt: '2026-11-20T11:00:00.000Z',
	requester: {id: 'u3', name: 'Sven Ek', email: 'sven@example.se', locale: 'sv-SE'},
});

const templates: TemplateSummary[] = [
	{name: 'refund-confirmation', title: 'Refund confirmed', description: '', internal: false, locales: ['en', 'sv']},
	{name: 'delivery-delay', title: 'Delivery delay', description: '', internal: false, locales: ['da', 'en', 'sv']},
	{name: 'handover-note', title: 'Handover', description: '', internal: true, locales: ['en']},
];

/** A fake renderer: Swedish for a Swedish requester; order_id is required by refund-confirmation. */
function fakeRender(
	calls: {name: string; locale: string | null; vars: Record<string, string>}[] = [],
): TuiServices['renderTemplate'] {
	return async (name, ticket, {locale, vars}) => {
		calls.push({name, locale, vars: {...vars}});
		const language = locale ?? (ticket.requester.locale?.startsWith('sv') ? 'sv' : 'en');
		const greeting = language === 'sv' ? `Hej ${ticket.requester.name}!` : `Hi ${ticket.requester.name},`;
		if (name === 'refund-confirmation' && !vars['order_id']) {
			return {
				kind: 'missing',
				name,
				locale: language,
				missing: ['order_id'],
				preview: `${greeting}\nRefund for «order_id» is done.`,
			} satisfies TemplateRender;
		}
		const order = vars['order_id'] ? ` ${vars['order_id']}` : '';
		return {
			kind: 'rendered',
			name,
			locale: language,
			body: `${greeting}\n${language === 'sv' ? `Din order${order} är försenad.` : `Your order${order} is late.`}`,
			internal: name === 'handover-note',
			changes: {status: 'pending'},
		};
	};
}

function setup(overrides: Partial<TuiServices> = {}, ticket: Ticket = swede, isPublic = true) {
	const outcomes: ComposeOutcome[] = [];
	const sent: MessagePlan[] = [];
	const drafts: Omit<Draft, 'updatedAt'>[] = [];
	const screen = renderWithServices(
		<ComposeScreen
			ticket={ticket}
			isPublic={isPublic}
			openedAtMs={testNow.getTime() - 95_000}
			onDone={(outcome) => outcomes.push(outcome)}
			width={100}
			height={24}
		/>,
		{
			listTemplates: async () => templates,
			renderTemplate: fakeRender(),
			sendMessage: async (plan) => {
				sent.push(plan);
				return {ticketId: plan.ticketId, result: 'sent', messageId: 'm9'};
			},
			saveDraft: async (draft) => {
				drafts.push(draft);
			},
			...overrides,
		},
	);
	return {screen, outcomes, sent, drafts};
}

describe('ComposeScreen', () => {
	it('searches the help center and inserts an article link at the end of the reply', async () => {
		const queries: {query: string; locale: string | null}[] = [];
		const {screen, sent} = setup({
			hasHelpCenter: async () => true,
			searchArticles: async (query, locale) => {
				queries.push({query, locale});
				return [
					{
						id: '1',
						title: 'Returns \u001B]8;;https://evil.example\u0007and refunds',
						url: 'https://help.example/returns',
						snippet: null,
						locale: 'sv',
					},
					{id: '2', title: 'Tracking your parcel', url: 'https://help.example/tracking', snippet: null, locale: 'sv'},
				];
			},
		});
		await screen.waitForFrame((frame) => frame.includes('delivery-delay'));
		await screen.type('delivery');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Din order är försenad.'));
		await screen.press(keys.ctrlK);
		await screen.waitForFrame((frame) => frame.includes('Insert a help-center article'));
		await screen.type('paket');
		await screen.press(keys.enter);
		const picker = await screen.waitForFrame((frame) => frame.includes('Tracking your parcel'));
		expectNoControls(picker);
		expect(queries).toEqual([{query: 'paket', locale: 'sv'}]);
		await screen.press(keys.down, keys.enter);
		const edited = await screen.waitForFrame((frame) =>
			frame.includes('Tracking your parcel: https://help.example/tracking'),
		);
		expect(edited).toContain('Din order är försenad.');
		await screen.press(keys.enter, 'y');
		await screen.waitForFrame(() => sent.length > 0);
		expect(sent[0]?.body.trim().endsWith('Tracking your parcel: https://help.example/tracking')).toBe(true);
	});

	it('says so when the desk has no help center', async () => {
		const {screen} = setup();
		await screen.waitForFrame((frame) => frame.includes('delivery-delay'));
		await screen.type('delivery');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Din order är försenad.'));
		await screen.press(keys.ctrlK);
		const said = await screen.waitForFrame((frame) => frame.includes('This desk has no help center'));
		expect(said).not.toContain('Insert a help-center article');
		expect(said).toContain('Din order är försenad.');
	});

	it('finds a template by fuzzy search and previews it in the requester’s language', async () => {
		const calls: {name: string; locale: string | null; vars: Record<string, string>}[] = [];
		const {screen} = setup({renderTemplate: fakeRender(calls)});
		await screen.waitForFrame((frame) => frame.includes('refund-confirmation'));
		await screen.type('dldly');
		const picker = await screen.waitForFrame((frame) => frame.includes('search: dldly'));
		expect(picker).toMatch(/› delivery-delay/);
		expect(picker).not.toContain('refund-confirmation');
		await screen.press(keys.enter);
		const preview = await screen.waitForFrame((frame) => frame.includes('Din order är försenad.'));
		expect(preview).toContain('Hej Sven Ek!');
		expect(preview).toContain('language sv (requester sv-SE)');
		expect(preview).toContain('status on send: pending (template)');
		expect(calls[0]).toEqual({name: 'delivery-delay', locale: null, vars: {}});
	});

	it('blocks sending while a variable is missing, and renders again once it is set', async () => {
		const {screen, sent} = setup();
		await screen.waitForFrame((frame) => frame.includes('refund-confirmation'));
		await screen.type('refund');
		await screen.press(keys.enter);
		const blocked = await screen.waitForFrame((frame) => frame.includes('«order_id»'));
		expect(blocked).toContain('cannot send: missing order_id (= to set)');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Cannot send yet: missing order_id'));
		expect(sent).toEqual([]);
		await screen.press('=');
		await screen.waitForFrame((frame) => frame.includes('order_id='));
		await screen.type('A-1001');
		await screen.press(keys.enter);
		const ready = await screen.waitForFrame((frame) => frame.includes('Din order A-1001 är försenad.'));
		expect(ready).not.toContain('cannot send');
		expect(ready).toContain('vars order_id=A-1001');
	});

	it('confirms with a summary and sends a plan that carries the drift check and the handle time', async () => {
		const {screen, sent, outcomes} = setup();
		await screen.waitForFrame((frame) => frame.includes('delivery-delay'));
		await screen.type('delivery');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Din order är försenad.'));
		await screen.press('s', 's', 's');
		await screen.waitForFrame((frame) => frame.includes('status on send: pending') && !frame.includes('(template)'));
		await screen.press(keys.enter);
		const confirm = await screen.waitForFrame((frame) => frame.includes('Send this reply?'));
		expect(confirm).toContain('Reply to #103 (Sven Ek, sven@example.se)');
		expect(confirm).toContain('Template delivery-delay, language sv');
		expect(confirm).toContain('Sets status pending');
		await screen.press('y');
		await screen.waitForFrame(() => outcomes.length > 0);
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({
			ticketId: '103',
			isPublic: true,
			action: 'reply',
			template: 'delivery-delay',
			expectedUpdatedAt: '2026-11-20T11:00:00.000Z',
			durationSec: 95,
			changes: {status: 'pending'},
			customer: {email: 'sven@example.se', name: 'Sven Ek'},
		});
		expect(sent[0]?.body).toBe('Hej Sven Ek!\nDin order är försenad.');
		expect(outcomes[0]).toMatchObject({sent: true, flash: {tone: 'ok', text: 'Reply sent to #103.'}});
	});

	it('esc on the confirmation goes back to the text without sending', async () => {
		const {screen, sent} = setup();
		await screen.waitForFrame((frame) => frame.includes('delivery-delay'));
		await screen.type('delivery');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Din order'));
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Send this reply?'));
		await screen.press(keys.escape);
		await screen.waitForFrame((frame) => !frame.includes('Send this reply?') && frame.includes('Din order'));
		expect(sent).toEqual([]);
	});

	it('keeps the draft and asks for a re-read when the ticket changed since it was opened', async () => {
		const {screen, outcomes, drafts} = setup({
			sendMessage: async (plan) => ({
				ticketId: plan.ticketId,
				result: 'failed',
				reason:
					'ticket 103 changed since it was read: 1 new message from the customer; nothing sent (use --force to send anyway)',
			}),
		});
		await screen.waitForFrame((frame) => frame.includes('delivery-delay'));
		await screen.type('delivery');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Din order'));
		await screen.press(keys.enter, 'y');
		await screen.waitForFrame(() => outcomes.length > 0);
		expect(outcomes[0]).toMatchObject({sent: false, reloadThread: true});
		expect(outcomes[0]?.flash?.text).toBe(
			'Not sent: the ticket changed since you opened it: 1 new message from the customer. Read it, r to resend (draft kept).',
		);
		expect(drafts.at(-1)).toEqual({
			ticketId: '103',
			isPublic: true,
			body: 'Hej Sven Ek!\nDin order är försenad.',
			template: 'delivery-delay',
		});
	});

	it('brings a kept draft back and sends it as written', async () => {
		const {screen, sent} = setup({
			loadDraft: async () => ({
				ticketId: '103',
				isPublic: true,
				body: 'Hej Sven,\n\npaketet kommer på fredag.',
				template: null,
				updatedAt: '2026-11-20T11:30:00Z',
			}),
		});
		const frame = await screen.waitForFrame((text) => text.includes('paketet kommer på fredag'));
		expect(frame).toContain('Your draft reply is back');
		const lines = frame.split('\n');
		const greeting = lines.findIndex((line) => line.startsWith('Hej Sven,'));
		expect(lines.slice(greeting, greeting + 3).map((line) => line.trim())).toEqual([
			'Hej Sven,',
			'',
			'paketet kommer på fredag.',
		]);
		await screen.press(keys.enter, 'y');
		await screen.waitForFrame(() => sent.length > 0);
		expect(sent[0]).toMatchObject({body: 'Hej Sven,\n\npaketet kommer på fredag.', template: null});
	});

	it('writes a message inline without a template, and saves it as a draft when leaving', async () => {
		const {screen, drafts, outcomes} = setup({}, swede, false);
		await screen.waitForFrame((frame) => frame.includes('(no template)'));
		await screen.type('no template');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('esc done · enter new line'));
		await screen.type('Called the carrier.');
		await screen.press(keys.enter);
		await screen.type('Back tomorrow');
		await screen.press(keys.escape);
		const edited = await screen.waitForFrame(
			(frame) => frame.includes('Internal note to #103') && frame.includes('enter review & send'),
		);
		expect(edited).toContain('Called the carrier.');
		expect(edited).toContain('Back tomorrow');
		expect(drafts.at(-1)).toEqual({
			ticketId: '103',
			isPublic: false,
			body: 'Called the carrier.\nBack tomorrow',
			template: null,
		});
		await screen.press(keys.escape);
		await screen.waitForFrame(() => outcomes.length > 0);
		expect(outcomes[0]?.flash?.text).toBe('Draft for #103 kept: r to continue.');
	});

	it('edits inline like an editor: cursor keys, words, ctrl-u takes one line and ctrl-z brings it back, pastes', async () => {
		const {screen, drafts} = setup({}, swede, false);
		await screen.waitForFrame((frame) => frame.includes('(no template)'));
		await screen.type('no template');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('esc done · enter new line'));
		await screen.type('Called carrier.');
		await screen.press(keys.enter);
		await screen.type('Back soon');
		// alt-b twice: before "Back"; ↑ to the line above, alt-f: after "Called".
		await screen.press('\u001Bb', '\u001Bb', keys.up, '\u001Bf');
		await screen.type(' the');
		await screen.press('\u001B[F', '\u0015');
		await screen.waitForFrame((frame) => !frame.includes('Called the carrier.'));
		await screen.press('\u001A');
		await screen.waitForFrame((frame) => frame.includes('Called the carrier.'));
		await screen.press('\u001B[B', '\u001B[F');
		screen.stdin.write('\u001B[200~\nLine A\r\nLine B\u001B[201~');
		await screen.waitForFrame((frame) => frame.includes('Line B'));
		await screen.press(keys.escape);
		await screen.waitForFrame((frame) => frame.includes('enter review & send'));
		expect(drafts.at(-1)?.body).toBe('Called the carrier.\nBack soon\nLine A\nLine B');
	});

	it('edits the text in $EDITOR with ctrl-e', async () => {
		const {screen} = setup({editText: async (initial) => `${initial}\n\nPS: tracking is SE123.`});
		await screen.waitForFrame((frame) => frame.includes('delivery-delay'));
		await screen.type('delivery');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Din order'));
		await screen.press(keys.ctrlE);
		const frame = await screen.waitForFrame((text) => text.includes('PS: tracking is SE123.'));
		expect(frame).toContain('edited');
	});

	it('an internal template turns a reply into a note', async () => {
		const {screen} = setup();
		await screen.waitForFrame((frame) => frame.includes('handover-note'));
		await screen.type('handover');
		await screen.press(keys.enter);
		await screen.waitForFrame((frame) => frame.includes('Internal note to #103'));
	});

	it('shows customer text from the template render without any control sequence', async () => {
		const hostile = aTicket({id: '7', requester: {id: 'x', name: `Eve ${hostileText}`, email: null, locale: 'en'}});
		const {screen} = setup({}, hostile);
		await screen.waitForFrame((frame) => frame.includes('delivery-delay'));
		await screen.type('delivery');
		await screen.press(keys.enter);
		const frame = await screen.waitForFrame((text) => text.includes('Your order is late.'));
		expectNoControls(frame);
		expect(frame).toContain('Hi Eve Hi');
	});
});
