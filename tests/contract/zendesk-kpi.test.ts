import {afterEach, describe, expect, it} from 'vitest';
import {AuthError} from '../../src/errors.js';
import {hasKnowledgeBase, hasMacros, hasSignIn} from '../../src/providers/help-desk.js';
import {isZendeskHelpDesk} from '../../src/providers/zendesk/extras.js';
import {ticketMetricResponse} from '../../src/providers/zendesk/schemas.js';
import {createVirtualClock} from '../support/fake-server.js';
import {fixture} from './fake-zendesk.js';
import {zendeskOnFake} from './zendesk-setup.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
	await close?.();
	close = undefined;
});

async function onFake(role: 'admin' | 'agent' = 'admin', tickets = 30) {
	const clock = createVirtualClock();
	const setup = await zendeskOnFake({clock, tickets, role});
	close = setup.close;
	return {...setup, clock};
}

describe('Zendesk KPI exports', () => {
	it('exports ticket facts with metric sets through incremental export, page by page', async () => {
		const {desk, fake} = await onFake('admin', 30);
		const first = await desk.exportTicketFacts(null);
		expect(first.items).toHaveLength(30);
		expect(first.nextCursor).toBeNull();
		const request = fake.requests.find((candidate) => candidate.pathname === '/api/v2/incremental/tickets/cursor.json');
		expect(request?.query.get('include')).toContain('metric_sets');
		expect(request?.query.get('start_time')).toBe('0');
		const facts = first.items.find((item) => item.ticket.id === '5');
		expect(facts).toMatchObject({
			firstReplyMinutes: 16,
			firstReplyBusinessMinutes: 16,
			fullResolutionMinutes: 0,
			reopens: 1,
			publicAgentReplies: 2,
			slaBreached: null,
		});
		expect(facts?.ticket.requester.name).toBe('Customer 5');
		expect(first.items.find((item) => item.ticket.id === '6')?.slaBreached).toBe(true);
	});

	it('maps the recorded incremental page and continues from its cursor', async () => {
		const {desk, fake} = await onFake();
		const recorded = fixture<{after_cursor: string}>('incremental_tickets_cursor');
		fake.intercept = (request) =>
			request.pathname === '/api/v2/incremental/tickets/cursor.json' ? {status: 200, json: recorded} : undefined;
		const page = await desk.exportTicketFacts(null);
		expect(page.items.map((item) => [item.ticket.id, item.ticket.status, item.firstReplyMinutes])).toEqual([
			['28', 'new', null],
			['29', 'new', null],
		]);
		await desk.exportTicketFacts(page.nextCursor);
		// (Each exported ticket's audits are read after its page.)
		const exports = fake.requests.filter((request) => request.pathname === '/api/v2/incremental/tickets/cursor.json');
		expect(exports.at(-1)?.query.get('cursor')).toBe(recorded.after_cursor);
	});

	it('falls back to ticket metrics for a plain agent (403 on incremental), and remembers', async () => {
		const {desk, fake} = await onFake('agent', 150);
		const first = await desk.exportTicketFacts(null);
		expect(first.items).toHaveLength(100);
		expect(first.items[0]?.ticket.id).toBe('150');
		const second = await desk.exportTicketFacts(first.nextCursor);
		expect(second.items).toHaveLength(50);
		expect(second.nextCursor).toBeNull();
		await desk.exportTicketFacts(null);
		const paths = fake.requests.map((request) => request.pathname);
		expect(paths.filter((path) => path.startsWith('/api/v2/incremental/'))).toHaveLength(1);
		expect(paths.filter((path) => path === '/api/v2/ticket_metrics.json')).toHaveLength(3);
	});

	it('continues a pass of ticket metrics only with a fresh cursor; a later sync reads from the newest again', async () => {
		const {desk, fake, clock} = await onFake('agent', 150);
		const first = await desk.exportTicketFacts(null);
		clock.advance(11 * 60_000);
		const again = await desk.exportTicketFacts(first.nextCursor);
		expect(again.items[0]?.ticket.id).toBe('150');
		const metrics = fake.requests.filter((request) => request.pathname === '/api/v2/ticket_metrics.json');
		expect(metrics.map((request) => request.query.get('page[after]'))).toEqual([null, null]);
	});

	it('asks for ratings since the newest one seen when a ratings cursor is stale', async () => {
		const {desk, fake, clock} = await onFake();
		const ratings = fixture<Record<string, unknown>>('satisfaction_ratings.oas');
		fake.intercept = (request) =>
			request.pathname === '/api/v2/satisfaction_ratings.json'
				? {status: 200, json: {...ratings, meta: {has_more: true, after_cursor: 'next-page'}}}
				: undefined;
		const first = await desk.exportSatisfaction(null);
		await desk.exportSatisfaction(first.nextCursor);
		expect(fake.requests.at(-1)?.query.get('page[after]')).toBe('next-page');
		clock.advance(11 * 60_000);
		await desk.exportSatisfaction(first.nextCursor);
		expect(fake.requests.at(-1)?.query.get('page[after]')).toBeNull();
		expect(fake.requests.at(-1)?.query.get('start_time')).toBe(String(Date.parse('2012-02-01T04:31:29Z') / 1000));
	});

	it('accepts ticket_metric as an object (live API) or an array (spec)', () => {
		const documented = fixture<{ticket_metric: unknown[]}>('ticket_metric_show.oas');
		expect(ticketMetricResponse.safeParse(documented).success).toBe(true);
		expect(ticketMetricResponse.safeParse({ticket_metric: documented.ticket_metric[0]}).success).toBe(true);
	});

	it('exports CSAT ratings: good and bad, offered kept, unoffered dropped', async () => {
		const {desk} = await onFake();
		const page = await desk.exportSatisfaction(null);
		expect(page.items.map((rating) => [rating.id, rating.ticketId, rating.score])).toEqual([
			['35436', '208', 'good'],
			['120447', '209', 'good'],
			['120448', '3', 'bad'],
			['120449', '4', 'offered'],
		]);
		expect(page.nextCursor).toBeNull();
	});

	it('says satisfaction ratings need an admin', async () => {
		const {desk} = await onFake('agent');
		await expect(desk.exportSatisfaction(null)).rejects.toBeInstanceOf(AuthError);
	});

	it('has no surveys: Zendesk API v2 offers no NPS or CES', async () => {
		const {desk, fake} = await onFake();
		expect(desk.capabilities.supportsSurveys).toBe(false);
		expect(await desk.exportSurveys(null)).toEqual({items: [], nextCursor: null});
		expect(fake.requests).toHaveLength(0);
	});
});

describe('Zendesk macros and Help Center', () => {
	it('is recognised by the guards', async () => {
		const {desk} = await onFake();
		expect(isZendeskHelpDesk(desk)).toBe(true);
		expect(hasMacros(desk) && hasKnowledgeBase(desk) && hasSignIn(desk)).toBe(true);
	});

	it('lists macros with their reply text', async () => {
		const {desk} = await onFake();
		if (!isZendeskHelpDesk(desk)) throw new Error('not zendesk');
		const macros = await desk.listMacros();
		expect(macros.map((macro) => [macro.id, macro.title, macro.active])).toEqual([
			['25', 'Close and Save', true],
			['26', 'Assign priority tag', false],
			['360111062754', 'Close and redirect to topics', true],
		]);
		expect(macros[2]?.reply).toContain('This issue you reported is a known issue.');
		expect(macros[2]?.actions).toContainEqual({field: 'status', value: 'solved'});
	});

	it('previews a macro on a ticket without changing it', async () => {
		const {desk, fake} = await onFake();
		if (!isZendeskHelpDesk(desk)) throw new Error('not zendesk');
		const before = JSON.stringify(fake.tickets.get(2));
		expect(await desk.previewMacro('2', '25')).toEqual({
			macroId: '25',
			ticketId: '2',
			body: 'Assigned to Agent Uno.',
			public: false,
			status: null,
			priority: null,
			assigneeId: '235323',
			groupId: '98738',
		});
		expect(JSON.stringify(fake.tickets.get(2))).toBe(before);
		expect(fake.requests.at(-1)?.pathname).toBe('/api/v2/tickets/2/macros/25/apply.json');
	});

	it('searches Help Center articles, in a locale when asked', async () => {
		const {desk, fake} = await onFake();
		if (!isZendeskHelpDesk(desk)) throw new Error('not zendesk');
		const all = await desk.searchArticles('printing');
		expect(all.map((article) => article.title)).toEqual(['Printing orders', 'Refunds and returns']);
		const danish = await desk.searchArticles('refund', 'da');
		expect(danish).toEqual([
			{
				id: '35468',
				title: 'Refunds and returns',
				url: `${fake.url}/hc/da/articles/35468-Refunds`,
				snippet: 'Our refund policy: 30 days.',
				locale: 'da',
			},
		]);
		expect(fake.requests.at(-1)?.pathname).toBe('/api/v2/help_center/da/articles/search.json');
		await expect(desk.searchArticles('x', '../admin')).rejects.toThrow(/invalid locale/);
	});
});
