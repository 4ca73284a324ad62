import {afterEach, describe, expect, it} from 'vitest';
import {AuthError, ProviderError, UsageError} from '../../src/errors.js';
import type {OAuthTokens} from '../../src/providers/help-desk.js';
import {describeHelpScoutError} from '../../src/providers/helpscout/api.js';
import {statusFromHelpScout, toSatisfactionRating, toTicket} from '../../src/providers/helpscout/map.js';
import {hsConversation} from '../../src/providers/helpscout/schemas.js';
import {helpScoutError, helpScoutFixture} from '../support/fake-helpscout.js';
import {createVirtualClock} from '../support/fake-server.js';
import {helpScoutOnFake} from './helpscout-setup.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
	await close?.();
	close = undefined;
});

const failureOf = (promise: Promise<unknown>): Promise<unknown> =>
	promise.then(
		() => {
			throw new Error('expected a failure');
		},
		(error: unknown) => error,
	);

describe('Help Scout mapping', () => {
	it('maps the documented conversation: closed is solved, no priority, tags, mailbox, assignee', () => {
		const raw = hsConversation.parse(helpScoutFixture('conversation'));
		const ticket = toTicket(raw, new Map([[85, {id: 85, name: 'Support'}]]));
		expect(ticket).toMatchObject({
			id: '1',
			subject: 'Need Help',
			status: 'solved',
			priority: null,
			channel: 'email',
			requester: {id: '238604'},
			assignee: {id: '256', name: 'Mr Robot', email: 'none@nowhere.com'},
			group: {id: '85', name: 'Support'},
			tags: ['vip'],
			// The latest of createdAt, userUpdatedAt, closedAt and customerWaitingSince.
			updatedAt: '2017-04-21T14:43:24.000Z',
		});
		expect(['active', 'pending', 'closed', 'spam'].map(statusFromHelpScout)).toEqual([
			'open',
			'pending',
			'solved',
			'closed',
		]);
	});

	it('reads the conversation list page with embedded threads (and a page without _embedded)', async () => {
		const {conversationPage} = await import('../../src/providers/helpscout/schemas.js');
		const page = conversationPage.parse(helpScoutFixture('conversations_page_embed_threads'));
		expect(page._embedded?.conversations?.[0]?._embedded?.threads?.[0]?.customer?.first).toBe('John');
		expect(
			conversationPage.parse({page: {size: 25, totalElements: 0, totalPages: 1, number: 1}})._embedded,
		).toBeUndefined();
	});

	it('counts Great as good, Okay and Not Good as bad', () => {
		const rating = (ratingId: number) =>
			toSatisfactionRating({id: 9, ratingId, ratingCreatedAt: '2026-01-01T00:00:00.000Z', ratingComments: ''})?.score;
		expect([1, 2, 3].map(rating)).toEqual(['good', 'bad', 'bad']);
	});

	it("reads Help Scout's vnd.error envelope with the field path and the log reference", () => {
		expect(describeHelpScoutError(helpScoutError('400_validation'))).toEqual({
			summary: 'Validation error (log reference cb73aad3-9a81-44fd-bf70-48250ea256ff#12)',
			details: ['country: may not be empty'],
		});
	});
});

describe('Help Scout OAuth and rate limits', () => {
	it('stores the token it gets, renews it before it expires, and never logs the secret', async () => {
		const clock = createVirtualClock();
		const saved: OAuthTokens[] = [];
		const lines: string[] = [];
		const setup = await helpScoutOnFake(
			{clock, tokenLifetimeSec: 3600},
			{saveOAuth: (tokens) => void saved.push(tokens), log: (line) => lines.push(line)},
		);
		close = setup.close;
		await setup.desk.whoAmI();
		await setup.desk.listGroups();
		expect(setup.fake.stats.tokensIssued).toBe(1);
		expect(saved[0]).toMatchObject({accessToken: 'hs-access-1-18', refreshToken: null, clientId: 'hs-contract-client'});
		clock.advance(3600_000 - 30_000);
		await setup.desk.listAgents();
		expect(setup.fake.stats.tokensIssued).toBe(2);
		expect(lines.join('\n')).not.toContain('hs-contract-secret-0042');
		expect(lines.join('\n')).not.toContain('hs-access-');
	});

	it('refuses wrong client credentials, and a token that is not CLIENT_ID:CLIENT_SECRET, as auth errors', async () => {
		const clock = createVirtualClock();
		const wrong = await helpScoutOnFake({clock}, {token: 'hs-contract-client:nope'});
		close = wrong.close;
		const failure = await failureOf(wrong.desk.whoAmI());
		expect(failure).toBeInstanceOf(AuthError);
		expect((failure as AuthError).message).toContain('Help Scout refused the client credentials');
		await wrong.close();
		const malformed = await helpScoutOnFake({clock}, {token: 'just-a-token'});
		close = malformed.close;
		const bad = await failureOf(malformed.desk.whoAmI());
		expect((bad as AuthError).message).toBe('the Help Scout token must be CLIENT_ID:CLIENT_SECRET');
		expect(malformed.fake.requests).toHaveLength(0);
	});

	it('paces a long run within the per-minute quota (writes count 2) and never hits 429', async () => {
		const clock = createVirtualClock();
		const setup = await helpScoutOnFake({clock, conversations: 40, ratePerMinute: 30});
		close = setup.close;
		for (let id = 1; id <= 20; id++) {
			await setup.desk.updateTicket(String(id), {tags: {add: ['paced'], remove: []}}, {});
		}
		expect(setup.fake.stats.overQuota).toBe(0);
		expect(setup.fake.stats.maxPerMinute).toBeLessThanOrEqual(30);
		// 20 × (GET + PUT(2) + GET) = 80 units at 30 a minute: at least two whole windows waited.
		expect(clock.sleptMs()).toBeGreaterThanOrEqual(120_000);
	});

	it('waits out a 429 as told by X-RateLimit-Retry-After', async () => {
		const clock = createVirtualClock();
		const setup = await helpScoutOnFake({clock});
		close = setup.close;
		let refused = false;
		setup.fake.intercept = (request) => {
			if (refused || request.pathname !== '/v2/mailboxes') return undefined;
			refused = true;
			return {
				status: 429,
				json: helpScoutError('429'),
				headers: {
					'x-ratelimit-retry-after': '17',
					'x-ratelimit-remaining-minute': '0',
					'x-ratelimit-limit-minute': '400',
				},
			};
		};
		expect((await setup.desk.listGroups()).map((group) => group.name)).toEqual(['Support', 'Billing']);
		// As long as asked, not a whole minute.
		expect(clock.sleptMs()).toBeGreaterThanOrEqual(17_000);
		expect(clock.sleptMs()).toBeLessThan(25_000);
	});

	it('says not-found for a missing conversation and that there are no priorities to filter on', async () => {
		const clock = createVirtualClock();
		const setup = await helpScoutOnFake({clock, conversations: 5});
		close = setup.close;
		const missing = await failureOf(setup.desk.getThread('999999'));
		expect(missing).toBeInstanceOf(ProviderError);
		expect((missing as Error).message).toBe('Help Scout has no conversation 999999 (or you cannot see it)');
		const filter = await failureOf(
			setup.desk.listTickets({statuses: ['open'], assignee: 'any', sort: 'urgency', limit: 10, priorities: ['high']}),
		);
		expect((filter as Error).message).toContain('Help Scout has no priorities');
		const write = await failureOf(
			setup.desk.sendMessage('2', {body: 'Hi', public: true, changes: {priority: 'high'}}, {}),
		);
		expect(write).toBeInstanceOf(UsageError);
		expect(setup.fake.requests.some((request) => request.pathname.startsWith('/v2/conversations/2/'))).toBe(false);
	});

	it('reads active, then pending conversations for the usual queue, never paging through closed ones', async () => {
		const clock = createVirtualClock();
		const setup = await helpScoutOnFake({clock, conversations: 60});
		close = setup.close;
		const seen: string[] = [];
		let cursor: string | undefined;
		do {
			const page = await setup.desk.listTickets({
				statuses: ['new', 'open', 'pending'],
				assignee: 'any',
				sort: 'urgency',
				limit: 20,
				cursor,
			});
			seen.push(...page.tickets.map((ticket) => ticket.id));
			cursor = page.nextCursor ?? undefined;
		} while (cursor !== undefined);
		const expected = [...setup.fake.conversations.values()].filter(
			(item) => item.status === 'active' || item.status === 'pending',
		);
		expect(seen.sort()).toEqual(expected.map((item) => String(item.id)).sort());
		const statuses = setup.fake.requests
			.filter((request) => request.pathname === '/v2/conversations')
			.map((request) => request.query.get('status'));
		expect(new Set(statuses)).toEqual(new Set(['active', 'pending']));
	});

	it('says why there is no CSAT when the plan has no Reports API', async () => {
		const clock = createVirtualClock();
		const setup = await helpScoutOnFake({clock, reports: false});
		close = setup.close;
		const failure = await failureOf(setup.desk.exportSatisfaction(null));
		expect(failure).toBeInstanceOf(AuthError);
		expect((failure as Error).message).toContain('needs a Plus or Pro plan');
	});

	it('reads csr closed from spam and solved from closed, so a status filter gives what it names', async () => {
		const clock = createVirtualClock();
		const setup = await helpScoutOnFake({clock, conversations: 20});
		close = setup.close;
		const query = {assignee: 'any', sort: 'urgency', limit: 50} as const;
		const closed = await setup.desk.listTickets({...query, statuses: ['closed']});
		expect(closed.tickets.map((ticket) => ticket.id).sort()).toEqual(
			[...setup.fake.conversations.values()]
				.filter((item) => item.status === 'spam')
				.map((item) => String(item.id))
				.sort(),
		);
		const solved = await setup.desk.listTickets({...query, statuses: ['solved']});
		expect(solved.tickets.length).toBeGreaterThan(0);
		expect(solved.tickets.every((ticket) => ticket.status === 'solved')).toBe(true);
	});

	it('works as the profile email’s user: "me" and the author of replies', async () => {
		const clock = createVirtualClock();
		const setup = await helpScoutOnFake({clock, conversations: 6}, {email: 'Jane@helpscout.example'});
		close = setup.close;
		expect((await setup.desk.whoAmI()).name).toBe('Jane Agent');
		const mine = await setup.desk.listTickets({statuses: [], assignee: 'me', sort: 'urgency', limit: 50});
		expect(mine.tickets.every((ticket) => ticket.assignee?.name === 'Jane Agent')).toBe(true);
		await setup.desk.sendMessage('2', {body: 'From Jane', public: true}, {});
		const sent = (setup.fake.threads.get(2) ?? []).find((thread) => thread.body.includes('From Jane'));
		expect(sent?.createdBy).toMatchObject({id: 17, first: 'Jane'});
	});
});
