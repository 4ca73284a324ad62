import {describe, expect, it} from 'vitest';
import {UsageError} from '../../../src/errors.js';
import {renderAgentText} from '../../../src/templates/agent-text.js';
import {agent, now, ticket} from './helpers.js';

const render = (text: string, overrides: Partial<Parameters<typeof renderAgentText>[0]> = {}) =>
	renderAgentText({text, source: '--body', ticket: ticket(), agent, now, ...overrides});

const failure = (run: () => unknown): UsageError => {
	try {
		run();
	} catch (error) {
		if (error instanceof UsageError) return error;
		throw error;
	}
	throw new Error('expected a UsageError');
};

describe("the agent's own text (--body, --body-file, --editor)", () => {
	it('fills the same variables as templates', () => {
		const base = ticket();
		const text = render('Hi {{ ticket.requester.first_name }}, about #{{ ticket.id }} — {{ agent.name }}');
		expect(text).toBe(`Hi ${base.requester.name.split(' ')[0]}, about #${base.id} — ${agent.name}`);
		expect(render('Order {{ vars.order }}', {vars: {order: 'A-1'}})).toBe('Order A-1');
	});

	it('comes back exactly as written when it has no placeholders', () => {
		const text = '  Thanks!\n\n\nSee you  \n';
		expect(render(text)).toBe(text);
	});

	it('refuses an unknown variable, naming it, the source and the ticket, and pointing at --raw', () => {
		const error = failure(() => render('Hi {{ ticket.requester.firstname }}'));
		expect(error.message).toContain('ticket.requester.firstname');
		expect(error.message).toContain('--body');
		expect(error.message).toContain(`ticket ${ticket().id}`);
		expect(error.hint).toContain('--raw');
	});

	it('refuses a var the text uses without a value, or with an empty one', () => {
		expect(failure(() => render('Order {{ vars.order }}')).message).toContain('needs variable order');
		expect(failure(() => render('Order {{ vars.order }}', {vars: {order: ' '}})).message).toContain(
			'needs variable order',
		);
	});

	it('never evaluates customer text: a requester named like a placeholder is greeted by that name', () => {
		const hostile = ticket({requester: {...ticket().requester, name: '{{ agent.email }}'}});
		expect(render('Hi {{ ticket.requester.name }}', {ticket: hostile})).toBe('Hi {{ agent.email }}');
	});
});
