import {afterEach, describe, expect, it} from 'vitest';
import {ConflictError, ProviderError, UsageError} from '../../src/errors.js';
import {createVirtualClock} from '../support/fake-server.js';
import {errorBody} from './fake-zendesk.js';
import {zendeskOnFake} from './zendesk-setup.js';

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

async function onFake(tickets = 30) {
	const clock = createVirtualClock();
	const setup = await zendeskOnFake({clock, tickets});
	close = setup.close;
	const puts = () => setup.fake.requests.filter((request) => request.method === 'PUT');
	return {...setup, clock, puts};
}

describe('Zendesk writes', () => {
	it('sends public explicitly, with safe_update and the stamp the agent read', async () => {
		const {desk, fake, puts} = await onFake();
		const ticket = fake.tickets.get(2);
		const stamp = String(ticket?.updated_at);
		const note = await desk.sendMessage('2', {body: 'Internal: checked', public: false}, {expectedUpdatedAt: stamp});
		const body = JSON.parse(puts()[0]?.body ?? '{}');
		expect(body).toEqual({
			ticket: {comment: {body: 'Internal: checked', public: false}, safe_update: true, updated_stamp: stamp},
		});
		expect(fake.stats.publicOmitted).toBe(0);
		expect(note.messageId).toBe(String(fake.comments.get(2)?.at(-1)?.id));
		expect(note.ticket.requester.name).toBe('Customer 2');
	});

	it('changes status, priority, assignee, group and tags in one update, tags as a delta', async () => {
		const {desk, fake, puts} = await onFake();
		const updated = await desk.updateTicket(
			'10',
			{
				status: 'on-hold',
				priority: 'urgent',
				assignee: 'me',
				group: 'Tier 2',
				tags: {add: ['escalated'], remove: ['vip']},
			},
			{},
		);
		expect(updated).toMatchObject({status: 'on-hold', priority: 'urgent', group: {id: '300', name: 'Tier 2'}});
		expect(updated.assignee?.name).toBe('Agent Smith');
		expect(updated.tags).toEqual(['outage', 'escalated']);
		const body = JSON.parse(puts()[0]?.body ?? '{}').ticket;
		expect(body).toMatchObject({
			status: 'hold',
			priority: 'urgent',
			assignee_id: 1001,
			group_id: 300,
			additional_tags: ['escalated'],
			remove_tags: ['vip'],
			safe_update: true,
		});
		expect(body.tags).toBeUndefined();
		expect(fake.stats.tagsReplaced).toBe(0);
		await desk.updateTicket('11', {assignee: {email: 'dana@example.com'}}, {});
		expect(JSON.parse(puts()[1]?.body ?? '{}').ticket.assignee_email).toBe('dana@example.com');
		await desk.updateTicket('12', {assignee: null}, {});
		expect(JSON.parse(puts()[2]?.body ?? '{}').ticket.assignee_id).toBeNull();
	});

	it('refuses an unknown group by name before sending, listing the groups', async () => {
		const {desk, puts} = await onFake();
		const failure = await failureOf(desk.updateTicket('2', {group: 'Tier 9'}, {}));
		expect(failure).toBeInstanceOf(UsageError);
		expect((failure as UsageError).hint).toContain('Tier 2');
		expect(puts()).toHaveLength(0);
	});

	it('says what changed when the ticket moved on since it was read, and sends nothing', async () => {
		const {desk, fake, puts, clock} = await onFake();
		const stamp = String(fake.tickets.get(2)?.updated_at);
		clock.advance(60_000);
		fake.addComment(2, 2002, 'Any news?\nI am still waiting.', true);
		const failure = await failureOf(desk.sendMessage('2', {body: 'Hello', public: true}, {expectedUpdatedAt: stamp}));
		expect(failure).toBeInstanceOf(ConflictError);
		expect((failure as Error).message).toContain('1 new message');
		expect((failure as Error).message).toContain('Customer 2 (customer)');
		expect((failure as Error).message).toContain('"Any news? I am still waiting."');
		expect(puts()).toHaveLength(0);
	});

	it('throws ConflictError on a 409 for a single reply and sends nothing more', async () => {
		const {desk, fake, puts} = await onFake();
		fake.intercept = (request) => (request.method === 'PUT' ? {status: 409, json: errorBody('409')} : undefined);
		const stamp = String(fake.tickets.get(3)?.updated_at);
		const failure = await failureOf(desk.sendMessage('3', {body: 'Reply', public: true}, {expectedUpdatedAt: stamp}));
		expect(failure).toBeInstanceOf(ConflictError);
		expect((failure as ConflictError).hint).toContain('Nothing was sent');
		expect(puts()).toHaveLength(1);
		expect(fake.comments.get(3)?.some((comment) => comment.body === 'Reply')).toBe(false);
	});

	it('refuses a closed ticket with a clear message before sending', async () => {
		const {desk, puts} = await onFake();
		const failure = await failureOf(desk.sendMessage('13', {body: 'Hi', public: true}, {}));
		expect(failure).toBeInstanceOf(ProviderError);
		expect((failure as Error).message).toBe(
			'ticket 13 is closed; Zendesk accepts no replies or changes to closed tickets',
		);
		expect((failure as ProviderError).hint).toContain('follow-up ticket');
		expect(puts()).toHaveLength(0);
	});

	it('delivers once when the connection drops after Zendesk applied the reply', async () => {
		const {desk, fake, puts} = await onFake();
		let dropped = false;
		fake.afterRoute = (request) => {
			if (request.method !== 'PUT' || dropped) return undefined;
			dropped = true;
			return {status: 200, drop: true};
		};
		const stamp = String(fake.tickets.get(4)?.updated_at);
		const sent = await desk.sendMessage(
			'4',
			{body: 'Your refund is on its way.', public: true},
			{expectedUpdatedAt: stamp},
		);
		const copies = fake.comments.get(4)?.filter((comment) => comment.body === 'Your refund is on its way.') ?? [];
		expect(copies).toHaveLength(1);
		expect(sent.messageId).toBe(String(copies[0]?.id));
		// The repeat was conditional (safe_update): Zendesk refused it, csr found its reply already there.
		expect(puts()).toHaveLength(2);
	});

	it('treats a resend of a reply that already got through as delivered, not as a conflict', async () => {
		const {desk, fake, puts} = await onFake();
		const stamp = String(fake.tickets.get(4)?.updated_at);
		const message = {body: 'We have refunded the order.', public: true};
		const first = await desk.sendMessage('4', message, {expectedUpdatedAt: stamp});
		const again = await desk.sendMessage('4', message, {expectedUpdatedAt: stamp});
		expect(again.messageId).toBe(first.messageId);
		expect(puts()).toHaveLength(1);
		expect(fake.comments.get(4)?.filter((comment) => comment.body === message.body)).toHaveLength(1);
	});

	it('maps a 422 with field details to an invalid ProviderError', async () => {
		const {desk, fake} = await onFake();
		fake.intercept = (request) =>
			request.method === 'PUT' ? {status: 422, json: errorBody('422_required_custom_field')} : undefined;
		const failure = await failureOf(desk.updateTicket('2', {status: 'solved'}, {}));
		expect((failure as ProviderError).kind).toBe('invalid');
		expect((failure as Error).message).toContain('base: Application URL: is invalid');
	});

	it('stops at 30 updates of one ticket in 10 minutes without sending the 31st', async () => {
		const {desk, puts, clock} = await onFake();
		for (let index = 0; index < 30; index++) {
			await desk.updateTicket('2', {priority: index % 2 === 0 ? 'high' : 'low'}, {});
			clock.advance(1000);
		}
		const failure = await failureOf(desk.updateTicket('2', {priority: 'urgent'}, {}));
		expect((failure as ProviderError).kind).toBe('temporary');
		expect((failure as ProviderError).hint).toMatch(/Try again in \d+ minutes/);
		expect(puts()).toHaveLength(30);
		clock.advance(10 * 60_000);
		await desk.updateTicket('2', {priority: 'urgent'}, {});
		expect(puts()).toHaveLength(31);
	});
});
