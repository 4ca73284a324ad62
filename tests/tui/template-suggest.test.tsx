import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {Ticket} from '../../src/domain/ticket.js';
import {TemplatePickScreen} from '../../src/tui/screens/template-pick-screen.js';
import type {TemplateSummary, TuiServices} from '../../src/tui/services.js';
import {aTicket} from '../support/memory-help-desk.js';
import {keys, renderWithServices} from '../support/tui.js';

afterEach(() => cleanup());

const ticket = aTicket({id: '103', subject: 'Var är mitt paket?'});
const templates: TemplateSummary[] = [
	{name: 'csat-request', title: 'Ask for feedback', description: '', internal: false, locales: ['en']},
	{name: 'delivery-delay', title: 'Delivery delay', description: '', internal: false, locales: ['en', 'sv']},
	{name: 'refund-confirmation', title: 'Refund confirmed', description: '', internal: false, locales: ['en']},
];

function setup(services: Partial<TuiServices>) {
	const picked: (string | null)[] = [];
	const screen = renderWithServices(
		<TemplatePickScreen
			title="Reply to #103"
			forNote={false}
			ticket={ticket}
			onPick={(name) => picked.push(name)}
			onCancel={() => {}}
			width={100}
			height={20}
		/>,
		{listTemplates: async () => templates, ...services},
	);
	return {screen, picked};
}

const order = (frame: string): string[] =>
	templates.map((template) => template.name).sort((a, b) => frame.indexOf(a) - frame.indexOf(b));

describe('the template picker', () => {
	it('lists the templates suggested for the ticket first, marked, and picks the first with enter', async () => {
		const asked: Ticket[] = [];
		const {screen, picked} = setup({
			suggestTemplates: async (forTicket) => {
				asked.push(forTicket);
				return ['delivery-delay', 'refund-confirmation'];
			},
		});
		const frame = await screen.waitForFrame((text) => text.includes('suggested'));
		expect(order(frame)).toEqual(['delivery-delay', 'refund-confirmation', 'csat-request']);
		expect(frame).toMatch(/delivery-delay\s+suggested · Delivery delay/);
		expect(asked.map((item) => item.id)).toEqual(['103']);
		await screen.press(keys.enter);
		expect(picked).toEqual(['delivery-delay']);
	});

	it('keeps the name order when suggesting fails', async () => {
		const {screen} = setup({suggestTemplates: async () => Promise.reject(new Error('desk down'))});
		const frame = await screen.waitForFrame((text) => text.includes('refund-confirmation'));
		expect(order(frame)).toEqual(['csat-request', 'delivery-delay', 'refund-confirmation']);
		expect(frame).not.toContain('suggested');
	});
});
