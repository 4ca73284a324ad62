import {describe, expect, expectTypeOf, it} from 'vitest';
import type {TicketChanges} from '../../../src/providers/help-desk.js';
import {TemplateError} from '../../../src/templates/errors.js';
import type {TemplateDir} from '../../../src/templates/lookup.js';
import {
	type LoadedTemplate,
	loadAndRender,
	type RenderedTemplate,
	type TemplateChanges,
} from '../../../src/templates/render.js';
import {splitName} from '../../../src/templates/scope.js';
import {agent, now, templateFolder, ticket} from './helpers.js';

const greeting = 'Hi{% if ticket.requester.first_name != blank %} {{ ticket.requester.first_name }}{% endif %},';

function folder(files: Record<string, string>): TemplateDir[] {
	return [templateFolder(files, {label: 'templates'})];
}

function render(
	dirs: TemplateDir[],
	name: string,
	options: {
		vars?: Record<string, string>;
		locale?: string;
		requester?: Partial<ReturnType<typeof ticket>['requester']>;
	} = {},
): RenderedTemplate {
	const base = ticket();
	return loadAndRender({
		name,
		ticket: {...base, requester: {...base.requester, ...options.requester}},
		agent,
		vars: options.vars,
		localeFlag: options.locale,
		dirs,
		now,
	});
}

function templateErrorOf(action: () => unknown): TemplateError {
	try {
		action();
	} catch (error) {
		if (error instanceof TemplateError) return error;
		throw error;
	}
	throw new Error('expected a TemplateError');
}

const refund = [
	'---',
	'title: Refund',
	'set:',
	'  status: solved',
	'  tags: {add: [refunded]}',
	'vars:',
	'  order_id: {required: true, description: The order number}',
	'  days: {default: "5"}',
	'---',
	greeting,
	'',
	'We refunded order {{ vars.order_id }}. It takes {{ vars.days }} days.',
	'',
	'{{ agent.signature }}',
].join('\n');

describe('loadAndRender', () => {
	it('renders ticket, requester, agent, vars and today, and returns the front matter actions', () => {
		const dirs = folder({'refund.md': refund});
		const rendered = render(dirs, 'refund', {vars: {order_id: 'A-1001'}, locale: 'en'});
		expect(rendered.body).toBe('Hi Anna,\n\nWe refunded order A-1001. It takes 5 days.\n\nSam\nCustomer Care');
		expect(rendered).toMatchObject({
			name: 'refund',
			locale: 'en',
			file: 'templates/refund.md',
			title: 'Refund',
			internal: false,
			changes: {status: 'solved', tags: {add: ['refunded'], remove: []}},
			unusedVars: [],
		});
	});

	it('exposes the whole context of PRODUCT.md §4, with Zendesk aliases', () => {
		const body = [
			'{{ ticket.id }}|{{ ticket.subject }}|{{ ticket.title }}|{{ ticket.status }}|{{ ticket.priority }}|{{ ticket.channel }}',
			'{{ ticket.tags | join: "," }}|{{ ticket.url }}|{{ ticket.link }}',
			'{{ ticket.requester.name }}|{{ ticket.requester.first_name }}|{{ ticket.requester.last_name }}|{{ ticket.requester.email }}|{{ ticket.requester.locale }}',
			'{{ customer.first_name }}|{{ customer.email }}',
			'{{ agent.name }}|{{ agent.first_name }}|{{ agent.email }}|{{ current_user.name }}|{{ current_user.first_name }}',
			'{{ today }}|{{ ticket.assignee.name }}|{{ ticket.group.name }}',
		].join('\n');
		const rendered = render(folder({'all.md': body}), 'all');
		expect(rendered.body.split('\n')).toEqual([
			'101|Where is my order?|Where is my order?|open|normal|email',
			'vip|https://desk.example.com/tickets/101|https://desk.example.com/tickets/101',
			'Anna Berg|Anna|Berg|anna@example.com|da-DK',
			'Anna|anna@example.com',
			'Sam Agent|Sam|sam@example.com|Sam Agent|Sam',
			'2026-03-14||',
		]);
	});

	it('picks the locale from the flag, then the requester, falling back to NAME.md', () => {
		const dirs = folder({'hello.md': 'Hello', 'hello.da.md': 'Hej', 'hello.nb.md': 'Hei'});
		expect(render(dirs, 'hello').body).toBe('Hej');
		expect(render(dirs, 'hello', {requester: {locale: 'no'}}).body).toBe('Hei');
		expect(render(dirs, 'hello', {locale: 'nb'}).body).toBe('Hei');
		const fallback = render(dirs, 'hello', {requester: {locale: 'fr-FR'}});
		expect(fallback.body).toBe('Hello');
		expect(fallback.locale).toBe('en');
	});

	it('renders customer text literally: a requester named {{agent.email}} is not template code', () => {
		const dirs = folder({'hi.md': `${greeting}\nName: {{ ticket.requester.name }}\nSubject: {{ ticket.subject }}`});
		const base = ticket();
		const rendered = loadAndRender({
			name: 'hi',
			ticket: {
				...base,
				subject: '{% for x in (1..3) %}boom{% endfor %}',
				requester: {...base.requester, name: '{{agent.email}}'},
			},
			agent,
			dirs,
			now,
		});
		expect(rendered.body).toBe(
			'Hi {{agent.email}},\nName: {{agent.email}}\nSubject: {% for x in (1..3) %}boom{% endfor %}',
		);
		expect(rendered.body).not.toContain('sam@example.com');
	});

	it('renders a var value literally too', () => {
		const rendered = render(folder({'refund.md': refund}), 'refund', {vars: {order_id: '{{ agent.email }}'}});
		expect(rendered.body).toContain('We refunded order {{ agent.email }}.');
	});

	it('stops on a required var without a value, naming the var, the file and line, and the ticket', () => {
		const dirs = folder({'refund.md': refund});
		const error = templateErrorOf(() => render(dirs, 'refund', {locale: 'en'}));
		expect(error.message).toBe('template "refund" needs variable order_id (templates/refund.md:12) for ticket 101');
		expect(error).toMatchObject({variable: 'order_id', file: 'templates/refund.md', line: 12, ticketId: '101'});
		expect(error.exitCode).toBe(2);
		expect(error.hint).toContain('--var order_id=VALUE');
		expect(() => render(dirs, 'refund', {vars: {order_id: '  '}})).toThrow(/needs variable order_id/);
	});

	it('stops on an undeclared {{vars.x}} without a value, naming x', () => {
		const dirs = folder({'x.da.md': '---\ntitle: x\n---\nHej\n\nOrdre {{vars.order_id}}'});
		const error = templateErrorOf(() => render(dirs, 'x'));
		expect(error.message).toBe('template "x" needs variable order_id (templates/x.da.md:6) for ticket 101');
		expect(error.variable).toBe('order_id');
	});

	it('stops on an undefined variable, naming it with the file line', () => {
		const dirs = folder({'typo.md': '---\ntitle: Typo\n---\nHi\n{{ ticket.requester.frist_name }}'});
		const error = templateErrorOf(() => render(dirs, 'typo'));
		expect(error.message).toBe(
			'template "typo" uses undefined variable ticket.requester.frist_name (templates/typo.md:5) for ticket 101',
		);
		expect(error.variable).toBe('ticket.requester.frist_name');
	});

	it('stops on an unknown filter, naming the ticket and line', () => {
		const dirs = folder({'f.md': '---\ntitle: F\n---\n\n{{ ticket.subject | shout }}'});
		const error = templateErrorOf(() => render(dirs, 'f'));
		expect(error.message).toBe('template "f" uses unknown filter shout (templates/f.md:5) for ticket 101');
	});

	it('stops on a filter that fails at render time, naming the ticket and line', () => {
		const dirs = folder({'d.md': '---\ntitle: D\n---\nSubject: {{ ticket.subject | url_decode }}'});
		const base = ticket();
		const error = templateErrorOf(() =>
			loadAndRender({name: 'd', ticket: {...base, subject: '100% broken'}, agent, dirs, now}),
		);
		expect(error.message).toBe('template "d" failed: URI malformed (templates/d.md:4) for ticket 101');
	});

	it('stops on a syntax error with its line', () => {
		const dirs = folder({'s.md': '---\ntitle: S\n---\nHi\n{% if ticket.id %}\nunclosed'});
		const error = templateErrorOf(() => render(dirs, 's'));
		expect(error.message).toMatch(
			/^template "s" has a syntax error: .*not closed \(templates\/s\.md:5\) for ticket 101$/,
		);
	});

	it('refuses partials, which would read files outside the template folders', () => {
		const dirs = folder({'p.md': "{% include 'other' %}"});
		expect(() => render(dirs, 'p')).toThrow(/syntax error: tag "include" not found/);
	});

	it('reports given vars the template does not use', () => {
		expect(render(folder({'refund.md': refund}), 'refund', {vars: {order_id: '1', ordre: '2'}}).unusedVars).toEqual([
			'ordre',
		]);
	});

	it('marks internal templates and tidies blank lines left by tags', () => {
		const dirs = folder({'n.md': '---\ninternal: true\n---\nA\n{% if false %}\nB\n{% endif %}\n\n\n\nC   \n'});
		expect(render(dirs, 'n')).toMatchObject({internal: true, body: 'A\n\nC', title: 'n'});
	});

	it('reads each file once per cache', () => {
		const dirs = folder({'refund.md': refund});
		const cache = new Map<string, LoadedTemplate>();
		const request = {name: 'refund', agent, vars: {order_id: '1'}, dirs, now, cache};
		loadAndRender({...request, ticket: ticket({id: '1'})});
		loadAndRender({...request, ticket: ticket({id: '2'})});
		expect(cache.size).toBe(1);
	});

	it('returns changes a reply can send as TicketChanges', () => {
		expectTypeOf<TemplateChanges>().toExtend<TicketChanges>();
	});
});

describe('first_name', () => {
	it.each([
		['Anna Berg', 'Anna', 'Berg'],
		['Anna Maria von Berg', 'Anna', 'Maria von Berg'],
		['Dr. Anna Berg', 'Anna', 'Berg'],
		['Dr. Berg', 'Dr. Berg', 'Berg'],
		['Berg, Anna', 'Anna', 'Berg'],
		['Anna Berg, PhD', 'Anna', 'Berg'],
		['  Anna   Berg ', 'Anna', 'Berg'],
		['anna@example.com', '', ''],
		['', '', ''],
	])('reads %j as first %j, last %j', (name, firstName, lastName) => {
		expect(splitName(name)).toEqual({firstName, lastName});
	});

	it('lets templates greet without a blank when the requester has no usable name', () => {
		const dirs = folder({'hi.md': `${greeting}\nThanks`});
		expect(render(dirs, 'hi', {requester: {name: ''}}).body).toBe('Hi,\nThanks');
		expect(render(dirs, 'hi', {requester: {name: 'anna@example.com'}}).body).toBe('Hi,\nThanks');
	});
});
