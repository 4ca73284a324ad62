import {afterEach, describe, expect, it} from 'vitest';
import {createVirtualClock} from '../support/fake-server.js';
import {freshdeskOnFake} from './freshdesk-setup.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
	await close?.();
	close = undefined;
});

describe('Freshdesk customer context is best effort', () => {
	it('a refused list of the requester’s tickets and a failing ratings call leave the thread whole', async () => {
		const clock = createVirtualClock();
		const setup = await freshdeskOnFake({clock, tickets: 10});
		close = setup.close;
		const {fake, desk} = setup;
		fake.intercept = (request) => {
			if (request.pathname === '/api/v2/tickets' && request.query.has('requester_id'))
				return {status: 403, json: {code: 'access_denied', message: 'You are not authorized to perform this action.'}};
			if (request.pathname === '/api/v2/surveys/satisfaction_ratings') return {status: 500, json: {}};
			return undefined;
		};
		const thread = await desk.getThread('2');
		expect(thread.ticket.id).toBe('2');
		expect(thread.messages.length).toBeGreaterThan(0);
		expect(thread.customer.recentTickets).toEqual([]);
		expect(thread.customer.notVisible).toEqual(['recentTickets', 'lastCsat']);
		fake.intercept = undefined;
		expect((await desk.getThread('2')).customer.notVisible).toBeUndefined();
	});
});
