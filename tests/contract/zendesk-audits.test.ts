import {afterEach, describe, expect, it} from 'vitest';
import {AuthError} from '../../src/errors.js';
import {kpiMessageOf, type TicketFacts} from '../../src/providers/help-desk.js';
import {createVirtualClock} from '../support/fake-server.js';
import {automationVia, triggerVia} from './fake-zendesk.js';
import {zendeskOnFake} from './zendesk-setup.js';

// The KPI export reads each ticket's audits (not its comments): the same public thread, in the same number of
// requests, plus who solved it.

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
	await close?.();
	close = undefined;
});

async function onFake(tickets = 30) {
	const clock = createVirtualClock();
	const setup = await zendeskOnFake({clock, tickets});
	close = setup.close;
	return {...setup, clock};
}

const pagesOf = (requests: readonly {pathname: string}[], path: string): number =>
	requests.filter((request) => request.pathname === path).length;

describe('Zendesk KPI thread from the audits', () => {
	it('gives the same KPI messages as the comments, in as many requests per ticket', async () => {
		const {desk, fake, clock} = await onFake();
		// Three pages either way: 231 comments, public and internal, by the requester and an agent.
		for (let index = 0; index < 230; index++) {
			clock.advance(1000);
			fake.addComment(2, index % 2 === 0 ? 2002 : 1001, `message ${index}`, index % 3 !== 0);
		}
		// A public comment by Zendesk itself (left out), and a chat where the comments name their own channel.
		fake.addComment(4, -1, 'Your request was received.', true);
		for (const author of [1002, 2005]) {
			const line = fake.addComment(5, author, 'chat line', true);
			line.via = {channel: 'chat', source: {from: {}, to: {}, rel: null}};
		}
		// Two comments in the same second: the earlier id first, either way.
		const ticket = fake.tickets.get(8);
		for (const author of [1001, 2008]) {
			const comment = fake.addComment(8, author, 'same second', true);
			comment.created_at = '2026-03-01T10:00:00Z';
		}
		if (ticket) ticket.updated_at = '2026-03-01T10:00:00Z';

		const exported = (await desk.exportTicketFacts(null)).items;
		expect(exported).toHaveLength(30);
		const during = [...fake.requests];
		expect(during.some((request) => request.pathname.includes('/comments'))).toBe(false);
		for (const facts of exported) {
			const before = fake.requests.length;
			const thread = await desk.getThread(facts.ticket.id);
			const fromComments = thread.messages
				.filter((message) => message.public && (message.author.role === 'agent' || message.author.role === 'customer'))
				.map(kpiMessageOf);
			expect(facts.publicMessages, `ticket ${facts.ticket.id}`).toEqual(fromComments);
			const id = facts.ticket.id;
			const commentPages = pagesOf(fake.requests.slice(before), `/api/v2/tickets/${id}/comments.json`);
			expect(pagesOf(during, `/api/v2/tickets/${id}/audits.json`), `ticket ${id}`).toBe(commentPages);
		}
		const long = exported.find((facts) => facts.ticket.id === '2');
		expect(long?.publicMessages).toHaveLength(1 + 153);
		expect(pagesOf(during, '/api/v2/tickets/2/audits.json')).toBe(3);
		expect(exported.find((facts) => facts.ticket.id === '5')?.publicMessages?.slice(-2)).toEqual([
			expect.objectContaining({channel: 'chat', agent: expect.objectContaining({email: 'dana@example.com'})}),
			expect.objectContaining({channel: 'chat', agent: null}),
		]);
		expect(exported.find((facts) => facts.ticket.id === '4')?.publicMessages).toHaveLength(1);
		const audits = during.filter((request) => request.pathname.endsWith('/audits.json'));
		expect(audits.every((request) => request.query.get('include') === 'users')).toBe(true);
		expect(audits.every((request) => request.query.get('page[size]') === '100')).toBe(true);
	});

	it('credits a solve to the agent whose audit last solved it; a trigger’s, automation’s or requester’s to the assignee', async () => {
		const {desk, fake} = await onFake();
		const [agent, dana] = [fake.me.id, 1002];
		const ref = (id: number) => ({id: String(id), name: fake.users.get(id)?.name, email: fake.users.get(id)?.email});
		// Assigned to Agent Smith (ids divisible by 3), unless said otherwise.
		fake.addComment(3, dana, 'Fixed it for you.', true);
		fake.setStatus(3, dana, 'solved');
		fake.setStatus(6, -1, 'solved', triggerVia);
		fake.setStatus(12, 2012, 'solved');
		// Assigned to Dana: she solves, the customer reopens, Agent Smith solves it again.
		fake.setStatus(10, dana, 'solved');
		fake.setStatus(10, 2010, 'open');
		fake.setStatus(10, agent, 'solved');
		// Solved by Dana, reopened: not solved now, nobody's solve.
		fake.setStatus(15, dana, 'solved');
		fake.setStatus(15, 2015, 'open');
		// Closed straight from open by Dana is her solve; an automation closing a solved ticket is not a solve.
		fake.setStatus(18, dana, 'closed');
		fake.setStatus(21, dana, 'solved');
		fake.setStatus(21, -1, 'closed', automationVia);
		expect([3, 6, 12, 15, 18, 21].map((id) => fake.tickets.get(id)?.assignee_id)).toEqual(Array(6).fill(agent));
		expect(fake.tickets.get(10)?.assignee_id).toBe(dana);

		const items = (await desk.exportTicketFacts(null)).items;
		const solvedBy = (id: number): TicketFacts['solvedBy'] =>
			items.find((facts) => facts.ticket.id === String(id))?.solvedBy;
		expect(solvedBy(3)).toEqual(ref(dana));
		expect(solvedBy(6)).toEqual(ref(agent));
		expect(solvedBy(12)).toEqual(ref(agent));
		expect(solvedBy(10)).toEqual(ref(agent));
		expect(solvedBy(15)).toBeNull();
		expect(solvedBy(18)).toEqual(ref(dana));
		expect(solvedBy(21)).toEqual(ref(dana));
		// A ticket the fake made solved with nobody assigned was solved by a trigger: nobody's solve.
		expect(fake.tickets.get(22)).toMatchObject({status: 'solved', assignee_id: null});
		expect(solvedBy(22)).toBeNull();
	});

	it('leaves a ticket whose audits cannot be read as it was, and still stops on an expired credential', async () => {
		const {desk, fake} = await onFake();
		fake.setStatus(3, 1002, 'solved');
		fake.intercept = (request) =>
			request.pathname === '/api/v2/tickets/3/audits.json' ? {status: 404, json: {error: 'RecordNotFound'}} : undefined;
		const items = (await desk.exportTicketFacts(null)).items;
		const three = items.find((facts) => facts.ticket.id === '3');
		expect(three?.publicMessages).toBeUndefined();
		expect(three?.solvedBy).toBeUndefined();
		expect(items.find((facts) => facts.ticket.id === '4')?.publicMessages).toHaveLength(1);
		fake.intercept = (request) =>
			request.pathname === '/api/v2/tickets/3/audits.json'
				? {status: 401, json: {error: 'Couldn’t authenticate you'}}
				: undefined;
		await expect(desk.exportTicketFacts(null)).rejects.toBeInstanceOf(AuthError);
	});

	it('falls back to the comments when the token may not read audits (403), the solve then to the assignee', async () => {
		const {desk, fake} = await onFake();
		fake.addComment(3, 1002, 'Fixed it for you.', true);
		fake.setStatus(3, 1002, 'solved');
		const forbidden = {status: 403, json: {error: 'Forbidden', description: 'You do not have access to this page.'}};
		fake.intercept = (request) => (request.pathname.endsWith('/audits.json') ? forbidden : undefined);
		const items = (await desk.exportTicketFacts(null)).items;
		const three = items.find((facts) => facts.ticket.id === '3');
		expect(three?.publicMessages?.map((message) => message.agent?.email ?? null)).toEqual([null, 'dana@example.com']);
		expect(three?.solvedBy?.id).toBe(String(fake.me.id));
		// Only the reads already under way when the first 403 came asked for audits (4 at a time).
		const audits = fake.requests.filter((request) => request.pathname.endsWith('/audits.json'));
		expect(audits.length).toBeGreaterThan(0);
		expect(audits.length).toBeLessThanOrEqual(4);
		expect(fake.requests.filter((request) => request.pathname.endsWith('/comments.json'))).toHaveLength(30);
	});

	it('stops when the comments are refused as well: the credentials’ problem, as before', async () => {
		const {desk, fake} = await onFake();
		const forbidden = {status: 403, json: {error: 'Forbidden', description: 'You do not have access to this page.'}};
		fake.intercept = (request) => (/\/(audits|comments)\.json$/.test(request.pathname) ? forbidden : undefined);
		await expect(desk.exportTicketFacts(null)).rejects.toBeInstanceOf(AuthError);
	});
});
