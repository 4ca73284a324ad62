import {describe, expect, it} from 'vitest';
import {Ticket} from '../../src/domain/ticket.js';
import {UsageError} from '../../src/errors.js';
import {describeFreshdeskError} from '../../src/providers/freshdesk/api.js';
import {
	channelFromSource,
	createDirectory,
	priorityFromFreshdesk,
	priorityToFreshdesk,
	scoreFromRating,
	slaDueAt,
	statusFromFreshdesk,
	statusToFreshdesk,
	toTicket,
	toTicketFacts,
} from '../../src/providers/freshdesk/map.js';
import {toSearchQuery} from '../../src/providers/freshdesk/queue.js';
import {freshdeskTicket} from '../../src/providers/freshdesk/schemas.js';
import {mergeTags, toHtml} from '../../src/providers/freshdesk/writes.js';
import {errorBody, fixture} from '../support/fake-freshdesk.js';

// Pure mapping rules of the Freshdesk provider, on the fixture payloads where there is one.

const showFixture = freshdeskTicket.parse(fixture('ticket_show_with_stats_requester'));

describe('Freshdesk → csr words', () => {
	it('maps statuses 2–5 and files custom ones under on-hold; csr statuses back', () => {
		expect([2, 3, 4, 5, 6, 12].map(statusFromFreshdesk)).toEqual([
			'open',
			'pending',
			'solved',
			'closed',
			'on-hold',
			'on-hold',
		]);
		expect((['new', 'open', 'pending', 'solved', 'closed', 'on-hold'] as const).map(statusToFreshdesk)).toEqual([
			2,
			2,
			3,
			4,
			5,
			null,
		]);
	});

	it('maps priorities 1–4 to low…urgent and back', () => {
		expect([1, 2, 3, 4, 9, null].map(priorityFromFreshdesk)).toEqual(['low', 'normal', 'high', 'urgent', null, null]);
		expect(priorityToFreshdesk).toEqual({low: 1, normal: 2, high: 3, urgent: 4});
	});

	it('maps every documented source to a channel', () => {
		expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, null].map(channelFromSource)).toEqual([
			'email',
			'web',
			'phone',
			'web',
			'social',
			'social',
			'chat',
			'web',
			'web',
			'email',
			'other',
			'other',
		]);
	});

	it('reads CSAT on Freshdesk’s scale: above 100 good, neutral and below bad', () => {
		expect([103, 102, 101, 100, -101, -102, -103].map(scoreFromRating)).toEqual([
			'good',
			'good',
			'good',
			'bad',
			'bad',
			'bad',
			'bad',
		]);
	});

	it('maps the fixture ticket to a valid domain ticket, times in UTC', () => {
		const directory = createDirectory();
		const ticket = toTicket(showFixture, directory, 'https://acme.freshdesk.com');
		expect(() => Ticket.parse(ticket)).not.toThrow();
		expect(ticket).toMatchObject({
			id: '1',
			status: 'open',
			priority: 'low',
			channel: 'web',
			requester: {id: '6012691534', name: 'Dummyname', email: 'dummyname@example.com'},
			assignee: {id: '6010396333', name: 'agent 6010396333'},
			group: null,
			tags: ['foo', 'bar'],
			createdAt: '2016-05-18T04:36:04.000Z',
			url: 'https://acme.freshdesk.com/a/tickets/1',
		});
		const withOffset = freshdeskTicket.parse({
			...fixture<Record<string, unknown>>('ticket_update_response'),
			created_at: '2014-07-28T16:20:03+05:30',
		});
		expect(withOffset.created_at).toBe('2014-07-28T10:50:03.000Z');
	});

	it('labels a custom status from ticket_fields when it knows it', () => {
		const directory = createDirectory();
		directory.statusLabels = new Map([[6, 'Waiting on Customer']]);
		expect(toTicket({...showFixture, status: 6}, directory, '').statusLabel).toBe('Waiting on Customer');
		expect(toTicket({...showFixture, status: 9}, directory, '').statusLabel).toBe('status 9');
		expect(toTicket(showFixture, directory, '').statusLabel).toBeUndefined();
	});
});

describe('SLA and KPI facts', () => {
	const base = {...showFixture, due_by: '2026-03-05T00:00:00.000Z', fr_due_by: '2026-03-03T00:00:00.000Z'};

	it('uses the first-response target until an agent responded, then the resolution target', () => {
		expect(slaDueAt({...base, stats: {...base.stats, first_responded_at: null}})).toBe('2026-03-03T00:00:00.000Z');
		expect(slaDueAt(base)).toBe('2026-03-05T00:00:00.000Z');
		expect(slaDueAt({...base, stats: null})).toBe('2026-03-05T00:00:00.000Z');
		expect(slaDueAt({...base, status: 4})).toBeNull();
	});

	it('derives facts from stats: first reply, resolution, reopen, one touch, SLA breach', () => {
		const facts = toTicketFacts(base, createDirectory(), '');
		expect(facts).toMatchObject({
			firstReplyAt: '2020-06-17T20:23:43.000Z',
			solvedAt: '2020-07-24T15:35:21.000Z',
			firstReplyBusinessMinutes: null,
			fullResolutionBusinessMinutes: null,
			reopens: 0,
			// first_responded_at differs from agent_responded_at: more than one agent response.
			publicAgentReplies: 2,
			slaBreached: true,
		});
		expect(facts.firstReplyMinutes).toBe(
			Math.round((Date.parse('2020-06-17T20:23:43Z') - Date.parse('2016-05-18T04:36:04Z')) / 60_000),
		);
		const oneTouch = {
			...base.stats,
			agent_responded_at: base.stats?.first_responded_at,
			reopened_at: '2020-07-25T00:00:00Z',
		};
		expect(toTicketFacts({...base, stats: oneTouch}, createDirectory(), '')).toMatchObject({
			publicAgentReplies: 1,
			reopens: 1,
		});
		const untouched = {...base.stats, first_responded_at: null, agent_responded_at: null, resolved_at: null};
		expect(toTicketFacts({...base, stats: untouched}, createDirectory(), '')).toMatchObject({
			publicAgentReplies: 0,
			firstReplyMinutes: null,
			solvedAt: null,
			fullResolutionMinutes: null,
		});
		expect(toTicketFacts({...base, is_escalated: false, fr_escalated: false}, createDirectory(), '').slaBreached).toBe(
			false,
		);
		expect(
			toTicketFacts({...base, is_escalated: null, fr_escalated: undefined}, createDirectory(), '').slaBreached,
		).toBeNull();
	});
});

describe('requests csr builds', () => {
	it('writes Freshdesk’s filter language', () => {
		expect(toSearchQuery({statusCodes: [3, 2]})).toBe('"(status:2 OR status:3)"');
		expect(toSearchQuery({statusCodes: [4], agentId: null, tags: ['a b']})).toBe(
			'"status:4 AND agent_id:null AND tag:\'a b\'"',
		);
		// All four priorities filter nothing.
		expect(toSearchQuery({statusCodes: [2], priorityCodes: [1, 2, 3, 4]})).toBe('"status:2"');
		expect(() => toSearchQuery({statusCodes: [2], tags: ["it's"]})).toThrow(UsageError);
		expect(() =>
			toSearchQuery({statusCodes: [2], tags: Array.from({length: 60}, (_, index) => `tag-${index}`)}),
		).toThrow(/512/);
	});

	it('merges a tag delta into the current list in its order, case-insensitively', () => {
		expect(mergeTags(['foo', 'Bar'], {add: ['baz', 'FOO'], remove: ['bar']})).toEqual(['foo', 'baz']);
		expect(mergeTags([], {add: ['x', 'x'], remove: []})).toEqual(['x']);
		expect(mergeTags(['a'], {add: ['b'], remove: ['b']})).toEqual(['a']);
	});

	it('turns plain text into escaped HTML paragraphs', () => {
		expect(toHtml('Hi <b>\r\n\r\nbye\nnow')).toBe('<p>Hi &lt;b&gt;</p><p>bye<br>now</p>');
		expect(toHtml('  \n ')).toBe('');
	});

	it('reads Freshdesk’s error envelopes', () => {
		expect(describeFreshdeskError(errorBody('400_validation'))).toEqual({
			summary: 'Validation failed',
			details: ['name: Mandatory attribute missing (missing_field)'],
		});
		expect(describeFreshdeskError(errorBody('401'))).toEqual({
			summary: 'You have to be logged in to perform this action. (invalid_credentials)',
			details: [],
		});
		expect(describeFreshdeskError('')).toEqual({summary: null, details: []});
	});
});
